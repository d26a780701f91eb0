import { createParser } from "eventsource-parser";
import { type ServerSentEvent, SSEParser } from "../src/core/sse.ts";

/** Feeds `chunks` to our parser and returns the events it dispatched. */
export function ours(chunks: string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = new SSEParser((event) => events.push(event));
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  return events;
}

/**
 * Runs the oracle (eventsource-parser) and maps its output to our shape: it
 * reports `id` through onId (we keep the last one per event), leaves `event`
 * undefined instead of "message", and reports `retry` through onRetry at once
 * instead of on the next event.
 */
export function oracle(text: string): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  let id = "";
  let retry: number | undefined;
  const parser = createParser({
    onId: (value) => id = value,
    onRetry: (ms) => retry = ms,
    onEvent: (message) => {
      const event: ServerSentEvent = {
        event: message.event ?? "message",
        data: message.data,
        id,
      };
      if (retry !== undefined) event.retry = retry;
      retry = undefined;
      events.push(event);
    },
  });
  parser.feed(text);
  return events;
}
