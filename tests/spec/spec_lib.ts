/**
 * Test helpers over the project's own description of the API,
 * `spec/openapi.yaml`: load it, list its operations, and check values
 * against its schemas with a small OpenAPI 3.0 validator.
 *
 * Tests that import this need `--allow-read=spec` and
 * `--allow-env=LOG_TOKENS,LOG_STREAM` (the `yaml` package reads those).
 *
 * @example Check a response body against the spec
 * ```ts
 * import { loadSpec, operations, validate } from "./spec_lib.ts";
 * const spec = await loadSpec();
 * const op = operations(spec).find((o) => o.clientMethod === "models.list")!;
 * const errors = validate(op.responseSchemas["application/json"], body, spec);
 * assertEquals(errors, []);
 * ```
 * @module
 */
import { parse } from "yaml";
import { deref, type Schema, type Spec } from "./schema.ts";

export {
  deref,
  resolveRef,
  type Schema,
  type Spec,
  validate,
  type ValidateOptions,
} from "./schema.ts";

/** A path or query parameter, with any `$ref` already followed. */
export type Parameter = {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema: Schema;
  example?: unknown;
};

/** One operation of the spec, flattened for tests. Schemas may still be `{ $ref }`: pass them to {@linkcode validate}. */
export type Operation = {
  /** The catalogue's id, e.g. `createChatCompletion`. */
  operationId: string;
  method: "GET" | "POST" | "DELETE";
  /** The templated path, e.g. `/files/{file_id}`. */
  path: string;
  /** The public client method (`x-client-method`), e.g. `fineTuning.jobs.checkpoints.list`. */
  clientMethod: string;
  /** Further (deprecated) client methods for the same operation (`x-client-aliases`). */
  clientAliases: string[];
  /** Path-level and operation-level parameters together. */
  parameters: Parameter[];
  /** `application/json` or `multipart/form-data`; undefined when there is no body. */
  requestContentType?: string;
  requestSchema?: Schema;
  /** The 200 response's schema per content type (`application/json`, `text/plain`, `text/event-stream`, ...). */
  responseSchemas: Record<string, Schema>;
  /** The schema of one SSE chunk (`x-stream-schema`) for streaming operations. */
  streamSchema?: Schema;
  /** Where the switch to streaming lives (`x-stream-param`), e.g. `{ in: "body", name: "stream" }`. */
  streamParam?: { in: "body" | "query"; name: string };
  /** The `default` (error) response's JSON schema, if declared. */
  errorSchema?: Schema;
  deprecated: boolean;
};

/**
 * Read and parse `spec/openapi.yaml`.
 * @example
 * ```ts
 * const spec = await loadSpec();
 * ```
 */
export async function loadSpec(): Promise<Spec> {
  const url = new URL("../../spec/openapi.yaml", import.meta.url);
  return parse(await Deno.readTextFile(url)) as Spec;
}

/**
 * List every operation in the spec, in document order.
 * @example
 * ```ts
 * const ids = operations(spec).map((o) => o.operationId);
 * ```
 */
export function operations(spec: Spec): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const shared = (item.parameters ?? []) as unknown[];
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      const op = item[method] as Schema | undefined;
      if (!op) continue;
      const params = [...shared, ...((op.parameters ?? []) as unknown[])];
      const body = deref<Schema | undefined>(spec, op.requestBody);
      const bodyContent = (body?.content ?? {}) as Record<string, Schema>;
      const requestContentType = Object.keys(bodyContent)[0];
      const responses = (op.responses ?? {}) as Record<string, unknown>;
      const ok = deref<Schema | undefined>(spec, responses["200"]);
      const okContent = (ok?.content ?? {}) as Record<string, Schema>;
      const fail = deref<Schema | undefined>(spec, responses.default);
      const failContent = (fail?.content ?? {}) as Record<string, Schema>;
      out.push({
        operationId: op.operationId as string,
        method: method.toUpperCase() as Operation["method"],
        path,
        clientMethod: op["x-client-method"] as string,
        clientAliases: (op["x-client-aliases"] ?? []) as string[],
        parameters: params.map((p) => deref<Parameter>(spec, p)),
        requestContentType,
        requestSchema: requestContentType
          ? bodyContent[requestContentType].schema as Schema
          : undefined,
        responseSchemas: Object.fromEntries(
          Object.entries(okContent).map((
            [type, media],
          ) => [type, media.schema as Schema]),
        ),
        streamSchema: op["x-stream-schema"] as Schema | undefined,
        streamParam: op["x-stream-param"] as Operation["streamParam"],
        errorSchema: failContent["application/json"]?.schema as
          | Schema
          | undefined,
        deprecated: op.deprecated === true,
      });
    }
  }
  return out;
}
