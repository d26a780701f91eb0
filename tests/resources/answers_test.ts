import { BadRequestError } from "../../mod.ts";
import { assertEquals, assertRejects } from "../_assert.ts";
import { setup } from "./_helpers.ts";

const base = {
  model: "curie",
  question: "which puppy is happy?",
  documents: ["Puppy A is happy.", "Puppy B is sad."],
  examples_context: "In 2017, U.S. life expectancy was 78.6 years.",
  examples: [["What is human life expectancy?", "78 years."]] as [
    string,
    string,
  ][],
};

Deno.test("answers.create answers from the best matching document", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const res = await client.answers.create({ ...base, n: 2 });
  const req = server.mock.requests.at(-1)!;
  assertEquals(req.method, "POST");
  assertEquals(req.path, "/answers");
  assertEquals(req.headers["content-type"], "application/json");
  assertEquals(req.body, { ...base, n: 2 });
  assertEquals(res.object, "answer");
  assertEquals(res.model, "curie");
  assertEquals(res.search_model, "ada");
  assertEquals(res.completion?.startsWith("cmpl-"), true);
  assertEquals(res.answers, ["Puppy A is happy.", "Puppy A is happy."]);
  assertEquals(res.selected_documents, [
    { document: 0, text: "Puppy A is happy." },
    { document: 1, text: "Puppy B is sad." },
  ]);
  assertEquals(res.prompt, undefined);
});

Deno.test("answers.create returns the prompt when asked", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const res = await client.answers.create({
    ...base,
    search_model: "babbage",
    return_prompt: true,
  });
  assertEquals(res.search_model, "babbage");
  assertEquals(res.prompt?.endsWith("Q: which puppy is happy?\nA:"), true);
});

Deno.test("answers.create maps missing fields to BadRequestError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const err = await assertRejects(
    () => client.answers.create({ ...base, examples: [] }),
    BadRequestError,
    "Invalid examples",
  );
  assertEquals((err as BadRequestError).param, "examples");
  await assertRejects(
    () => client.answers.create({ ...base, question: "" }),
    BadRequestError,
    "question",
  );
});
