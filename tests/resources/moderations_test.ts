import {
  BadRequestError,
  type ModerationCategories,
  type ModerationCategory,
} from "../../mod.ts";
import { assertEquals, assertRejects } from "../_assert.ts";
import { setup } from "./_helpers.ts";

const CATEGORIES = [
  "harassment",
  "harassment/threatening",
  "hate",
  "hate/threatening",
  "self-harm",
  "self-harm/instructions",
  "self-harm/intent",
  "sexual",
  "sexual/minors",
  "violence",
  "violence/graphic",
] as const;

// The types name exactly the categories the API answers with: a category
// missing from either fails `deno check`.
type Listed = (typeof CATEGORIES)[number];
export type CategoriesTyped = [
  Listed extends ModerationCategory ? true : never,
  ModerationCategory extends Listed ? true : never,
  keyof ModerationCategories extends Listed ? true : never,
  Listed extends keyof ModerationCategories ? true : never,
];
const typed: CategoriesTyped = [true, true, true, true];

Deno.test("moderations.create posts JSON and passes clean text", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const res = await client.moderations.create({ input: "I like otters" });
  const req = server.mock.requests.at(-1)!;
  assertEquals(req.method, "POST");
  assertEquals(req.path, "/moderations");
  assertEquals(req.headers["content-type"], "application/json");
  assertEquals(req.body, { input: "I like otters" });
  assertEquals(res.model, "text-moderation-latest");
  assertEquals(res.id.startsWith("modr-"), true);
  assertEquals(res.results.length, 1);
  const [result] = res.results;
  assertEquals(result.flagged, false);
  assertEquals(Object.keys(result.categories).sort(), [...CATEGORIES]);
  assertEquals(Object.keys(result.category_scores).sort(), [
    ...CATEGORIES,
  ]);
  assertEquals(Object.values(result.categories).some(Boolean), false);
  assertEquals(typed.length, 4);
});

Deno.test("moderations.create flags a trigger word, one result per input", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const res = await client.moderations.create({
    input: ["I want to kill them.", "a calm day", "so much GORE"],
    model: "text-moderation-stable",
  });
  assertEquals(server.mock.requests.at(-1)!.body, {
    input: ["I want to kill them.", "a calm day", "so much GORE"],
    model: "text-moderation-stable",
  });
  assertEquals(res.model, "text-moderation-stable");
  assertEquals(res.results.map((r) => r.flagged), [true, false, true]);
  const [kill, , gore] = res.results;
  assertEquals(kill.categories.violence, true);
  assertEquals(kill.categories["violence/graphic"], false);
  assertEquals(kill.categories.hate, false);
  assertEquals(kill.category_scores.violence > 0.9, true);
  assertEquals(kill.category_scores.hate < 0.01, true);
  // A sub-category flags its parent too.
  assertEquals(gore.categories["violence/graphic"], true);
  assertEquals(gore.categories.violence, true);
});

Deno.test("moderations.create maps a bad input to BadRequestError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    // @ts-expect-error: input must be text
    () => client.moderations.create({ input: 42 }),
    BadRequestError,
    "Invalid input: 42",
  );
});
