/**
 * Quoting a server's text in an error message.
 *
 * @module
 */

/**
 * Shows `text` in an error message: at most `max` characters, with an API
 * key or a bearer token masked, since a server (an echo endpoint behind a
 * wrong base URL, say) may send the request's own headers back.
 *
 * @example
 * ```ts ignore
 * preview("authorization: Bearer sk-abc123", 200); // "authorization: Bearer ***"
 * ```
 */
export function preview(text: string, max: number): string {
  text = text.replace(/(Bearer\s+|\bsk-)[\w.~+/=-]+/gi, "$1***");
  return text.length > max ? text.slice(0, max) + "…" : text;
}
