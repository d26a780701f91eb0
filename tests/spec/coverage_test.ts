/**
 * The client and the mock against `spec/openapi.yaml`: every operation has
 * a client method and a mock route (and nothing exists that the spec does
 * not describe), and a sample call of every operation sends a request and
 * gets a response, both valid against the spec, over real HTTP.
 */
import OpenAI, { BadRequestError } from "../../mod.ts";
import { routes, serveMock } from "../../testing.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { capturingClient, checkRequest, checkResult } from "./_check.ts";
import { SAMPLES } from "./samples.ts";
import { loadSpec, type Operation, operations, validate } from "./spec_lib.ts";

const spec = await loadSpec();
const ops = operations(spec);
const byId = new Map(ops.map((op) => [op.operationId, op]));
const client = new OpenAI({ apiKey: "sk-test", baseURL: "http://127.0.0.1:9" });

function resolve(root: unknown, dotted: string): unknown {
  let owner: unknown = undefined;
  let node = root;
  for (const key of dotted.split(".")) {
    owner = node;
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  return typeof node === "function" ? node.bind(owner) : node;
}

/** Every public method reachable from the client's resource properties. */
function publicMethods(node: object, prefix: string): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === "object" && value !== null) {
      found.push(...publicMethods(value, `${prefix}${key}.`));
    }
  }
  if (prefix === "") return found; // the client's own getters are not operations
  for (
    let proto = Object.getPrototypeOf(node);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, name)!;
      if (name !== "constructor" && typeof d.value === "function") {
        found.push(prefix + name);
      }
    }
  }
  return found;
}

Deno.test("the spec has 34 operations with unique ids and client methods", () => {
  assertEquals(ops.length, 34);
  assertEquals(byId.size, 34);
  assertEquals(new Set(ops.map((op) => op.clientMethod)).size, 34);
});

Deno.test("every spec operation has a client method and a mock route", () => {
  const problems: string[] = [];
  for (const op of ops) {
    for (const method of [op.clientMethod, ...op.clientAliases]) {
      if (typeof resolve(client, method) !== "function") {
        problems.push(`${op.operationId}: no client method ${method}`);
      }
    }
    const route = routes.find((r) =>
      r.method === op.method && r.path === op.path
    );
    if (!route) problems.push(`${op.operationId}: no mock route`);
    else if (route.operationId !== op.operationId) {
      problems.push(`${op.operationId}: the route says ${route.operationId}`);
    }
  }
  assertEquals(problems, []);
});

Deno.test("every mock route is a spec operation", () => {
  const known = new Set(
    ops.map((o) => `${o.operationId} ${o.method} ${o.path}`),
  );
  const extra = routes.map((r) => `${r.operationId} ${r.method} ${r.path}`)
    .filter((key) => !known.has(key));
  assertEquals(extra, []);
  assertEquals(routes.length, ops.length);
});

// The official SDK's helpers that call operations rather than being one.
const HELPERS = ["files.waitForProcessing"];

Deno.test("every public client method is a spec operation", () => {
  const documented = new Set(
    ops.flatMap((op) => [op.clientMethod, ...op.clientAliases]),
  );
  const all = publicMethods(client, "");
  for (const helper of HELPERS) assert(all.includes(helper), helper);
  const methods = all.filter((m) => !HELPERS.includes(m));
  assertEquals(methods.filter((m) => !documented.has(m)), []);
  assertEquals(new Set(methods).size, documented.size);
});

Deno.test("the sample table covers every operation", () => {
  const sampled = new Set(SAMPLES.map((s) => s.operationId));
  assertEquals(
    ops.filter((op) => !sampled.has(op.operationId)).map((op) =>
      op.operationId
    ),
    [],
  );
  assertEquals([...sampled].filter((id) => !byId.has(id)), []);
  assert(SAMPLES.length >= 34);
});

const nameOf = (s: (typeof SAMPLES)[number]) =>
  `${s.operationId}${s.label ? ` (${s.label})` : ""}`;

for (const sample of SAMPLES) {
  const op = byId.get(sample.operationId) as Operation;
  Deno.test(`sample ${nameOf(sample)}: request and response match the spec`, async () => {
    await using server = await serveMock({ apiKey: "sk-test" });
    const { client, seen } = capturingClient(server);
    const prepared = await sample.setup?.(client);
    const [sent, got] = [server.mock.requests.length, seen.length];
    const result = await sample.call(client, prepared);
    const chunks: unknown[] = [];
    let bytes: Uint8Array | undefined;
    if (sample.kind === "stream") {
      for await (const chunk of result as AsyncIterable<unknown>) {
        chunks.push(chunk);
      }
    }
    if (sample.kind === "bytes") {
      bytes = new Uint8Array(await (result as Response).arrayBuffer());
      assertEquals(bytes, sample.expectBytes);
    }
    await Promise.all(seen.map((c) => c.json));
    const requests = server.mock.requests.slice(sent);
    assertEquals(requests.length, 1);
    assertEquals(seen.length - got, 1);
    const problems = [
      ...checkRequest(spec, op, requests[0]),
      ...await checkResult(spec, op, sample.kind, seen[got], result, {
        chunks,
        bytes,
      }),
    ];
    if (sample.kind === "stream") {
      const flag = op.streamParam!;
      const sentFlag = flag.in === "body"
        ? (requests[0].body as Record<string, unknown>)[flag.name]
        : requests[0].query[flag.name];
      if (String(sentFlag) !== "true") problems.push("stream flag not sent");
    }
    assertEquals(problems, []);
  });

  if (sample.label) continue; // one error check per operation is enough
  Deno.test(`sample ${nameOf(sample)}: a 400 is an ErrorResponse and a BadRequestError`, async () => {
    await using server = await serveMock({ apiKey: "sk-test" });
    const { client, seen } = capturingClient(server);
    const prepared = await sample.setup?.(client);
    server.mock.fault({
      match: { method: op.method, path: op.path },
      status: 400,
    });
    await assertRejects(() => sample.call(client, prepared), BadRequestError);
    const last = seen.at(-1)!;
    assertEquals(last.status, 400);
    assert(op.errorSchema, `${op.operationId} declares no error response`);
    assertEquals(validate(op.errorSchema, await last.json, spec), []);
    await Promise.all(seen.map((c) => c.json));
  });
}

Deno.test("the checks report a request and a response that break the spec", async () => {
  const op = byId.get("createFineTuningJob")!;
  const bad = checkRequest(spec, op, {
    method: "PUT",
    url: "http://127.0.0.1/v1/fine_tuning/job?limit=x",
    path: "/fine_tuning/job",
    query: { limit: "x" },
    headers: { "content-type": "text/plain" },
    body: { model: 3, training_file: "f", colour: "red" },
  });
  assertEquals(bad.length, 6, bad.join("\n"));
  const seen = { status: 200, contentType: "text/html" };
  const result = { object: "fine_tuning.job" };
  const wrong = await checkResult(
    spec,
    op,
    "json",
    {
      ...seen,
      json: Promise.resolve(result),
    },
    { ...result, id: "x" },
    { chunks: [] },
  );
  assertEquals(wrong.length, 3, wrong.join("\n"));
});
