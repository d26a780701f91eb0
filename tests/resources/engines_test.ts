import { BadRequestError, NotFoundError, Page } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { setup } from "./_helpers.ts";

Deno.test("engines.list returns a page of engines", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const page = await client.engines.list();
  const req = server.mock.requests.at(-1)!;
  assertEquals(req.method, "GET");
  assertEquals(req.path, "/engines");
  assertEquals(req.body, undefined);
  assert(page instanceof Page, "a Page");
  const ids: string[] = [];
  for await (const engine of page) ids.push(engine.id);
  assert(ids.includes("davinci"), "davinci is listed");
  assertEquals(page.data[0].object, "engine");
  assertEquals(page.data[0].ready, true);
});

Deno.test("engines.retrieve encodes the id and parses the engine", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const engine = await client.engines.retrieve("curie");
  const req = server.mock.requests.at(-1)!;
  assertEquals(req.method, "GET");
  assertEquals(req.path, "/engines/curie");
  assertEquals(engine.id, "curie");
  assertEquals(engine.object, "engine");
  const err = await assertRejects(
    () => client.engines.retrieve("no/such"),
    NotFoundError,
    "no/such",
  );
  assertEquals((err as NotFoundError).status, 404);
  assertEquals(server.mock.requests.at(-1)!.path, "/engines/no%2Fsuch");
});

Deno.test("engines.search scores each document by word overlap", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const body = {
    query: "the president",
    documents: ["White House", "the president spoke", "a president"],
  };
  const res = await client.engines.search("davinci", body);
  const req = server.mock.requests.at(-1)!;
  assertEquals(req.method, "POST");
  assertEquals(req.path, "/engines/davinci/search");
  assertEquals(req.headers["content-type"], "application/json");
  assertEquals(req.body, body);
  assertEquals(res.object, "list");
  assertEquals(res.model, "davinci");
  assertEquals(res.data, [
    { object: "search_result", document: 0, score: 0 },
    { object: "search_result", document: 1, score: 300 },
    { object: "search_result", document: 2, score: 150 },
  ]);
});

Deno.test("engines.search rejects documents with file, and unknown engines", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    () =>
      client.engines.search("ada", {
        query: "q",
        documents: ["a"],
        file: "file-1",
      }),
    BadRequestError,
    "not both",
  );
  await assertRejects(
    () => client.engines.search("ada", { query: "", documents: ["a"] }),
    BadRequestError,
    "query",
  );
  await assertRejects(
    () => client.engines.search("nope", { query: "q", documents: ["a"] }),
    NotFoundError,
    "nope",
  );
});
