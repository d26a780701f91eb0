/**
 * Pure request-building helpers: paths, query strings and header checks.
 *
 * @module
 */

import type { HeadersLike, QueryValues } from "./options.ts";
import { describe } from "./to_file.ts";

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
    // Only a string's own text is shown: an object in the wrong place may
    // be request options holding a key.
    throw new TypeError(
      `Invalid path parameter ${
        typeof value == "string" ? JSON.stringify(value) : describe(value)
      }: expected a non-empty id string`,
    );
  }
  return encodeURIComponent(value);
}

/**
 * Appends `query` entries (skipping `undefined` and `null`) to `url`; an
 * object or array value is a `TypeError` naming its key, not `[object Object]`
 * on the wire.
 */
export function appendQuery(
  url: string,
  query: QueryValues | undefined,
): string {
  for (const key in query) {
    const value = query[key];
    if (typeof value == "object" && value) {
      throw new TypeError(
        `Invalid query value for ${key}: expected a string, number or boolean`,
      );
    }
    if (value != null) {
      url += (url.includes("?") ? "&" : "?") + encodeURIComponent(key) + "=" +
        encodeURIComponent(value);
    }
  }
  return url;
}

/**
 * Copies `headers` (a record, `Headers` or pairs) onto `target` (lower-cased
 * names); a `null` value removes a header. Throws a `TypeError` naming the
 * header (never its value, which may be a secret) when a name is not a token
 * or a value holds CR, LF, NUL or a character fetch would refuse (above
 * U+00FF).
 */
export function mergeHeaders(
  target: Record<string, string>,
  headers: HeadersLike | undefined,
): Record<string, string> {
  // `Headers` and pairs are iterable; a record is read by its own keys.
  let extra = headers as Record<string, unknown> | undefined;
  if ((headers as Iterable<unknown>)?.[Symbol.iterator]) {
    extra = {};
    // As in a record, an `undefined` value is skipped, not an erasure.
    for (const [name, value] of headers as Iterable<[string, unknown]>) {
      if (value !== undefined) extra[name] = value;
    }
  }
  for (const name in extra) {
    const value = extra[name];
    if (!/^[!#$%&'*+.^_`|~\w-]+$/.test(name)) {
      throw new TypeError(`Invalid header name ${JSON.stringify(name)}`);
    }
    if (value === null) delete target[name.toLowerCase()];
    else if (value !== undefined) {
      // As `Headers` would take them: an array's values joined (its null
      // and undefined ones left out), a number or boolean as its text.
      let text = Array.isArray(value)
        ? value.filter((v) => v != null).join(", ")
        : value;
      if (
        typeof text == "object" ||
        /[\r\n\0\u0100-\uffff]/.test(text = String(text))
      ) {
        throw new TypeError(
          `Invalid value for header ${
            JSON.stringify(name)
          }: expected Latin-1 text without CR, LF or NUL`,
        );
      }
      target[name.toLowerCase()] = text as string;
    }
  }
  return target;
}
