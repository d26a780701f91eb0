/**
 * {@link toFile}: turns bytes, blobs, streams, async iterables and responses
 * into a `File` an upload can send, with a name the API can read the format
 * from.
 *
 * @module
 */

import { follow } from "./follow.ts";

/** Everything {@link toFile} can turn into a `File`. */
export type ToFileInput =
  | Blob
  | ArrayBuffer
  // Any view, a Node Buffer typed `Buffer<ArrayBufferLike>` too; one over a
  // SharedArrayBuffer is copied.
  | ArrayBufferView
  | ReadableStream<Uint8Array>
  | Response
  | AsyncIterable<BlobPart>;

/** Options of {@link toFile}. */
export interface ToFileOptions {
  /** The MIME type; by default the input's own type (or a Response's content type). */
  type?: string;
  /** The file's modification time in ms since the epoch, as `File` takes it. */
  lastModified?: number;
  /**
   * Stops reading a stream, `Response` or async iterable when it aborts: the
   * source is cancelled and the promise rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

/**
 * Makes a `File` out of bytes, a `Blob`, a byte stream, an async iterable of
 * chunks (a Node `fs.ReadStream`, say) or a `Response`, or a promise of one
 * (`toFile(fetch(url))`), copying no more than needed: a `File` that already
 * has this name and type comes back as it is, a `Blob` is referenced rather
 * than copied, and a stream or response body is read once. Without a name,
 * a response is named after its `content-disposition` filename, else its
 * URL, an object with a `name` or `path` after that, and anything else `blob`
 * plus an extension from the type
 * (`blob.mp3` for `audio/mpeg`): the audio endpoints read the format from it.
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
  input: ToFileInput | PromiseLike<ToFileInput>,
  name?: string | null,
  options: ToFileOptions = {},
): Promise<File> {
  const data = await input;
  const { type, signal, lastModified } = options;
  if (data instanceof Blob) {
    const fileName = name ?? blobName(data) ?? unnamed(type ?? data.type);
    if (
      data instanceof File && data.name === fileName &&
      (type === undefined || type === data.type) && lastModified === undefined
    ) {
      return data;
    }
    return new File([data], fileName, {
      type: type ?? data.type,
      lastModified,
    });
  }
  // An explicit "" type: Bun would otherwise take a single part's type.
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    // A Blob takes no shared memory: a view over it is copied.
    return new File([unshared(data) as BlobPart], name ?? unnamed(type), {
      type: type ?? "",
      lastModified,
    });
  }
  if (data instanceof Response) {
    if (data.bodyUsed) {
      throw new TypeError(
        `Cannot make a file from the response of ${
          data.url || "a request"
        }: its body was already read`,
      );
    }
    const parts = await collect(data.body, signal);
    return new File(parts, name ?? sourceName(data, type), {
      type: type ?? data.headers.get("content-type") ?? "",
      lastModified,
    });
  }
  if (data instanceof ReadableStream) {
    if (data.locked) {
      throw new TypeError("Cannot make a file from a locked stream");
    }
    return new File(await collect(data, signal), name ?? unnamed(type), {
      type: type ?? "",
      lastModified,
    });
  }
  if (isAsyncIterable(data)) {
    const parts = await collect(data, signal);
    return new File(parts, name ?? sourceName(data, type), {
      type: type ?? "",
      lastModified,
    });
  }
  throw new TypeError(
    `Cannot make a file from ${describe(data)}: expected a Blob, File, ` +
      "ArrayBuffer, typed array, ReadableStream, async iterable or Response",
  );
}

/**
 * `data`, or a copy of its bytes where it is shared memory (a
 * `SharedArrayBuffer` or a view over one), which neither a `Blob` nor `fetch`
 * takes. `slice()` of a typed array makes a new, unshared buffer.
 *
 * @example
 * ```ts ignore
 * unshared(new Uint8Array(new SharedArrayBuffer(4))).buffer instanceof ArrayBuffer; // true
 * ```
 */
export function unshared<T>(data: T): T | Uint8Array {
  if (ArrayBuffer.isView(data)) {
    const { buffer, byteOffset, byteLength } = data;
    return buffer instanceof ArrayBuffer
      ? data
      : new Uint8Array(buffer, byteOffset, byteLength).slice();
  }
  return Object.prototype.toString.call(data) == "[object SharedArrayBuffer]"
    ? new Uint8Array(data as SharedArrayBuffer).slice()
    : data;
}

/**
 * Reads every chunk of `source`; when `signal` aborts, cancels the source and
 * rejects with the signal's reason, even while a read is pending. A source
 * that fails is cancelled too, and its error thrown.
 */
export async function collect(
  source: ReadableStream<Uint8Array> | AsyncIterable<BlobPart> | null,
  signal: AbortSignal | undefined,
): Promise<BlobPart[]> {
  const parts: BlobPart[] = [];
  if (source === null) return parts;
  const reader = source instanceof ReadableStream
    ? source.getReader()
    : undefined;
  const iterator = reader ? undefined : (source as AsyncIterable<BlobPart>)[
    Symbol.asyncIterator
  ]();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal!.reason);
  });
  aborted.catch(() => {});
  if (signal?.aborted) onAbort();
  // One listener on the signal however many reads share it (follow.ts).
  const unfollow = signal && follow(signal, onAbort);
  try {
    for (;;) {
      const next = reader ? reader.read() : iterator!.next();
      // Without a signal nothing can stop the read: no race, whose
      // reactions on the never-settled promise would pile up per chunk.
      const step = await (signal ? Promise.race([next, aborted]) : next);
      if (step.done) return parts;
      parts.push(step.value as BlobPart);
    }
  } catch (error) {
    // Frees the source (a fetch's connection, say); its own failure is moot.
    if (reader) reader.cancel(error).catch(() => {});
    else Promise.resolve(iterator!.return?.()).catch(() => {});
    throw error;
  } finally {
    unfollow?.();
  }
}

