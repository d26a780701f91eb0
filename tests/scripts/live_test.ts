// The live check (scripts/live.ts) is off by default and needs a key; here it
// runs against the mock, so the script keeps working and the mock keeps
// answering what the live check expects of the real API.
import { serveMock } from "../../testing.ts";
import { assert, assertEquals } from "../_assert.ts";
import { liveCheck } from "../../scripts/live.ts";

Deno.test("the live check passes against the mock, every step", async () => {
  await using server = await serveMock({ apiKey: "sk-live-test" });
  const results = await liveCheck({
    baseURL: server.url,
    apiKey: "sk-live-test",
    chatModel: "gpt-3.5-turbo",
    embeddingModel: "text-embedding-ada-002",
  });
  assert(results.length >= 10, `${results.length} steps`);
  assertEquals(results.filter((r) => r.problems.length), []);
});

Deno.test("the live check reports a response that breaks the spec", async () => {
  await using server = await serveMock({ apiKey: "sk-live-test" });
  // A server whose chat completions lack `choices` must fail that step only.
  const results = await liveCheck({
    baseURL: server.url,
    apiKey: "sk-live-test",
    chatModel: "gpt-3.5-turbo",
    embeddingModel: "text-embedding-ada-002",
    fetch: async (input, init) => {
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
    },
  });
  const failed = results.filter((r) => r.problems.length).map((r) => r.label);
  assertEquals(failed, ["chat.completions.create"]);
});
