import { BadRequestError, NotFoundError } from "../../mod.ts";
import { assertEquals, assertRejects } from "../_assert.ts";
import { setup } from "./_helpers.ts";

const examples: [string, string][] = [
  ["A happy moment", "Positive"],
  ["I am sad.", "Negative"],
  ["I am feeling awesome", "Positive"],
];

Deno.test("classifications.create labels like the closest example", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const body = {
    model: "curie",
    query: "It is a raining day and I am sad",
    examples,
    labels: ["Positive", "Negative", "Neutral"],
  };
  const res = await client.classifications.create(body);
  const req = server.mock.requests.at(-1)!;
  assertEquals(req.method, "POST");
  assertEquals(req.path, "/classifications");
  assertEquals(req.headers["content-type"], "application/json");
  assertEquals(req.body, body);
  assertEquals(res.object, "classification");
  assertEquals(res.model, "curie");
  assertEquals(res.search_model, "ada");
  assertEquals(res.label, "Negative");
  assertEquals(res.selected_examples?.[0], {
    document: 1,
    text: "I am sad.",
    label: "Negative",
  });
  assertEquals(res.completion?.startsWith("cmpl-"), true);
});

Deno.test("classifications.create returns the prompt when asked", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const res = await client.classifications.create({
    model: "ada",
    query: "awesome",
    examples,
    return_prompt: true,
  });
  assertEquals(res.label, "Positive");
  assertEquals(res.prompt?.endsWith("Example: awesome\nLabel:"), true);
});

Deno.test("classifications.create rejects bad examples and unknown files", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    () =>
      client.classifications.create({
        model: "ada",
        query: "q",
        examples: [["only one", "Label"]],
      }),
    BadRequestError,
    "Invalid examples",
  );
  await assertRejects(
    () => client.classifications.create({ model: "ada", query: "q" }),
    BadRequestError,
    "examples or file",
  );
  await assertRejects(
    () =>
      client.classifications.create({
        model: "ada",
        query: "q",
        file: "file-xyz",
      }),
    NotFoundError,
    "file-xyz",
  );
});
