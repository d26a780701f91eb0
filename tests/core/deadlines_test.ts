import { APIConnectionTimeoutError } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { inProcess } from "./_helpers.ts";

// The transport keeps one timer for all calls in flight; these pin that a
// short deadline is not hidden behind a longer one armed first, and that the
// timer goes away with the last call (the sanitizers would flag it).

Deno.test("a short timeout fires on time while a longer call is in flight", async () => {
  const { client, mock } = inProcess({ timeout: 5_000, maxRetries: 0 });
  mock.fault({ delayMs: 300 });
  mock.fault({ delayMs: 2_000 });
  const slow = client.models.list();
  const started = Date.now();
  const short = assertRejects(
    () => client.models.list({ timeout: 50 }),
    APIConnectionTimeoutError,
    "timed out after 50 ms",
  );
  await short;
  assert(Date.now() - started < 250);
  assertEquals((await slow).object, "list");
});

Deno.test("calls timing out together each get their own timeout error", async () => {
  const { client, mock } = inProcess({ timeout: 40, maxRetries: 0 });
  mock.fault({ delayMs: 2_000, times: 3 });
  const results = await Promise.allSettled([
    client.models.list(),
    client.models.list({ timeout: 60 }),
    client.models.list(),
  ]);
  for (const result of results) {
    assert(result.status === "rejected");
    assert(result.reason instanceof APIConnectionTimeoutError);
  }
});
