/**
 * Quoting a server's text in an error: shortened, and with secrets masked.
 *
 * @module
 */

/**
 * Masks what looks like a secret in `text`, since a server (an echo endpoint
 * behind a wrong base URL, say) may send the request's own headers back: an
 * OpenAI key (`sk-` and 16 or more characters), a bearer token, and the value
 * after `api-key` or `x-api-key` (as a header or a query parameter, plain or
 * URL-encoded). A mask stops at a quote or a backslash, so JSON text stays
 * valid, and words such as "bearer token", "sk-learn" or "risk-model" are
 * left alone.
 *
 * @example
 * ```ts ignore
 * mask("authorization: Bearer sk-proj-0123456789abcdef"); // "authorization: Bearer ***"
 * ```
 */
export function mask(text: string): string {
  return text
    .replace(/(\b(?:bearer|api.?key)\W+)[^\s"'&,;<\\]{16,}/gi, "$1***")
    .replace(/\bsk-[\w-]{16,}/g, "sk-***");
}

/**
 * {@link mask}s `text` and cuts it to `max` characters, marking a cut with
 * `…`.
 *
 * @example
 * ```ts ignore
 * preview("x".repeat(300), 200).length; // 201
 * ```
 */
export function preview(text: string, max: number): string {
  text = mask(text);
  return text.length > max ? text.slice(0, max) + "…" : text;
}
