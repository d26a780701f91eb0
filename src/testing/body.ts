/**
 * Reads a request body the way the mock records it.
 *
 * @module
 */

/** A parsed body, or the raw text and a message when it is not valid. */
export interface ReadBody {
  /** JSON value, record of form fields, text, or undefined when empty. */
  value: unknown;
  /** Set when the body claims to be JSON but does not parse. */
  error?: string;
}

// A name sent more than once (an array field, `name[]`) records every value,
// in order, as an array.
async function formRecord(
  request: Request,
): Promise<Record<string, string | File | (string | File)[]>> {
  const record: Record<string, string | File | (string | File)[]> = {};
  for (const [name, value] of await request.formData()) {
    const seen = record[name];
    record[name] = seen === undefined
      ? value
      : Array.isArray(seen)
      ? [...seen, value]
      : [seen, value];
  }
  return record;
}

/**
 * Parses `request`'s body by its content type: multipart and URL-encoded
 * forms become a record of fields (a repeated name: an array of its values), `text/*` stays text, anything else must
 * be JSON (an empty body is undefined).
 *
 * @example
 * ```ts
 * import { readBody } from "./body.ts";
 * const req = new Request("http://mock/v1/x", { method: "POST", body: "{\"a\":1}" });
 * (await readBody(req)).value; // { a: 1 }
 * ```
 */
export async function readBody(request: Request): Promise<ReadBody> {
  if (!request.body) return { value: undefined };
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (
    type.startsWith("multipart/form-data") ||
    type.startsWith("application/x-www-form-urlencoded")
  ) {
    try {
      return { value: await formRecord(request) };
    } catch (error) {
      return { value: undefined, error: `Invalid form body: ${error}` };
    }
  }
  const text = await request.text();
  if (type.startsWith("text/")) return { value: text };
  if (text === "") return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch {
    const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text;
    return {
      value: text,
      error: `We could not parse the JSON body of your request: ${shown}`,
    };
  }
}
