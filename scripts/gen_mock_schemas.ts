/**
 * Generates `src/testing/request_schemas.ts`, the request-body schemas of
 * `spec/openapi.yaml` in the compact form the mock checks requests against.
 * The mock runs where files cannot be read (workerd, browsers), so the spec
 * is compiled into a module; `tests/testing/request_schemas_test.ts` fails
 * when the module is out of date with the spec.
 *
 * Run after changing the spec: `deno task mock-schemas`.
 *
 * @module
 */

import { parse } from "yaml";

type Node = { [keyword: string]: unknown };

// The keywords the mock's checker understands; everything else (description,
// example, default, x-*) is documentation and is dropped.
const KEPT = [
  "type",
  "nullable",
  "enum",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "required",
];

const isNode = (x: unknown): x is Node =>
  typeof x === "object" && x !== null && !Array.isArray(x);

function resolve(spec: Node, node: unknown): Node {
  let current = node;
  for (let hops = 0; isNode(current) && typeof current.$ref === "string";) {
    if (++hops > 20) throw new Error(`Cannot resolve $ref ${current.$ref}`);
    let target: unknown = spec;
    for (const key of current.$ref.slice(2).split("/")) {
      target = isNode(target) ? target[key] : undefined;
    }
    if (target === undefined) {
      throw new Error(`Cannot resolve $ref ${current.$ref}`);
    }
    current = target;
  }
  if (!isNode(current)) throw new Error(`Not a schema: ${String(current)}`);
  return current;
}

function compact(spec: Node, node: unknown): Node {
  const source = resolve(spec, node);
  // allOf parts are merged into one schema (later keywords win).
  let merged: Node = { ...source };
  delete merged.allOf;
  for (const part of (source.allOf ?? []) as unknown[]) {
    merged = { ...compact(spec, part), ...merged };
  }
  const out: Node = {};
  for (const key of KEPT) if (merged[key] !== undefined) out[key] = merged[key];
  if (merged.format === "binary") out.binary = true;
  if (merged.items !== undefined) out.items = compact(spec, merged.items);
  if (isNode(merged.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(merged.properties).map((
        [name, sub],
      ) => [name, compact(spec, sub)]),
    );
  }
  const extra = merged.additionalProperties;
  if (extra !== undefined) {
    out.additionalProperties = isNode(extra) ? compact(spec, extra) : extra;
  }
  const choices = (merged.oneOf ?? merged.anyOf) as unknown[] | undefined;
  if (choices) out.oneOf = choices.map((c) => compact(spec, c));
  return out;
}

/**
 * Renders the module text for `specText` (the YAML of the spec): one entry
 * per operation with a request body, by operationId.
 *
 * @example
 * ```ts ignore
 * import { renderSchemas } from "./gen_mock_schemas.ts";
 * const text = renderSchemas(await Deno.readTextFile("spec/openapi.yaml"));
 * ```
 */
export function renderSchemas(specText: string): string {
  const spec = parse(specText) as Node;
  const lines: string[] = [];
  for (const item of Object.values(spec.paths as Node)) {
    for (const op of Object.values(item as Node)) {
      if (!isNode(op) || !op.requestBody) continue;
      const content = resolve(spec, op.requestBody).content as Node;
      const [media, entry] = Object.entries(content)[0] as [string, Node];
      const schema = compact(spec, entry.schema);
      const kind = media === "multipart/form-data" ? "multipart" : "json";
      lines.push(`  ${op.operationId}: {`, `    media: "${kind}",`);
      for (const [key, value] of Object.entries(schema)) {
        if (key !== "properties") {
          lines.push(`    ${key}: ${JSON.stringify(value)},`);
          continue;
        }
        lines.push("    properties: {");
        for (const [name, sub] of Object.entries(value as Node)) {
          lines.push(`      ${JSON.stringify(name)}: ${JSON.stringify(sub)},`);
        }
        lines.push("    },");
      }
      lines.push("  },");
    }
  }
  return `// deno-fmt-ignore-file
// Generated from spec/openapi.yaml by scripts/gen_mock_schemas.ts: do not
// edit. tests/testing/request_schemas_test.ts fails when it is out of date.
/**
 * The request bodies of every operation in \`spec/openapi.yaml\`, compiled
 * so the mock can check requests without reading files.
 *
 * @module
 */

import type { RequestSchema } from "./validate.ts";

/**
 * Request-body schemas by operationId.
 *
 * @example
 * \`\`\`ts
 * import { REQUEST_SCHEMAS } from "./request_schemas.ts";
 * REQUEST_SCHEMAS.createChatCompletion.required; // ["model", "messages"]
 * \`\`\`
 */
export const REQUEST_SCHEMAS: Readonly<Record<string, RequestSchema>> = {
${lines.join("\n")}
};
`;
}

if (import.meta.main) {
  const root = new URL("../", import.meta.url);
  const text = renderSchemas(
    await Deno.readTextFile(new URL("spec/openapi.yaml", root)),
  );
  const out = new URL("src/testing/request_schemas.ts", root);
  await Deno.writeTextFile(out, text);
  console.log(`Wrote ${out.pathname} (${text.length} bytes)`);
}
