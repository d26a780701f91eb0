/**
 * Calls a `(Request) => Response` handler in-process with the abort
 * behaviour of a network `fetch`.
 *
 * @module
 */

/**
 * Runs `handle(request)` like `fetch` would: rejects with the signal's
 * reason when `request.signal` aborts before the response, and errors the
 * body being read when it aborts later (cancelling the handler's body).
 *
 * @example
 * ```ts
 * import { localFetch } from "./local_fetch.ts";
 * const handle = () => Promise.resolve(new Response("hi"));
 * const res = await localFetch(handle, new Request("http://local/"));
 * await res.text(); // "hi"
 * ```
 */
export async function localFetch(
  handle: (request: Request) => Promise<Response>,
  request: Request,
): Promise<Response> {
  const signal = request.signal;
  signal.throwIfAborted();
  const pending = handle(request);
  const response = await new Promise<Response>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      pending.then((late) => late.body?.cancel(), () => {});
    };
    signal.addEventListener("abort", onAbort, { once: true });
    pending.then((res) => {
      signal.removeEventListener("abort", onAbort);
      resolve(res);
    }, reject);
  });
  if (!response.body) return response;
  return new Response(linkBody(response.body, signal), response);
}

// Mirrors network fetch: an abort after the headers arrived errors the body.
function linkBody(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let onAbort: () => void = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = () => {
        controller.error(signal.reason);
        reader.cancel(signal.reason).catch(() => {});
      };
      signal.addEventListener("abort", onAbort, { once: true });
    },
    async pull(controller) {
      const next = await reader.read().catch((error) => {
        signal.removeEventListener("abort", onAbort);
        controller.error(error);
        return undefined;
      });
      if (!next || signal.aborted) return;
      if (next.done) {
        signal.removeEventListener("abort", onAbort);
        controller.close();
      } else controller.enqueue(next.value);
    },
    cancel(reason) {
      signal.removeEventListener("abort", onAbort);
      return reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
