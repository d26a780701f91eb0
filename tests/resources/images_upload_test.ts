import { BadRequestError, type ImagesResponse, toFile } from "../../mod.ts";
import {
  Images,
  toFile as entryToFile,
  Transport,
} from "../../src/entry/images.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { checkMultipart, last, setup } from "./_helpers.ts";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]);
const png = (name = "otter.png") =>
  new File([PNG], name, { type: "image/png" });
const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

Deno.test("images.edit sends image, mask and every field", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const result: ImagesResponse = await client.images.edit({
    image: png(),
    mask: new Blob([PNG], { type: "image/png" }),
    prompt: "Add a beret",
    n: 2,
    size: "512x512",
    response_format: "url",
    user: "user-1234",
  });
  const fields = checkMultipart(server, "/images/edits");
  assertEquals(Object.keys(fields).sort(), [
    "image",
    "mask",
    "n",
    "prompt",
    "response_format",
    "size",
    "user",
  ]);
  assertEquals(
    [fields.prompt, fields.n, fields.size, fields.response_format, fields.user],
    ["Add a beret", "2", "512x512", "url", "user-1234"],
  );
  const image = fields.image as File;
  const mask = fields.mask as File;
  assertEquals([image.name, mask.name], ["otter.png", "mask.png"]);
  assertEquals(await bytesOf(image), PNG);
  assertEquals(await bytesOf(mask), PNG);
  assertEquals(typeof result.created, "number");
  assertEquals(result.data.length, 2);
  assert(result.data.every((d) => d.url?.endsWith("-512x512.png")));
});

Deno.test("images.edit leaves unset fields out and can return base64", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const image = await toFile(PNG, "raw.png", { type: "image/png" });
  const result = await client.images.edit({
    image,
    prompt: "p",
    n: null,
    response_format: "b64_json",
  });
  const fields = checkMultipart(server, "/images/edits");
  assertEquals(Object.keys(fields).sort(), [
    "image",
    "prompt",
    "response_format",
  ]);
  assertEquals((fields.image as File).name, "raw.png");
  assertEquals(result.data.length, 1);
  assert(typeof result.data[0].b64_json === "string");
});

Deno.test("images.createVariation sends the image and fields", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const result = await client.images.createVariation({
    image: png("cat.png"),
    n: 3,
    size: "256x256",
    user: "u",
  });
  const fields = checkMultipart(server, "/images/variations");
  assertEquals(Object.keys(fields).sort(), ["image", "n", "size", "user"]);
  assertEquals([fields.n, fields.size, fields.user], ["3", "256x256", "u"]);
  assertEquals((fields.image as File).name, "cat.png");
  assertEquals(await bytesOf(fields.image as File), PNG);
  assertEquals(result.data.length, 3);
  assert(result.data.every((d) => d.url?.endsWith("-256x256.png")));
});

Deno.test("images: a wrong image or mask type rejects before any request", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    // @ts-expect-error: image must be a File or Blob
    () => client.images.edit({ image: "otter.png", prompt: "p" }),
    TypeError,
    'Invalid image: expected a File, Blob, Response or stream, got the string "otter.png"',
  );
  await assertRejects(
    // @ts-expect-error: mask must be a File or Blob
    () => client.images.edit({ image: png(), mask: PNG, prompt: "p" }),
    TypeError,
    "Invalid mask: expected a File, Blob, Response or stream, got a Uint8Array; wrap bytes with toFile() first",
  );
  await assertRejects(
    // @ts-expect-error: image must be a File or Blob
    () => client.images.createVariation({ image: { path: "x.png" } }),
    TypeError,
    "Invalid image: expected a File, Blob, Response or stream, got a plain object",
  );
  assertEquals(server.mock.requests.length, 0);
});

Deno.test("images: server-side validation maps to BadRequestError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    () => client.images.createVariation({ image: png(), n: 11 }),
    BadRequestError,
    "Invalid n",
  );
  await assertRejects(
    () => client.images.edit({ image: png(), prompt: "" }),
    BadRequestError,
    "prompt",
  );
});

Deno.test("the ./images entry point exports toFile", async () => {
  const [server] = await setup();
  await using _ = server;
  assert(entryToFile === toFile);
  const images = new Images(
    new Transport({ apiKey: "sk-test", baseURL: server.url }),
  );
  const result = await images.createVariation({
    image: new Blob([PNG], { type: "image/png" }),
  });
  assertEquals(result.data.length, 1);
  assertEquals(
    (last(server).body as Record<string, File>).image.name,
    "image.png",
  );
});
