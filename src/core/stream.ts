/**
 * `Stream<T>`: the parsed, async-iterable body of a streamed response.
 *
 * @module
 */

import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  makeAPIError,
  OpenAIError,
} from "./errors.ts";
import { refTimer, weak, whenCollected } from "./env.ts";
import { preview } from "./preview.ts";
import { follow, takeOver } from "./follow.ts";
import { type ServerSentEvent, SSEParser } from "./sse.ts";

/** How a {@link Stream} watches its connection. */
export interface StreamOptions {
  /**
   * Longest silence (ms) allowed between two events before the stream fails
   * with `APIConnectionTimeoutError`. Only time spent waiting for the server
   * counts, and only an event, or bytes of one (a large event sent slowly),
   * ends a silence: comments, such as a proxy's keepalives, do not.
   */
  idleTimeout?: number;
  /**
   * The caller's signal: when it fires the request is cancelled and a
   * `for await` loop ends quietly (a re-encoded stream errors with
   * `APIUserAbortError`).
   */
  signal?: AbortSignal | null;
  /** The response's headers, given to an `APIError` built from an `error` event. */
  headers?: Headers;
  /**
   * The server sends no `data: [DONE]` (newer endpoints, such as the
   * Responses API, end after their last event): a body that ends after a
   * whole event is then complete. One that ends inside an event, or before
   * any, is still cut short.
   */
  noDone?: boolean;
}

const DONE = "[DONE]";
const encoder = new TextEncoder();

/**
 * A server-sent-event stream of JSON chunks. Iterate it once with
 * `for await`; leaving the loop early cancels the HTTP request. It ends at
 * `data: [DONE]`; a body that ends without it throws `APIConnectionError`, an
 * `error` payload throws `APIError`.
 *
 * @example Stream a chat completion
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI({ apiKey: "sk-test" });
 * const stream = await client.chat.completions.create({
 *   model: "gpt-3.5-turbo",
 *   messages: [{ role: "user", content: "Say hi" }],
 *   stream: true,
 * });
 * for await (const chunk of stream) {
 *   console.log(chunk.choices[0]?.delta.content ?? "");
 * }
 * ```
 */
export class Stream<T> implements AsyncIterable<T> {
  /**
   * Aborting it cancels the underlying request and ends a `for await` loop
   * quietly, like `break`.
   */
  readonly controller: AbortController;
  #body: ReadableStream<Uint8Array> | null;
  #options: StreamOptions;
  #owner: boolean;
  // tee() branches share how many of them are still unfinished.
  #siblings?: { left: number };
  // Whether iteration has begun, and whether return() was called mid-read.
  #started?: boolean;
  #closing?: boolean;

  /**
   * Wraps a byte stream of server-sent events. `controller` is aborted when
   * the consumer stops early; prefer {@link Stream.fromSSEResponse}.
   */
  constructor(
    body: ReadableStream<Uint8Array> | null,
    controller: AbortController = new AbortController(),
    options: StreamOptions = {},
  ) {
    // A bodiless response reads as an empty stream, which then fails as cut short.
    this.#body = body ?? new Response("").body!;
    this.controller = controller;
    this.#options = options;
    this.#owner = true;
  }

  /**
   * Reads a `Response` whose body is `text/event-stream`, such as one an edge
   * handler produced with {@link Stream.toReadableStream}.
   *
   * @example Read a proxied stream in a browser
   * ```ts
   * import { Stream } from "@webstd/openai";
   * const response = new Response('data: {"n":1}\n\ndata: [DONE]\n\n');
   * for await (const chunk of Stream.fromSSEResponse<{ n: number }>(response)) console.log(chunk.n);
   * ```
   */
  static fromSSEResponse<T>(
    response: Response,
    controller?: AbortController,
  ): Stream<T> {
    return make<T>(response.body, controller, { headers: response.headers });
  }

  /**
   * Reads a byte stream of server-sent events.
   *
   * @example
   * ```ts
   * import { Stream } from "@webstd/openai";
   * const body = new Response('data: {"n":1}\n\ndata: [DONE]\n\n').body!;
   * for await (const chunk of Stream.fromReadableStream<{ n: number }>(body)) console.log(chunk.n);
   * ```
   */
  static fromReadableStream<T>(
    body: ReadableStream<Uint8Array>,
    controller?: AbortController,
  ): Stream<T> {
    return make<T>(body, controller);
  }

