/**
 * Checks request bodies against the spec's request schemas (compiled into
 * `request_schemas.ts`), so the mock rejects what the API rejects: unknown
 * fields, missing required fields, wrong types, values outside enums and
 * ranges, and a body of the wrong kind (form data where JSON is expected).
 *
 * @module
 */

/** One schema in the compact form `scripts/gen_mock_schemas.ts` writes. */
export interface FieldSchema {
  /** The JSON type. */
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
  /** Whether null is allowed. */
  nullable?: boolean;
  /** The allowed values. */
  enum?: readonly unknown[];
  /** Inclusive lower bound (exclusive with `exclusiveMinimum`). */
  minimum?: number;
  /** Inclusive upper bound. */
  maximum?: number;
  /** Makes `minimum` exclusive. */
  exclusiveMinimum?: boolean;
  /** Shortest string. */
  minLength?: number;
  /** Longest string. */
  maxLength?: number;
  /** Fewest array items. */
  minItems?: number;
  /** Most array items. */
  maxItems?: number;
  /** Required properties of an object. */
  required?: readonly string[];
  /** Array items. */
  items?: FieldSchema;
  /** Known properties of an object; others are rejected. */
  properties?: Readonly<Record<string, FieldSchema>>;
  /** What other properties may hold (true: anything). */
  additionalProperties?: boolean | FieldSchema;
  /** The value must match one of these. */
  oneOf?: readonly FieldSchema[];
  /** A file part of a multipart body (checked by the route). */
  binary?: boolean;
}

/** A request body schema and the media type it must be sent as. */
export interface RequestSchema extends FieldSchema {
  /** JSON, or multipart/form-data. */
  media: "json" | "multipart";
}

/** Why a request is rejected: an error message and the parameter at fault. */
export interface Problem {
  /** The error message, naming the bad value. */
  message: string;
  /** The parameter, as a path like `messages[0].role`, or null. */
  param: string | null;
}

const shown = (value: unknown) => {
  if (value instanceof File) return "a file";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
};

const range = (min?: number, max?: number) =>
  min !== undefined && max !== undefined
    ? `from ${min} to ${max}`
    : min !== undefined
    ? `of at least ${min}`
    : `of at most ${max}`;

// "an array of ..." -> "arrays of ...", "a non-empty string" -> "non-empty strings"
const plural = (noun: string) =>
  noun.replace(/^an? ((?:non-empty )?\w+)/, "$1s");

/**
 * Describes what a schema accepts, for error messages.
 *
 * @example
 * ```ts
 * import { describe } from "./validate.ts";
 * describe({ type: "integer", minimum: 1, maximum: 10 }); // "an integer from 1 to 10"
 * ```
 */
export function describe(schema: FieldSchema): string {
  if (schema.oneOf) {
    const parts = schema.oneOf.map(describe);
    return parts.length < 2
      ? parts.join("")
      : `${parts.slice(0, -1).join(", ")} or ${parts.at(-1)}`;
  }
  if (schema.enum) return schema.enum.join(", ");
  const { minimum: min, maximum: max } = schema;
  switch (schema.type) {
    case "integer":
    case "number": {
      const noun = schema.type === "integer" ? "an integer" : "a number";
      if (schema.exclusiveMinimum && max === undefined) {
        return `${noun} above ${min}`;
      }
      return min === undefined && max === undefined
        ? noun
        : `${noun} ${range(min, max)}`;
    }
    case "string": {
      const { minLength: lo, maxLength: hi } = schema;
      if (lo === undefined && hi === undefined) return "a string";
      if (lo === 1 && hi === undefined) return "a non-empty string";
      return lo !== undefined && hi !== undefined
        ? `a string of ${lo} to ${hi} characters`
        : `a string ${range(lo, hi)} characters`;
    }
    case "array": {
      const { minItems: lo, maxItems: hi } = schema;
      const size = lo !== undefined && lo === hi
        ? `${lo} `
        : lo !== undefined && hi !== undefined
        ? `${lo} to ${hi} `
        : lo !== undefined
        ? `at least ${lo} `
        : hi !== undefined
        ? `at most ${hi} `
        : "";
      const items = schema.items ? plural(describe(schema.items)) : "items";
      return `an array of ${size}${items}`;
    }
    case "boolean":
      return "a boolean";
    case "object":
      return "an object";
    default:
      return "any value";
  }
}

