/**
 * The three contenders, doing the same work per operation: `raw` (plain
 * `fetch` + `TextDecoderStream` + line splitting + `JSON.parse`, the
 * practical floor), `ours` (this module) and `official` (the `openai` npm
 * package, version pinned in deno.json).
 *
 * Each SDK is imported only when its contender is built, so a child process
 * (child.ts) loads the code of the contender it measures and no other: its
 * memory figures include no other SDK's modules.
 *
 * @module
 */

/** A contender's name. */
export type Name = "raw" | "ours" | "official";

/** What every contender can do against the mock. */
export interface Contender {
  /** Streams `chunks` chat chunks; returns the total content length seen. */
  stream(chunks: number): Promise<number>;
  /** One small non-streamed chat completion; returns its content length. */
  call(): Promise<number>;
  /** Uploads `file` through `files.create`; returns the bytes the server saw. */
  upload(file: File): Promise<number>;
}

const KEY = "sk-bench";
const MODEL = "gpt-3.5-turbo";
// Eight 170-character words: the mock echoes one word per chunk, so its
// chunks average ~320 bytes on the wire (see docs/benchmarks.md).
const WORDS = Array.from(
  { length: 8 },
  (_, i) => String.fromCharCode(97 + i).repeat(170),
).join(" ");
const STREAM_BODY = {
  model: MODEL,
  stream: true as const,
  messages: [{ role: "user" as const, content: WORDS }],
};
const CALL_BODY = {
  model: MODEL,
  messages: [{ role: "user" as const, content: "Hello there" }],
};

/**
 * The key and request bodies every contender sends, so that verify.ts can ask
 * the mock what it answers them.
 *
 * @example
 * ```ts
 * import { REQUESTS } from "./contenders.ts";
 * REQUESTS.call.messages[0].content; // "Hello there"
 * ```
 */
export const REQUESTS = { key: KEY, stream: STREAM_BODY, call: CALL_BODY };

interface Chunk {
  choices: { delta: { content?: string | null } }[];
}
interface Completion {
  choices: { message: { content: string | null } }[];
}

function raw(baseURL: string): Contender {
  const headers = {
    authorization: "Bearer " + KEY,
    "content-type": "application/json",
  };
  return {
    async stream(chunks) {
      const response = await fetch(baseURL + "/chat/completions", {
        method: "POST",
        headers: { ...headers, "x-mock-stream-chunks": String(chunks) },
        body: JSON.stringify(STREAM_BODY),
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream())
        .getReader();
      let buffer = "";
      let total = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error("Stream ended before [DONE]");
        buffer += value;
        let pos = 0;
        let lf: number;
        while ((lf = buffer.indexOf("\n", pos)) !== -1) {
          const line = buffer.slice(pos, lf);
          pos = lf + 1;
          if (!line.startsWith("data: ")) continue;
          const data = line.slice(6);
          if (data === "[DONE]") {
            await reader.cancel();
            return total;
          }
          const chunk = JSON.parse(data) as Chunk;
          total += chunk.choices[0]?.delta.content?.length ?? 0;
        }
        buffer = buffer.slice(pos);
      }
    },
    async call() {
      const response = await fetch(baseURL + "/chat/completions", {
        method: "POST",
        headers,
        body: JSON.stringify(CALL_BODY),
      });
      if (!response.ok) throw new Error(`Status ${response.status}`);
      const completion = await response.json() as Completion;
      return completion.choices[0].message.content?.length ?? 0;
    },
    async upload(file) {
      const form = new FormData();
      form.append("purpose", "fine-tune");
      form.append("file", file);
      const response = await fetch(baseURL + "/files", {
        method: "POST",
        headers: { authorization: "Bearer " + KEY },
        body: form,
      });
      return (await response.json() as { bytes: number }).bytes;
    },
  };
}

// Ours and the official SDK share a call shape, so one body serves both.
interface ClientLike {
  chat: {
    completions: {
      // deno-lint-ignore no-explicit-any
      create(body: any, options?: any): Promise<any>;
    };
  };
  files: {
    // deno-lint-ignore no-explicit-any
    create(body: any): Promise<{ bytes: number }>;
  };
}

function sdk(client: ClientLike): Contender {
  return {
    async stream(chunks) {
      const stream = await client.chat.completions.create(STREAM_BODY, {
        headers: { "x-mock-stream-chunks": String(chunks) },
      }) as AsyncIterable<Chunk>;
      let total = 0;
      for await (const chunk of stream) {
        total += chunk.choices[0]?.delta.content?.length ?? 0;
      }
      return total;
    },
    async call() {
      const completion = await client.chat.completions.create(
        CALL_BODY,
      ) as Completion;
      return completion.choices[0].message.content?.length ?? 0;
    },
    async upload(file) {
      const created = await client.files.create({ file, purpose: "fine-tune" });
      return created.bytes;
    },
  };
}

/**
 * Builds a contender talking to the mock at `baseURL`, importing its SDK.
 *
 * @example
 * ```ts
 * import { contender } from "./contenders.ts";
 * const c = await contender("ours", "http://127.0.0.1:4010/v1");
 * console.log(await c.call());
 * ```
 */
export async function contender(
  name: Name,
  baseURL: string,
): Promise<Contender> {
  if (name === "raw") return raw(baseURL);
  const { default: Client } = name === "ours"
    ? await import("@webstd/openai")
    : await import("openai");
  return sdk(new Client({ apiKey: KEY, baseURL }) as unknown as ClientLike);
}
