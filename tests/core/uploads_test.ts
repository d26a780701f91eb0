import OpenAI, {
  APIConnectionTimeoutError,
  APIUserAbortError,
  Audio,
  toFile,
} from "../../mod.ts";
import { multipart, partName, postForm } from "../../src/core/uploads.ts";
import { sourceName } from "../../src/core/to_file.ts";
import type { Requester } from "../../src/core/transport.ts";
import type { RequestOptions } from "../../src/core/options.ts";
import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
} from "../_assert.ts";

const bytes = () => new Uint8Array([1, 2, 3, 250]);
const read = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

Deno.test("toFile: a File with the same name passes through", async () => {
  const file = new File([bytes()], "a.png", { type: "image/png" });
  assert(await toFile(file, "a.png") === file);
  assert(await toFile(file) === file);
  assert(await toFile(file, "a.png", { type: "image/png" }) === file);
});

Deno.test("toFile: a renamed File or a Blob is wrapped, bytes and type kept", async () => {
  const file = new File([bytes()], "a.png", { type: "image/png" });
  const renamed = await toFile(file, "b.png");
  assert(renamed !== file);
  assertEquals([renamed.name, renamed.type], ["b.png", "image/png"]);
  assertEquals(await read(renamed), bytes());

  const blob = new Blob([bytes()], { type: "audio/wav" });
  const fromBlob = await toFile(blob, "speech.wav");
  assert(fromBlob instanceof File);
  assertEquals([fromBlob.name, fromBlob.type], ["speech.wav", "audio/wav"]);
  assertEquals(await read(fromBlob), bytes());
  const retyped = await toFile(blob, "x.bin", { type: "application/x" });
  assertEquals(retyped.type, "application/x");
  // Unnamed, it is named for its type: the audio endpoints read the format
  // from the extension.
  assertEquals((await toFile(blob)).name, "blob.wav");
  const mp3 = new Blob([bytes()], { type: "audio/mpeg" });
  assertEquals((await toFile(mp3)).name, "blob.mp3");
  assertEquals((await toFile(new Blob([bytes()]))).name, "blob");
  assertEquals(
    (await toFile(bytes(), undefined, { type: "image/png" })).name,
    "blob.png",
  );
});

Deno.test("toFile: Uint8Array, ArrayBuffer and other views", async () => {
  const u8 = await toFile(bytes(), "u8.bin", { type: "application/x-u8" });
  assertEquals([u8.name, u8.type, u8.size], ["u8.bin", "application/x-u8", 4]);
  assertEquals(await read(u8), bytes());
  const ab = await toFile(bytes().buffer, "ab.bin");
  assertEquals([ab.name, ab.type], ["ab.bin", ""]);
  assertEquals(await read(ab), bytes());
  // A view into part of a larger buffer sends only its own bytes.
  const big = new Uint8Array([9, 9, 1, 2, 3, 250, 9]);
  assertEquals(await read(await toFile(big.subarray(2, 6), "s")), bytes());
  const dv = await toFile(new DataView(big.buffer, 2, 4), "dv");
  assertEquals(await read(dv), bytes());
});

Deno.test("toFile: a ReadableStream is read once", async () => {
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new Uint8Array([1, 2]));
      c.enqueue(new Uint8Array([3, 250]));
      c.close();
    },
  });
  const file = await toFile(stream, "s.mp3", { type: "audio/mpeg" });
  assertEquals([file.name, file.type], ["s.mp3", "audio/mpeg"]);
  assertEquals(await read(file), bytes());
  assert(stream.locked);
  await assertRejects(() => toFile(stream, "again"), TypeError, "locked");
});

Deno.test("toFile: a Response gives its body, content type and URL name", async () => {
  const res = new Response(bytes(), {
    headers: { "content-type": "image/png" },
  });
  const file = await toFile(res, "r.png");
  assertEquals([file.name, file.type], ["r.png", "image/png"]);
  assertEquals(await read(file), bytes());
  await assertRejects(() => toFile(res, "again"), TypeError, "already read");
  const typed = await toFile(new Response("x"), "x.txt", { type: "text/x" });
  assertEquals(typed.type, "text/x");
  assertEquals((await toFile(new Response("x"))).name, "blob.txt");
});

