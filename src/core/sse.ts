/**
 * A decoder for the `text/event-stream` format, following the WHATWG rules for
 * interpreting an event stream (HTML, "Server-sent events").
 *
 * It sits on the hot path of every streamed completion, so it scans chunks
 * with `indexOf` instead of walking characters and keeps at most one partial
 * line between chunks.
 *
 * @module
 */

/**
 * One dispatched event.
 *
 * `event` is `"message"` when the stream named no type. `id` is the last event
 * ID seen so far: it persists across events until another `id` field changes
 * it. `retry` is present only when a valid `retry` field (ASCII digits only)
 * arrived since the previous dispatched event; it holds the last such value.
 *
 * @example Reading an event
 * ```ts
 * import type { ServerSentEvent } from "./sse.ts";
 *
 * const event: ServerSentEvent = { event: "message", data: "{}", id: "" };
 * console.log(JSON.parse(event.data));
 * ```
 */
export interface ServerSentEvent {
  /** The event type; `"message"` when none was given. */
  event: string;
  /** The data lines of the event joined with `"\n"`. */
  data: string;
  /** The last event ID of the stream; `""` when none was given yet. */
  id: string;
  /** The reconnection time in milliseconds, when the stream set one since the previous event. */
  retry?: number;
}

/** Options for {@linkcode SSEParser} and {@linkcode SSEDecoderStream}. */
export interface SSEOptions {
  /** The most characters one event's data, or one unterminated line, may hold. Defaults to 16 MiB. */
  maxEventSize?: number;
}

/**
 * Thrown when one event's buffered data, or one unterminated line, grows past
 * `maxEventSize` characters.
 *
 * @example Catching an oversized event
 * ```ts
 * import { SSEEventTooLargeError, SSEParser } from "./sse.ts";
 *
 * const parser = new SSEParser(() => {}, { maxEventSize: 4 });
 * try {
 *   parser.feed("data: too long\n");
 * } catch (error) {
 *   console.log(error instanceof SSEEventTooLargeError); // true
 * }
 * ```
 */
export class SSEEventTooLargeError extends Error {
  /** Creates the error for the given limit in characters. */
  constructor(maxEventSize: number) {
    super(`Server-sent event exceeds ${maxEventSize} characters`);
    this.name = "SSEEventTooLargeError";
  }
}

const DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024;

/**
 * A push parser for an event stream: feed it decoded text in chunks split
 * anywhere, and it calls `onEvent` synchronously for each dispatched event.
 *
 * An event is dispatched only on a blank line; {@linkcode SSEParser.end}
 * drops an unfinished one. Once `feed()` has thrown
 * {@linkcode SSEEventTooLargeError}, it throws that error again until `end()`
 * resets the parser.
 *
 * @example Parsing chunks
 * ```ts
 * import { SSEParser } from "./sse.ts";
 *
 * const parser = new SSEParser((event) => console.log(event.data));
 * parser.feed("data: hel");
 * parser.feed("lo\n\n"); // logs "hello"
 * parser.end();
 * ```
 */
export class SSEParser {
  #onEvent: (event: ServerSentEvent) => void;
  #max: number;
  #line = ""; // an unterminated line carried over from the previous chunk
  #data = "";
  #hasData = false;
  #type = "";
  #id = "";
  #retry: number | undefined;
  #start = true; // a BOM may still come
  #cr = false; // the previous chunk ended in CR: an LF first in this one belongs to it
  #error: SSEEventTooLargeError | undefined;

  /** Creates a parser that calls `onEvent` for every dispatched event. */
  constructor(
    onEvent: (event: ServerSentEvent) => void,
    options?: SSEOptions,
  ) {
    const max = options?.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE;
    if (!(max > 0)) throw new RangeError(`Invalid maxEventSize: ${max}`);
    this.#onEvent = onEvent;
    this.#max = max;
  }

  /** Parses the next chunk of text; it may split lines, or CR from LF, anywhere. */
  feed(chunk: string): void {
    if (this.#error) throw this.#error;
    if (chunk === "") return;
    let pos = 0;
    if (this.#start) {
      this.#start = false;
      if (chunk.charCodeAt(0) === 0xfeff) pos = 1;
    }
    if (this.#cr) {
      this.#cr = false;
      if (chunk.charCodeAt(pos) === 10) pos++;
    }
    // Where the next LF and CR are; each is searched again only once passed,
    // so a stream without CR costs one failed search per chunk.
    let lf = -2;
    let cr = -2;
    for (;;) {
      if (lf !== -1 && lf < pos) lf = chunk.indexOf("\n", pos);
      if (cr !== -1 && cr < pos) cr = chunk.indexOf("\r", pos);
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      if (end === -1) break;
      let line = chunk.slice(pos, end);
      if (this.#line) {
        line = this.#line + line;
        this.#line = "";
      }
      pos = end + 1;
      if (end === cr) {
        if (pos === chunk.length) this.#cr = true;
        else if (chunk.charCodeAt(pos) === 10) pos++;
      }
      this.#field(line);
    }
    if (pos < chunk.length) {
      this.#line += chunk.slice(pos);
      if (this.#line.length > this.#max) this.#tooLarge();
    }
  }

  /** Ends the stream: drops any unfinished event and resets the parser for reuse. */
  end(): void {
    this.#line =
      this.#data =
      this.#type =
      this.#id =
        "";
    this.#hasData = this.#cr = false;
    this.#start = true;
    this.#retry = this.#error = undefined;
  }

  #tooLarge(): never {
    const error = new SSEEventTooLargeError(this.#max);
    this.end();
    throw this.#error = error;
  }

  #field(line: string): void {
    if (line === "") return this.#dispatch();
    const colon = line.indexOf(":");
    if (colon === 0) return; // a comment
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1
      ? ""
      : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
    if (name === "data") {
      this.#data = this.#hasData ? this.#data + "\n" + value : value;
      this.#hasData = true;
      if (this.#data.length > this.#max) this.#tooLarge();
    } else if (name === "event") this.#type = value;
    else if (name === "id") {
      if (!value.includes("\0")) this.#id = value;
    } else if (name === "retry" && /^\d+$/.test(value)) this.#retry = +value;
  }

  #dispatch(): void {
    if (!this.#hasData) {
      this.#type = "";
      return;
    }
    const event: ServerSentEvent = {
      event: this.#type || "message",
      data: this.#data,
      id: this.#id,
    };
    if (this.#retry !== undefined) {
      event.retry = this.#retry;
      this.#retry = undefined;
    }
    this.#data = this.#type = "";
    this.#hasData = false;
    this.#onEvent(event);
  }
}
