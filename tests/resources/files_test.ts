import {
  type FileObject,
  NotFoundError,
  OpenAI,
  Page,
  toFile,
} from "../../mod.ts";
import {
  Files,
  toFile as entryToFile,
  Transport,
} from "../../src/entry/files.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { last, setup } from "./_helpers.ts";

const JSONL = '{"prompt":"a ->","completion":" b"}\n';
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

async function readStream(body: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, (at += chunk.length) - chunk.length);
  }
  return { out, chunks: chunks.length };
}

Deno.test("files.create sends multipart with the file part and purpose", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const file = await toFile(new TextEncoder().encode(JSONL), "train.jsonl", {
    type: "application/jsonl",
  });
  const created = await client.files.create({ file, purpose: "fine-tune" });
  const req = last(server);
  assertEquals([req.method, req.path], ["POST", "/files"]);
  assert(
    /^multipart\/form-data; ?boundary=\S+$/.test(req.headers["content-type"]),
    req.headers["content-type"],
  );
  const fields = req.body as Record<string, unknown>;
  assertEquals(Object.keys(fields).sort(), ["file", "purpose"]);
  assertEquals(fields.purpose, "fine-tune");
  const sent = fields.file as File;
  assertEquals(sent.name, "train.jsonl");
  assertEquals(await sent.text(), JSONL);
  assertEquals(
    created,
    {
      id: "file-mock1",
      object: "file",
      bytes: JSONL.length,
      created_at: created.created_at,
      filename: "train.jsonl",
      purpose: "fine-tune",
      status: "uploaded",
      status_details: null,
    } satisfies FileObject,
  );
});

Deno.test("files.create names a bare Blob after the field and its type", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const blob = new Blob([JSONL], { type: "application/jsonl" });
  const created = await client.files.create({ file: blob, purpose: "search" });
  assertEquals(created.filename, "file.jsonl");
  const sent = (last(server).body as Record<string, File>).file;
  assertEquals(sent.name, "file.jsonl");
});

Deno.test("files.create rejects a wrong file type before any request", async () => {
  const [server, client] = await setup();
  await using _ = server;
  for (const file of ["train.jsonl", 3, { name: "x" }, new Uint8Array(3)]) {
    await assertRejects(
      // @ts-expect-error: file must be a File or Blob
      () => client.files.create({ file, purpose: "fine-tune" }),
      TypeError,
      "Invalid file: expected a File, Blob, Response or stream",
    );
  }
  assertEquals(server.mock.requests.length, 0);
});

Deno.test("files.list, retrieve and delete follow the uploads", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const empty = await client.files.list();
  assert(empty instanceof Page);
  assertEquals(empty.data, []);
  const a = await client.files.create({
    file: new File(["a"], "a.jsonl"),
    purpose: "fine-tune",
  });
  const b = await client.files.create({
    file: new File(["bb"], "b.jsonl"),
    purpose: "fine-tune",
  });
  const page = await client.files.list();
  assertEquals(last(server).method + " " + last(server).path, "GET /files");
  assertEquals(page.object, "list");
  assertEquals(page.data.map((f) => [f.id, f.bytes]), [[a.id, 1], [b.id, 2]]);
  const ids: string[] = [];
  for await (const f of page) ids.push(f.id);
  assertEquals(ids, [a.id, b.id]);

  // Processed by the time anyone retrieves it (see the mock's files route).
  assertEquals(await client.files.retrieve(b.id), {
    ...b,
    status: "processed",
  });
  assertEquals(last(server).path, `/files/${b.id}`);

  const deleted = await client.files.delete(a.id);
  assertEquals([last(server).method, last(server).path], [
    "DELETE",
    `/files/${a.id}`,
  ]);
  assertEquals(deleted, { id: a.id, object: "file", deleted: true });
  assertEquals((await client.files.list()).data.map((f) => f.id), [b.id]);
  await assertRejects(() => client.files.retrieve(a.id), NotFoundError, a.id);
  await assertRejects(() => client.files.delete(a.id), NotFoundError);
  // A new upload never reuses a deleted id.
  const c = await client.files.create({
    file: new File(["c"], "c.jsonl"),
    purpose: "fine-tune",
  });
  assert(c.id !== a.id && c.id !== b.id);
});

Deno.test("files.retrieve encodes the id as one path segment", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(() => client.files.retrieve("../models"), NotFoundError);
  assertEquals(last(server).path, "/files/..%2Fmodels");
});

Deno.test("files.content resolves to the unread Response with the exact bytes", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const bytes = new Uint8Array(256).map((_, i) => i);
  const { id } = await client.files.create({
    file: new File([bytes], "all.bin"),
    purpose: "fine-tune",
  });
  const res = await client.files.content(id);
  assert(res instanceof Response);
  assertEquals(res.bodyUsed, false);
  assertEquals(res.headers.get("content-type"), "application/octet-stream");
  assertEquals([last(server).method, last(server).path], [
    "GET",
    `/files/${id}/content`,
  ]);
  assertEquals(await bytesOf(await res.blob()), bytes);
  await assertRejects(() => client.files.content("file-nope"), NotFoundError);
});

Deno.test("files.retrieveContent (deprecated) resolves to the file's text", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const text = '{"prompt": "é", "completion": " ok"}\n';
  const { id } = await client.files.create({
    file: new File([text], "train.jsonl"),
    purpose: "fine-tune",
  });
  assertEquals(await client.files.retrieveContent(id), text);
  assertEquals(last(server).path, `/files/${id}/content`);
  await assertRejects(
    () => client.files.retrieveContent("file-nope"),
    NotFoundError,
  );
});

