/**
 * A small validator for the OpenAPI 3.0 schema subset used by
 * `spec/openapi.yaml`, plus `$ref` resolution. Import it through
 * `spec_lib.ts`, which re-exports everything here.
 *
 * @example Validate a value
 * ```ts
 * import { validate } from "./schema.ts";
 * validate({ type: "integer", minimum: 1 }, 0, spec); // ["$: 0 is below 1"]
 * ```
 * @module
 */

/** A schema object as parsed from YAML (kept loose on purpose). */
export type Schema = { [keyword: string]: unknown };

/** The parsed `spec/openapi.yaml` document. */
export type Spec = {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

/** Options for {@linkcode validate}. */
export type ValidateOptions = {
  /** Treat strings as form/query text: coerce them where the schema wants a number, integer or boolean. */
  form?: boolean;
};

/**
 * Follow a local JSON pointer such as `#/components/schemas/Model`; throws if it leads nowhere.
 * @example
 * ```ts
 * const model = resolveRef(spec, "#/components/schemas/Model");
 * ```
 */
export function resolveRef(spec: Spec, ref: string): Schema {
  if (!ref.startsWith("#/")) {
    throw new Error(`Cannot resolve non-local $ref ${ref}`);
  }
  let node: unknown = spec;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    node = isObject(node) ? node[key] : undefined;
    if (node === undefined) throw new Error(`Cannot resolve $ref ${ref}`);
  }
  return node as Schema;
}

/**
 * Return `node`, or what it points to when it is a `{ $ref }` (followed repeatedly).
 * @example
 * ```ts
 * const param = deref(spec, { $ref: "#/components/parameters/FileId" });
 * ```
 */
export function deref<T = Schema>(spec: Spec, node: unknown): T {
  let seen = 0;
  while (isObject(node) && typeof node.$ref === "string") {
    if (++seen > 32) throw new Error(`Cannot resolve cyclic $ref ${node.$ref}`);
    node = resolveRef(spec, node.$ref);
  }
  return node as T;
}

/**
 * Check `value` against `schema` (OpenAPI 3.0 subset: $ref, type, nullable, enum, required,
 * properties, additionalProperties, items, oneOf/anyOf/allOf, min/max for items, length and
 * numbers, format binary). Returns one message per problem; an empty list means valid.
 * `nullable: true` admits null even without a `type`; `format: binary` also admits Blob,
 * ArrayBuffer and typed arrays.
 * @example
 * ```ts
 * validate({ $ref: "#/components/schemas/Model" }, { id: "m", object: "model" }, spec); // []
 * ```
 */
export function validate(
  schema: unknown,
  value: unknown,
  spec: Spec,
  options: ValidateOptions = {},
): string[] {
  const check = (raw: unknown, value: unknown, at: string): string[] => {
    let s: Schema;
    try {
      s = deref(spec, raw);
    } catch (e) {
      return [`${at}: ${(e as Error).message}`];
    }
    if (value === null && s.nullable === true) return [];
    const v = options.form && typeof value === "string"
      ? coerce(s.type, value)
      : value;
    if (s.type !== undefined && !hasType(s, v)) {
      return [`${at}: expected ${s.type}, got ${describe(v)}`];
    }
    if (isBinary(v)) return []; // no keyword but type/format applies to bytes
    const errors: string[] = [];
    const fail = (message: string) => errors.push(`${at}: ${message}`);
    const json = JSON.stringify(v);
    if (
      Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === json)
    ) {
      fail(`${json} is not one of ${JSON.stringify(s.enum)}`);
    }
    if (typeof v === "string" || Array.isArray(v)) {
      const [lo, hi, unit] = typeof v === "string"
        ? [s.minLength, s.maxLength, "characters"]
        : [s.minItems, s.maxItems, "items"];
      if (typeof lo === "number" && v.length < lo) {
        fail(`fewer than ${lo} ${unit}`);
      }
      if (typeof hi === "number" && v.length > hi) {
        fail(`more than ${hi} ${unit}`);
      }
    }
    if (typeof v === "number") {
      const { minimum: lo, maximum: hi } = s as {
        minimum?: number;
        maximum?: number;
      };
      if (lo !== undefined && (s.exclusiveMinimum ? v <= lo : v < lo)) {
        fail(`${v} is below ${lo}`);
      }
      if (hi !== undefined && (s.exclusiveMaximum ? v >= hi : v > hi)) {
        fail(`${v} is above ${hi}`);
      }
    }
    if (Array.isArray(v) && s.items !== undefined) {
      v.forEach((x, i) => errors.push(...check(s.items, x, `${at}[${i}]`)));
    }
    if (isObject(v) && !Array.isArray(v)) {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      for (const key of (s.required ?? []) as string[]) {
        if (v[key] === undefined) fail(`missing required ${key}`);
      }
      const extra = s.additionalProperties;
      for (const [key, x] of Object.entries(v)) {
        const where = `${at}.${key}`;
        if (x === undefined) continue;
        if (key in props) errors.push(...check(props[key], x, where));
        else if (extra === false) errors.push(`${where}: not allowed`);
        else if (isObject(extra)) errors.push(...check(extra, x, where));
      }
    }
    for (const part of (s.allOf ?? []) as unknown[]) {
      errors.push(...check(part, v, at));
    }
    const matches = (list: unknown[]) =>
      list.filter((p) => check(p, v, at).length === 0).length;
    if (Array.isArray(s.anyOf) && matches(s.anyOf) === 0) {
      fail(`matches none of anyOf (${describe(v)})`);
    }
    const one = Array.isArray(s.oneOf) ? matches(s.oneOf) : 1;
    if (one !== 1) {
      fail(`matches ${one} of oneOf, expected exactly 1 (${describe(v)})`);
    }
    return errors;
  };
  return check(schema, value, "$");
}

function hasType(s: Schema, v: unknown): boolean {
  switch (s.type) {
    case "string":
      return typeof v === "string" || (s.format === "binary" && isBinary(v));
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "integer":
      return Number.isInteger(v);
    case "boolean":
      return typeof v === "boolean";
    case "array":
      return Array.isArray(v);
    case "object":
      return isObject(v) && !Array.isArray(v) && !isBinary(v);
    default:
      return false;
  }
}

function coerce(type: unknown, text: string): unknown {
  const numeric = type === "number" || type === "integer";
  if (numeric && text.trim() !== "" && !Number.isNaN(Number(text))) {
    return Number(text);
  }
  if (type === "boolean" && (text === "true" || text === "false")) {
    return text === "true";
  }
  return text;
}

function isBinary(v: unknown): boolean {
  return v instanceof Blob || v instanceof ArrayBuffer || ArrayBuffer.isView(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (isBinary(v)) return "binary";
  return typeof v;
}
