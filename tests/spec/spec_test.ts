import { assert, assertEquals } from "../_assert.ts";
import {
  deref,
  loadSpec,
  operations,
  resolveRef,
  type Schema,
  type Spec,
  validate,
} from "./spec_lib.ts";

/** [client method, HTTP method, path, operationId] for all 34 operations. */
const EXPECTED: [string, string, string, string][] = [
  ["completions.create", "POST", "/completions", "createCompletion"],
  [
    "chat.completions.create",
    "POST",
    "/chat/completions",
    "createChatCompletion",
  ],
  ["edits.create", "POST", "/edits", "createEdit"],
  ["embeddings.create", "POST", "/embeddings", "createEmbedding"],
  ["moderations.create", "POST", "/moderations", "createModeration"],
  ["images.generate", "POST", "/images/generations", "createImage"],
  ["images.edit", "POST", "/images/edits", "createImageEdit"],
  [
    "images.createVariation",
    "POST",
    "/images/variations",
    "createImageVariation",
  ],
  [
    "audio.transcriptions.create",
    "POST",
    "/audio/transcriptions",
    "createTranscription",
  ],
  [
    "audio.translations.create",
    "POST",
    "/audio/translations",
    "createTranslation",
  ],
  ["files.create", "POST", "/files", "createFile"],
  ["files.list", "GET", "/files", "listFiles"],
  ["files.retrieve", "GET", "/files/{file_id}", "retrieveFile"],
  ["files.delete", "DELETE", "/files/{file_id}", "deleteFile"],
  ["files.content", "GET", "/files/{file_id}/content", "downloadFile"],
  ["fineTunes.create", "POST", "/fine-tunes", "createFineTune"],
  ["fineTunes.list", "GET", "/fine-tunes", "listFineTunes"],
  [
    "fineTunes.retrieve",
    "GET",
    "/fine-tunes/{fine_tune_id}",
    "retrieveFineTune",
  ],
  [
    "fineTunes.cancel",
    "POST",
    "/fine-tunes/{fine_tune_id}/cancel",
    "cancelFineTune",
  ],
  [
    "fineTunes.listEvents",
    "GET",
    "/fine-tunes/{fine_tune_id}/events",
    "listFineTuneEvents",
  ],
  [
    "fineTuning.jobs.create",
    "POST",
    "/fine_tuning/jobs",
    "createFineTuningJob",
  ],
  [
    "fineTuning.jobs.list",
    "GET",
    "/fine_tuning/jobs",
    "listPaginatedFineTuningJobs",
  ],
  [
    "fineTuning.jobs.retrieve",
    "GET",
    "/fine_tuning/jobs/{fine_tuning_job_id}",
    "retrieveFineTuningJob",
  ],
  [
    "fineTuning.jobs.cancel",
    "POST",
    "/fine_tuning/jobs/{fine_tuning_job_id}/cancel",
    "cancelFineTuningJob",
  ],
  [
    "fineTuning.jobs.listEvents",
    "GET",
    "/fine_tuning/jobs/{fine_tuning_job_id}/events",
    "listFineTuningEvents",
  ],
  [
    "fineTuning.jobs.checkpoints.list",
    "GET",
    "/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints",
    "listFineTuningJobCheckpoints",
  ],
  ["models.list", "GET", "/models", "listModels"],
  ["models.retrieve", "GET", "/models/{model}", "retrieveModel"],
  ["models.delete", "DELETE", "/models/{model}", "deleteModel"],
  ["engines.list", "GET", "/engines", "listEngines"],
  ["engines.retrieve", "GET", "/engines/{engine_id}", "retrieveEngine"],
  ["engines.search", "POST", "/engines/{engine_id}/search", "createSearch"],
  ["answers.create", "POST", "/answers", "createAnswer"],
  [
    "classifications.create",
    "POST",
    "/classifications",
    "createClassification",
  ],
];

const spec = await loadSpec();
const ops = operations(spec);
const ref = (name: string): Schema => ({
  $ref: `#/components/schemas/${name}`,
});

