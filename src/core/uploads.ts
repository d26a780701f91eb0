/**
 * Multipart uploads with Web types only: {@link multipart} builds the native
 * `FormData` of a request and {@link postForm} sends it, turning responses,
 * streams and async iterables in file fields into files first (see toFile).
 *
 * @module
 */

import { APIPromise, type PreparedResponse } from "./api_promise.ts";
import { readsBlobPartsWhole } from "./env.ts";
import { APIConnectionTimeoutError, APIUserAbortError } from "./errors.ts";
import { follow } from "./follow.ts";
import type { RequestOptions } from "./options.ts";
import {
  blobName,
  collect,
  describe,
  hasExtension,
  isAsyncIterable,
  sourceName,
  toFile,
  type ToFileInput,
  withExtension,
} from "./to_file.ts";
import { check, type Requester, type RequestSpec } from "./transport.ts";

export { toFile, type ToFileInput, type ToFileOptions } from "./to_file.ts";

/**
 * What an upload field takes: a `File` or any `Blob`, or, as with the
 * official SDK, a `Response` (`await fetch(url)`), a byte stream or an async
 * iterable of chunks, which are read into a file first (see toFile for the
 * name they get).
 */
export type Uploadable =
  | File
  | Blob
  | Response
  | ReadableStream<Uint8Array>
  | AsyncIterable<BlobPart>;

/**
 * The name a file part is sent with: the `File`'s own name, else the field
 * name with an extension guessed from the type (`image` + `image/png` gives
 * `image.png`), else the field name alone.
 *
 * @example
 * ```ts
 * import { partName } from "./uploads.ts";
 * partName("file", new Blob(["x"], { type: "audio/mpeg" })); // "file.mp3"
 * ```
 */
export function partName(field: string, blob: Blob): string {
  return blobName(blob) ?? withExtension(field, blob.type);
}

// 128 KiB slices kept a 200 MiB upload's peak to ~50 MiB over the file on
// Deno (~210 MiB unsliced); 32 KiB slices were slower and no smaller.
const SLICE = 128 * 1024;

// `name` is partName(field, blob).
function appendFile(
  form: FormData,
  field: string,
  blob: Blob,
  name: string,
): void {
  if (blob.size > SLICE && readsBlobPartsWhole()) {
    // Slices reference the file's bytes, they do not copy them; the runtime
    // still writes the part headers, boundary and content type.
    const slices: Blob[] = [];
    for (let at = 0; at < blob.size; at += SLICE) {
      slices.push(blob.slice(at, at + SLICE));
    }
    return form.append(field, new File(slices, name, { type: blob.type }));
  }
  // A named File goes in as it is, keeping its identity; otherwise it gets a name.
  if (blob instanceof File && blob.name) form.append(field, blob);
  else form.append(field, blob, name);
}

function appendValue(form: FormData, field: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) {
    return appendFile(form, field, value, partName(field, value));
  }
  if (
    typeof value === "string" || typeof value === "number" ||
    typeof value === "boolean" || typeof value === "bigint"
  ) {
    return form.append(field, String(value));
  }
  throw new TypeError(
    `Invalid ${field}: expected a string, number, boolean or array of them, got ${
      describe(value)
    }`,
  );
}

/**
 * Builds the `FormData` of a multipart request. Numbers and booleans become
 * strings; `undefined` fields, and `null` ones other than files (which
 * throw), are left out; an array becomes one
 * part per item under the field name with `[]`, as the official SDK sends
 * them and the API reads them (`timestamp_granularities: ["word"]` sends
 * `timestamp_granularities[]=word`). Fields named in `fileFields` must hold a
 * `File` or `Blob` (postForm reads responses and streams into files first);
 * anything else throws a `TypeError` that names the field, as does, with
 * `needsExtension` (the audio endpoints), a file name without an extension.
 * Every file part carries a file name (see {@link partName}). No content type
 * is set here: `fetch` writes it with the boundary. Where the runtime would
 * leave a copy of every part of a large file in memory (Deno), the part holds
 * a new `File` of 128 KiB slices of it: same name, type and bytes, no copy.
 *
 * @example
 * ```ts
 * import { multipart } from "./uploads.ts";
 * const image = new File([new Uint8Array(8)], "otter.png", { type: "image/png" });
 * const form = multipart({ image, prompt: "add a hat", n: 2, user: undefined }, ["image"]);
 * form.get("n"); // "2"
 * ```
 */
export function multipart(
  fields: Record<string, unknown>,
  fileFields: readonly string[],
  needsExtension = false,
): FormData {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    throw new TypeError(
      `Invalid request body: expected an object of fields, got ${
        describe(fields)
      }`,
    );
  }
  const form = new FormData();
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (fileFields.includes(field)) {
      if (!(value instanceof Blob)) {
        throw new TypeError(
          `Invalid ${field}: expected a File, Blob, Response or stream, got ${
            describe(value)
          }; wrap bytes with toFile() first`,
        );
      }
      const name = partName(field, value);
      if (needsExtension) checkExtension(field, name);
      appendFile(form, field, value, name);
    } else if (value === null) {
      continue;
    } else if (Array.isArray(value)) {
      for (const item of value) appendValue(form, field + "[]", item);
    } else {
      appendValue(form, field, value);
    }
  }
  return form;
}

