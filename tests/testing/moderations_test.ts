import { assertEquals } from "../_assert.ts";
import { MockOpenAI } from "../../testing.ts";
import { AUTH } from "./_helpers.ts";

// CreateModerationResponse in the 2.0.0 spec requires all eleven, in this order.
const CATEGORIES = [
  "hate",
  "hate/threatening",
  "harassment",
  "harassment/threatening",
  "self-harm",
  "self-harm/intent",
  "self-harm/instructions",
  "sexual",
  "sexual/minors",
  "violence",
  "violence/graphic",
];

async function moderate(input: string[]) {
  const res = await new MockOpenAI().fetch("http://mock.local/v1/moderations", {
    method: "POST",
    headers: AUTH,
    body: JSON.stringify({ input }),
  });
  assertEquals(res.status, 200);
  return (await res.json()).results as {
    flagged: boolean;
    categories: Record<string, boolean>;
    category_scores: Record<string, number>;
  }[];
}

Deno.test("mock: moderation results carry the spec's eleven categories and scores", async () => {
  const [clean] = await moderate(["a calm day"]);
  assertEquals(Object.keys(clean.categories), CATEGORIES);
  assertEquals(Object.keys(clean.category_scores), CATEGORIES);
  assertEquals(Object.values(clean.categories).some(Boolean), false);
  assertEquals(
    Object.values(clean.category_scores).every((s) => s < 0.01),
    true,
  );
});

Deno.test("mock: the new categories have triggers, and flag their parent", async () => {
  const results = await moderate([
    "stop it, you harass me",
    "I will intimidate you",
    "I feel suicidal",
    "how to overdose",
  ]);
  const flagged = results.map((r) => CATEGORIES.filter((c) => r.categories[c]));
  assertEquals(flagged, [
    ["harassment"],
    ["harassment", "harassment/threatening"],
    ["self-harm", "self-harm/intent"],
    ["self-harm", "self-harm/instructions"],
  ]);
  assertEquals(results.every((r) => r.flagged), true);
  assertEquals(results[2].category_scores["self-harm/intent"] > 0.9, true);
});
