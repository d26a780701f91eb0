// The suite's own assertions must not pass what differs: a comparison that
// cannot see a difference would make every test using it unable to fail.
import { assertEquals, AssertionError, assertThrows } from "../_assert.ts";

Deno.test("assertEquals tells Headers, URLs and query strings apart", () => {
  assertEquals(new Headers({ a: "1" }), new Headers({ a: "1" }));
  assertThrows(
    () => assertEquals(new Headers({ a: "1" }), new Headers({ b: "2" })),
    AssertionError,
  );
  assertThrows(
    () => assertEquals(new URL("http://a.test/x"), new URL("http://a.test/y")),
    AssertionError,
  );
  assertThrows(
    () => assertEquals(new URLSearchParams("a=1"), new URLSearchParams("a=2")),
    AssertionError,
  );
});

Deno.test("assertEquals refuses objects it cannot see into, instead of passing them", () => {
  assertThrows(
    () => assertEquals(new Response("a"), new Response("b")),
    AssertionError,
    "cannot compare two Response",
  );
  assertThrows(
    () => assertEquals(new Blob(["a"]), new Blob(["b"])),
    AssertionError,
    "cannot compare",
  );
  // Plain objects, arrays and class instances with fields still compare.
  assertEquals({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
  assertEquals([], []);
  assertEquals({}, {});
});
