/**
 * A decoder for the `text/event-stream` format, following the WHATWG rules for
 * interpreting an event stream (HTML, "Server-sent events").
 *
 * It sits on the hot path of every streamed completion, so it scans chunks
 * with `indexOf` instead of walking characters, keeps at most one partial line
 * between chunks and never builds arrays of lines.
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

const LF = 10;
const SPACE = 32;
const COLON = 58;
const BOM = 0xfeff;
const DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024;

function isDataPrefix(s: string, i: number): boolean {
  return s.charCodeAt(i) === 100 && s.charCodeAt(i + 1) === 97 &&
    s.charCodeAt(i + 2) === 116 && s.charCodeAt(i + 3) === 97 &&
    s.charCodeAt(i + 4) === COLON;
}

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
  #carry = "";
  #data = "";
  #hasData = false;
  #type = "";
  #lastId = "";
  #retry: number | undefined = undefined;
  #bomPending = true;
  #skipLF = false;
  #error: SSEEventTooLargeError | undefined = undefined;

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
  feed(text: string): void {
    if (this.#error) throw this.#error;
    // Empty chunks must not end the BOM check or consume a pending LF.
    if (text.length === 0) return;
    let pos = 0;
    if (this.#bomPending) {
      this.#bomPending = false;
      if (text.charCodeAt(0) === BOM) pos = 1;
    }
    if (this.#skipLF) {
      this.#skipLF = false;
      if (text.charCodeAt(pos) === LF) pos++;
    }
    const len = text.length;
    let cr = text.indexOf("\r", pos);
    let lf = text.indexOf("\n", pos);
    if (this.#carry !== "") {
      const end = cr === -1 ? lf : lf === -1 || cr < lf ? cr : lf;
      if (end === -1) {
        // A rope append: the carried line is flattened once, when it ends.
        this.#carry += pos === 0 ? text : text.slice(pos);
        if (this.#carry.length > this.#max) this.#fail();
        return;
      }
      const line = this.#carry + text.slice(pos, end);
      this.#carry = "";
      this.#line(line, 0, line.length);
      pos = end + 1;
      if (end === cr) {
        if (pos === len) {
          this.#skipLF = true;
          return;
        }
        if (text.charCodeAt(pos) === LF) pos++;
        cr = text.indexOf("\r", pos);
      }
      if (lf !== -1 && lf < pos) lf = text.indexOf("\n", pos);
    }
    // With no CR in the chunk, `cr` stays -1 and each line costs one indexOf.
    while (true) {
      let end: number;
      if (cr === -1) {
        if (lf === -1) break;
        end = lf;
      } else end = lf === -1 || cr < lf ? cr : lf;
      if (
        end === lf && !this.#hasData && text.charCodeAt(end + 1) === LF &&
        isDataPrefix(text, pos)
      ) {
        // The usual "data: {...}\n\n" shape: dispatch without touching the buffer.
        const start = text.charCodeAt(pos + 5) === SPACE ? pos + 6 : pos + 5;
        if (end - start > this.#max) this.#fail();
        this.#dispatch(text.slice(start, end));
        pos = end + 2;
        lf = text.indexOf("\n", pos);
        continue;
      }
      this.#line(text, pos, end);
      pos = end + 1;
      if (end === cr) {
        if (pos === len) {
          // The LF of a CRLF may open the next chunk.
          this.#skipLF = true;
          return;
        }
        if (text.charCodeAt(pos) === LF) pos++;
        cr = text.indexOf("\r", pos);
      }
      if (lf !== -1 && lf < pos) lf = text.indexOf("\n", pos);
    }
    if (pos < len) {
      this.#carry = text.slice(pos);
      if (this.#carry.length > this.#max) this.#fail();
    }
  }

  /** Ends the stream: drops any unfinished event and resets the parser for reuse. */
  end(): void {
    this.#carry = "";
    this.#data = "";
    this.#hasData = false;
    this.#type = "";
    this.#lastId = "";
    this.#retry = undefined;
    this.#bomPending = true;
    this.#skipLF = false;
    this.#error = undefined;
  }

  #fail(): never {
    const error = new SSEEventTooLargeError(this.#max);
    this.end();
    this.#error = error;
    throw error;
  }

  #line(s: string, start: number, end: number): void {
    if (start === end) {
      if (this.#hasData) this.#dispatch(this.#data);
      else this.#type = "";
      return;
    }
    if (s.charCodeAt(start) === COLON) return;
    if (isDataPrefix(s, start)) {
      const from = s.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5;
      this.#append(s.slice(from, end));
      return;
    }
    const line = start === 0 && end === s.length ? s : s.slice(start, end);
    const colon = line.indexOf(":");
    let field = line;
    let value = "";
    if (colon !== -1) {
      field = line.slice(0, colon);
      const from = line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
      value = line.slice(from);
    }
    switch (field) {
      case "data":
        this.#append(value);
        break;
      case "event":
        this.#type = value;
        break;
      case "id":
        if (!value.includes("\0")) this.#lastId = value;
        break;
      case "retry":
        if (/^[0-9]+$/.test(value)) this.#retry = Number(value);
        break;
    }
  }

  #append(value: string): void {
    // The buffer omits the spec's trailing "\n", which dispatch would remove.
    if (this.#hasData) this.#data += "\n" + value;
    else {
      this.#data = value;
      this.#hasData = true;
    }
    if (this.#data.length > this.#max) this.#fail();
  }

  #dispatch(data: string): void {
    const event: ServerSentEvent = {
      event: this.#type || "message",
      data,
      id: this.#lastId,
    };
    if (this.#retry !== undefined) {
      event.retry = this.#retry;
      this.#retry = undefined;
    }
    this.#data = "";
    this.#hasData = false;
    this.#type = "";
    this.#onEvent(event);
  }
}

/**
 * A `TransformStream` from decoded text to {@linkcode ServerSentEvent}s, built
 * on {@linkcode SSEParser}. An oversized event errors the stream with
 * {@linkcode SSEEventTooLargeError}.
 *
 * @example Decoding a response body
 * ```ts
 * import { SSEDecoderStream } from "./sse.ts";
 *
 * const body = new Response("data: hi\n\n").body!;
 * const events = body
 *   .pipeThrough(new TextDecoderStream())
 *   .pipeThrough(new SSEDecoderStream());
 * for await (const event of events) console.log(event.data); // "hi"
 * ```
 */
export class SSEDecoderStream extends TransformStream<string, ServerSentEvent> {
  /** Creates the stream; `options` are passed to the underlying parser. */
  constructor(options?: SSEOptions) {
    let controller: TransformStreamDefaultController<ServerSentEvent>;
    // Built before super() so a bad option throws here, not as a stream error.
    const parser = new SSEParser((event) => controller.enqueue(event), options);
    super({
      start(c) {
        controller = c;
      },
      transform(chunk) {
        parser.feed(chunk);
      },
      flush() {
        parser.end();
      },
    });
  }
}
