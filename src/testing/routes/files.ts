/**
 * Mock routes for files: uploads are kept in memory per mock (in
 * `ctx.state` under `"files"`), so `content` returns the bytes uploaded.
 *
 * A new file is `uploaded`, as the API reports it from `create`, and
 * `processed` from its first retrieve on (and in lists after that). A client
 * that polls until processed, like `files.waitForProcessing`, thus returns
 * from its first poll, without waiting out a poll interval.
 *
 * @module
 */

import type { FileObject } from "../../resources/file_object.ts";
import type { FileDeleted } from "../../resources/files.ts";
import { MOCK_CREATED } from "../echo.ts";
import { errorResponse, invalidChoice } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";
import { cursorList } from "./fine_tuning.ts";

/** An uploaded file as the mock keeps it. */
export interface StoredFile {
  /** What the API reports about it. */
  meta: FileObject;
  /** The uploaded contents. */
  blob: Blob;
}

/**
 * The files uploaded to one mock, by id (created on first use).
 *
 * @example
 * ```ts
 * import { storedFiles } from "./files.ts";
 * const state = new Map<string, unknown>();
 * storedFiles(state).size; // 0
 * ```
 */
export function storedFiles(
  state: Map<string, unknown>,
): Map<string, StoredFile> {
  let files = state.get("files") as Map<string, StoredFile> | undefined;
  if (!files) state.set("files", files = new Map());
  return files;
}

// What the API accepts as an upload's purpose: the spec leaves it a string,
// but the API answers 400 for any other value.
const PURPOSES = [
  "fine-tune",
  "answers",
  "search",
  "classifications",
  "assistants",
  "batch",
  "vision",
  "user_data",
  "evals",
];

function notFound(id: string): Response {
  return errorResponse(404, `No such File object: ${id}`, { param: "id" });
}

function createFile(ctx: MockContext): FileObject | Response {
  const body = ctx.body;
  if (typeof body !== "object" || body === null || !("file" in body)) {
    return errorResponse(400, "You must provide a file to upload", {
      param: "file",
    });
  }
  const { file, purpose } = body as Record<string, unknown>;
  if (!(file instanceof File)) {
    return errorResponse(400, "The file field must be a file upload", {
      param: "file",
    });
  }
  if (typeof purpose !== "string" || purpose === "") {
    return errorResponse(400, "You must provide a purpose", {
      param: "purpose",
    });
  }
  if (!PURPOSES.includes(purpose)) {
    return invalidChoice("purpose", purpose, PURPOSES);
  }
  const files = storedFiles(ctx.state);
  // A counter rather than the map's size, so an id is never reused after a delete.
  const count = ((ctx.state.get("files.count") as number) ?? 0) + 1;
  ctx.state.set("files.count", count);
  const id = `file-mock${count}`;
  const meta: FileObject = {
    id,
    object: "file",
    bytes: file.size,
    created_at: MOCK_CREATED + count,
    filename: file.name,
    purpose,
    status: "uploaded",
    status_details: null,
  };
  files.set(id, { meta, blob: file });
  return meta;
}

/**
 * The file routes: `listFiles`, `createFile` (multipart; needs a file part
 * and a `purpose`), `retrieveFile` (which moves an `uploaded` file to
 * `processed` before answering), `deleteFile` and `downloadFile` (the uploaded
 * bytes as `application/octet-stream`). Unknown ids get a 404.
 *
 * @example
 * ```ts
 * import { fileRoutes } from "./files.ts";
 * fileRoutes.map((r) => r.operationId).includes("downloadFile"); // true
 * ```
 */
export const fileRoutes: Route[] = [
  {
    operationId: "listFiles",
    method: "GET",
    path: "/files",
    // `?purpose=` keeps the files of that purpose, and `limit`/`after` page
    // them (up to 10,000 a page), as the API does now (newer than the 2.0.0
    // spec, which lists files in one page with no query).
    handle: (ctx) => {
      const purpose = ctx.query.get("purpose");
      const files = [...storedFiles(ctx.state).values()].map((f) => f.meta);
      return cursorList(
        purpose === null ? files : files.filter((f) => f.purpose === purpose),
        ctx.query,
        10_000,
        10_000,
      );
    },
  },
  {
    operationId: "createFile",
    method: "POST",
    path: "/files",
    handle: createFile,
  },
  {
    operationId: "retrieveFile",
    method: "GET",
    path: "/files/{file_id}",
    handle: ({ state, params }) => {
      const stored = storedFiles(state).get(params.file_id);
      if (!stored) return notFound(params.file_id);
      // Processing finishes as soon as someone looks: a test that waits for
      // it costs one poll, not a poll interval.
      if (stored.meta.status === "uploaded") stored.meta.status = "processed";
      return { ...stored.meta };
    },
  },
  {
    operationId: "deleteFile",
    method: "DELETE",
    path: "/files/{file_id}",
    handle: ({ state, params }): FileDeleted | Response => {
      const id = params.file_id;
      if (!storedFiles(state).delete(id)) return notFound(id);
      return { id, object: "file", deleted: true };
    },
  },
  {
    operationId: "downloadFile",
    method: "GET",
    path: "/files/{file_id}/content",
    handle: ({ state, params }) => {
      const stored = storedFiles(state).get(params.file_id);
      if (!stored) return notFound(params.file_id);
      return new Response(stored.blob.stream(), {
        headers: {
          "content-type": "application/octet-stream",
          "content-length": String(stored.blob.size),
          "content-disposition": `attachment; filename="${
            stored.meta.filename.replace(/["\\\r\n]/g, "_")
          }"`,
        },
      });
    },
  },
];
