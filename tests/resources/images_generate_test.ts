import { BadRequestError } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { setup } from "./_helpers.ts";

Deno.test("images.generate posts JSON and returns n URLs by default", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const body = {
    prompt: "A cute baby sea otter",
    n: 3,
    size: "256x256" as const,
  };
  const res = await client.images.generate(body);
  const req = server.mock.requests.at(-1)!;
  assertEquals(req.method, "POST");
  assertEquals(req.path, "/images/generations");
  assertEquals(req.headers["content-type"], "application/json");
  assertEquals(req.body, body);
  assertEquals(typeof res.created, "number");
  assertEquals(res.data.length, 3);
  for (const image of res.data) {
    const url = image.url ?? "";
    assert(url.startsWith("https://"), "a URL");
    assert(url.includes("256x256"), "the size shows in the URL");
    assertEquals(image.b64_json, undefined);
  }
  assertEquals(new Set(res.data.map((i) => i.url)).size, 3);
});

Deno.test("images.generate returns base64 PNG data for b64_json", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const res = await client.images.generate({
    prompt: "A cute baby sea otter",
    response_format: "b64_json",
  });
  assertEquals(res.data.length, 1);
  const [image] = res.data;
  assertEquals(image.url, undefined);
  const bytes = Uint8Array.from(atob(image.b64_json!), (c) => c.charCodeAt(0));
  assertEquals([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
});

Deno.test("images.generate maps bad options to BadRequestError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    () => client.images.generate({ prompt: "otter", n: 11 }),
    BadRequestError,
    "Invalid n: 11",
  );
  const err = await assertRejects(
    // @ts-expect-error: not a supported size
    () => client.images.generate({ prompt: "otter", size: "640x480" }),
    BadRequestError,
    "640x480",
  );
  assertEquals((err as BadRequestError).param, "size");
  await assertRejects(
    () => client.images.generate({ prompt: "x".repeat(1001) }),
    BadRequestError,
    "1001 characters",
  );
});
