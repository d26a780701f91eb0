// Search, answers and classifications read an uploaded file's JSONL lines
// as their documents or examples, as the API did.
import { assert, assertEquals } from "../_assert.ts";
import { MockOpenAI } from "../../testing.ts";
import { AUTH } from "./_helpers.ts";

const BASE = "http://mock.local/v1";

async function upload(
  mock: MockOpenAI,
  purpose: string,
  lines: unknown[],
): Promise<string> {
  const form = new FormData();
  form.append("purpose", purpose);
  const text = lines.map((l) => typeof l === "string" ? l : JSON.stringify(l))
    .join("\n") + "\n";
  form.append("file", new File([text], "docs.jsonl"));
  const res = await mock.fetch(`${BASE}/files`, {
    method: "POST",
    headers: { authorization: AUTH.authorization },
    body: form,
  });
  assertEquals(res.status, 200);
  return (await res.json()).id;
}

async function post(mock: MockOpenAI, path: string, body: unknown) {
  const res = await mock.fetch(`${BASE}${path}`, {
    method: "POST",
    headers: AUTH,
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

Deno.test("mock: search reads an uploaded search file, with metadata and max_rerank", async () => {
  const mock = new MockOpenAI();
  const file = await upload(mock, "search", [
    { text: "White House", metadata: "building" },
    { text: "the president spoke" },
    { text: "hospital", metadata: "place" },
  ]);
  const all = await post(mock, "/engines/ada/search", {
    query: "the president",
    file,
  });
  assertEquals(all.status, 200);
  assertEquals(all.json.data, [
    { object: "search_result", document: 0, score: 0 },
    { object: "search_result", document: 1, score: 300 },
    { object: "search_result", document: 2, score: 0 },
  ]);
  const best = await post(mock, "/engines/ada/search", {
    query: "white house",
    file,
    max_rerank: 1,
    return_metadata: true,
  });
  assertEquals(best.json.data, [
    { object: "search_result", document: 0, score: 300, metadata: "building" },
  ]);
});

Deno.test("mock: answers and classifications read uploaded files of their purpose", async () => {
  const mock = new MockOpenAI();
  const docs = await upload(mock, "answers", [
    { text: "Puppy A is happy." },
    { text: "Puppy B is sad." },
  ]);
  const answer = await post(mock, "/answers", {
    model: "curie",
    question: "which puppy is happy?",
    examples: [["What is human life expectancy?", "78 years."]],
    examples_context: "In 2017, U.S. life expectancy was 78.6 years.",
    file: docs,
  });
  assertEquals(answer.status, 200);
  assertEquals(answer.json.answers, ["Puppy A is happy."]);
  assertEquals(answer.json.selected_documents[0], {
    document: 0,
    text: "Puppy A is happy.",
  });
  const examples = await upload(mock, "classifications", [
    { text: "I love this movie", label: "Positive" },
    { text: "I hate this movie", label: "Negative", metadata: "review" },
  ]);
  const labelled = await post(mock, "/classifications", {
    model: "curie",
    query: "hate it",
    file: examples,
    return_metadata: true,
  });
  assertEquals(labelled.status, 200);
  assertEquals(labelled.json.label, "Negative");
  assertEquals(labelled.json.selected_examples[0], {
    document: 1,
    text: "I hate this movie",
    label: "Negative",
    metadata: "review",
  });
});

Deno.test("mock: a missing file is 404, a wrong purpose or a malformed line 400", async () => {
  const mock = new MockOpenAI();
  const search = { query: "q" };
  const missing = await post(mock, "/engines/ada/search", {
    ...search,
    file: "file-nope",
  });
  assertEquals(missing.status, 404);
  assertEquals(missing.json, {
    error: {
      message: "No such File object: file-nope",
      type: "invalid_request_error",
      param: "file",
      code: null,
    },
  });
  const tune = await upload(mock, "fine-tune", [{
    prompt: "a",
    completion: "b",
  }]);
  const wrong = await post(mock, "/engines/ada/search", {
    ...search,
    file: tune,
  });
  assertEquals([wrong.status, wrong.json.error.param], [400, "file"]);
  assert(
    wrong.json.error.message.includes("'fine-tune'") &&
      wrong.json.error.message.includes("'search'"),
    wrong.json.error.message,
  );
  const cases: [string, string, unknown[], string][] = [
    ["/engines/ada/search", "search", [{ text: "a" }, "{oops"], "line 2"],
    ["/engines/ada/search", "search", [{ title: "a" }], '"text"'],
    ["/engines/ada/search", "search", [{ text: "a", metadata: 1 }], "metadata"],
    ["/classifications", "classifications", [{ text: "a" }], '"label"'],
    ["/answers", "answers", [], "no documents"],
  ];
  for (const [path, purpose, lines, says] of cases) {
    const file = await upload(mock, purpose, lines);
    const body = path === "/engines/ada/search"
      ? { ...search, file }
      : path === "/answers"
      ? {
        model: "curie",
        question: "q",
        examples: [["q", "a"]],
        examples_context: "c",
        file,
      }
      : { model: "curie", query: "q", file };
    const res = await post(mock, path, body);
    assertEquals([res.status, res.json.error.param], [400, "file"], says);
    assert(res.json.error.message.includes(file), res.json.error.message);
    assert(res.json.error.message.includes(says), res.json.error.message);
  }
});

Deno.test("mock: without max_rerank a file search keeps the spec's default of 200 documents", async () => {
  const mock = new MockOpenAI();
  const lines = Array.from({ length: 250 }, (_, i) => ({ text: `doc ${i}` }));
  const file = await upload(mock, "search", lines);
  for (const max_rerank of [undefined, null]) {
    const res = await post(mock, "/engines/ada/search", {
      query: "doc",
      file,
      max_rerank,
    });
    assertEquals([res.status, res.json.data.length], [200, 200]);
  }
});