Deno.test("toFile: a promise of an input is awaited, as with the official SDK", async () => {
  const file = await toFile(
    Promise.resolve(
      new Response(bytes(), { headers: { "content-type": "audio/mpeg" } }),
    ),
  );
  assertEquals([file.name, file.type], ["blob.mp3", "audio/mpeg"]);
  assertEquals(await read(file), bytes());
});

Deno.test("toFile: an async iterable of chunks is read, named by its path", async () => {
  async function* chunks() {
    yield new Uint8Array([1, 2]);
    yield "é";
    yield new Blob([new Uint8Array([3])]);
  }
  const file = await toFile(chunks(), "c.bin");
  assertEquals(await read(file), new Uint8Array([1, 2, 0xc3, 0xa9, 3]));
  // A Node fs.ReadStream is an async iterable with a `path`.
  const stream = Object.assign(chunks(), { path: "/data/train.jsonl" });
  assertEquals((await toFile(stream)).name, "train.jsonl");
  assertEquals(
    (await toFile(chunks(), undefined, { type: "audio/mpeg" })).name,
    "blob.mp3",
  );
});

Deno.test("toFile: other inputs are a TypeError naming them", async () => {
  // deno-lint-ignore no-explicit-any
  const bad = (v: unknown) => toFile(v as any, "x");
  await assertRejects(() => bad("text"), TypeError, 'the string "text"');
  await assertRejects(() => bad(42), TypeError, "number 42");
  await assertRejects(() => bad({ a: 1 }), TypeError, "a plain object");
  await assertRejects(() => bad(null), TypeError, "null");
  await assertRejects(() => bad(Promise.resolve(7)), TypeError, "number 7");
});

Deno.test("multipart: scalars as strings, nullish left out, arrays as name[] per item (as the official SDK)", () => {
  const form = multipart({
    prompt: "hi",
    n: 2,
    temperature: 0.5,
    echo: false,
    user: undefined,
    language: null,
    tags: ["a", 1, true],
  }, []);
  assertEquals([...form.entries()], [
    ["prompt", "hi"],
    ["n", "2"],
    ["temperature", "0.5"],
    ["echo", "false"],
    ["tags[]", "a"],
    ["tags[]", "1"],
    ["tags[]", "true"],
  ]);
});

Deno.test("multipart: a named File keeps its identity, a Blob gets a name", async () => {
  const image = new File([bytes()], "otter.png", { type: "image/png" });
  const mask = new Blob([bytes()], { type: "image/png" });
  const file = new Blob([bytes()]);
  const form = multipart({ image, mask, file, prompt: "p" }, [
    "image",
    "mask",
    "file",
  ]);
  assert(form.get("image") === image);
  const sentMask = form.get("mask") as File;
  assertEquals([sentMask.name, sentMask.type], ["mask.png", "image/png"]);
  assertEquals(await read(sentMask), bytes());
  assertEquals((form.get("file") as File).name, "file");
  assertEquals(form.get("prompt"), "p");
});

Deno.test("partName: extensions from the type", () => {
  const blob = (type: string) => new Blob([], { type });
  assertEquals(partName("file", blob("audio/mpeg")), "file.mp3");
  assertEquals(partName("file", blob("audio/wav")), "file.wav");
  assertEquals(partName("file", blob("application/jsonl")), "file.jsonl");
  assertEquals(partName("image", blob("image/png; x=1")), "image.png");
  assertEquals(partName("file", blob("application/vnd.weird+json")), "file");
  assertEquals(partName("f", new File([], "")), "f");
  assertEquals(partName("f", new File([], "n.txt")), "n.txt");
});

Deno.test("multipart: a wrong type in a file field is a TypeError naming it", () => {
  for (
    const [value, shown] of [
      ["otter.png", 'the string "otter.png"'],
      [42, "number 42"],
      [{ name: "x" }, "a plain object"],
      [bytes(), "a Uint8Array"],
      [new Response("x"), "a Response"],
    ] as const
  ) {
    assertThrows(
      () => multipart({ image: value }, ["image"]),
      TypeError,
      `Invalid image: expected a File, Blob, Response or stream, got ${shown}; wrap bytes with toFile() first`,
    );
  }
  assertThrows(
    () => multipart({ meta: { a: 1 } }, []),
    TypeError,
    "Invalid meta: expected a string, number, boolean or array of them",
  );
  assertThrows(
    () => multipart(null as unknown as Record<string, unknown>, []),
    TypeError,
    "Invalid request body",
  );
});

