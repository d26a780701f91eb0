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
 * import { SSEDecoderStream } from "./sse_decoder_stream.ts";
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
