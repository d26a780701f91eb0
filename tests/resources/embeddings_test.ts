import { BadRequestError, decodeEmbedding } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { setup } from "./_helpers.ts";

const norm = (v: number[]) => Math.hypot(...v);

Deno.test("embeddings.create embeds one string", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const body = { model: "text-embedding-ada-002", input: "The food was good" };
  const res = await client.embeddings.create(body);
  const req = server.mock.requests.at(-1)!;
  assertEquals(req.method, "POST");
  assertEquals(req.path, "/embeddings");
  assertEquals(req.headers["content-type"], "application/json");
  assertEquals(req.body, body);
  assertEquals(res.object, "list");
  assertEquals(res.model, "text-embedding-ada-002");
  assertEquals(res.data.length, 1);
  assertEquals(res.data[0].object, "embedding");
  assertEquals(res.data[0].index, 0);
  assertEquals(res.data[0].embedding.length, 8);
  assert(Math.abs(norm(res.data[0].embedding) - 1) < 1e-4, "unit length");
  assertEquals(res.usage, { prompt_tokens: 4, total_tokens: 4 });
});

Deno.test("embeddings.create returns one vector per item, deterministically", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const model = "text-embedding-ada-002";
  const many = await client.embeddings.create({
    model,
    input: ["alpha", "beta", "alpha"],
  });
  assertEquals(many.data.map((d) => d.index), [0, 1, 2]);
  assertEquals(many.data[0].embedding, many.data[2].embedding);
  assert(
    many.data[0].embedding.join() !== many.data[1].embedding.join(),
    "different texts get different vectors",
  );
  const one = await client.embeddings.create({ model, input: "beta" });
  assertEquals(one.data[0].embedding, many.data[1].embedding);
});

Deno.test("embeddings.create accepts tokens and token arrays", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const model = "text-embedding-ada-002";
  const tokens = await client.embeddings.create({ model, input: [1, 2, 3] });
  assertEquals(tokens.data.length, 1);
  assertEquals(tokens.usage.prompt_tokens, 3);
  const arrays = await client.embeddings.create({
    model,
    input: [[1, 2], [3]],
  });
  assertEquals(arrays.data.length, 2);
  assertEquals(arrays.usage.total_tokens, 3);
});

Deno.test("embeddings.create maps a bad input to BadRequestError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const err = await assertRejects(
    () =>
      client.embeddings.create({ model: "text-embedding-ada-002", input: [] }),
    BadRequestError,
    "Invalid input",
  );
  assertEquals((err as BadRequestError).param, "input");
});

Deno.test("embeddings.create with encoding_format base64 returns float32 bytes that decode to the vector", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const model = "text-embedding-ada-002";
  const floats = await client.embeddings.create({ model, input: "gamma" });
  const packed = await client.embeddings.create({
    model,
    input: "gamma",
    encoding_format: "base64",
  });
  assertEquals(server.mock.requests.at(-1)!.body, {
    model,
    input: "gamma",
    encoding_format: "base64",
  });
  const text: string = packed.data[0].embedding;
  assertEquals(typeof text, "string");
  assertEquals(text.length, 44, "32 bytes in base64");
  const vector = decodeEmbedding(text);
  assertEquals(vector.length, 8);
  floats.data[0].embedding.forEach((x, i) =>
    assert(
      Math.abs(vector[i] - x) < 1e-6,
      `component ${i}: ${vector[i]} vs ${x}`,
    )
  );
  assertEquals(
    [...decodeEmbedding("AACAPwAAAMA=")],
    [1, -2],
    "little-endian float32",
  );
});

Deno.test("decodeEmbedding rejects text that is not base64 of float32 values", () => {
  for (const bad of ["not base64!", "AAAA=", "AAE="]) {
    let caught: unknown;
    try {
      decodeEmbedding(bad);
    } catch (err) {
      caught = err;
    }
    assert(caught instanceof TypeError, `${bad} must throw a TypeError`);
    assert(caught.message.includes(JSON.stringify(bad)), caught.message);
  }
});