Deno.test("postForm: a bad field rejects without a request", async () => {
  let calls = 0;
  const requester: Requester = {
    request() {
      calls++;
      throw new Error("must not be called");
    },
  };
  const promise = postForm(requester, {
    method: "POST",
    path: "/files",
    body: { file: "train.jsonl" },
  }, ["file"]);
  await assertRejects(() => promise, TypeError, "Invalid file");
  assertEquals(calls, 0);
});

Deno.test("multipart: a large file goes in as slices with the same name, type and bytes", async () => {
  const big = new Uint8Array(400_000).map((_, i) => i % 251);
  const image = new File([big], "otter.png", { type: "image/png" });
  const mask = new Blob([big, big], { type: "image/png" });
  const form = multipart({ image, mask }, ["image", "mask"]);
  const sent = form.get("image") as File;
  assertEquals([sent.name, sent.type, sent.size], [
    "otter.png",
    "image/png",
    big.length,
  ]);
  assertEquals(await read(sent), big);
  const sentMask = form.get("mask") as File;
  assertEquals([sentMask.name, sentMask.type], ["mask.png", "image/png"]);
  assertEquals(await read(sentMask), new Uint8Array([...big, ...big]));
});

/** A stream that sends one chunk, then nothing until cancelled. */
function stalled(): {
  body: ReadableStream<Uint8Array>;
  cancelled: () => boolean;
} {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes());
    },
    pull: () => new Promise(() => {}),
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

const noRequest: Requester = {
  timeout: 600_000,
  request() {
    throw new Error("must not be called");
  },
};

// Uploads `file` to /files through `noRequest`, with request `options`.
const upload = (file: unknown, options?: RequestOptions) =>
  postForm(
    noRequest,
    {
      method: "POST",
      path: "/files",
      body: { file, purpose: "fine-tune" },
    },
    ["file"],
    options,
  );

