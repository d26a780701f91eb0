import { CursorPage, OpenAIError, Page } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { json, stubClient } from "./_helpers.ts";

// getNextPage() follows the official SDK: a cursor page continues after its
// last id whatever has_more says, and only a page with nothing to continue
// from (no cursor, no items, no last id) rejects, without a request.

const job = (id: string) => ({ id, object: "fine_tuning.job" });

Deno.test("getNextPage on a cursor list's last page asks for the items after its last id", async () => {
  const { client, calls } = stubClient([
    () => json({ object: "list", data: [job("a"), job("b")], has_more: false }),
    () => json({ object: "list", data: [], has_more: false }),
  ]);
  const page = await client.fineTuning.jobs.list({ limit: 2 });
  assert(page instanceof CursorPage);
  assertEquals(page.hasNextPage(), false);
  const next = await page.getNextPage();
  assertEquals(calls.length, 2);
  const url = new URL(calls[1].url);
  assertEquals(url.pathname, "/v1/fine_tuning/jobs");
  assertEquals(Object.fromEntries(url.searchParams), {
    limit: "2",
    after: "b",
  });
  assert(next instanceof CursorPage);
  assertEquals([next.data, next.hasNextPage()], [[], false]);
});

Deno.test("getNextPage resolves to whatever the server has after the last id", async () => {
  // has_more can be wrong or stale; the official SDK still follows the cursor.
  const { client } = stubClient([
    () => json({ object: "list", data: [job("a")], has_more: false }),
    () => json({ object: "list", data: [job("late")], has_more: false }),
  ]);
  const page = await client.fineTuning.jobs.list();
  const next = await page.getNextPage();
  assertEquals(next.data.map((j) => j.id), ["late"]);
});

Deno.test("getNextPage rejects without a request on an empty cursor page or one with no last id", async () => {
  for (const data of [[], [job("a"), { object: "fine_tuning.job" }]]) {
    const { client, calls } = stubClient([
      () => json({ object: "list", data, has_more: true }),
    ]);
    const page = await client.fineTuning.jobs.list();
    await assertRejects(() => page.getNextPage(), OpenAIError, "No next page");
    assertEquals(calls.length, 1, JSON.stringify(data));
  }
});

Deno.test("getNextPage rejects without a request on a list without a cursor", async () => {
  // The official SDK's Page has no next page, whatever the body says.
  const { client, calls } = stubClient([
    () => json({ object: "list", data: [{ id: "m" }], has_more: true }),
  ]);
  const page = await client.models.list();
  assert(page instanceof Page && !(page instanceof CursorPage));
  assertEquals(page.hasNextPage(), false);
  await assertRejects(() => page.getNextPage(), OpenAIError, "No next page");
  assertEquals(calls.length, 1);
});

Deno.test("a cursor page whose last item has no id has no next page: iteration ends instead of throwing", async () => {
  for (const last of [{ object: "x" }, { id: "" }, { id: null }]) {
    const { client, calls } = stubClient([
      () => json({ object: "list", data: [job("a"), last], has_more: true }),
    ]);
    const page = await client.fineTuning.jobs.list();
    assertEquals(page.hasNextPage(), false);
    const seen: unknown[] = [];
    for await (const item of client.fineTuning.jobs.list()) seen.push(item);
    assertEquals(seen.length, 2);
    assertEquals(calls.length, 2);
  }
});

Deno.test("has_more and object are always set, as the official SDK sets them", async () => {
  const { client } = stubClient([() => json({ data: [job("a")] })]);
  const page = await client.fineTuning.jobs.list();
  assertEquals([page.has_more, page.object], [false, "list"]);
});

Deno.test("files.list follows the cursor while has_more, with the caller's limit and purpose", async () => {
  const file = (id: string) => ({ id, object: "file", purpose: "fine-tune" });
  const { client, calls } = stubClient([
    () =>
      json({ object: "list", data: [file("a"), file("b")], has_more: true }),
    () => json({ object: "list", data: [file("c")], has_more: false }),
  ]);
  const ids: string[] = [];
  for await (const f of client.files.list({ purpose: "fine-tune", limit: 2 })) {
    ids.push(f.id);
  }
  assertEquals(ids, ["a", "b", "c"]);
  assertEquals(calls.map((c) => new URL(c.url).search), [
    "?purpose=fine-tune&limit=2",
    "?purpose=fine-tune&limit=2&after=b",
  ]);
});