// Multipart fields arrive as text; read them as the schema's scalar type.
function fromForm(schema: FieldSchema, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const type = schema.type ?? schema.oneOf?.find((s) => s.type)?.type;
  if (type === "boolean") {
    return value === "true" ? true : value === "false" ? false : value;
  }
  if ((type === "number" || type === "integer") && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  return value;
}

function typeMatches(schema: FieldSchema, value: unknown): boolean {
  switch (schema.type) {
    case undefined:
      return true;
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null &&
        !Array.isArray(value) && !(value instanceof File);
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/**
 * Checks `value` at `path` against `schema`; returns the first problem.
 *
 * @example
 * ```ts
 * import { checkValue } from "./validate.ts";
 * checkValue({ type: "number", minimum: 0, maximum: 2 }, 7, "temperature");
 * // { message: "Invalid temperature: 7 (expected a number from 0 to 2)", param: "temperature" }
 * ```
 */
export function checkValue(
  schema: FieldSchema,
  value: unknown,
  path: string,
): Problem | undefined {
  if (value === null && schema.nullable) return undefined;
  const invalid = (): Problem => ({
    message: `Invalid ${path || "body"}: ${shown(value)} (expected ${
      describe(schema)
    })`,
    param: path || null,
  });
  if (schema.oneOf) {
    const fits = schema.oneOf.some((s) => !checkValue(s, value, path));
    return fits ? undefined : invalid();
  }
  if (!typeMatches(schema, value)) return invalid();
  if (schema.enum && !schema.enum.includes(value)) return invalid();
  if (typeof value === "number") {
    const { minimum: min, maximum: max } = schema;
    if (
      min !== undefined &&
      (schema.exclusiveMinimum ? value <= min : value < min)
    ) return invalid();
    if (max !== undefined && value > max) return invalid();
  }
  if (typeof value === "string") {
    if (value.length < (schema.minLength ?? 0)) return invalid();
    if (value.length > (schema.maxLength ?? Infinity)) {
      return {
        message: `Invalid ${path}: ${value.length} characters (expected ${
          describe(schema)
        })`,
        param: path,
      };
    }
  }
  if (Array.isArray(value)) {
    if (value.length < (schema.minItems ?? 0)) return invalid();
    if (value.length > (schema.maxItems ?? Infinity)) return invalid();
    if (schema.items) {
      for (let i = 0; i < value.length; i++) {
        const problem = checkValue(schema.items, value[i], join(path, i));
        if (problem) return problem;
      }
    }
  }
  if (schema.type === "object") {
    return checkObject(schema, value as Record<string, unknown>, path);
  }
  return undefined;
}

function checkObject(
  schema: FieldSchema,
  value: Record<string, unknown>,
  path: string,
  form = false,
): Problem | undefined {
  const known = schema.properties ?? {};
  const extra = schema.additionalProperties;
  for (const name of schema.required ?? []) {
    if (value[name] === undefined && !known[name]?.binary) {
      const param = join(path, name);
      return { message: `You must provide a ${param} parameter`, param };
    }
  }
  for (const [name, raw] of Object.entries(value)) {
    if (raw === undefined) continue;
    const sub = known[name] ??
      (typeof extra === "object" ? extra : undefined);
    if (!sub) {
      // Objects that declare properties reject others, as the API does.
      if (extra === true || (!schema.properties && extra === undefined)) {
        continue;
      }
      return {
        message: `Unrecognized request argument supplied: ${join(path, name)}`,
        param: null,
      };
    }
    if (sub.binary) continue;
    const field = form ? fromForm(sub, raw) : raw;
    const problem = checkValue(sub, field, join(path, name));
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Checks a request body against its operation's schema: the media type
 * (JSON, sent as `application/json` or without a type, or multipart, by the
 * request's `content-type`), then the fields.
 * File parts are left to the route, which knows what it accepts.
 *
 * @example
 * ```ts
 * import { checkRequest } from "./validate.ts";
 * const schema = { media: "json", type: "object", properties: {} } as const;
 * checkRequest(schema, "application/json", { max_token: 1 })?.message;
 * // "Unrecognized request argument supplied: max_token"
 * ```
 */
export function checkRequest(
  schema: RequestSchema,
  contentType: string | null,
  body: unknown,
): Problem | undefined {
  const type = contentType?.split(";")[0].trim().toLowerCase() ?? "";
  const form = type === "multipart/form-data" ||
    type === "application/x-www-form-urlencoded";
  // A body without a content type is read as JSON; any other type than JSON
  // is named, as a valid JSON body sent as text/plain would otherwise be
  // refused as a string.
  if (
    schema.media === "json" && type !== "" && type !== "application/json" &&
    (body !== undefined || form)
  ) {
    return {
      message:
        `Invalid content type: ${type} (this endpoint expects a JSON body sent as application/json)`,
      param: null,
    };
  }
  if (schema.media === "multipart" && type !== "multipart/form-data") {
    return {
      message: `Could not parse multipart form: the body is ${
        type || "empty"
      }, but this endpoint expects multipart/form-data`,
      param: null,
    };
  }
  const value = body ?? {};
  if (typeof value !== "object" || Array.isArray(value)) {
    return {
      message: `Invalid body: ${shown(value)} (expected a JSON object)`,
      param: null,
    };
  }
  return checkObject(
    schema,
    value as Record<string, unknown>,
    "",
    schema.media === "multipart",
  );
}
