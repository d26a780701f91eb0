import { APIConnectionTimeoutError } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { inProcess, inWorker, stubClient } from "./_helpers.ts";
import { realTime } from "../../src/core/deadlines.ts";

// In Deno the transport keeps one timer for all calls in flight; elsewhere
// (Workers above all) each call keeps its own. Both modes run here: the
// per-call one by building the client while `Deno` is hidden. These pin that
// a short deadline is not hidden behind a longer one armed first. That an
// idle shared timer never keeps the process alive is in timeout_test.ts.

type Options = Parameters<typeof inProcess>[0];
const MODES: [string, (options: Options) => ReturnType<typeof inProcess>][] = [
  ["one shared timer", inProcess],
  ["a timer per call", (options) => {
    // Loads Deno's lazy `process` first: loading it needs `Deno`.
    void (globalThis as { process?: unknown }).process;
    const deno = Object.getOwnPropertyDescriptor(globalThis, "Deno")!;
    Object.defineProperty(globalThis, "Deno", {
      configurable: true,
      value: undefined,
    });
    try {
      return inProcess({ organization: null, ...options });
    } finally {
      Object.defineProperty(globalThis, "Deno", deno);
    }
  }],
];

for (const [mode, inProcess] of MODES) {
  Deno.test(`${mode}: a short timeout fires on time while a longer call is in flight`, async () => {
    const { client, mock } = inProcess({ timeout: 5_000, maxRetries: 0 });
    mock.fault({ delayMs: 300 });
    mock.fault({ delayMs: 2_000 });
    const slow = client.models.list();
    const started = Date.now();
    const short = assertRejects(
      () => client.models.list({ timeout: 50 }),
      APIConnectionTimeoutError,
      "timed out after 50 ms",
    );
    await short;
    assert(Date.now() - started < 250);
    assertEquals((await slow).object, "list");
  });

  Deno.test(`${mode}: calls timing out together each get their own timeout error`, async () => {
    const { client, mock } = inProcess({ timeout: 40, maxRetries: 0 });
    mock.fault({ delayMs: 2_000, times: 3 });
    const results = await Promise.allSettled([
      client.models.list(),
      client.models.list({ timeout: 60 }),
      client.models.list(),
    ]);
    for (const result of results) {
      assert(result.status === "rejected");
      assert(result.reason instanceof APIConnectionTimeoutError);
    }
  });
}

// Everything reachable from `root` through own properties (symbols too),
// `depth` levels down; weak references are not followed.
function reachable(root: unknown, depth = 4, seen = new Set<unknown>()) {
  if (depth < 0 || !root || typeof root != "object" || seen.has(root)) {
    return seen;
  }
  seen.add(root);
  if (root instanceof WeakRef) return seen;
  for (const key of Reflect.ownKeys(root)) {
    const value = Object.getOwnPropertyDescriptor(root, key)?.value;
    reachable(value, depth - 1, seen);
  }
  return seen;
}

Deno.test("a timer per call: what the timer holds does not reach the response", async () => {
  // The garbage collector can promote a timer's argument while the call is in
  // flight; if that object held the response, every finished response would
  // outlive young-generation collections. Catches the call's own timer, the
  // one place where its argument is visible.
  const held: unknown[] = [];
  type Arm = (fn: () => void, ms?: number, ...args: unknown[]) => unknown;
  const g = globalThis as unknown as { setTimeout: Arm };
  const real = g.setTimeout;
  const { client } = MODES[1][1]({ maxRetries: 0 });
  g.setTimeout = (fn, ms, ...args) => {
    held.push(...args);
    return real(fn, ms, ...args);
  };
  try {
    const { data, response } = await client.models.list().withResponse();
    assert(data.data.length > 0 && response instanceof Response);
  } finally {
    g.setTimeout = real;
  }
  assert(held.length > 0, "no call timer was armed");
  for (const arg of held) {
    for (const value of reachable(arg)) {
      assert(!(value instanceof Response), "a call timer holds the response");
    }
  }
});

// A fetch that answers only with the abort of its request's signal.
function hang({ init }: { init: RequestInit }): Promise<Response> {
  return new Promise((_, reject) => {
    const signal = init.signal!;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason));
  });
}

// A stand-in for a test's fake timers (@std/testing/time's FakeTime, sinon):
// it replaces setTimeout, clearTimeout and Date.now while installed, numbers
// its timers from 1 as FakeTime does, and, as FakeTime does, refuses to
// clear one once restored.
function fakeClock() {
  const real = { setTimeout, clearTimeout, now: Date.now };
  let now = Date.now(), id = 0, installed = true;
  const due = new Map<number, { at: number; fire: () => void }>();
  const g = globalThis as unknown as Record<string, unknown>;
  g.setTimeout = (
    fn: (...args: unknown[]) => void,
    ms = 0,
    ...args: unknown[]
  ) => {
    due.set(++id, { at: now + ms, fire: () => fn(...args) });
    return id;
  };
  g.clearTimeout = (timer: number) => {
    if (!installed) throw new Error("Cannot clear timeout: time is not faked");
    due.delete(timer);
  };
  Date.now = () => now;
  return {
    real,
    async tick(ms: number) {
      now += ms;
      for (const [timer, { at, fire }] of due) {
        if (at <= now) due.delete(timer), fire();
      }
      await new Promise((resolve) => real.setTimeout(resolve, 0));
    },
    restore() {
      installed = false;
      Object.assign(g, {
        setTimeout: real.setTimeout,
        clearTimeout: real.clearTimeout,
      });
      Date.now = real.now;
    },
  };
}

