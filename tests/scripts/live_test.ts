// The live check (scripts/live.ts) is off by default and needs a key; here it
// runs against the mock, so the script keeps working and the mock keeps
// answering what the live check expects of the real API.
import { serveMock } from "../../testing.ts";
import { assert, assertEquals } from "../_assert.ts";
import { liveCheck, type LiveResult } from "../../scripts/live.ts";

// The labels of the failed steps, run against a served mock through `fetch`.
async function failedSteps(fetch?: typeof globalThis.fetch): Promise<string[]> {
  await using server = await serveMock({ apiKey: "sk-live-test" });
  const results: LiveResult[] = await liveCheck({
    baseURL: server.url,
    apiKey: "sk-live-test",
    chatModel: "gpt-3.5-turbo",
    embeddingModel: "text-embedding-ada-002",
    fetch,
  });
  assert(results.length >= 10, `${results.length} steps`);
  return results.filter((r) => r.problems.length).map((r) => r.label);
}

Deno.test("the live check passes against the mock, every step", async () => {
  assertEquals(await failedSteps(), []);
});

Deno.test("the live check reports a response that breaks the spec", async () => {
  // Chat completions without `choices` must fail that step only.
  const failed = await failedSteps(async (input, init) => {
    const response = await fetch(input, init);
    const url = String(input instanceof Request ? input.url : input);
    if (
      !url.endsWith("/chat/completions") ||
      init?.body?.toString().includes('"stream":true')
    ) {
      return response;
    }
    const { choices: _, ...rest } = await response.json();
    return Response.json(rest);
  });
  assertEquals(failed, ["chat.completions.create"]);
});
