/**
 * The mock as the runtime matrix serves it: `MockOpenAI` plus a few
 * `/__smoke/` control routes, so a smoke scenario that only has a base URL can
 * ask for a stalled stream and see what reached the server. Runtime-free: it
 * runs behind Deno.serve, inside workerd and inside edge-runtime alike.
 *
 * @module
 */

import { MockOpenAI } from "../../src/testing/mock.ts";

/** The API key the smoke client sends and the mock accepts. */
export const SMOKE_KEY = "sk-smoke";

/** Ask the mock (by request header) to stall the stream after this many events. */
export const STALL_HEADER = "x-smoke-stall-after";

/** A mock plus the control routes the smoke scenario relies on. */
export interface MockHost {
  /** The mock behind the host. */
  mock: MockOpenAI;
  /** Streams whose client went away (body cancelled or request aborted). */
  released(): number;
  /** Answers `/v1/...` from the mock and `/__smoke/...` from the host. */
  handle(request: Request): Promise<Response>;
}

/**
 * Builds a mock host.
 *
 * @example
 * ```ts
 * import { createMockHost } from "./mock_host.ts";
 * const host = createMockHost();
 * const res = await host.handle(new Request("http://mock/__smoke/released"));
 * (await res.json()).released; // 0
 * ```
 */
export function createMockHost(): MockHost {
  const mock = new MockOpenAI({ apiKey: SMOKE_KEY });
  let released = 0;
  const handle = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (pathname === "/__smoke/released") return Response.json({ released });
    if (pathname === "/__smoke/last") {
      return Response.json(await describe(mock.requests.at(-1)?.body));
    }
    const stall = request.headers.get(STALL_HEADER);
    if (stall !== null) {
      mock.fault({
        match: { path: "/chat/completions" },
        stallAfter: Number(stall),
      });
    }
    const response = await mock.handle(request);
    if (stall === null || !response.body) return response;
    return new Response(
      watch(response.body, () => released++),
      response,
    );
  };
  return { mock, released: () => released, handle };
}

// Files are reported by name, type and text so a client can check its upload.
async function describe(body: unknown): Promise<unknown> {
  if (body === null || typeof body !== "object") return body ?? null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    out[key] = value instanceof Blob
      ? {
        name: (value as File).name,
        type: value.type,
        text: await value.text(),
      }
      : value;
  }
  return out;
}

// Calls `onRelease` once when the reader cancels or the source fails
// because the client left (the stalled mock stream only ends that way).
function watch(
  body: ReadableStream<Uint8Array>,
  onRelease: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  const release = () => {
    if (!done) onRelease();
    done = true;
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          done = true;
          controller.close();
        } else controller.enqueue(next.value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
