/**
 * Telling a list method's query from its request options, for calls ported
 * from the official SDK, whose list methods take either one first.
 *
 * @module
 */

import type { QueryValues, RequestOptions } from "./options.ts";

// Every key of RequestOptions: the type fails to compile when one is added
// there and not here, so no option is ever taken for a query field.
const OPTION_KEYS: Record<keyof RequestOptions, 1> = {
  signal: 1,
  timeout: 1,
  maxRetries: 1,
  headers: 1,
  query: 1,
  fetchOptions: 1,
};

const list = (keys: string[]) => keys.join(", ");

/**
 * Splits the `(query, options)` arguments of a list method as the official
 * SDK does. A `query` whose keys (those not `undefined`) are all request
 * option keys is the request options, so `jobs.list({ signal })` is not
 * silently sent without its signal; any other `query` stays the query.
 * Throws a `TypeError` naming the keys when one object mixes query fields
 * and request options, or when request options come first and an `options`
 * argument follows: either way one set would be ignored.
 *
 * @example
 * ```ts ignore
 * const signal = AbortSignal.timeout(1_000);
 * listArgs({ signal }, undefined); // [undefined, { signal }]
 * listArgs({ limit: 5 }, { signal }); // [{ limit: 5 }, { signal }]
 * listArgs({ limit: 5, signal }, undefined); // throws TypeError
 * ```
 */
export function listArgs<Q extends object>(
  query: Q | RequestOptions | null | undefined,
  options: RequestOptions | undefined,
): [Q | undefined, RequestOptions | undefined] {
  if (typeof query !== "object" || query === null) {
    return [(query ?? undefined) as Q | undefined, options];
  }
  const keys = Object.keys(query).filter((key) =>
    (query as Record<string, unknown>)[key] !== undefined
  );
  const ours = keys.filter((key) => Object.hasOwn(OPTION_KEYS, key));
  if (!ours.length) return [query as Q, options];
  if (ours.length < keys.length) {
    const fields = keys.filter((key) => !ours.includes(key));
    throw new TypeError(
      `Query fields (${list(fields)}) and request options (${
        list(ours)
      }) must be passed as separate arguments`,
    );
  }
  if (options !== undefined) {
    throw new TypeError(
      `Request options (${
        list(ours)
      }) were passed as the query and an options argument follows: pass them in the options argument`,
    );
  }
  return [undefined, query as RequestOptions];
}

/**
 * The `keys` of `query` that have a value, as the query a list method sends:
 * a key left out (or `undefined`, or `null`) is not sent at all, so it
 * leaves the client's `defaultQuery` for that key in place.
 *
 * @example
 * ```ts ignore
 * queryOf({ after: undefined, limit: 5, extra: 1 }, ["after", "limit"]); // { limit: 5 }
 * ```
 */
export function queryOf<Q extends object>(
  query: Q | undefined,
  keys: readonly (keyof Q & string)[],
): QueryValues | undefined {
  let out: QueryValues | undefined;
  for (const key of keys) {
    const value = query?.[key];
    if (value != null) (out ??= {})[key] = value as QueryValues[string];
  }
  return out;
}
