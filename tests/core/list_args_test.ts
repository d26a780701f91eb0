import { listArgs } from "../../src/core/list_args.ts";
import { assertEquals, assertThrows } from "../_assert.ts";

// Any query shape, so that the tests can pass what a plain-JS caller would.
type Q = Record<string, unknown>;
const signal = new AbortController().signal;

Deno.test("listArgs keeps a query without request options as the query", () => {
  const options = { timeout: 5 };
  assertEquals(listArgs<Q>({ limit: 2 }, options), [{ limit: 2 }, options]);
  assertEquals(listArgs<Q>({}, undefined), [{}, undefined]);
  assertEquals(listArgs<Q>(undefined, options), [undefined, options]);
  assertEquals(listArgs<Q>(null, undefined), [undefined, undefined]);
  // Names an object inherits are no request options.
  assertEquals(listArgs<Q>({ constructor: 1, toString: 2 }, undefined), [
    { constructor: 1, toString: 2 },
    undefined,
  ]);
  // An option key left undefined is no option either.
  assertEquals(
    listArgs<Q>({ limit: 2, signal: undefined }, undefined),
    [{ limit: 2, signal: undefined }, undefined],
  );
});

Deno.test("listArgs takes a query made only of request options as the options", () => {
  const options = {
    signal,
    timeout: 5,
    maxRetries: 1,
    headers: { "x-a": "1" },
    query: { extra: true },
  };
  const [query, taken] = listArgs<Q>(options, undefined);
  assertEquals(query, undefined);
  assertEquals(taken === options, true);
  const withUndefined: Q = { limit: undefined, signal };
  assertEquals(listArgs<Q>(withUndefined, undefined), [
    undefined,
    withUndefined,
  ]);
});

Deno.test("listArgs throws a TypeError naming the keys when query and options mix", () => {
  assertThrows(
    () => listArgs<Q>({ limit: 2, signal, timeout: 5 }, undefined),
    TypeError,
    "Query fields (limit) and request options (signal, timeout) must be passed as separate arguments",
  );
  assertThrows(
    () => listArgs<Q>({ signal }, { maxRetries: 0 }),
    TypeError,
    "Request options (signal) were passed as the query and an options argument follows: pass them in the options argument",
  );
});