/**
 * Sends `spec` with its `body` (an object of fields) as multipart form data.
 * File fields holding a `Response`, a stream or an async iterable are read
 * into files first. A bad field rejects the returned promise before any
 * request is made.
 *
 * @example
 * ```ts ignore
 * return postForm(this.#t, { method: "POST", path: "/files", body }, ["file"], options);
 * ```
 */
export function postForm<T>(
  requester: Requester,
  spec: RequestSpec,
  fileFields: readonly string[],
  options?: RequestOptions,
  needsExtension?: boolean,
): APIPromise<T> {
  const fields = spec.body as Record<string, unknown>;
  if (
    fileFields.some((field) =>
      isSource(fields?.[field]) || fields?.[field] instanceof Blob
    )
  ) {
    return new APIPromise<T>(
      readThenSend<T>(requester, spec, fileFields, options, needsExtension),
    );
  }
  let body: FormData;
  try {
    body = multipart(fields, fileFields, needsExtension);
  } catch (error) {
    return new APIPromise<T>(Promise.reject(error));
  }
  return requester.request<T>({ ...spec, body }, options);
}

// The audio endpoints read the format from the file name's extension.
function checkExtension(field: string, name: string): void {
  if (!hasExtension(name)) {
    throw new TypeError(
      `Invalid ${field}: the endpoint reads the format from the file ` +
        `name's extension and ${
          JSON.stringify(name)
        } has none; name it, e.g. toFile(data, "speech.mp3")`,
    );
  }
}

// A file field value toFile() must read first.
function isSource(value: unknown): boolean {
  return value instanceof Response || value instanceof ReadableStream ||
    (!(value instanceof Blob) && isAsyncIterable(value));
}

// Cancels every source left unread in the file fields (a fetched response's
// connection, say); one already being read, or a file already made of one,
// is left as it is.
function freeSources(
  fields: Record<string, unknown>,
  fileFields: readonly string[],
): void {
  for (const field of fileFields) {
    const value = fields[field];
    const source = value instanceof Response ? value.body : value;
    if (source instanceof ReadableStream) {
      if (!source.locked) source.cancel().catch(() => {});
    } else if (isAsyncIterable(source) && !(source instanceof Blob)) {
      // A Node stream's fresh iterator would not destroy it when returned.
      const { destroy } = source as { destroy?: () => void };
      if (typeof destroy == "function") destroy.call(source);
      else {
        Promise.resolve(source[Symbol.asyncIterator]().return?.()).catch(
          () => {},
        );
      }
    }
  }
}

async function readThenSend<T>(
  requester: Requester,
  spec: RequestSpec,
  fileFields: readonly string[],
  options: RequestOptions | undefined,
  needsExtension?: boolean,
): Promise<PreparedResponse<T>> {
  const fields = { ...spec.body as Record<string, unknown> };
  // Reading the sources counts as part of the call: the caller's signal and
  // the timeout (for the reading, as for each attempt of the request) stop
  // it and free every source, as they would the request.
  const signal = options?.signal ?? undefined;
  const ms = check(
    "timeout",
    options?.timeout ?? requester.timeout ?? Infinity,
  );
  // A source the endpoint would refuse by its name is refused unread (and,
  // as on any failure, every source is freed).
  try {
    for (const field of fileFields) {
      const value = fields[field];
      if (needsExtension && isSource(value)) {
        checkExtension(field, sourceName(value as Response));
      }
    }
  } catch (error) {
    freeSources(fields, fileFields);
    throw error;
  }
  const reading = new AbortController();
  const stop = () => reading.abort();
  const timer = ms < 2 ** 31 ? setTimeout(stop, ms) : undefined;
  // One listener on the signal however many uploads share it (follow.ts).
  const unfollow = signal && follow(signal, stop);
  // Aborted already: reading stops at once, still freeing each source.
  if (signal?.aborted) stop();
  try {
    for (const field of fileFields) {
      const value = fields[field];
      if (isSource(value)) {
        fields[field] = await toFile(value as ToFileInput, undefined, {
          signal: reading.signal,
        });
      } else if (value instanceof Blob) {
        // A file on disk (Bun.file, Node's fs.openAsBlob) that is missing or
        // unreadable fails here, as itself; inside fetch it would be a
        // connection error, retried. A read that never answers (a stalled
        // network mount, a FIFO in Bun) is stopped and cancelled as a
        // stalled source is, so that it does not keep the process alive.
        await collect(value.slice(0, 1).stream(), reading.signal);
      }
    }
  } catch (error) {
    freeSources(fields, fileFields);
    if (signal?.aborted) {
      throw new APIUserAbortError(undefined, { cause: signal.reason });
    }
    if (reading.signal.aborted) {
      throw new APIConnectionTimeoutError(
        `Reading the file to upload timed out after ${ms} ms`,
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
    unfollow?.();
  }
  const sent = requester.request<T>(
    { ...spec, body: multipart(fields, fileFields, needsExtension) },
    options,
  );
  // The inner promise keeps its own clock and lazy parsing: parse() asks it.
  return { response: await sent.asResponse(), parse: () => sent.then() };
}
