/**
 * File uploads with Web types only: {@link toFile} turns bytes, blobs,
 * streams and responses into a `File`; {@link multipart} builds the native
 * `FormData` of a multipart request.
 *
 * @module
 */

import { APIPromise } from "./api_promise.ts";
import { readsBlobPartsWhole } from "./env.ts";
import type { RequestOptions } from "./options.ts";
import type { Requester, RequestSpec } from "./transport.ts";

/** What an upload field takes directly: a `File` (or any `Blob`). */
export type Uploadable = File | Blob;

/** Everything {@link toFile} can turn into a `File`. */
export type ToFileInput =
  | Blob
  | ArrayBuffer
  | ArrayBufferView<ArrayBuffer>
  | ReadableStream<Uint8Array>
  | Response;

/** Options of {@link toFile}. */
export interface ToFileOptions {
  /** The MIME type; by default the input's own type (or a Response's content type). */
  type?: string;
}

/**
 * Makes a `File` out of bytes, a `Blob`, a byte stream or a `Response`,
 * copying no more than needed: a `File` that already has this name and type
 * comes back as it is, a `Blob` is referenced rather than copied, and a
 * stream or response body is read once.
 *
 * @example Upload bytes you hold in memory
 * ```ts
 * import { toFile } from "@webstd/openai";
 * const bytes = new TextEncoder().encode('{"prompt":"a","completion":"b"}\n');
 * const file = await toFile(bytes, "train.jsonl", { type: "application/jsonl" });
 * console.log(file.name, file.size); // train.jsonl 32
 * ```
 *
 * @example Upload a downloaded body without buffering it by hand
 * ```ts
 * import { toFile } from "@webstd/openai";
 * const res = new Response("RIFF....", { headers: { "content-type": "audio/wav" } });
 * const file = await toFile(res, "speech.wav");
 * console.log(file.type); // audio/wav
 * ```
 */
export async function toFile(
  data: ToFileInput,
  name?: string,
  options: ToFileOptions = {},
): Promise<File> {
  const { type } = options;
  if (data instanceof Blob) {
    const fileName = name ?? (data instanceof File ? data.name : "blob");
    if (
      data instanceof File && data.name === fileName &&
      (type === undefined || type === data.type)
    ) {
      return data;
    }
    return new File([data], fileName, { type: type ?? data.type });
  }
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    return new File([data], name ?? "blob", { type });
  }
  if (data instanceof Response) {
    if (data.bodyUsed) {
      throw new TypeError(
        `Cannot make a file from the response of ${
          data.url || "a request"
        }: its body was already read`,
      );
    }
    return new File([await data.blob()], name ?? urlName(data.url), {
      type: type ?? data.headers.get("content-type") ?? "",
    });
  }
  if (data instanceof ReadableStream) {
    if (data.locked) {
      throw new TypeError("Cannot make a file from a locked stream");
    }
    return new File([await new Response(data).blob()], name ?? "blob", {
      type,
    });
  }
  throw new TypeError(
    `Cannot make a file from ${describe(data)}: expected a Blob, File, ` +
      "ArrayBuffer, typed array, ReadableStream or Response",
  );
}

function urlName(url: string): string {
  const last = url.split(/[?#]/)[0].split("/").pop();
  try {
    return last ? decodeURIComponent(last) : "blob";
  } catch {
    return last || "blob";
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return name && name !== "Object" ? `a ${name}` : "a plain object";
  }
  if (typeof value === "string") {
    const shown = value.length > 40 ? value.slice(0, 40) + "..." : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  return `${typeof value} ${String(value)}`;
}

// File extensions for the types these endpoints take, where the subtype is not the extension.
const EXTENSIONS: Record<string, string> = {
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/x-m4a": "m4a",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "application/jsonl": "jsonl",
  "application/x-ndjson": "jsonl",
  "application/octet-stream": "bin",
  "text/plain": "txt",
  "image/jpeg": "jpg",
};

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
  if (blob instanceof File && blob.name) return blob.name;
  const type = blob.type.split(";")[0].trim().toLowerCase();
  const ext = EXTENSIONS[type] ?? /^[a-z]+\/([a-z0-9]{1,5})$/.exec(type)?.[1];
  return ext ? `${field}.${ext}` : field;
}

// 128 KiB slices kept a 200 MiB upload's peak to ~50 MiB over the file on
// Deno (~210 MiB unsliced); 32 KiB slices were slower and no smaller.
const SLICE = 128 * 1024;

function appendFile(form: FormData, field: string, blob: Blob): void {
  if (blob.size > SLICE && readsBlobPartsWhole()) {
    // Slices reference the file's bytes, they do not copy them; the runtime
    // still writes the part headers, boundary and content type.
    const slices: Blob[] = [];
    for (let at = 0; at < blob.size; at += SLICE) {
      slices.push(blob.slice(at, at + SLICE));
    }
    const name = partName(field, blob);
    return form.append(field, new File(slices, name, { type: blob.type }));
  }
  // A named File goes in as it is, keeping its identity; otherwise it gets a name.
  if (blob instanceof File && blob.name) form.append(field, blob);
  else form.append(field, blob, partName(field, blob));
}

function appendValue(form: FormData, field: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) return appendFile(form, field, value);
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
 * strings; `undefined` and `null` fields are left out; an array becomes one
 * part per item under the same field name (`tags: ["a", "b"]` sends `tags=a`
 * and `tags=b`, no `[]` suffix). Fields named in `fileFields` must hold a
 * `File` or `Blob`; anything else throws a `TypeError` that names the field.
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
    if (value === undefined || value === null) continue;
    if (fileFields.includes(field)) {
      if (!(value instanceof Blob)) {
        throw new TypeError(
          `Invalid ${field}: expected a File or Blob, got ${
            describe(value)
          }; wrap bytes, streams and responses with toFile() first`,
        );
      }
      appendFile(form, field, value);
    } else if (Array.isArray(value)) {
      for (const item of value) appendValue(form, field, item);
    } else {
      appendValue(form, field, value);
    }
  }
  return form;
}

/**
 * Sends `spec` with its `body` (an object of fields) as multipart form data.
 * A bad field rejects the returned promise before any request is made.
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
): APIPromise<T> {
  let body: FormData;
  try {
    body = multipart(spec.body as Record<string, unknown>, fileFields);
  } catch (error) {
    return new APIPromise<T>(Promise.reject(error));
  }
  return requester.request<T>({ ...spec, body }, options);
}
