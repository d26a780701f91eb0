// Header injection is refused with a TypeError before anything is sent, and
// Authorization never follows a redirect to another origin.
import OpenAI, { type ClientOptions } from "../../mod.ts";
import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
} from "../_assert.ts";
import { KEY, served, test } from "../faults/_helpers.ts";

const BAD_VALUES = [
  "a\rb",
  "a\nb",
  "a\r\nX-Injected: 1",
  "\r\n\r\nGET / HTTP/1.1",
  "a\0b",
  "tail\n",
  "non-latin-1 \u0100",
  "emoji 😀",
];

function counting(): { fetch: ClientOptions["fetch"]; readonly sent: number } {
  let sent = 0;
  return {
    fetch: () => {
      sent++;
      return Promise.resolve(Response.json({ object: "list", data: [] }));
    },
    get sent() {
      return sent;
    },
  };
}

test("CR, LF, NUL or non-Latin-1 in client options → TypeError at construction", () => {
  for (const bad of BAD_VALUES) {
    const options: ClientOptions[] = [
      { apiKey: "sk-" + bad },
      { apiKey: KEY, organization: "org-" + bad },
      { apiKey: KEY, defaultHeaders: { "x-custom": bad } },
    ];
    for (const option of options) {
      const stub = counting();
      const error = assertThrows(
        () =>
          new OpenAI({
            baseURL: "http://stub.local/v1",
            ...option,
            fetch: stub.fetch,
          }),
        TypeError,
      );
      assert(!error.message.includes(bad), `echoed ${JSON.stringify(bad)}`);
      assertEquals(stub.sent, 0);
    }
    // A bad name is refused too; names are not secret, so it may be quoted.
    assertThrows(
      () => new OpenAI({ apiKey: KEY, defaultHeaders: { ["x-" + bad]: "v" } }),
      TypeError,
      "Invalid header name",
    );
  }
});

test("CR, LF, NUL or non-Latin-1 in per-request headers → TypeError, nothing sent", async () => {
  const stub = counting();
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: "http://stub.local/v1",
    fetch: stub.fetch,
  });
  for (const bad of BAD_VALUES) {
    for (const headers of [{ "x-custom": bad }, { authorization: bad }]) {
      const error = await assertRejects(
        () => client.models.list({ headers }),
        TypeError,
        "Invalid value for header",
      );
      assert(!error.message.includes(bad), `echoed ${JSON.stringify(bad)}`);
    }
    await assertRejects(
      () => client.models.list({ headers: { [bad]: "v" } }),
      TypeError,
      "Invalid header name",
    );
  }
  assertEquals(stub.sent, 0);
  // Latin-1 values are legal header bytes and are sent.
  await client.models.list({ headers: { "x-latin": "café" } });
  assertEquals(stub.sent, 1);
});

test("Authorization is not forwarded on a redirect to another origin", async () => {
  // The second server is another origin (another port): it must not see the key.
  const seen: Headers[] = [];
  const other = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (request) => {
      seen.push(request.headers);
      return Response.json({ object: "list", data: [] });
    },
  );
  const redirector = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (request) => {
      const path = new URL(request.url).pathname;
      return new Response(null, {
        status: 307,
        headers: { location: `http://127.0.0.1:${other.addr.port}${path}` },
      });
    },
  );
  try {
    const client = new OpenAI({
      apiKey: KEY,
      baseURL: `http://127.0.0.1:${redirector.addr.port}/v1`,
      organization: "org-abc",
      maxRetries: 0,
    });
    // Whatever the runtime does with the redirect, the key must stay home.
    await client.models.list().catch(() => {});
    // Deno follows the redirect and, per the Fetch spec, drops Authorization
    // when the origin changes; this pins that behaviour.
    assertEquals(seen.length, 1);
    for (const headers of seen) {
      assertEquals(headers.get("authorization"), null);
      for (const [, value] of headers) assert(!value.includes(KEY));
    }
  } finally {
    await redirector.shutdown();
    await other.shutdown();
  }
});

test("a same-origin redirect keeps Authorization (the mock answers after it)", async () => {
  await using s = await served();
  s.mock.fault({
    status: 308,
    headers: { location: `${s.url}/models` },
    match: { path: "/engines" },
  });
  const list = await s.client.engines.list().catch((error) => error);
  // Followed to /models with the key: the mock's auth check passed.
  assert(!(list instanceof Error), `failed: ${list}`);
  assertEquals(s.mock.requests.map((r) => r.path), ["/engines", "/models"]);
  assertEquals(
    s.mock.requests[1].headers.authorization,
    `Bearer ${KEY.slice(0, 3)}…${KEY.slice(-4)}`,
  );
});