/** Whether `value` is an async iterable (a stream of chunks, say). */
export function isAsyncIterable(value: unknown): value is AsyncIterable<
  BlobPart
> {
  return typeof (value as AsyncIterable<unknown> | null)
    ?.[Symbol.asyncIterator] === "function";
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
 * `base` with the extension of MIME type `type` when one is known
 * (`withExtension("file", "audio/mpeg")` gives `file.mp3`), else `base`.
 *
 * @example
 * ```ts
 * import { withExtension } from "./to_file.ts";
 * withExtension("image", "image/png"); // "image.png"
 * ```
 */
export function withExtension(base: string, type = ""): string {
  const mime = type.split(";")[0].trim().toLowerCase();
  const ext = EXTENSIONS[mime] ?? /^[a-z]+\/([a-z0-9]{1,5})$/.exec(mime)?.[1];
  return ext ? `${base}.${ext}` : base;
}

function unnamed(type: string | undefined): string {
  return withExtension("blob", type);
}

/**
 * A blob's own name: a `File`'s name, else the last segment of a `name` or
 * `path` it carries (Bun's `Bun.file()` is a `Blob` with a `name` that is a
 * path), else undefined.
 *
 * @example
 * ```ts
 * import { blobName } from "./to_file.ts";
 * blobName(Object.assign(new Blob(["x"]), { name: "/tmp/train.jsonl" })); // "train.jsonl"
 * ```
 */
export function blobName(blob: Blob): string | undefined {
  return blob instanceof File && blob.name ? blob.name : ownName(blob);
}

// A Node ReadStream has a `path`, a Bun file or a named blob-like a `name`.
function ownName(value: object): string | undefined {
  const { name, path } = value as { name?: unknown; path?: unknown };
  const full = typeof name === "string" && name ? name : path;
  return typeof full === "string" && full
    ? full.split(/[\\/]/).pop() || undefined
    : undefined;
}

/**
 * The name {@link toFile} gives `source` when it is not given one, known
 * before reading it: a response is named after its URL (with an extension
 * from its content type when the URL has none), an object with a `name` or
 * `path` after that, and anything else `blob` plus an extension from `type`.
 *
 * @example
 * ```ts
 * import { sourceName } from "./to_file.ts";
 * const res = new Response("", { headers: { "content-type": "audio/mpeg" } });
 * sourceName(res); // "blob.mp3" (a fetched response: its URL's last segment)
 * ```
 */
export function sourceName(
  source: Response | ReadableStream<Uint8Array> | AsyncIterable<BlobPart>,
  type?: string,
): string {
  if (source instanceof Response) {
    const name =
      bare(dispositionName(source.headers.get("content-disposition"))) ??
        bare(urlName(source.url));
    const kind = type ?? source.headers.get("content-type") ?? "";
    return !name
      ? unnamed(kind)
      : hasExtension(name)
      ? name
      : withExtension(name, kind);
  }
  return (source instanceof ReadableStream ? undefined : ownName(source)) ??
    unnamed(type);
}

// The file name a `content-disposition` header gives (`filename*` first, as
// RFC 6266 asks), without any folders; the name files.content() answers with,
// say, so that a downloaded file uploads again under its own name.
function dispositionName(value: string | null): string | undefined {
  let name: string | undefined;
  const star = /filename\*\s*=\s*[\w-]*'[^']*'([^;\s]+)/i.exec(value ?? "");
  try {
    name = star ? decodeURIComponent(star[1]) : undefined;
  } catch { /* a malformed one: try the plain filename */ }
  name ??= /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(value ?? "")
    ?.slice(1).find((part) => part !== undefined)?.replace(/\\(.)/g, "$1");
  return name?.split(/[\\/]/).pop();
}

// A URL's last path segment, decoded where it can be.
function urlName(url: string): string | undefined {
  // A data: URL's "path" is its content, not a name.
  const last = /^data:/i.test(url) ? "" : url.split(/[?#]/)[0].split("/").pop();
  try {
    return last && decodeURIComponent(last);
  } catch {
    return last; // kept encoded
  }
}

// A name without trailing dots, or undefined when nothing is left of it.
function bare(name: string | undefined): string | undefined {
  return name?.replace(/\.+$/, "") || undefined;
}

/** Whether a file name ends with an extension (`speech.mp3`). */
export function hasExtension(name: string): boolean {
  return /\.\w+$/.test(name);
}

/**
 * A short description of a value for error messages: its kind, or the start
 * of a string.
 *
 * @example
 * ```ts
 * import { describe } from "./to_file.ts";
 * describe([1, 2]); // "an array"
 * ```
 */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === undefined) return "undefined";
  if (typeof value === "object") {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return !name || name === "Object"
      ? "a plain object"
      : `${/^[AEIO]/.test(name) ? "an" : "a"} ${name}`;
  }
  if (typeof value === "string") {
    const shown = value.length > 40 ? value.slice(0, 40) + "..." : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  return `${typeof value} ${String(value)}`;
}
