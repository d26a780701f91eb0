import { assertEquals } from "../_assert.ts";
import { renderSchemas } from "../../scripts/gen_mock_schemas.ts";

const root = new URL("../../", import.meta.url);
const read = (path: string) => Deno.readTextFile(new URL(path, root));

Deno.test("src/testing/request_schemas.ts is generated from the current spec", async () => {
  const expected = renderSchemas(await read("spec/openapi.yaml"));
  const actual = await read("src/testing/request_schemas.ts");
  assertEquals(
    actual === expected,
    true,
    "src/testing/request_schemas.ts is out of date with spec/openapi.yaml: run `deno run --allow-read=spec --allow-write=src/testing --allow-env=LOG_TOKENS,LOG_STREAM scripts/gen_mock_schemas.ts`",
  );
});

Deno.test("the generated schemas follow a change to the spec", async () => {
  // Guards against a generator that ignores its input.
  const spec = await read("spec/openapi.yaml");
  const changed = spec.replace(
    "temperature: { type: number, minimum: 0, maximum: 1, default: 0 }",
    "temperature: { type: number, minimum: 0, maximum: 0.5, default: 0 }",
  );
  assertEquals(changed === spec, false);
  assertEquals(renderSchemas(changed) === renderSchemas(spec), false);
  assertEquals(renderSchemas(changed).includes('"maximum":0.5'), true);
});
