/**
 * Tiny assertion helpers for the test suite, so tests need no dependencies.
 *
 * @module
 */

/** An error thrown when an assertion fails. */
export class AssertionError extends Error {
  /** Creates the error with the given message. */
  constructor(message: string) {
    super(message);
    this.name = "AssertionError";
  }
}

/**
 * Throws unless `condition` is truthy.
 *
 * @example
 * ```ts
 * import { assert } from "./_assert.ts";
 * assert(1 + 1 === 2);
 * ```
 */
export function assert(
  condition: unknown,
  message = "Assertion failed",
): asserts condition {
  if (!condition) throw new AssertionError(message);
}

function equal(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (
    typeof a !== "object" || typeof b !== "object" || a === null || b === null
  ) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof Map || a instanceof Set) {
    return equal([...a], [...(b as Map<unknown, unknown> | Set<unknown>)]);
  }
  if (ArrayBuffer.isView(a)) {
    return equal(Array.from(a as Uint8Array), Array.from(b as Uint8Array));
  }
  if (a instanceof Headers || a instanceof URLSearchParams) {
    return equal([...a], [...(b as Headers)]);
  }
  if (a instanceof URL) return a.href === (b as URL).href;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const proto = Object.getPrototypeOf(a);
  if (
    !ka.length && !kb.length && proto !== Object.prototype && proto !== null &&
    !Array.isArray(a)
  ) {
    // A Response, Blob, Error...: no keys to compare, so two different ones
    // would pass as equal. Compare what matters to the test instead.
    throw new AssertionError(
      `assertEquals cannot compare two ${proto.constructor?.name} objects`,
    );
  }
  if (ka.length !== kb.length) return false;
  for (const key of ka) {
    if (!Object.hasOwn(b, key)) return false;
    if (
      !equal(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
      )
    ) {
      return false;
    }
  }
  return true;
}

function show(value: unknown): string {
  try {
    return Deno.inspect(value, {
      depth: 10,
      strAbbreviateSize: 1000,
      iterableLimit: 1000,
    });
  } catch {
    return String(value);
  }
}

/**
 * Throws unless `actual` and `expected` are deeply equal (own enumerable keys,
 * same prototypes, arrays, maps, sets, dates and typed arrays).
 *
 * @example
 * ```ts
 * import { assertEquals } from "./_assert.ts";
 * assertEquals({ a: [1, 2] }, { a: [1, 2] });
 * ```
 */
export function assertEquals<T>(
  actual: T,
  expected: T,
  message?: string,
): void {
  if (equal(actual, expected)) return;
  const detail = `Values are not equal\n  actual:   ${
    show(actual)
  }\n  expected: ${show(expected)}`;
  throw new AssertionError(message ? `${message}: ${detail}` : detail);
}

type ErrorClass = abstract new (...args: never[]) => Error;

function check(
  error: unknown,
  ErrorType?: ErrorClass,
  includes?: string,
): Error {
  if (ErrorType && !(error instanceof ErrorType)) {
    throw new AssertionError(`Expected ${ErrorType.name}, got ${show(error)}`);
  }
  if (
    includes !== undefined &&
    !(error instanceof Error && error.message.includes(includes))
  ) {
    throw new AssertionError(
      `Expected an error message including ${JSON.stringify(includes)}, got ${
        show(error)
      }`,
    );
  }
  return error as Error;
}

/**
 * Throws unless `fn` throws (an instance of `ErrorType`, with a message including `includes`); returns the error.
 *
 * @example
 * ```ts
 * import { assertThrows } from "./_assert.ts";
 * assertThrows(() => JSON.parse("{"), SyntaxError);
 * ```
 */
export function assertThrows(
  fn: () => unknown,
  ErrorType?: ErrorClass,
  includes?: string,
): Error {
  try {
    fn();
  } catch (error) {
    return check(error, ErrorType, includes);
  }
  throw new AssertionError("Expected the function to throw");
}

/**
 * Throws unless the promise from `fn` rejects (as `assertThrows` checks); returns the error.
 *
 * @example
 * ```ts
 * import { assertRejects } from "./_assert.ts";
 * await assertRejects(() => Promise.reject(new TypeError("no")), TypeError, "no");
 * ```
 */
export async function assertRejects(
  fn: () => PromiseLike<unknown>,
  ErrorType?: ErrorClass,
  includes?: string,
): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return check(error, ErrorType, includes);
  }
  throw new AssertionError("Expected the promise to reject");
}

/** Settles like `promise`, or rejects once `ms` pass: a hang fails the test. */
export async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Still pending after ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
