// An error status whose body stalls: the caller's abort and the timeout still
// end the call as what they are, not as the status error; and an abort that
// comes after retries is not reported as retries that gave up.
import OpenAI, {
  APIConnectionTimeoutError,
  APIUserAbortError,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { KEY, test } from "./_helpers.ts";

// A server answering 400 with half an error body, then nothing until the
// client leaves; `released` resolves when it does.
function stallingErrorBody(status = 400) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => release = resolve);
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"error":{"mess'));
          },
          cancel: () => release(),
        }),
        { status, headers: { "content-type": "application/json" } },
      ),
  );
  const client = (options = {}) =>
    new OpenAI({
      apiKey: KEY,
      baseURL: `http://127.0.0.1:${server.addr.port}/v1`,
      maxRetries: 0,
      ...options,
    });
  return { server, client, released };
}

test("abort while an error body is read → APIUserAbortError, not the status error", async () => {
  const { server, client, released } = stallingErrorBody();
  try {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await assertRejects(
      () => client().models.list({ signal: controller.signal }),
      APIUserAbortError,
    );
    assertEquals(error.constructor, APIUserAbortError);
    await released;
  } finally {
    await server.shutdown();
  }
});

test("timeout while an error body is read → APIConnectionTimeoutError", async () => {
  const { server, client, released } = stallingErrorBody();
  try {
    await assertRejects(
      () => client({ timeout: 150 }).models.list(),
      APIConnectionTimeoutError,
      "timed out after 150 ms",
    );
    await released;
  } finally {
    await server.shutdown();
  }
});

test("an abort during the wait after a failed attempt does not claim retries gave up", async () => {
  let attempts = 0;
  const controller = new AbortController();
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: "http://stub.local/v1",
    maxRetries: 3,
    fetch: () => {
      attempts++;
      // The second attempt is cut by the caller while it waits for headers.
      if (attempts === 2) {
        setTimeout(() => controller.abort(), 10);
        return new Promise((_, reject) =>
          controller.signal.addEventListener(
            "abort",
            () => reject(controller.signal.reason),
          )
        );
      }
      return Promise.reject(new TypeError("connection refused"));
    },
  });
  const error = await assertRejects(
    () => client.models.list({ signal: controller.signal }),
    APIUserAbortError,
  );
  assertEquals(attempts, 2);
  assert(!error.message.includes("gave up"), error.message);
});
