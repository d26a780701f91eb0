/**
 * Checks for `coverage_test.ts`: a recorded request or a captured response
 * against one spec operation. Each returns a list of problems (empty = ok),
 * so a failing test shows every mismatch at once.
 *
 * @module
 */
import OpenAI, { type ClientOptions } from "../../mod.ts";
import type { MockServer, RecordedRequest } from "../../testing.ts";
import { deref, type Operation, type Spec, validate } from "./spec_lib.ts";

/** A response as the client's `fetch` saw it. */
export interface Captured {
  status: number;
  contentType: string;
  /** The body parsed as JSON, for JSON responses only. */
  json?: Promise<unknown>;
}

/**
 * A client for `server` (a served mock, or any base URL and key) whose
 * `fetch` keeps a copy of every JSON response, so tests can check the raw
 * body next to the client's parsed result. No retries unless asked for.
 */
export function capturingClient(
  server: Pick<MockServer, "url"> | { url?: string },
  options: ClientOptions & { fetch?: typeof fetch } = {},
): { client: OpenAI; seen: Captured[] } {
  const seen: Captured[] = [];
  const base = options.fetch ?? fetch;
  const client = new OpenAI({
    apiKey: "sk-test",
    maxRetries: 0,
    ...options,
    baseURL: server.url,
    fetch: async (input, init) => {
      const response = await base(input, init);
      const contentType = response.headers.get("content-type") ?? "";
      const entry: Captured = { status: response.status, contentType };
      if (contentType.startsWith("application/json")) {
        entry.json = response.clone().json();
      }
      seen.push(entry);
      return response;
    },
  });
  return { client, seen };
}

/** `/files/{file_id}` -> a RegExp capturing each parameter by name. */
export function templateRegExp(template: string): RegExp {
  const source = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\{(\w+)\}/g, "(?<$1>[^/]+)");
  return new RegExp(`^${source}$`);
}

/** Top-level body fields the schema does not declare (requests are strict). */
function undeclared(spec: Spec, schema: unknown, body: unknown): string[] {
  const s = deref(spec, schema);
  const props = (s.properties ?? {}) as Record<string, unknown>;
  if (typeof body !== "object" || body === null) return [];
  return Object.keys(body).filter((key) => !(key in props))
    .map((key) => `body.${key}: not in the spec`);
}

/** Problems with one request the mock recorded, as `op` describes it. */
export function checkRequest(
  spec: Spec,
  op: Operation,
  req: RecordedRequest,
): string[] {
  const problems: string[] = [];
  if (req.method !== op.method) {
    problems.push(`method ${req.method}, expected ${op.method}`);
  }
  const match = templateRegExp(op.path).exec(req.path);
  if (!match) problems.push(`path ${req.path} does not match ${op.path}`);
  for (const p of op.parameters) {
    if (p.in === "path") {
      const raw = match?.groups?.[p.name];
      if (raw === undefined) continue;
      for (const e of validate(p.schema, decodeURIComponent(raw), spec)) {
        problems.push(`path ${p.name} ${e}`);
      }
    }
    if (p.in === "query" && p.required && !(p.name in req.query)) {
      problems.push(`query ${p.name} is required`);
    }
  }
  for (const [name, value] of Object.entries(req.query)) {
    const p = op.parameters.find((x) => x.in === "query" && x.name === name);
    if (!p) problems.push(`query ${name}: not in the spec`);
    else {
      for (const e of validate(p.schema, value, spec, { form: true })) {
        problems.push(`query ${name} ${e}`);
      }
    }
  }
  const type = req.headers["content-type"] ?? "";
  if (!op.requestContentType) {
    if (req.body !== undefined || type !== "") {
      problems.push(`sent a body (${type || "no type"}) but the op has none`);
    }
    return problems;
  }
  if (!type.startsWith(op.requestContentType)) {
    problems.push(`content type ${type}, expected ${op.requestContentType}`);
  }
  const form = op.requestContentType === "multipart/form-data";
  problems.push(
    ...validate(op.requestSchema, req.body, spec, { form }),
    ...undeclared(spec, op.requestSchema, req.body),
  );
  return problems;
}

/** Problems with a successful response and the client's result. */
export async function checkResult(
  spec: Spec,
  op: Operation,
  kind: string,
  captured: Captured,
  result: unknown,
  extra: { chunks: unknown[]; bytes?: Uint8Array },
): Promise<string[]> {
  const problems: string[] = [];
  const schemaFor = (type: string) => {
    const schema = op.responseSchemas[type];
    if (!schema) problems.push(`the spec has no ${type} response`);
    return schema;
  };
  const expectType = (prefix: string) => {
    if (!captured.contentType.startsWith(prefix)) {
      problems.push(`content type ${captured.contentType}, expected ${prefix}`);
    }
  };
  if (captured.status !== 200) problems.push(`status ${captured.status}`);
  if (kind === "json" || kind === "page") {
    expectType("application/json");
    const raw = await captured.json;
    const schema = schemaFor("application/json");
    if (schema) problems.push(...validate(schema, raw, spec));
    const parsed = kind === "page"
      ? (result as { data: unknown }).data
      : result;
    const rawParsed = kind === "page" ? (raw as { data: unknown }).data : raw;
    if (JSON.stringify(parsed) !== JSON.stringify(rawParsed)) {
      problems.push("the client's result differs from the response body");
    }
  } else if (kind === "stream") {
    expectType("text/event-stream");
    schemaFor("text/event-stream");
    if (!op.streamSchema) problems.push("no x-stream-schema");
    if (extra.chunks.length === 0) problems.push("the stream had no chunks");
    extra.chunks.forEach((chunk, i) =>
      problems.push(
        ...validate(op.streamSchema, chunk, spec).map((e) => `chunk ${i} ${e}`),
      )
    );
  } else if (kind === "text") {
    expectType("text/");
    if (typeof result !== "string") problems.push("the result is no string");
    const schema = schemaFor("text/plain");
    if (schema) problems.push(...validate(schema, result, spec));
  } else if (kind === "bytes") {
    expectType("application/octet-stream");
    const schema = schemaFor("application/octet-stream");
    if (schema) problems.push(...validate(schema, extra.bytes, spec));
  }
  return problems;
}
