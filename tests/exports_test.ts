import * as mod from "../mod.ts";
import { assertEquals } from "./_assert.ts";

// The runtime exports of mod.ts, sorted. Adding or removing one must be a
// deliberate change to this list (types are not runtime exports).
const EXPECTED = [
  "APIConnectionError",
  "APIConnectionTimeoutError",
  "APIError",
  "APIPromise",
  "APIUserAbortError",
  "Answers",
  "Audio",
  "AuthenticationError",
  "BadRequestError",
  "Chat",
  "ChatCompletions",
  "Checkpoints",
  "Classifications",
  "Completions",
  "ConflictError",
  "CursorPage",
  "Edits",
  "Embeddings",
  "Engines",
  "Files",
  "FineTunes",
  "FineTuning",
  "Images",
  "InternalServerError",
  "Jobs",
  "Models",
  "Moderations",
  "NotFoundError",
  "OpenAI",
  "OpenAIError",
  "Page",
  "PagePromise",
  "PermissionDeniedError",
  "RateLimitError",
  "SSEDecoderStream",
  "SSEEventTooLargeError",
  "SSEParser",
  "Stream",
  "Transcriptions",
  "Translations",
  "Transport",
  "UnprocessableEntityError",
  "VERSION",
  "decodeEmbedding",
  "default",
  "makeAPIError",
  "toFile",
];

Deno.test("mod.ts exports exactly the expected runtime names", () => {
  assertEquals(Object.keys(mod).sort(), EXPECTED);
});

Deno.test("every runtime export of mod.ts is defined", () => {
  for (const [name, value] of Object.entries(mod)) {
    assertEquals(value === undefined, false, name);
  }
});
