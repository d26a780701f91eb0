/**
 * `client.files`: upload, list, inspect, delete and download files.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
} from "../core/errors.ts";
import type { RequestOptions } from "../core/options.ts";
import {
  type CursorPage,
  type PagePromise,
  requestCursorList,
} from "../core/pagination.ts";
import { path } from "../core/request.ts";
import { sleep } from "../core/sleep.ts";
import { check, type Requester } from "../core/transport.ts";
import { postForm, type Uploadable } from "../core/uploads.ts";
import type { FileObject, FilePurpose } from "./file_object.ts";
import type { AnyString, RequestID } from "./shared.ts";

export type {
  FileObject,
  FileObjectsPage,
  FilePurpose,
} from "./file_object.ts";

/**
 * What `files.retrieveContent` resolves to: the file's contents as text (the
 * official SDK's name for it).
 *
 * @example
 * ```ts
 * import type { FileContent } from "@webstd/openai";
 * const lines = (content: FileContent) => content.split("\n").length;
 * ```
 */
export type FileContent = string;

// The statuses after which a file no longer changes.
const FINAL = ["processed", "error", "deleted"];

/** The fields of `files.create`. */
export interface FileCreateParams {
  /**
   * The contents (for fine-tuning, JSON Lines of `{"prompt", "completion"}`
   * records): a `File` or `Blob`, or a `Response`, byte stream or async
   * iterable, read first; `toFile` makes a named `File` from bytes.
   */
  file: Uploadable;
  /** What the file is for; `"fine-tune"` is the documented value. */
  purpose: FilePurpose;
}

/**
 * The query of `files.list`. The 2.0.0 spec lists files in one page; the API
 * now pages them with a cursor, which these fields (as in the official SDK)
 * drive. A server that sends no `has_more` gives one page, as before.
 */
export interface FileListParams {
  /** Only the files uploaded for this purpose. */
  purpose?: FilePurpose;
  /** The id of the file to list after (set for you when paging). */
  after?: string;
  /** How many files per page. */
  limit?: number;
  /** By creation time: `"desc"` (the API's default) or `"asc"`. */
  order?: "asc" | "desc";
}

/** The result of deleting a file. */
export interface FileDeleted extends RequestID {
  /** The deleted file's id. */
  id: string;
  /** Always `"file"`. */
  object: "file" | AnyString;
  /** True when it was deleted. */
  deleted: boolean;
}

/**
 * `/files`.
 *
 * @example Upload training data, then read it back as a stream
 * ```ts
 * import { Files, toFile, Transport } from "@webstd/openai/files";
 * const files = new Files(new Transport({ apiKey: "sk-test" }));
 * const jsonl = '{"prompt":"a","completion":"b"}\n';
 * const file = await toFile(new TextEncoder().encode(jsonl), "train.jsonl");
 * const created = await files.create({ file, purpose: "fine-tune" });
 * const response = await files.content(created.id);
 * for await (const chunk of response.body!) console.log(chunk.length);
 * ```
 */
export class Files {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /**
   * Uploads a file; a `file` that is not a `File`, `Blob`, `Response`, byte stream or async iterable rejects
   * before sending.
   */
  create(
    body: FileCreateParams,
    options?: RequestOptions,
  ): APIPromise<FileObject> {
    return postForm(
      this.#t,
      { method: "POST", path: "/files", body },
      ["file"],
      options,
    );
  }

  /**
   * Lists the files of your organisation, those of one `purpose` if given,
   * following the cursor (`after`) while the server says `has_more`.
   */
  list(
    query?: FileListParams,
    options?: RequestOptions,
  ): PagePromise<CursorPage<FileObject>, FileObject>;
  /**
   * Lists the files of your organisation with request options only, as in v4
   * of the official SDK; an object mixing `purpose` and request options is a
   * `TypeError`.
   */
  list(
    options?: RequestOptions,
  ): PagePromise<CursorPage<FileObject>, FileObject>;
  list(
    query?: FileListParams | RequestOptions,
    options?: RequestOptions,
  ): PagePromise<CursorPage<FileObject>, FileObject> {
    return requestCursorList<FileListParams, FileObject>(
      this.#t,
      "/files",
      query,
      options,
      ["purpose", "after", "limit", "order"],
    );
  }