Deno.test("postForm: the caller's signal stops reading a stalled source, cancels it, and sends nothing", async () => {
  const { body, cancelled } = stalled();
  const controller = new AbortController();
  const pending = upload(body, { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await assertRejects(() => pending, APIUserAbortError);
  assert(cancelled(), "the source was cancelled");
  // Already aborted: nothing is sent, and the source is freed all the same
  // (a fetched response's connection, say).
  const early = stalled();
  await assertRejects(
    () => upload(early.body, { signal: AbortSignal.abort() }),
    APIUserAbortError,
  );
  assert(early.cancelled(), "the source of an aborted call was cancelled");
});

Deno.test("postForm: the timeout also bounds reading the source", async () => {
  const { body, cancelled } = stalled();
  const started = Date.now();
  await assertRejects(
    () => upload(body, { timeout: 30 }),
    APIConnectionTimeoutError,
    "after 30 ms",
  );
  assert(Date.now() - started < 1_000);
  assert(cancelled(), "the source was cancelled");
});

Deno.test("toFile: a signal stops reading a stream or an async iterable", async () => {
  const { body, cancelled } = stalled();
  const reason = new Error("stop");
  await assertRejects(
    () => toFile(body, "a.bin", { signal: AbortSignal.abort(reason) }),
    Error,
    "stop",
  );
  assert(cancelled());
  let returned = false;
  const endless = {
    [Symbol.asyncIterator]: () => ({
      next: () => new Promise<IteratorResult<BlobPart>>(() => {}),
      return() {
        returned = true;
        return Promise.resolve({ done: true as const, value: undefined });
      },
    }),
  };
  const controller = new AbortController();
  const pending = toFile(endless, "b.bin", { signal: controller.signal });
  controller.abort(reason);
  await assertRejects(() => pending, Error, "stop");
  assert(returned, "the iterator was closed");
});

Deno.test("audio uploads refuse a file name without an extension before sending", async () => {
  const requester: Requester = {
    request() {
      throw new Error("must not be called");
    },
  };
  const audio = new Audio(requester);
  for (
    const file of [
      new Response("ID3").body!,
      new Blob([bytes()]),
      new File([bytes()], "speech"),
    ]
  ) {
    await assertRejects(
      () => audio.transcriptions.create({ file, model: "whisper-1" }),
      TypeError,
      "has none; name it",
    );
  }
});

Deno.test("a null file is a TypeError naming the field, sent to no one", async () => {
  assertThrows(
    () => multipart({ file: null, purpose: "fine-tune" }, ["file"]),
    TypeError,
    "Invalid file: expected a File, Blob, Response or stream, got null",
  );
  await assertRejects(() => upload(null), TypeError, "Invalid file");
});

Deno.test("audio: a source the endpoint would refuse by its name is refused unread", async () => {
  const audio = new Audio(noRequest);
  let pulled = 0, cancelled = false;
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (++pulled < 1_000) controller.enqueue(bytes());
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  await assertRejects(
    () => audio.transcriptions.create({ file: source, model: "whisper-1" }),
    TypeError,
    "has none; name it",
  );
  // Only what the stream queued on its own; then freed, as on any failure
  // (a fetched response's connection, say).
  assert(pulled <= 1, `pulled ${pulled} chunks`);
  assert(cancelled, "the refused source was left open");
});

Deno.test("audio: a fetched response named by its URL gets an extension from its type", async () => {
  await using server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    () => new Response("ID3", { headers: { "content-type": "audio/mpeg" } }),
  );
  const sent: File[] = [];
  const requester: Requester = {
    timeout: 600_000,
    request(spec) {
      sent.push((spec.body as FormData).get("file") as File);
      throw new Error("sent");
    },
  };
  const download = await fetch(
    `http://127.0.0.1:${server.addr.port}/download?id=3`,
  );
  await new Audio(requester).transcriptions.create({
    file: download,
    model: "whisper-1",
  }).catch(() => {});
  assertEquals(sent[0]?.name, "download.mp3");
  assertEquals(await sent[0]?.text(), "ID3");
});

Deno.test("postForm: the request's attempts get the caller's timeout, reading its own", async () => {
  const timeouts: (number | undefined)[] = [];
  const requester: Requester = {
    timeout: 600_000,
    request(_spec, options) {
      timeouts.push(options?.timeout);
      throw new Error("stop here");
    },
  };
  const slow = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((r) => setTimeout(r, 50));
      controller.enqueue(bytes());
      controller.close();
    },
  });
  await assertRejects(
    () =>
      postForm(
        requester,
        {
          method: "POST",
          path: "/files",
          body: { file: slow, purpose: "fine-tune" },
        },
        ["file"],
        { timeout: 1_000 },
      ),
    Error,
    "stop here",
  );
  // Each attempt, retries included, has the whole timeout, as without a
  // source to read (and a timeout error names the caller's own value).
  assertEquals(timeouts, [1_000]);
});

Deno.test("postForm: an abort or a timeout frees every source, not just the one being read", async () => {
  for (
    const options of [
      { signal: AbortSignal.abort() },
      { timeout: 30 },
    ] as RequestOptions[]
  ) {
    const image = stalled(), mask = stalled();
    let iteratorClosed = false;
    const extra = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<BlobPart>>(() => {}),
        return() {
          iteratorClosed = true;
          return Promise.resolve({ done: true as const, value: undefined });
        },
      }),
    };
    await assertRejects(() =>
      postForm(
        noRequest,
        {
          method: "POST",
          path: "/images/edits",
          body: { image: image.body, mask: mask.body, extra, prompt: "hat" },
        },
        ["image", "mask", "extra"],
        options,
      )
    );
    assert(image.cancelled() && mask.cancelled(), JSON.stringify(options));
    assert(iteratorClosed, "the async iterable was closed");
  }
  // A Node stream (fs.createReadStream, say) is destroyed: a fresh iterator
  // of one, returned before it starts, would leave its file open.
  let destroyed = false;
  const nodeLike = {
    [Symbol.asyncIterator]: async function* () {
      yield bytes();
    },
    destroy() {
      destroyed = true;
    },
  };
  await assertRejects(() =>
    postForm(
      noRequest,
      {
        method: "POST",
        path: "/images/edits",
        body: { image: stalled().body, mask: nodeLike, prompt: "hat" },
      },
      ["image", "mask"],
      { timeout: 30 },
    )
  );
  assert(destroyed, "the Node-style stream was not destroyed");
});