/** Every schema node reachable without following $ref, with where it sits. */
function eachSchema(
  node: unknown,
  at: string,
  visit: (s: Schema, at: string) => void,
): void {
  if (typeof node !== "object" || node === null) return;
  const s = node as Schema;
  visit(s, at);
  for (
    const [key, sub] of Object.entries(
      (s.properties ?? {}) as Record<string, unknown>,
    )
  ) {
    eachSchema(sub, `${at}.${key}`, visit);
  }
  for (const key of ["items", "additionalProperties"]) {
    eachSchema(s[key], `${at}/${key}`, visit);
  }
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    ((s[key] ?? []) as unknown[]).forEach((sub, i) =>
      eachSchema(sub, `${at}/${key}/${i}`, visit)
    );
  }
}

function allRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((x) => allRefs(x, out));
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.push(value);
      else allRefs(value, out);
    }
  }
  return out;
}

Deno.test("spec parses as OpenAPI 3.0.3 with paths and schemas", () => {
  assertEquals(spec.openapi, "3.0.3");
  assert(Object.keys(spec.paths).length === 29, "expected 29 distinct paths");
  assert(
    Object.keys(spec.components.schemas).length > 50,
    "expected the component schemas",
  );
});

Deno.test("spec has exactly the 34 catalogued operations, each with its client method", () => {
  assertEquals(ops.length, 34);
  assertEquals(new Set(ops.map((o) => o.operationId)).size, 34);
  assertEquals(new Set(ops.map((o) => o.clientMethod)).size, 34);
  const actual = ops.map((
    o,
  ) => [o.clientMethod, o.method, o.path, o.operationId]);
  const byMethod = (a: string[], b: string[]) => a[0].localeCompare(b[0]);
  assertEquals(
    actual.sort(byMethod),
    EXPECTED.map((e) => [...e]).sort(byMethod),
  );
});

Deno.test("every $ref in the spec resolves", () => {
  const refs = allRefs(spec);
  assert(refs.length > 100, `expected many refs, found ${refs.length}`);
  for (const r of refs) resolveRef(spec, r);
});

Deno.test("every schema example validates against its schema", () => {
  let count = 0;
  const visit = (s: Schema, at: string) => {
    if (!("example" in s)) return;
    count++;
    assertEquals(validate(s, s.example, spec), [], `example at ${at}`);
  };
  for (const [name, s] of Object.entries(spec.components.schemas)) {
    eachSchema(s, name, visit);
  }
  for (const op of ops) {
    for (const [type, s] of Object.entries(op.responseSchemas)) {
      eachSchema(s, `${op.operationId} ${type}`, visit);
    }
    for (const p of op.parameters) {
      if ("example" in p) {
        assertEquals(
          validate(p.schema, p.example, spec),
          [],
          `${op.operationId} ${p.name}`,
        );
      }
    }
  }
  assert(count >= 20, `expected at least 20 examples, found ${count}`);
});

Deno.test("every operation declares a default ErrorResponse", () => {
  for (const op of ops) {
    assertEquals(op.errorSchema, ref("ErrorResponse"), op.operationId);
  }
  const body = {
    error: {
      message: "Bad key",
      type: "invalid_request_error",
      param: null,
      code: null,
    },
  };
  assertEquals(validate(ref("ErrorResponse"), body, spec), []);
});

Deno.test("path templates match declared path parameters", () => {
  for (const op of ops) {
    const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const declared = op.parameters.filter((p) => p.in === "path");
    assertEquals(declared.map((p) => p.name), inPath, op.operationId);
    assert(
      declared.every((p) => p.required === true),
      `${op.operationId} path params are required`,
    );
  }
});

Deno.test("legacy, edits and fine-tunes operations are deprecated", () => {
  const deprecated = ops.filter((o) => o.deprecated).map((o) => o.operationId)
    .sort();
  assertEquals(deprecated, [
    "cancelFineTune",
    "createAnswer",
    "createClassification",
    "createEdit",
    "createFineTune",
    "createSearch",
    "listEngines",
    "listFineTuneEvents",
    "listFineTunes",
    "retrieveEngine",
    "retrieveFineTune",
  ]);
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const op of Object.values(item) as Schema[]) {
      if (op.deprecated) {
        assert(
          typeof op["x-deprecated-reason"] === "string",
          `${path} needs a reason`,
        );
      }
    }
  }
});

