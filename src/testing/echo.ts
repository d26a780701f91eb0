/**
 * The deterministic "echo model" shared by the text-generating mock routes.
 *
 * @module
 */

/** The `created` timestamp of every mock object, fixed so output is stable. */
export const MOCK_CREATED = 1_700_000_000;

/**
 * Counts whitespace-separated words; the mock's stand-in for tokens.
 *
 * @example
 * ```ts
 * import { countWords } from "./echo.ts";
 * countWords("  Echo: hi there "); // 3
 * ```
 */
export function countWords(text: string): number {
  const words = text.match(/\S+/g);
  return words ? words.length : 0;
}

/**
 * Splits `text` into word pieces (each word with the whitespace after it),
 * so joining the pieces gives back `text` exactly.
 *
 * @example
 * ```ts
 * import { splitPieces } from "./echo.ts";
 * splitPieces("Echo: hi there"); // ["Echo: ", "hi ", "there"]
 * ```
 */
export function splitPieces(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

/**
 * Yields `count` pieces cycling through `pieces` (or just `pieces` when
 * `count` is undefined). Lazy, so a huge count costs no memory.
 *
 * @example
 * ```ts
 * import { cyclePieces } from "./echo.ts";
 * [...cyclePieces(["a ", "b "], 3)]; // ["a ", "b ", "a "]
 * ```
 */
export function* cyclePieces(
  pieces: readonly string[],
  count?: number,
): Generator<string> {
  if (count === undefined) return yield* pieces;
  const source = pieces.length ? pieces : ["Echo "];
  for (let i = 0; i < count; i++) yield source[i % source.length];
}

/**
 * Cuts `text` to at most `maxTokens` words (when given) and says whether it
 * was cut, which the routes report as finish_reason "length".
 *
 * @example
 * ```ts
 * import { limitWords } from "./echo.ts";
 * limitWords("Echo: a b c", 2); // { text: "Echo: a ", cut: true }
 * ```
 */
export function limitWords(
  text: string,
  maxTokens: unknown,
): { text: string; cut: boolean } {
  if (typeof maxTokens !== "number" || countWords(text) <= maxTokens) {
    return { text, cut: false };
  }
  return { text: splitPieces(text).slice(0, maxTokens).join(""), cut: true };
}

/**
 * A stable id for a request: `prefix` plus a hash of the body, so the same
 * request always gets the same id.
 *
 * @example
 * ```ts
 * import { mockId } from "./echo.ts";
 * mockId("chatcmpl", { a: 1 }) === mockId("chatcmpl", { a: 1 }); // true
 * ```
 */
export function mockId(prefix: string, body: unknown): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(body) ?? "";
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return `${prefix}-mock${(hash >>> 0).toString(36)}`;
}

/**
 * Flattens message content (a string, null, or an array of text parts) to
 * text.
 *
 * @example
 * ```ts
 * import { contentText } from "./echo.ts";
 * contentText([{ type: "text", text: "hi" }]); // "hi"
 * ```
 */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) =>
    typeof part === "string" ? part : String(part?.text ?? "")
  ).join("");
}

/**
 * Checks `n` (default 1) is an integer from 1 to `max` (default 128);
 * returns the problem.
 *
 * @example
 * ```ts
 * import { checkN } from "./echo.ts";
 * checkN(0); // "Invalid n: 0 (expected an integer from 1 to 128)"
 * checkN(11, 10); // "Invalid n: 11 (expected an integer from 1 to 10)"
 * ```
 */
export function checkN(n: unknown, max = 128): string | undefined {
  if (n === undefined || n === null) return undefined;
  if (Number.isInteger(n) && (n as number) >= 1 && (n as number) <= max) {
    return undefined;
  }
  return `Invalid n: ${
    JSON.stringify(n)
  } (expected an integer from 1 to ${max})`;
}