Deno.test("models.del and files.del (deprecated) delete like delete", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const { id } = await client.files.create({
    file: new File(["x"], "x.jsonl"),
    purpose: "fine-tune",
  });
  assertEquals(await client.files.del(id), {
    id,
    object: "file",
    deleted: true,
  });
  assertEquals([last(server).method, last(server).path], [
    "DELETE",
    `/files/${id}`,
  ]);
  const model = "ft:gpt-3.5-turbo:acme::del1";
  assertEquals(await client.models.del(model), {
    id: model,
    object: "model",
    deleted: true,
  });
  assertEquals(last(server).path, `/models/${encodeURIComponent(model)}`);
});

Deno.test("files.content streams a 5 MB file back byte for byte", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const size = 5 * 1024 * 1024 + 3;
  const big = new Uint8Array(size);
  for (let i = 0; i < size; i++) big[i] = (i * 31 + (i >> 10)) & 0xff;
  const { id, bytes } = await client.files.create({
    file: new File([big], "big.bin", { type: "application/octet-stream" }),
    purpose: "fine-tune",
  });
  assertEquals(bytes, size);
  const res = await client.files.content(id);
  assertEquals(res.headers.get("content-length"), String(size));
  const { out, chunks } = await readStream(res.body!);
  assert(chunks > 1, `expected the body in several chunks, got ${chunks}`);
  assertEquals(out.length, size);
  assert(out.every((v, i) => v === big[i]), "the bytes differ");
});

Deno.test("the ./files entry point works alone and exports toFile", async () => {
  const [server] = await setup();
  await using _ = server;
  const files = new Files(
    new Transport({ apiKey: "sk-test", baseURL: server.url }),
  );
  assert(entryToFile === toFile);
  const created = await files.create({
    file: new Blob(["x"]),
    purpose: "fine-tune",
  });
  assertEquals(created.filename, "file");
});

// A server that answers 500 first and records each attempt's raw body.
function flakyServer() {
  const seen: { type: string; body: Uint8Array<ArrayBuffer> }[] = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      const body = new Uint8Array(await req.arrayBuffer());
      seen.push({ type: req.headers.get("content-type") ?? "", body });
      if (seen.length === 1) {
        return Response.json({ error: { message: "boom" } }, {
          status: 500,
          headers: { "retry-after-ms": "0" },
        });
      }
      return Response.json({ id: "file-1", object: "file", bytes: 1 });
    },
  );
  return { server, seen, url: `http://127.0.0.1:${server.addr.port}/v1` };
}

Deno.test("files.create re-sends the whole multipart body after a 500", async () => {
  const { server, seen, url } = flakyServer();
  await using _ = server;
  const client = new OpenAI({ apiKey: "sk-test", baseURL: url });
  // Several parts, larger than one upload slice, with a byte pattern.
  const part = new Uint8Array(300_001).map((_, i) => (i * 7) & 0xff);
  const file = new File([part, part, "tail"], "big.jsonl", {
    type: "application/jsonl",
  });
  await client.files.create({ file, purpose: "fine-tune" });
  assertEquals(seen.length, 2);
  const expected = await bytesOf(file);
  for (const { type, body } of seen) {
    // The runtime wrote the content type, and its boundary frames this body.
    const boundary = /^multipart\/form-data; ?boundary=(\S+)$/.exec(type)?.[1];
    assert(boundary, type);
    const text = new TextDecoder("latin1").decode(body);
    assert(text.startsWith(`--${boundary}\r\n`), "body starts with boundary");
    const end = text.slice(text.lastIndexOf("\r\n--") + 4).trimEnd();
    assertEquals(end, `${boundary}--`);
    const form = await new Response(body, { headers: { "content-type": type } })
      .formData();
    assertEquals(form.get("purpose"), "fine-tune");
    const sent = form.get("file") as File;
    assertEquals([sent.name, sent.type], ["big.jsonl", "application/jsonl"]);
    assertEquals(await bytesOf(sent), expected);
  }
  // Only the boundary may differ between the attempts.
  const [a, b] = seen.map(({ type, body }) =>
    new TextDecoder("latin1").decode(body).replaceAll(type.split("=")[1], "")
  );
  assert(a === b, "the two attempts sent different bodies");
});

Deno.test("files.create takes a Response, a stream or an async iterable as the file, like the official SDK", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const sources: [string, () => unknown, string][] = [
    [
      "a Response",
      () =>
        new Response(JSONL, {
          headers: { "content-type": "application/jsonl" },
        }),
      "blob.jsonl",
    ],
    ["a ReadableStream", () => new Blob([JSONL]).stream(), "blob"],
    [
      "an async iterable with a path",
      () =>
        Object.assign(
          (async function* () {
            yield JSONL.slice(0, 5);
            yield new TextEncoder().encode(JSONL.slice(5));
          })(),
          { path: "/tmp/train.jsonl" },
        ),
      "train.jsonl",
    ],
  ];
  for (const [what, source, name] of sources) {
    const created = await client.files.create({
      file: source() as Response,
      purpose: "fine-tune",
    });
    const sent = (last(server).body as Record<string, unknown>).file as File;
    assertEquals([sent.name, await sent.text()], [name, JSONL], what);
    assertEquals(created.bytes, JSONL.length, what);
  }
  // withResponse still gives the parsed file and the HTTP response.
  const { data, response } = await client.files.create({
    file: new Response(JSONL),
    purpose: "fine-tune",
  }).withResponse();
  assertEquals([data.object, response.status], ["file", 200]);
});

Deno.test("files.create with a Response file still maps API errors", async () => {
  const [server, client] = await setup();
  await using _ = server;
  server.mock.fault({ status: 400, times: 1 });
  await assertRejects(
    () =>
      client.files.create({ file: new Response(JSONL), purpose: "fine-tune" }),
    Error,
    "400",
  );
});
