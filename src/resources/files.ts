/**
 * `client.files`: upload, list, inspect, delete and download files.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import { Page, type PagePromise, requestPage } from "../core/pagination.ts";
import { path } from "../core/request.ts";
import type { Requester } from "../core/transport.ts";
import { postForm, type Uploadable } from "../core/uploads.ts";
import type { FileObject } from "./file_object.ts";
import type { AnyString, RequestID } from "./shared.ts";

export type { FileObject } from "./file_object.ts";

/** The fields of `files.create`. */
export interface FileCreateParams {
  /**
   * The contents (for fine-tuning, JSON Lines of `{"prompt", "completion"}`
   * records): a `File` or `Blob`, or a `Response`, byte stream or async
   * iterable, read first; `toFile` makes a named `File` from bytes.
   */
  file: Uploadable;
  /** What the file is for; `"fine-tune"` is the documented value. */
  purpose: "fine-tune" | AnyString;
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

  /** Uploads a file; a `file` that is not a `File` or `Blob` rejects before sending. */
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

  /** Lists the files of your organisation. */
  list(options?: RequestOptions): PagePromise<Page<FileObject>, FileObject> {
    return requestPage(
      this.#t,
      { method: "GET", path: "/files", page: Page },
      options,
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
  ): APIPromise<string> {
    return this.#t.request(
      { method: "GET", path: path`/files/${fileId}/content`, as: "text" },
      options,
    );
  }
}
