import OpenAI from "openai";
import { assertEquals } from "../_assert.ts";
import { MockOpenAI } from "../../testing.ts";

const JSONL = '{"prompt":"a","completion":"b"}\n';

function officialClient(mock: MockOpenAI): OpenAI {
  return new OpenAI({
    apiKey: "sk-test",
    baseURL: "http://mock.local/v1",
    fetch: mock.fetch,
    maxRetries: 0,
  });
}

Deno.test("mock: an uploaded file is processed by its first retrieve, so the official SDK's waitForProcessing returns at once", async () => {
  const mock = new MockOpenAI();
  const client = officialClient(mock);
  const file = await client.files.create({
    file: new File([JSONL], "train.jsonl"),
    purpose: "fine-tune",
  });
  assertEquals(file.status, "uploaded");
  // The SDK's default interval (5 s) is never waited out.
  const done = await client.files.waitForProcessing(file.id);
  assertEquals(done.status, "processed");
  // The SDK's probe of fetch's FormData support (a data: URL) is not an API
  // request, and the mock does not record it as one.
  assertEquals(
    mock.requests.map((r) => `${r.method} ${r.path}`),
    ["POST /files", `GET /files/${file.id}`],
  );
  const listed = await client.files.list();
  assertEquals(listed.data.map((f) => f.status), ["processed"]);
});
