import { APIConnectionTimeoutError } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { inProcess } from "./_helpers.ts";

// In Deno the transport keeps one timer for all calls in flight; elsewhere
// (Workers above all) each call keeps its own. Both modes run here: the
// per-call one by building the client while `Deno` is hidden. These pin that
// a short deadline is not hidden behind a longer one armed first. That an
// idle shared timer never keeps the process alive is in timeout_test.ts.

type Options = Parameters<typeof inProcess>[0];
const MODES: [string, (options: Options) => ReturnType<typeof inProcess>][] = [
  ["one shared timer", inProcess],
  ["a timer per call", (options) => {
    // Loads Deno's lazy `process` first: loading it needs `Deno`.
    void (globalThis as { process?: unknown }).process;
    const deno = Object.getOwnPropertyDescriptor(globalThis, "Deno")!;
    Object.defineProperty(globalThis, "Deno", {
      configurable: true,
      value: undefined,
    });
    try {
      return inProcess({ organization: null, ...options });
    } finally {
      Object.defineProperty(globalThis, "Deno", deno);
    }
  }],
];

for (const [mode, inProcess] of MODES) {
  Deno.test(`${mode}: a short timeout fires on time while a longer call is in flight`, async () => {
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

  Deno.test(`${mode}: calls timing out together each get their own timeout error`, async () => {
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
}
