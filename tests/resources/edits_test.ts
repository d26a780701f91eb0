import { BadRequestError } from "../../mod.ts";
import { Edits, Transport } from "../../src/entry/edits.ts";
import { serveMock } from "../../testing.ts";
import { assertEquals, assertRejects } from "../_assert.ts";
import { setup } from "./_helpers.ts";

Deno.test("edits.create posts JSON and parses the edit", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const body = {
    model: "text-davinci-edit-001",
    input: "What day of the wek is it?",
    instruction: "Fix the spelling mistakes",
    n: 2,
    temperature: 0,
  };
  const edit = await client.edits.create(body);
  const req = server.mock.requests.at(-1)!;
  assertEquals(req.method, "POST");
  assertEquals(req.path, "/edits");
  assertEquals(req.headers["content-type"], "application/json");
  assertEquals(req.body, body);
  assertEquals(edit.object, "edit");
  assertEquals(edit.choices.length, 2);
  assertEquals(edit.choices[1], {
    text: "Echo: What day of the wek is it?",
    index: 1,
    finish_reason: "stop",
  });
  assertEquals(edit.usage, {
    prompt_tokens: 11,
    completion_tokens: 16,
    total_tokens: 27,
  });
});

Deno.test("edits.create maps a missing instruction to BadRequestError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const err = await assertRejects(
    // @ts-expect-error: instruction is required
    () => client.edits.create({ model: "text-davinci-edit-001", input: "x" }),
    BadRequestError,
    "instruction",
  );
  assertEquals((err as BadRequestError).param, "instruction");
});

Deno.test("edits.create rejects n above 20", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    () =>
      client.edits.create({
        model: "text-davinci-edit-001",
        instruction: "Shout",
        n: 21,
      }),
    BadRequestError,
    "Invalid n: 21",
  );
});

Deno.test("the edits entry point works alone", async () => {
  await using server = await serveMock();
  const edits = new Edits(
    new Transport({ apiKey: "sk-test", baseURL: server.url }),
  );
  const edit = await edits.create({
    model: "code-davinci-edit-001",
    instruction: "Add a comment",
  });
  assertEquals(edit.choices[0].text, "Echo:");
});
