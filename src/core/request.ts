/**
 * Pure request-building helpers: paths, query strings and header checks.
 *
 * @module
 */

import type { QueryValues } from "./options.ts";

/**
 * Tagged template that percent-encodes every interpolated path parameter, so
 * no id can leave its segment (`"../files?x=1"` stays one segment).
 *
 * @example
 * ```ts
 * import { path } from "./request.ts";
 * console.log(path`/models/${"../files?x=1"}`); // "/models/..%2Ffiles%3Fx%3D1"
 * ```
 */
export function path(
  strings: TemplateStringsArray,
  ...values: string[]
): string {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    out += encodeSegment(values[i]) + strings[i + 1];
  }
  return out;
}

function encodeSegment(value: unknown): string {
  if (
    typeof value !== "string" || value === "" || value === "." || value === ".."
  ) {
    throw new TypeError(
      `Invalid path parameter ${
        JSON.stringify(value)
      }: expected a non-empty id string`,
    );
  }
  return encodeURIComponent(value);
}

/** Appends `query` entries (skipping `undefined` and `null`) to `url`. */
export function appendQuery(
  url: string,
  query: QueryValues | undefined,
): string {
  if (!query) return url;
  let qs = "";
  for (const key in query) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    qs += (qs ? "&" : "") + encodeURIComponent(key) + "=" +
      encodeURIComponent(String(value));
  }
  if (!qs) return url;
  return url + (url.includes("?") ? "&" : "?") + qs;
}

// Header names are RFC 9110 tokens; values may not carry CR, LF or NUL, and
// must be ByteStrings: fetch rejects a code unit above U+00FF, which would
// otherwise surface as a retried connection error.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_VALUE = /[\r\n\0\u0100-\uffff]/;

/**
 * Throws a `TypeError` naming the header (never its value, which may be a
 * secret) when a header name or value could split or smuggle a request.
 */
export function checkHeader(name: string, value: string): void {
  if (!TOKEN.test(name)) {
    throw new TypeError(`Invalid header name ${JSON.stringify(name)}`);
  }
  if (typeof value !== "string" || BAD_VALUE.test(value)) {
    throw new TypeError(
      `Invalid value for header ${
        JSON.stringify(name)
      }: expected Latin-1 text without CR, LF or NUL`,
    );
  }
}

/** Copies `extra` onto `target` (lower-cased names); a `null` value removes a header. */
export function mergeHeaders(
  target: Record<string, string>,
  extra: Record<string, string | null | undefined> | undefined,
): Record<string, string> {
  if (!extra) return target;
  for (const name in extra) {
    const value = extra[name];
    const key = name.toLowerCase();
    if (value === null) {
      delete target[key];
    } else if (value !== undefined) {
      checkHeader(name, value);
      target[key] = value;
    }
  }
  return target;
}