Deno.test("postForm: an invalid timeout is a TypeError before a source is read", async () => {
  const { body, cancelled } = stalled();
  await assertRejects(
    () => upload(body, { timeout: -5 }),
    TypeError,
    "Invalid timeout -5",
  );
  assert(!cancelled() && !body.locked, "the source was touched");
});

Deno.test("postForm: an abort while reading keeps the caller's reason as the cause", async () => {
  const { body } = stalled();
  const controller = new AbortController();
  const reason = new Error("user went away");
  const pending = upload(body, { signal: controller.signal });
  setTimeout(() => controller.abort(reason), 10);
  const err = await assertRejects(() => pending, APIUserAbortError);
  assert(err.cause === reason, `cause: ${err.cause}`);
});

Deno.test("toFile: a null name and lastModified, as the official SDK takes them", async () => {
  const file = await toFile(bytes(), null, { lastModified: 1_000 });
  assertEquals(file.name, "blob");
  assertEquals(file.lastModified, 1_000);
  const named = new File([bytes()], "a.bin");
  const touched = await toFile(named, "a.bin", { lastModified: 2_000 });
  assertEquals(touched.lastModified, 2_000);
});

Deno.test("sourceName: a fetched response is named by its URL, sensibly", async () => {
  // A data: URL's content is no name.
  const data = await fetch("data:audio/mpeg;base64,SUQz");
  assertEquals(sourceName(data), "blob.mp3");
  await data.body?.cancel();
  await using server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    () => new Response("x", { headers: { "content-type": "audio/wav" } }),
  );
  const base = `http://127.0.0.1:${server.addr.port}`;
  const names: string[] = [];
  for (
    const path of [
      "/speech.",
      "/speech%2E",
      "/speech.mp3?x=1",
      "/a%20b",
      "/dir/",
    ]
  ) {
    const response = await fetch(base + path);
    names.push(sourceName(response));
    await response.body?.cancel();
  }
  assertEquals(names, [
    "speech.wav",
    "speech.wav",
    "speech.mp3",
    "a b.wav",
    "blob.wav",
  ]);
});

Deno.test("a Blob that carries a name or path (as Bun.file does) keeps its file name", async () => {
  // Bun.file("/tmp/train.jsonl") is a Blob, not a File, whose name is the path.
  const bunFile = Object.assign(
    new Blob(['{"prompt":"a","completion":"b"}\n'], {
      type: "application/octet-stream",
    }),
    { name: "/tmp/data/train.jsonl" },
  );
  assertEquals(partName("file", bunFile), "train.jsonl");
  assertEquals((await toFile(bunFile)).name, "train.jsonl");
  const form = await multipart({ file: bunFile, purpose: "fine-tune" }, [
    "file",
  ]);
  assertEquals((form.get("file") as File).name, "train.jsonl");
  // A plain Blob still gets the field name (or blob) with a guessed extension.
  assertEquals(
    partName("file", new Blob(["x"], { type: "audio/mpeg" })),
    "file.mp3",
  );
});

// A client whose fetch answers every request with `{}`, counting them.
function countingClient(): { client: OpenAI; sent: () => number } {
  let sent = 0;
  const client = new OpenAI({
    apiKey: "sk-test",
    baseURL: "http://stub.local/v1",
    fetch: () => {
      sent++;
      return Promise.resolve(Response.json({}));
    },
  });
  return { client, sent: () => sent };
}

Deno.test("a file on disk that cannot be read fails as itself, once, before anything is sent", async () => {
  // Bun.file() or Node's fs.openAsBlob() of a path that is gone: reading the
  // Blob fails. Inside fetch that would be a connection error, retried.
  class MissingFile extends Blob {
    override slice(): Blob {
      return new MissingFile();
    }
    override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
      return new ReadableStream({
        pull(controller) {
          controller.error(new Error("ENOENT: no such file, '/tmp/gone'"));
        },
      });
    }
  }
  const { client, sent } = countingClient();
  await assertRejects(
    () =>
      client.files.create({
        file: new MissingFile() as File,
        purpose: "fine-tune",
      }),
    Error,
    "ENOENT",
  );
  assertEquals(sent(), 0);
  // A readable Blob is sent as before.
  await client.files.create({ file: new Blob(["{}\n"]), purpose: "fine-tune" });
  assertEquals(sent(), 1);
});

