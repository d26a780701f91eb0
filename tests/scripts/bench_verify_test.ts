import { calls } from "../../scripts/bench/child.ts";
import { contender } from "../../scripts/bench/contenders.ts";
import { expectedContent, verifyRun } from "../../scripts/bench/verify.ts";
import { serveMock } from "../../testing.ts";
import { assertEquals, assertRejects, assertThrows } from "../_assert.ts";

Deno.test("bench verify: the expected content is what the mock sends a contender", async () => {
  await using server = await serveMock();
  const expected = await expectedContent(server.url, 200);
  const raw = await contender("raw", server.url);
  assertEquals(expected, {
    call: await raw.call(),
    stream: await raw.stream(200),
  });
  // "Echo: Hello there", and 22 rounds of 9 pieces (1,373 characters) plus 2.
  assertEquals(expected, { call: 17, stream: 22 * 1373 + 6 + 171 });
});

Deno.test("bench verify: a run whose content differs from the mock's fails", () => {
  const expected = { call: 17, stream: 3_050_983 };
  verifyRun("stream", "ours", { content: 3_050_983 }, expected, 2000);
  verifyRun("calls16", "ours", { content: 34_000 }, expected, 2000);
  assertThrows(
    () => verifyRun("stream", "ours", { content: 3_050_982 }, expected, 2000),
    Error,
    "ours stream: 3050982 characters of content, not the 3050983",
  );
  assertThrows(
    () => verifyRun("memory", "official", { ms: 1 }, expected, 2000),
    Error,
    "official memory: undefined characters",
  );
  assertThrows(
    () => verifyRun("calls1", "raw", { content: 0 }, expected, 2000),
    Error,
    "raw calls1: 0 characters of content, not the 34000",
  );
});

Deno.test("bench verify: a call returning other than the mock's content fails the child", async () => {
  assertEquals(await calls(() => Promise.resolve(17), 10, 3, 17), 170);
  let made = 0;
  await assertRejects(
    () => calls(() => Promise.resolve(++made === 5 ? 0 : 17), 10, 1, 17),
    Error,
    "A call returned 0 characters of content, not the 17",
  );
  assertEquals(made, 5);
});
