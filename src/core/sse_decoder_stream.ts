/**
 * `SSEDecoderStream`: the event-stream decoder as a `TransformStream`.
 *
 * @module
 */

import { type ServerSentEvent, type SSEOptions, SSEParser } from "./sse.ts";

/**
 * A `TransformStream` from decoded text to {@linkcode ServerSentEvent}s, built
 * on {@linkcode SSEParser}. An oversized event errors the stream with
 * {@linkcode SSEEventTooLargeError}.
 *
 * @example Decoding a response body
 * ```ts
 * import { SSEDecoderStream } from "@webstd/openai";
 *
 * const body = new Response("data: hi\n\n").body!;
 * const events = body
 *   .pipeThrough(new TextDecoderStream())
 *   .pipeThrough(new SSEDecoderStream());
 * for await (const event of events) console.log(event.data); // "hi"
 * ```
 */
export class SSEDecoderStream {
  /** Creates the stream; `options` are passed to the underlying parser. */
  constructor(options?: SSEOptions) {
    let controller: TransformStreamDefaultController<ServerSentEvent>;
    // Built before the stream so a bad option throws here, not as a stream error.
    const parser = new SSEParser((event) => controller.enqueue(event), options);
    const stream = new TransformStream<string, ServerSentEvent>({
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
    // The class links itself under TransformStream on first use, not at
    // import: in Deno, reading the TransformStream global loads the web
    // streams implementation (~1.5 ms), which every importer would pay.
    const proto = prototype();
    if (!(proto instanceof TransformStream)) {
      Object.setPrototypeOf(proto, TransformStream.prototype);
    }
    // A real TransformStream, so its own getters and pipeThrough work on it.
    return Object.setPrototypeOf(stream, new.target.prototype);
  }
}

// Read here, not in the class body: a class that names itself there is
// bundled as `class _SSEDecoderStream`, the name inspection would show. A
// function, not a constant: a bundler drops it when the class goes unused.
function prototype(): SSEDecoderStream {
  return SSEDecoderStream.prototype;
}

/** The stream's `readable` and `writable` sides, inherited from `TransformStream`. */
export interface SSEDecoderStream
  extends TransformStream<string, ServerSentEvent> {}