Deno.test("calls under a test's fake clock time out on that clock, and real-time calls after it on time", async () => {
  // A client made before the clock is swapped (one at module scope) and one
  // made after, each with a call that never answers.
  const before = stubClient([hang], { maxRetries: 0 }).client;
  await stubClient([() => Response.json({ data: [] })]).client.models.list();
  const clock = fakeClock();
  let calls: Promise<unknown>[];
  try {
    const after = stubClient([hang], { maxRetries: 0 }).client;
    calls = [before.models.list(), after.models.list()].map((call) =>
      call.then(() => "answered", (err) => err)
    );
    await clock.tick(600_001);
  } finally {
    clock.restore();
  }
  // Guarded: a call left waiting on a timer of the other clock fails the
  // test instead of hanging it.
  for (const result of await guarded(Promise.all(calls))) {
    assert(result instanceof APIConnectionTimeoutError, String(result));
  }
  // Real time again: a short timeout fires on time.
  const { client } = stubClient([hang], { maxRetries: 0, timeout: 50 });
  const [result] = await guarded(
    Promise.all([client.models.list().then(() => "answered", (err) => err)]),
  );
  assert(result instanceof APIConnectionTimeoutError, String(result));
});

async function guarded<T>(promise: Promise<T[]>): Promise<T[]> {
  let guard: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T[]>((_, reject) => {
    guard = setTimeout(() => reject(new Error("calls still waiting")), 3_000);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(guard);
  }
}

Deno.test("a fake clock installed or restored while calls are in flight leaves every timeout working", async () => {
  const outcome = (call: Promise<unknown>) =>
    call.then(() => "answered", (err) => err);
  // A real-time call (on the shared timer) still waiting while a fake clock
  // is installed times out on the real clock all the same.
  const waiting = outcome(
    stubClient([hang], { maxRetries: 0, timeout: 100 }).client.models.list(),
  );
  const clock = fakeClock();
  let fake: Promise<unknown>;
  try {
    await new Promise((resolve) => clock.real.setTimeout(resolve, 300));
    // A call on the fake clock that ends once the real one is back: its
    // timer (fake id 1, like a real timer's) is not cleared on the real
    // clock, and the fake clock's refusal does not fail the call.
    const slow = () =>
      new Promise<Response>((resolve) =>
        clock.real.setTimeout(() => resolve(Response.json({ data: [] })), 50)
      );
    fake = stubClient([slow], { timeout: 100 }).client.models.list();
  } finally {
    clock.restore();
  }
  const [first, second] = await guarded(Promise.all([waiting, outcome(fake)]));
  assert(first instanceof APIConnectionTimeoutError, String(first));
  assertEquals(second, "answered");
  // Real time: a call at the same timeout times out on time.
  const started = Date.now();
  const [last] = await guarded(Promise.all([
    outcome(
      stubClient([hang], { maxRetries: 0, timeout: 100 }).client.models.list(),
    ),
  ]));
  assert(last instanceof APIConnectionTimeoutError, String(last));
  assert(Date.now() - started < 1_000);
});

Deno.test("the shared timer calls the timer functions on their own, as Deno before 2.8 requires", async () => {
  // Deno 2.0-2.7, browsers and workerd throw "Illegal invocation" when a
  // timer function is called on another object.
  const saved = { ...realTime };
  const set = realTime.set ?? setTimeout;
  const clear = realTime.clear ?? clearTimeout;
  function strict<A extends unknown[], R>(fn: (...args: A) => R) {
    return function (this: unknown, ...args: A): R {
      if (this !== undefined && this !== globalThis) {
        throw new TypeError("Illegal invocation");
      }
      return fn(...args);
    };
  }
  realTime.set = strict(set) as typeof setTimeout;
  realTime.clear = strict(clear) as typeof clearTimeout;
  try {
    // A deadline earlier than any other arms the shared timer afresh.
    const { client } = stubClient([hang], { maxRetries: 0, timeout: 20 });
    const [result] = await guarded(
      Promise.all([client.models.list().then(() => "answered", (e) => e)]),
    );
    assert(result instanceof APIConnectionTimeoutError, String(result));
  } finally {
    delete realTime.set;
    delete realTime.clear;
    Object.assign(realTime, saved);
  }
});

Deno.test("a setTimeout stubbed alone (Date left real) at a process's first call is not kept by the shared timer", async () => {
  // Runs in a fresh Worker: only there is this the first call on the timer.
  const worker = `
const { default: OpenAI } = await import(${
    JSON.stringify(new URL("../../mod.ts", import.meta.url).href)
  });
const real = { setTimeout, clearTimeout };
// A test's "skip the sleeps" stub.
globalThis.setTimeout = () => 0;
globalThis.clearTimeout = () => {};
const ok = () => Promise.resolve(Response.json({ object: "list", data: [] }));
await new OpenAI({ apiKey: "sk-test", fetch: ok }).models.list();
Object.assign(globalThis, real);
const hang = (_url, init) => new Promise((_, reject) =>
  init.signal.addEventListener("abort", () => reject(init.signal.reason)));
const client = new OpenAI({ apiKey: "sk-test", fetch: hang, timeout: 100, maxRetries: 0 });
const outcome = await Promise.race([
  client.models.list().then(() => "answered", (e) => e.name),
  new Promise((resolve) => real.setTimeout(resolve, 3000, "still waiting")),
]);
postMessage(outcome);
`;
  assertEquals(await inWorker(worker), "APIConnectionTimeoutError");
});
