/**
 * The mock's server-sent-events writer: lazy, pull-based, with byte-level
 * chunking, CRLF line endings and stream faults.
 *
 * @module
 */

import { errorBody } from "./errors.ts";
import type { Fault } from "./mock.ts";

/** How {@linkcode sseResponse} writes its events. */
export interface SseOptions {
  /** Re-chunk the body into pieces of this many bytes; default one per event. */
  chunkSize?: number;
  /** End lines with CRLF instead of LF. */
  crlf?: boolean;
  /** The stream-shaping fields of this fault apply. */
  fault?: Fault;
  /**
   * Stops a stalled stream when the client goes away. Read only when the
   * stream stalls: Deno.serve warns once a request's signal is touched.
   */
  signal?: AbortSignal;
}

const STALL = Symbol("stall");
const DONE = Symbol("done");
const encoder = new TextEncoder();

function frame(data: string, eol: string): string {
  if (!/[\r\n]/.test(data)) return `data: ${data}${eol}${eol}`;
  return data.split(/\r\n|\r|\n/).map((line) => `data: ${line}${eol}`).join(
    "",
  ) + eol;
}

function stringify(event: unknown): string {
  return typeof event === "string" ? event : JSON.stringify(event);
}

// Pads the event with an extra field so its data is exactly `bytes` long
// while staying a valid chunk; too small a size gives plain filler.
function oversized(event: unknown, bytes: number): string {
  if (event !== null && typeof event === "object" && !Array.isArray(event)) {
    const base = JSON.stringify({ ...event, x_padding: "" });
    const pad = bytes - encoder.encode(base).length;
    if (pad >= 0) {
      return JSON.stringify({ ...event, x_padding: "x".repeat(pad) });
    }
  }
  return "x".repeat(bytes);
}

function* wire(
  events: Iterable<unknown>,
  done: boolean,
  fault: Fault | undefined,
  eol: string,
): Generator<string | typeof STALL> {
  let index = 0;
  const all = done ? [events, [DONE]] : [events];
  for (const part of all) {
    for (const event of part) {
      if (fault?.cutAfter === index) return;
      if (fault?.stallAfter === index) return yield STALL;
      if (fault?.errorEventAt === index) {
        const body = errorBody(500, "The mock stream failed on purpose");
        return yield frame(JSON.stringify(body), eol);
      }
      let data = event === DONE ? "[DONE]" : stringify(event);
      if (fault?.malformedAt === index && event !== DONE) {
        data = data.startsWith("{") ? data.slice(0, -1) : `{${data}`;
      }
      if (fault?.oversizedAt?.index === index && event !== DONE) {
        data = oversized(event, fault.oversizedAt.bytes);
      }
      yield frame(data, eol);
      index++;
    }
  }
  if (fault?.stallAfter !== undefined && fault.stallAfter >= index) {
    yield STALL;
  }
}

/**
 * Builds a streamed `text/event-stream` response. Nothing is encoded until
 * the client reads, and cancelling the body stops generation.
 *
 * @example Two events then `[DONE]`, three bytes per chunk
 * ```ts
 * import { sseResponse } from "./sse.ts";
 * const res = sseResponse([{ a: 1 }, "hi"], true, { chunkSize: 3 });
 * await res.text(); // 'data: {"a":1}\n\ndata: hi\n\ndata: [DONE]\n\n'
 * ```
 */
export function sseResponse(
  events: Iterable<unknown>,
  done = true,
  options: SseOptions = {},
): Response {
  const { chunkSize } = options;
  const parts = wire(events, done, options.fault, options.crlf ? "\r\n" : "\n");
  let pending = new Uint8Array(0);
  let wake: (() => void) | undefined;

  // Waits until the body is cancelled or the client's signal aborts.
  const stall = async (controller: ReadableStreamDefaultController) => {
    const signal = options.signal;
    let onAbort = () => {};
    // A timer keeps the wait alive where a promise alone would not: workerd
    // cancels a Worker (the mock served as one) whose only pending work is
    // a promise nothing will settle.
    const alive = setInterval(() => {}, 60_000);
    await new Promise<void>((resolve) => {
      wake = onAbort = () => resolve();
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    clearInterval(alive);
    // A lingering listener would fire when Deno.serve finishes the response.
    signal?.removeEventListener("abort", onAbort);
    if (signal?.aborted) controller.error(signal.reason);
  };

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (!chunkSize || pending.length < chunkSize) {
        const next = parts.next();
        if (next.done || next.value === STALL) {
          if (pending.length) controller.enqueue(pending);
          pending = new Uint8Array(0);
          if (next.done) return controller.close();
          return await stall(controller);
        }
        const bytes = encoder.encode(next.value);
        if (!chunkSize) return controller.enqueue(bytes);
        if (!pending.length) pending = bytes;
        else {
          const joined = new Uint8Array(pending.length + bytes.length);
          joined.set(pending);
          joined.set(bytes, pending.length);
          pending = joined;
        }
      }
      controller.enqueue(pending.subarray(0, chunkSize));
      pending = pending.subarray(chunkSize);
    },
    cancel() {
      wake?.();
      parts.return(undefined);
    },
  }, { highWaterMark: 0 });

  return new Response(body, {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
    },
  });
}
