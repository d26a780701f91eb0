/**
 * The file object the API returns for uploads, shared by the files and
 * fine-tunes resources.
 *
 * @module
 */

import type { CursorPage } from "../core/pagination.ts";
import type { AnyString, RequestID } from "./shared.ts";

/** An uploaded file as the API describes it (the spec's `OpenAIFile`). */
export interface FileObject extends RequestID {
  /** The file id, e.g. `"file-abc123"`. */
  id: string;
  /** Always `"file"`. */
  object: "file" | AnyString;
  /** Size in bytes. */
  bytes: number;
  /** Unix time in seconds when it was uploaded. */
  created_at: number;
  /** The name it was uploaded with. */
  filename: string;
  /** What it is for, e.g. `"fine-tune"` or `"fine-tune-results"`. */
  purpose: FilePurpose | "fine-tune-results";
  /** Processing state, e.g. `"uploaded"`, `"processed"` or `"error"`. */
  status?: "uploaded" | "processed" | "error" | AnyString;
  /** Why processing failed, when it did. */
  status_details?: Record<string, unknown> | string | null;
}

/**
 * What a file is uploaded for: `"fine-tune"`, or for the legacy endpoints
 * `"search"`, `"answers"` and `"classifications"`.
 */
export type FilePurpose =
  | "fine-tune"
  | "search"
  | "answers"
  | "classifications"
  | AnyString;

/** The official SDK's name for a page of files. */
export type FileObjectsPage = CursorPage<FileObject>;