Deno.test("the three streaming operations declare chunk schemas and text/event-stream", () => {
  const streaming = ops.filter((o) => o.streamSchema);
  assertEquals(streaming.map((o) => o.operationId).sort(), [
    "createChatCompletion",
    "createCompletion",
    "listFineTuneEvents",
  ]);
  for (const op of streaming) {
    assert("text/event-stream" in op.responseSchemas, op.operationId);
    assert(op.streamParam?.name === "stream", op.operationId);
  }
  const chunk = {
    id: "c",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [{ delta: {} }],
  };
  assertEquals(
    validate(ref("CreateChatCompletionStreamResponse"), chunk, spec),
    [],
  );
  const events = ops.find((o) => o.operationId === "listFineTuneEvents")!;
  assertEquals(events.streamParam, { in: "query", name: "stream" });
  assertEquals(events.streamSchema, ref("FineTuneEvent"));
});

Deno.test("multipart, audio and file-content operations use the right media types", () => {
  const multipart = ops.filter((o) =>
    o.requestContentType === "multipart/form-data"
  ).map((o) => o.clientMethod);
  assertEquals(multipart.sort(), [
    "audio.transcriptions.create",
    "audio.translations.create",
    "files.create",
    "images.createVariation",
    "images.edit",
  ]);
  for (const op of ops.filter((o) => o.clientMethod.startsWith("audio."))) {
    assertEquals(Object.keys(op.responseSchemas).sort(), [
      "application/json",
      "text/plain",
    ]);
  }
  const content = ops.find((o) => o.clientMethod === "files.content")!;
  assertEquals(content.responseSchemas, {
    "application/octet-stream": { type: "string", format: "binary" },
  });
  const upload = { file: new File(["{}"], "a.jsonl"), purpose: "fine-tune" };
  assertEquals(validate(ref("CreateFileRequest"), upload, spec), []);
  assertEquals(
    validate(ref("CreateFileRequest"), { purpose: "fine-tune" }, spec),
    ["$: missing required file"],
  );
});

Deno.test("validate reports types, nullability, unions and limits", () => {
  const s = (schema: Schema, value: unknown) => validate(schema, value, spec);
  assertEquals(s({ type: "integer" }, 1.5), [
    "$: expected integer, got number",
  ]);
  assertEquals(s({ type: "string", nullable: true }, null), []);
  assertEquals(s({ type: "string" }, null), ["$: expected string, got null"]);
  assertEquals(
    s({ type: "object", additionalProperties: false, properties: { a: {} } }, {
      b: 1,
    }),
    [
      "$.b: not allowed",
    ],
  );
  assertEquals(
    s({ type: "array", maxItems: 1, items: { type: "number" } }, [1, "x"]),
    [
      "$: more than 1 items",
      "$[1]: expected number, got string",
    ],
  );
  const stop = ref("StopSequences");
  assertEquals(s(stop, "\n"), []);
  assertEquals(s(stop, null), []);
  assertEquals(s(stop, ["a", "b", "c", "d", "e"]).length, 1);
  assertEquals(s({ type: "number", minimum: 0, exclusiveMinimum: true }, 0), [
    "$: 0 is below 0",
  ]);
  assertEquals(
    validate({ type: "integer", maximum: 10 }, "3", spec, { form: true }),
    [],
  );
  assertEquals(s({ $ref: "#/components/schemas/Nope" }, 1), [
    "$: Cannot resolve $ref #/components/schemas/Nope",
  ]);
  const request = {
    model: "gpt-4",
    messages: [{ role: "user", content: "Hi" }],
    function_call: "auto",
  };
  assertEquals(s(ref("CreateChatCompletionRequest"), request), []);
  assertEquals(
    s(ref("CreateChatCompletionRequest"), {
      ...request,
      function_call: "sometimes",
    }).length,
    1,
  );
});

Deno.test("deref follows parameter references", () => {
  const p = deref<{ name: string }>(spec as Spec, {
    $ref: "#/components/parameters/FileId",
  });
  assertEquals(p.name, "file_id");
});