  /** Retrieves one file's details by id. */
  retrieve(fileId: string, options?: RequestOptions): APIPromise<FileObject> {
    return this.#t.request(
      { method: "GET", path: path`/files/${fileId}` },
      options,
    );
  }

  /** Deletes a file. */
  delete(fileId: string, options?: RequestOptions): APIPromise<FileDeleted> {
    return this.#t.request(
      { method: "DELETE", path: path`/files/${fileId}` },
      options,
    );
  }

  /**
   * The official SDK's older name for {@link Files.delete}.
   *
   * @deprecated Use `delete`.
   */
  del(fileId: string, options?: RequestOptions): APIPromise<FileDeleted> {
    return this.delete(fileId, options);
  }

  /**
   * Polls {@link Files.retrieve} every `pollInterval` ms (default 5 s) until
   * the file is `processed`, `error` or `deleted`, and resolves to it, as the
   * official SDK's method of the same name does: an `error` status resolves
   * too, so check `status`. Rejects with `APIConnectionTimeoutError` when a
   * poll made after `maxWait` ms (default 30 minutes) still finds it
   * unfinished. `options` apply to every poll, and their `signal` also ends
   * the wait between two polls, with `APIUserAbortError`.
   *
   * @example Upload training data and wait until it can be used
   * ```ts
   * import OpenAI, { toFile } from "@webstd/openai";
   * const client = new OpenAI({ apiKey: "sk-test" });
   * const jsonl = '{"prompt":"a","completion":"b"}\n';
   * const file = await client.files.create({
   *   file: await toFile(new TextEncoder().encode(jsonl), "train.jsonl"),
   *   purpose: "fine-tune",
   * });
   * const done = await client.files.waitForProcessing(file.id, {
   *   pollInterval: 1_000,
   *   maxWait: 60_000,
   * });
   * if (done.status === "error") console.error(done.status_details);
   * ```
   */
  async waitForProcessing(
    fileId: string,
    { pollInterval = 5_000, maxWait = 30 * 60 * 1_000 }: {
      /** Milliseconds between two polls (default 5,000). */
      pollInterval?: number;
      /** Milliseconds after which to give up (default 30 minutes). */
      maxWait?: number;
    } = {},
    options?: RequestOptions,
  ): Promise<FileObject> {
    check("pollInterval", pollInterval);
    check("maxWait", maxWait);
    const start = performance.now();
    let file = await this.retrieve(fileId, options);
    while (!FINAL.includes(file.status!)) {
      try {
        // No later than just past maxWait, for the last poll; and setTimeout
        // would take a longer wait as 1 ms.
        await sleep(
          Math.min(
            pollInterval,
            maxWait + 1 - (performance.now() - start),
            2 ** 31 - 1,
          ),
          options?.signal,
        );
      } catch (cause) {
        throw new APIUserAbortError(undefined, { cause });
      }
      file = await this.retrieve(fileId, options);
      // Unlike the official SDK, a file that is final by the last poll is
      // returned rather than thrown away.
      if (
        !FINAL.includes(file.status!) && performance.now() - start > maxWait
      ) {
        throw new APIConnectionTimeoutError(
          `Gave up waiting for file ${fileId} to be processed after ${maxWait} ms (status ${file.status})`,
        );
      }
    }
    return file;
  }

  /**
   * Downloads a file's contents: resolves to the `Response` with its body
   * unread, so a large file can be streamed (`response.body`) or read whole
   * (`await response.text()`). Read or cancel the body when done.
   */
  content(fileId: string, options?: RequestOptions): APIPromise<Response> {
    return this.#t.request(
      { method: "GET", path: path`/files/${fileId}/content`, as: "response" },
      options,
    );
  }

  /**
   * Downloads a file's contents as text, for code ported from the official
   * SDK's method of the same name.
   *
   * @deprecated Use {@link Files.content}, which can stream large files.
   */
  retrieveContent(
    fileId: string,
    options?: RequestOptions,
  ): APIPromise<FileContent> {
    return this.#t.request(
      { method: "GET", path: path`/files/${fileId}/content`, as: "text" },
      options,
    );
  }
}
