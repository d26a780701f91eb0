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

Deno.test("mock: an uploaded file is processed by the second retrieve, so the official SDK's waitForProcessing returns", async () => {
  const mock = new MockOpenAI();
  const client = officialClient(mock);
  const file = await client.files.create({
    file: new File([JSONL], "train.jsonl"),
    purpose: "fine-tune",
  });
  assertEquals(file.status, "uploaded");
  const done = await client.files.waitForProcessing(file.id, {
    pollInterval: 1,
    maxWait: 5_000,
  });
  assertEquals(done.status, "processed");
  // One poll saw it uploaded, the next processed. (The SDK also fetches a
  // data: URL once to probe fetch's FormData support: left out.)
  assertEquals(
    mock.requests.filter((r) => r.url.startsWith("http:"))
      .map((r) => `${r.method} ${r.path}`),
    ["POST /files", `GET /files/${file.id}`, `GET /files/${file.id}`],
  );
  const listed = await client.files.list();
  assertEquals(listed.data.map((f) => f.status), ["processed"]);
});