Deno.test("a file on disk that never answers (a FIFO, a stalled mount) is stopped by the timeout or the signal, and nothing is sent", async () => {
  let cancelled = 0;
  class SilentFile extends Blob {
    override slice(): Blob {
      return new SilentFile();
    }
    override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
      return new ReadableStream({
        pull: () => new Promise(() => {}),
        cancel: () => void cancelled++,
      });
    }
  }
  const { client, sent } = countingClient();
  const create = (options: RequestOptions) =>
    client.files.create(
      { file: new SilentFile() as File, purpose: "fine-tune" },
      options,
    );
  // Guarded: on code that does not stop the read, the test fails, not hangs.
  const guard = (p: Promise<unknown>) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error("still reading")), 5_000);
    });
    return Promise.race([p, late]).finally(() => clearTimeout(timer));
  };
  await assertRejects(
    () => guard(create({ timeout: 30 })),
    APIConnectionTimeoutError,
    "after 30 ms",
  );
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 20);
  await assertRejects(
    () => guard(create({ signal: controller.signal })),
    APIUserAbortError,
  );
  await assertRejects(
    () => guard(create({ signal: AbortSignal.abort() })),
    APIUserAbortError,
  );
  assertEquals(sent(), 0);
  // The read is cancelled too: in Bun, one left pending holds the process.
  assertEquals(cancelled, 3);
});

Deno.test("sourceName: a response's content-disposition names it (files.content() then toFile uploads under the file's own name)", async () => {
  const named = (disposition: string, type = "application/octet-stream") =>
    sourceName(
      new Response("{}\n", {
        headers: { "content-disposition": disposition, "content-type": type },
      }),
    );
  assertEquals(named('attachment; filename="train.jsonl"'), "train.jsonl");
  assertEquals(named("attachment; filename=train.jsonl"), "train.jsonl");
  // filename* wins, decoded; a malformed one falls back to filename.
  assertEquals(
    named(
      "attachment; filename*=UTF-8''tr%C3%A4in%20set.jsonl; filename=\"x.jsonl\"",
    ),
    "träin set.jsonl",
  );
  assertEquals(
    named("attachment; filename*=UTF-8''%E0%A4%A; filename=ok.txt"),
    "ok.txt",
  );
  // No folders, an extension from the type when the name has none.
  assertEquals(named('attachment; filename="../../etc/passwd"'), "passwd.bin");
  assertEquals(
    named('attachment; filename="data"', "application/json"),
    "data.json",
  );
  // Without a usable name, the URL's (none here) or the default.
  assertEquals(named("attachment"), "blob.bin");
  const file = await toFile(
    new Response("{}\n", {
      headers: { "content-disposition": 'attachment; filename="mine.jsonl"' },
    }),
  );
  assertEquals(file.name, "mine.jsonl");
});

Deno.test("toFile takes any typed array, as the official SDK does: one typed Uint8Array (a Node Buffer's type) or over shared memory", async () => {
  // Typed `Uint8Array` is `Uint8Array<ArrayBufferLike>`: ported code that
  // passes one (or a Node `Buffer`) must compile.
  const upload = (data: Uint8Array) => toFile(data, "a.bin");
  assertEquals(await read(await upload(bytes())), bytes());
  // A Blob refuses a view over a SharedArrayBuffer (Deno throws): it is copied.
  const shared = new Uint8Array(new SharedArrayBuffer(6));
  shared.set([0, 1, 2, 3, 250, 0]);
  const file = await upload(shared.subarray(1, 5));
  assertEquals(await read(file), new Uint8Array([1, 2, 3, 250]));
  assertEquals(
    await read(await toFile(new DataView(bytes().buffer, 2), "d.bin")),
    new Uint8Array([3, 250]),
  );
});