  /** Iterates the parsed chunks; a stream can be iterated only once (see {@link Stream.tee}). */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.#open<T>();
  }

  /**
   * Splits the stream into two that can each be iterated once.
   *
   * @example
   * ```ts
   * import { Stream } from "@webstd/openai";
   * const body = new Response('data: {"n":1}\n\ndata: [DONE]\n\n').body!;
   * const [a, b] = Stream.fromReadableStream<{ n: number }>(body).tee();
   * for await (const x of a) console.log("a", x.n);
   * for await (const x of b) console.log("b", x.n);
   * ```
   */
  tee(): [Stream<T>, Stream<T>] {
    const [a, b] = this.#take().tee();
    const siblings = { left: 2 };
    return [this.#branch(a, siblings), this.#branch(b, siblings)];
  }

  /**
   * Re-encodes the stream as `text/event-stream` bytes, ending with
   * `data: [DONE]`, for an edge handler to return as a `Response` body. A cut,
   * failed or aborted upstream errors the returned stream instead of closing
   * it; cancelling the returned stream cancels the request. Unlike the
   * official SDK's newline-delimited JSON, the output is SSE: read it back
   * with {@link Stream.fromSSEResponse}.
   *
   * @example Proxy a streamed completion from an edge function
   * ```ts
   * import OpenAI from "@webstd/openai";
   * const client = new OpenAI({ apiKey: "sk-test" });
   * export async function handler(_req: Request): Promise<Response> {
   *   const stream = await client.chat.completions.create({
   *     model: "gpt-3.5-turbo",
   *     messages: [{ role: "user", content: "Hello" }],
   *     stream: true,
   *   });
   *   return new Response(stream.toReadableStream(), {
   *     headers: { "content-type": "text/event-stream" },
   *   });
   * }
   * ```
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const events = this.#open<string>(true);
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { value, done } = await events.next();
          // Each line of a multi-line `data` needs its own field; only LF
          // separates them (`^` with the m flag also matches after U+2028).
          controller.enqueue(
            encoder.encode(
              "data: " + (done ? DONE : value).replaceAll("\n", "\ndata: ") +
                "\n\n",
            ),
          );
          if (done) controller.close();
        } catch (err) {
          controller.error(err);
        }
      },
      cancel: () => void events.return(),
    });
  }

  // One reader and the generator reading it, whose return() also cancels
  // the reader: the generator's own would wait for a pending read (a
  // `ReadableStream.from(stream)` cancelled mid-read), which then ends
  // quietly. Before the first next() the generator would not run its cleanup
  // at all, hence the explicit abort. The cancel is not awaited: a tee()
  // branch's cancel resolves only once its sibling is cancelled too.
  #open<V>(raw?: boolean): AsyncGenerator<V, void> {
    const body = this.#take();
    // A byte stream (as fetch's body is) is read into one buffer of our own,
    // reused by every read: a default reader gets a fresh 64 KiB buffer per
    // chunk in Deno, which made reading ~3× slower and doubled peak memory.
    // 16 KiB reads as fast (a read returns what has arrived) and is what an
    // idle stream holds while its read waits: 1,000 open streams, 16 MiB.
    let reader: Reader;
    let buffer: ArrayBuffer | undefined;
    try {
      reader = body.getReader({ mode: "byob" }) as Reader;
      buffer = new ArrayBuffer(16384);
    } catch {
      reader = body.getReader() as Reader;
    }
    const events = this.#read(reader, raw, buffer) as AsyncGenerator<
      V,
      void
    >;
    const end = events.return;
    events.return = (value) => {
      if (!this.#started && this.#owner) this.controller.abort();
      this.#closing = true;
      reader.cancel().catch(() => {});
      return end.call(events, value);
    };
    return events;
  }

  #branch(
    body: ReadableStream<Uint8Array>,
    siblings: { left: number },
  ): Stream<T> {
    const stream = make<T>(body, this.controller, this.#options);
    stream.#owner = false;
    stream.#siblings = siblings;
    // A branch dropped unread would hold its share of the body for ever:
    // every chunk its sibling reads, then the source itself (in Node, a
    // process that never exits). Once collected, it is cancelled.
    // (A branch being read is locked: cancel() then rejects, and no more.)
    whenCollected(stream, () => void body.cancel().catch(() => {}));
    return stream;
  }

  #take(): ReadableStream<Uint8Array> {
    const body = this.#body;
    if (body === null) {
      throw new OpenAIError(
        "Stream already iterated: use tee() to read it twice",
      );
    }
    this.#body = null;
    return body;
  }

  // Yields parsed chunks, or (raw) the validated `data` strings. One reader,
  // one decoder and one push parser: no extra TransformStream on the hot path.
  async *#read(
    reader: Reader,
    raw?: boolean,
    buffer?: ArrayBuffer,
  ): AsyncGenerator<T | string> {
    this.#started = true;
    // The parser strips the stream's leading BOM itself. Deno's streaming
    // TextDecoder would also drop a U+FEFF that merely starts a later chunk,
    // losing a character of content.
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const queue: ServerSentEvent[] = [];
    // An event without data (`data:` alone, a relay's keepalive) carries
    // nothing to parse, unless it says it is an error.
    const parser = new SSEParser((event) =>
      (event.data || event.event == "error") && queue.push(event)
    );
    const { idleTimeout = 0, signal, headers, noDone } = this.#options;
    const aborted = this.controller.signal;
    const stop = canceller(reader);
    let finished = false;
    let timedOut = false;
    // When the pending read began (0 while none waits), and the time reads
    // have waited since the last event or bytes of one: silence counts only
    // while a read waits, so a consumer busy between chunks looks no idler,
    // and comments do not end it, so keepalives do not hide a stalled stream.
    // One timer serves many reads. It keeps the process alive only while a
    // read waits (unref'd in between), so an iterator abandoned mid-stream
    // does not hold a process for the rest of the timeout; it lapses when
    // it finds no read waiting.
    let since = 0;
    let waited = 0;
    // What the line a chunk ends in is, for the next chunk: "" at a line's
    // start, ":" in a comment, another character in a field. A keepalive
    // split over two chunks is still a comment.
    let line = "";
    let tail = "";
    // The body's text until its first event (up to 1 MiB): a body that is
    // not server-sent events at all (a gateway's JSON error, an HTML page)
    // is reported with what it says.
    let head: string | undefined = "";
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Also arms the timer as a read begins. With no read waiting, `since` is
    // 0, `idle` is huge and the timer lapses.
    const check = () => {
      const idle = waited + Date.now() - since;
      timer = undefined;
      if (idle < idleTimeout) timer = setTimeout(check, idleTimeout - idle);
      else if (since) {
        timedOut = true;
        stop();
      }
    };
    aborted.addEventListener("abort", stop);
    // One listener on the caller's signal however many streams share it;
    // the call that made the stream stops following it from here.
    const unfollow = signal && follow(signal, stop);
    // Gone with the reader, if it goes unfinished.
    if (unfollow) whenCollected(reader, unfollow);
    // A tee() branch leaves that to the last of the two to end: its sibling
    // may be left unread, and only the call then aborts the request for it.
    if (this.#owner) takeOver(this.controller);
    // Aborted before the first read: the read then ends at once.
    if (aborted.aborted || signal?.aborted) stop();
    try {
      for (;;) {
        let result: ReadableStreamReadResult<Uint8Array> | undefined;
        let cause: unknown;
        let text = "";
        const began = since = Date.now();
        if (timer) refTimer(timer, true);
        else if (idleTimeout > 0 && idleTimeout < 2 ** 31) check();
        try {
          stop.held = reader;
          result = await reader.read(buffer && new Uint8Array(buffer));
          // The view's buffer came back to us: the next read fills it again.
          if (buffer && result.value) {
            buffer = result.value.buffer as ArrayBuffer;
          }
        } catch (err) {
          cause = err;
        }
        stop.held = undefined;
        since = 0;
        if (timer) refTimer(timer, false);
        if (timedOut) {
          throw new APIConnectionTimeoutError(
            `Stream timed out: no event for ${idleTimeout} ms`,
            { cause },
          );
        }
        // An abort, by stream.controller or the caller's signal, ends a loop
        // quietly, like break (as in the official SDK), and so does return()
        // during the read; a re-encoded stream must still not look complete.
        if (aborted.aborted || signal?.aborted || this.#closing) {
          if (raw) throw new APIUserAbortError("Stream was aborted", { cause });
          return;
        }
        if (!result) {
          // An error already typed (a stream this module re-encoded, read
          // in the same process) passes through as it is.
          throw cause instanceof OpenAIError
            ? cause
            : new APIConnectionError("Stream connection failed", { cause });
        }
        const end = result.done;
        try {
          // At the end, a last event may lack its blank line (some servers
          // and gateways omit it): completing it lets a final [DONE] count.
          // Anything else left unfinished there still counts as cut short.
          parser.feed(
            (text = decoder.decode(result.value, { stream: !end })) +
              (end ? "\n\n" : ""),
          );
        } catch (cause) {
          throw new OpenAIError(
            `Could not decode stream: ${(cause as Error).message}`,
            { cause },
          );
        }
        // Silence ends with an event, or with bytes of one (a large event
        // sent slowly): any line of the chunk that is not a comment, nor an
        // empty `data:` (a relay's keepalive, skipped as an event too).
        const was = line;
        const nl = Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r"));
        line = nl < 0 ? line || text.slice(0, 1) : text.slice(nl + 1, nl + 2);
        waited = queue.length ||
            /(^|[\r\n])(?!data: ?[\r\n])[^:\r\n]/.test(was + text)
          ? 0
          : waited + Date.now() - began;
        if (head != null && !queue.length) {
          head += text.slice(0, 2 ** 20 - head.length);
        } else head = undefined;
        // Where the bytes stop, for a stream that needs no [DONE]: only a
        // blank line there ends its last event.
        if (noDone) tail = (tail + text).slice(-4);
        if (end && !queue.some((event) => event.data === DONE)) {
          // A last event without its blank line may still say what went
          // wrong: its error, not the cut, is then the news.
          for (const event of queue) {
            try {
              parseEvent(event, headers);
            } catch (err) {
              if (err instanceof APIError) throw err;
            }
          }
          if (
            noDone && head === undefined && !queue.length &&
            /(\r\n|\r(?!\n)|\n)(\r\n|\r|\n)$/.test(tail)
          ) {
            finished = true;
            return;
          }
          throw (head?.trim() && notEvents(head, headers)) ||
            new APIConnectionError(
              "Stream ended before [DONE]: the response was cut short",
            );
        }
        for (const event of queue) {
          // Aborted while the consumer held a chunk: yield no more of this
          // read; the next read ends the loop.
          if (aborted.aborted || signal?.aborted) break;
          if (event.data === DONE) {
            finished = true;
            return;
          }
          const value = parseEvent(event, headers);
          yield raw ? event.data : value as T;
        }
        queue.length = 0;
      }
    } finally {
      clearTimeout(timer);
      aborted.removeEventListener("abort", stop);
      unfollow?.();
      if (!finished && this.#owner) this.controller.abort();
      if (this.#siblings && !--this.#siblings.left) takeOver(this.controller);
      stop();
    }
  }
}

// A new Stream, made outside the class body: a class that names itself
// there is bundled (by esbuild) as `class _Stream`, which is then the name
// that `Deno.inspect` and `constructor.name` show.
function make<T>(
  ...args: ConstructorParameters<typeof Stream<T>>
): Stream<T> {
  return new Stream<T>(...args);
}

// Cancels `reader`, which it holds weakly but while a read waits (`held`):
// the signals' listeners must not keep the reader, and so the body, of an
// iterator dropped mid-stream without return(), but the idle timer and the
// aborts must reach a read that waits on a body only the reader keeps (a
// stream built in memory): otherwise nothing would be left to end it. Apart
// from #read, whose closures hold all its variables in Bun (a generator's
// locals live in its scope there), the reader among them.
function canceller(reader: Reader): Stop {
  const ref = weak(reader);
  const stop: Stop = () =>
    void (stop.held ?? ref.deref())?.cancel().catch(() => {});
  return stop;
}

interface Stop {
  (): void;
  held?: Reader;
}

// A default or BYOB reader of the body; `read` takes a view only in the second.
interface Reader {
  read(view?: Uint8Array): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

function parseEvent(event: ServerSentEvent, headers?: Headers): unknown {
  let value: unknown;
  try {
    // Only an `error` event comes here without data (see #read).
    value = JSON.parse(event.data || "{}");
  } catch (cause) {
    throw new OpenAIError(
      `Could not parse stream event as JSON: ${quote(event.data)}`,
      { cause },
    );
  }
  const error = (value as { error?: unknown } | null)?.error;
  // An `event: error` payload may be the error object itself. A falsy
  // `error` (`""`, `false`, as some servers put in every chunk) is none.
  if (error || event.event === "error") {
    throw makeAPIError(undefined, { error: error || value }, headers);
  }
  return value;
}

// A body that held no event: JSON with an `error` (a gateway's error sent as
// a 200, say, or a list of one) is that APIError; what does not look like
// server-sent events at all (JSON, an HTML page, text) is shown; the start of
// a stream cut short is neither.
function notEvents(text: string, headers?: Headers): OpenAIError | undefined {
  let value: { error?: unknown } | undefined;
  try {
    value = JSON.parse(text.trim());
    value = Array.isArray(value) ? value[0] : value;
  } catch { /* not JSON */ }
  const error = value?.error;
  return error && (typeof error == "object" || typeof error == "string")
    ? makeAPIError(undefined, value, headers)
    : !/^\s*[<{[]/.test(text) && /^(data|event|id|retry)?:/m.test(text)
    ? undefined
    : new APIConnectionError(
      `Expected server-sent events, got ${quote(text.trim())}`,
    );
}

function quote(text: string): string {
  return JSON.stringify(preview(text, 200));
}
