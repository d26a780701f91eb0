/**
 * Where the legacy search, answers and classifications endpoints get their
 * documents: given inline in the request, or read from an uploaded file.
 *
 * A file must have been uploaded with the endpoint's purpose (`search`,
 * `answers` or `classifications`) and hold JSON Lines: one object per line
 * with a `text` string, a `label` string for classifications, and an
 * optional `metadata` string. Blank lines are skipped.
 *
 * @module
 */

import { errorResponse } from "../errors.ts";
import type { MockContext } from "../route.ts";
import { storedFiles } from "./files.ts";

/** One document, or one labelled example for classifications. */
export interface LegacyDocument {
  /** The document's text. */
  text: string;
  /** The example's label (classifications only). */
  label?: string;
  /** What the file's line gave as `metadata`. */
  metadata?: string;
}

/** What {@linkcode legacyDocuments} reads, and how. */
export interface LegacySource {
  /** The inline field: `documents` or `examples`. */
  name: string;
  /** How many inline items the field takes at most. */
  max: number;
  /** The purpose a file must have been uploaded with. */
  purpose: "search" | "answers" | "classifications";
  /** Whether a request without either is refused (default true). */
  required?: boolean;
  /** Checks the inline items and turns them into documents. */
  inline(items: unknown[]): LegacyDocument[] | Response;
}

/**
 * Reads a legacy request's documents: exactly one of the inline field or
 * `file` (an uploaded file's id). Answers the documents and whether they came
 * from a file, or an error response: 400 for both or neither, too many
 * inline items, a file of another purpose or a malformed line, 404 for an
 * unknown file.
 *
 * @example
 * ```ts
 * import { legacyDocuments } from "./legacy_documents.ts";
 * import type { MockContext } from "../route.ts";
 * const ctx = { state: new Map() } as MockContext;
 * await legacyDocuments(ctx, { documents: ["a"] }, {
 *   name: "documents",
 *   max: 200,
 *   purpose: "search",
 *   inline: (items) => items.map((text) => ({ text: String(text) })),
 * }); // { docs: [{ text: "a" }], fromFile: false }
 * ```
 */
export async function legacyDocuments(
  ctx: MockContext,
  body: Record<string, unknown>,
  source: LegacySource,
): Promise<{ docs: LegacyDocument[]; fromFile: boolean } | Response> {
  const { name, max } = source;
  const items = body[name];
  const hasItems = items !== undefined && items !== null;
  const file = body.file;
  if (hasItems && file != null) {
    return errorResponse(
      400,
      `Invalid request: give ${name} or file, not both`,
      { param: name },
    );
  }
  if (typeof file === "string") {
    const docs = await fileDocuments(ctx, file, source.purpose);
    return docs instanceof Response ? docs : { docs, fromFile: true };
  }
  if (!hasItems) {
    if (source.required === false) return { docs: [], fromFile: false };
    return errorResponse(400, `You must provide ${name} or file`, {
      param: name,
    });
  }
  if (!Array.isArray(items) || items.length > max) {
    return errorResponse(
      400,
      `Invalid ${name}: expected an array of at most ${max} items`,
      { param: name },
    );
  }
  const docs = source.inline(items);
  return docs instanceof Response ? docs : { docs, fromFile: false };
}

/**
 * `{ metadata }` for a result when `wanted` (the request's `return_metadata`,
 * with documents read from a file) and the document has some, else nothing.
 *
 * @example
 * ```ts
 * import { metadataOf } from "./legacy_documents.ts";
 * ({ document: 0, ...metadataOf({ text: "a", metadata: "m" }, true) }); // { document: 0, metadata: "m" }
 * ```
 */
export function metadataOf(
  doc: LegacyDocument,
  wanted: boolean,
): { metadata?: string } {
  return wanted && doc.metadata !== undefined ? { metadata: doc.metadata } : {};
}

function badFile(id: string, problem: string): Response {
  return errorResponse(400, `Invalid file ${id}: ${problem}`, {
    param: "file",
  });
}

async function fileDocuments(
  ctx: MockContext,
  id: string,
  purpose: LegacySource["purpose"],
): Promise<LegacyDocument[] | Response> {
  const stored = storedFiles(ctx.state).get(id);
  if (!stored) {
    return errorResponse(404, `No such File object: ${id}`, { param: "file" });
  }
  if (stored.meta.purpose !== purpose) {
    return badFile(
      id,
      `it was uploaded with purpose '${stored.meta.purpose}', but this endpoint reads files uploaded with purpose '${purpose}'`,
    );
  }
  const docs: LegacyDocument[] = [];
  const lines = (await stored.blob.text()).split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const at = `line ${index + 1}`;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line);
    } catch {
      return badFile(id, `${at} is not valid JSON`);
    }
    if (
      typeof record !== "object" || record === null || Array.isArray(record)
    ) {
      return badFile(id, `${at} is not a JSON object`);
    }
    const { text, label, metadata } = record;
    if (typeof text !== "string") {
      return badFile(id, `${at} has no "text" string`);
    }
    if (
      purpose === "classifications" && (typeof label !== "string" || !label)
    ) {
      return badFile(id, `${at} has no "label" string`);
    }
    if (metadata !== undefined && typeof metadata !== "string") {
      return badFile(id, `${at} has a "metadata" that is not a string`);
    }
    docs.push({
      text,
      ...(purpose === "classifications" ? { label: label as string } : {}),
      ...(metadata === undefined ? {} : { metadata }),
    });
  }
  return docs.length ? docs : badFile(id, "it holds no documents");
}

/**
 * The most similar `limit` of `items` by `score` (ties to the earlier
 * document), in their original order: what `max_rerank` and `max_examples`
 * keep when a file is read. No `limit` (`undefined` or `null`) means the
 * spec's default of 200; one that is not a positive whole number keeps them
 * all.
 *
 * @example
 * ```ts
 * import { mostSimilar } from "./legacy_documents.ts";
 * mostSimilar([{ document: 0, score: 1 }, { document: 1, score: 9 }], 1);
 * // [{ document: 1, score: 9 }]
 * ```
 */
export function mostSimilar<T extends { document: number; score: number }>(
  items: T[],
  limit: unknown,
): T[] {
  const keep = limit ?? 200;
  if (!Number.isInteger(keep) || (keep as number) < 1) return items;
  return [...items]
    .sort((a, b) => b.score - a.score || a.document - b.document)
    .slice(0, keep as number)
    .sort((a, b) => a.document - b.document);
}
