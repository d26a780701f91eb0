import { OpenAI } from "../../mod.ts";
import { assert, assertEquals } from "../_assert.ts";
import { type MockServer, serveMock } from "../../testing.ts";

/** A mock server that requires key `sk-test`, and a client for it that never retries. */
export async function setup(): Promise<[MockServer, OpenAI]> {
  const server = await serveMock({ apiKey: "sk-test" });
  const client = new OpenAI({
    apiKey: "sk-test",
    baseURL: server.url,
    maxRetries: 0,
  });
  return [server, client];
}

/** The last request the mock recorded. */
export const last = (server: MockServer) => server.mock.requests.at(-1)!;

/** Asserts the last request was a multipart POST to `path`; returns its fields. */
export function checkMultipart(
  server: MockServer,
  path: string,
): Record<string, unknown> {
  const req = last(server);
  assertEquals([req.method, req.path], ["POST", path]);
  assert(
    /^multipart\/form-data; ?boundary=\S+$/.test(req.headers["content-type"]),
    req.headers["content-type"],
  );
  return req.body as Record<string, unknown>;
}
