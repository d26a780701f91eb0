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
 * import type { ServerSentEvent } from "@webstd/openai";
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
 * import { SSEEventTooLargeError, SSEParser } from "@webstd/openai";
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
 * import { SSEParser } from "@webstd/openai";
 *
 * const parser = new SSEParser((event) => console.log(event.data));
 * parser.feed("data: hel");
 * parser.feed("lo\n\n"); // logs "hello"
 * parser.end();
 * ```
 */
export class SSEParser {
  /** Parses the next chunk of text; it may split lines, or CR from LF, anywhere. */
  readonly feed: (chunk: string) => void;
  /** Ends the stream: drops any unfinished event and resets the parser for reuse. */
  readonly end: () => void;

  /** Creates a parser that calls `onEvent` for every dispatched event. */
  constructor(
    onEvent: (event: ServerSentEvent) => void,
    options?: SSEOptions,
  ) {
    const max = options?.maxEventSize ?? 16 * 1024 * 1024;
    if (!(max > 0)) throw new RangeError(`Invalid maxEventSize: ${max}`);
    // State lives in closure variables: the hot path reads locals, and the
    // minified parser stays small.
    let partial = ""; // an unterminated line carried over from the previous chunk
    let data = "";
    let hasData = false;
    let type = "";
    let id = "";
    let retry: number | undefined;
    let start = true; // a BOM may still come
    let cr = false; // the previous chunk ended in CR: an LF first in this one belongs to it
    let error: SSEEventTooLargeError | undefined;

    const end = this.end = () => {
      partial =
        data =
        type =
        id =
          "";
      hasData = cr = false;
      start = true;
      retry = error = undefined;
    };
    const tooLarge = (): never => {
      end();
      throw error = new SSEEventTooLargeError(max);
    };
    const field = (line: string): void => {
      if (line === "") {
        if (hasData) {
          const event: ServerSentEvent = { event: type || "message", data, id };
          if (retry !== undefined) event.retry = retry;
          retry = undefined;
          data = "";
          hasData = false;
          type = "";
          onEvent(event);
        } else type = "";
        return;
      }
      const colon = line.indexOf(":");
      if (colon === 0) return; // a comment
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0
        ? ""
        : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
      if (name === "data") {
        data = hasData ? data + "\n" + value : value;
        hasData = true;
        if (data.length > max) tooLarge();
      } else if (name === "event") type = value;
      else if (name === "id") {
        if (!value.includes("\0")) id = value;
      } else if (name === "retry" && /^\d+$/.test(value)) retry = +value;
    };

    this.feed = (chunk) => {
      if (error) throw error;
      if (chunk === "") return;
      let pos = 0;
      if (start) {
        start = false;
        if (chunk.charCodeAt(0) === 0xfeff) pos = 1;
      }
      if (cr) {
        cr = false;
        if (chunk.charCodeAt(pos) === 10) pos++;
      }
      // Where the next LF and CR are; each is searched again only once
      // passed, so a stream without CR costs one failed search per chunk.
      let lf = -2;
      let nextCR = -2;
      for (;;) {
        if (lf !== -1 && lf < pos) lf = chunk.indexOf("\n", pos);
        if (nextCR !== -1 && nextCR < pos) nextCR = chunk.indexOf("\r", pos);
        const stop = nextCR < 0 || (lf >= 0 && lf < nextCR) ? lf : nextCR;
        if (stop < 0) break;
        let line = chunk.slice(pos, stop);
        if (partial) {
          line = partial + line;
          partial = "";
        }
        pos = stop + 1;
        if (stop === nextCR) {
          if (pos === chunk.length) cr = true;
          else if (chunk.charCodeAt(pos) === 10) pos++;
        }
        field(line);
      }
      if (pos < chunk.length) {
        partial += chunk.slice(pos);
        if (partial.length > max) tooLarge();
      }
    };
  }
}
