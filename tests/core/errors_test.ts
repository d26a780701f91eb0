import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  makeAPIError,
  NotFoundError,
  OpenAIError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { inProcess, KEY, overHTTP, stubClient } from "./_helpers.ts";

const CASES: [number, typeof APIError][] = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [503, InternalServerError],
];

const errorObject = {
  message: "Something is off",
  type: "invalid_request_error",
  param: "model",
  code: "bad_model",
};

Deno.test("each status maps to its class with every field (over HTTP)", async () => {
  await using http = await overHTTP({ maxRetries: 0 });
  for (const [status, Class] of CASES) {
    http.mock.fault({
      status,
      body: { error: errorObject },
      headers: { "x-request-id": `req_${status}` },
    });
    const err = await assertRejects(
      () => http.client.models.retrieve("gpt-4"),
      Class,
    ) as APIError;
    assertEquals(err.constructor, Class, `status ${status}`);
    assert(err instanceof APIError && err instanceof OpenAIError);
    assertEquals(err.status, status);
    assertEquals(err.error, errorObject);
    assertEquals(err.code, "bad_model");
    assertEquals(err.param, "model");
    assertEquals(err.type, "invalid_request_error");
    assertEquals(err.requestID, `req_${status}`);
    assertEquals(err.headers?.get("x-request-id"), `req_${status}`);
    assertEquals(err.message, `${status} Something is off`);
    assertEquals(err.name, Class.name);
  }
});

Deno.test("other statuses: 418 is a plain APIError, 599 an InternalServerError", async () => {
  const { client, mock } = inProcess({ maxRetries: 0 });
  mock.fault({ status: 418, body: { error: { message: "teapot" } } });
  const teapot = await assertRejects(() => client.models.list(), APIError);
  assertEquals(teapot.constructor, APIError);
  mock.fault({ status: 599 });
  await assertRejects(() => client.models.list(), InternalServerError);
});

Deno.test("a non-JSON error body becomes the message; fields stay undefined", async () => {
  const { client } = stubClient([
    () => new Response("<html>Bad gateway</html>", { status: 400 }),
  ]);
  const err = await assertRejects(
    () => client.models.list(),
    BadRequestError,
  ) as APIError;
  assertEquals(err.message, "400 <html>Bad gateway</html>");
  assertEquals(err.error, undefined);
  assertEquals(err.code, undefined);
  assertEquals(err.requestID, null);
});

Deno.test("an empty error body says so after the status", async () => {
  const { client } = stubClient([() => new Response(null, { status: 404 })]);
  const err = await assertRejects(() => client.models.list(), NotFoundError);
  assertEquals(err.message, "404 status code (no body)");
  const { client: c2 } = stubClient([() => new Response("", { status: 403 })]);
  assertEquals(
    (await assertRejects(() => c2.models.list(), PermissionDeniedError))
      .message,
    "403 status code (no body)",
  );
});

Deno.test("an error event's message is the server's message; an object message is shown as JSON", () => {
  assertEquals(
    makeAPIError(undefined, { error: { message: "overloaded" } }).message,
    "overloaded",
  );
  assertEquals(makeAPIError(undefined, {}).message, "Stream error");
  assertEquals(
    makeAPIError(400, { error: { message: { field: "n" } } }).message,
    '400 {"field":"n"}',
  );
});

Deno.test("a string `error` and a JSON body without `error` are handled", () => {
  const a = makeAPIError(400, '{"error":"plain words"}');
  assertEquals(a.message, "400 plain words");
  assertEquals(a.error, { message: "plain words" });
  const b = makeAPIError(500, '{"detail":"x"}');
  // Without an error object the raw body is the most useful detail.
  assertEquals(b.message, '500 {"detail":"x"}');
  assertEquals(b.error, undefined);
  const long = makeAPIError(502, "x".repeat(2000));
  assert(long.message.length < 600);
});

Deno.test("OpenAI.<ErrorClass> is the same class as the named export", () => {
  const pairs: [unknown, unknown][] = [
    [OpenAI.OpenAIError, OpenAIError],
    [OpenAI.APIError, APIError],
    [OpenAI.BadRequestError, BadRequestError],
    [OpenAI.AuthenticationError, AuthenticationError],
    [OpenAI.PermissionDeniedError, PermissionDeniedError],
    [OpenAI.NotFoundError, NotFoundError],
    [OpenAI.ConflictError, ConflictError],
    [OpenAI.UnprocessableEntityError, UnprocessableEntityError],
    [OpenAI.RateLimitError, RateLimitError],
    [OpenAI.InternalServerError, InternalServerError],
    [OpenAI.APIConnectionError, APIConnectionError],
    [OpenAI.APIConnectionTimeoutError, APIConnectionTimeoutError],
    [OpenAI.APIUserAbortError, APIUserAbortError],
  ];
  for (const [a, b] of pairs) assert(a === b, String(b));
  assert(new APIConnectionTimeoutError() instanceof APIConnectionError);
  assert(new APIUserAbortError() instanceof OpenAIError);
});

/** A port that was listening a moment ago and is now closed. */
function closedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

Deno.test("connection refused → APIConnectionError with the cause", async () => {
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: `http://127.0.0.1:${closedPort()}/v1`,
    maxRetries: 0,
  });
  const err = await assertRejects(
    () => client.models.list(),
    APIConnectionError,
    "Connection error",
  );
  assert(!(err instanceof APIConnectionTimeoutError));
  assert(err.cause instanceof Error, "cause is kept");
});

Deno.test("a 401 from the mock over HTTP is an AuthenticationError, not retried", async () => {
  await using http = await overHTTP();
  const client = new OpenAI({ apiKey: "sk-wrong", baseURL: http.url });
  const err = await assertRejects(
    () => client.models.list(),
    AuthenticationError,
  ) as APIError;
  assertEquals(err.code, "invalid_api_key");
  assertEquals(http.mock.requests.length, 1);
});

Deno.test("connection, timeout and abort errors are APIErrors without a status, as in the official SDK", async () => {
  const { client } = stubClient(
    [() => Promise.reject(new TypeError("reset"))],
    {
      maxRetries: 0,
    },
  );
  const failure = await assertRejects(() => client.models.list(), APIError);
  assert(failure instanceof APIConnectionError);
  assertEquals([failure.status, failure.headers, failure.requestID], [
    undefined,
    undefined,
    undefined,
  ]);
  assert((failure.cause as Error).message === "reset");
  for (const Class of [APIConnectionTimeoutError, APIUserAbortError]) {
    const err = new Class();
    assert(err instanceof APIError && err instanceof OpenAIError);
    assertEquals(err.status, undefined);
  }
});

Deno.test("the connection errors also take the official SDK's { message, cause } object", () => {
  const cause = new Error("socket hang up");
  const conn = new APIConnectionError({ message: "Connection lost", cause });
  assertEquals([conn.message, conn.cause], ["Connection lost", cause]);
  assertEquals(new APIConnectionError({ cause }).message, "Connection error");
  assertEquals(new APIConnectionTimeoutError({}).message, "Request timed out");
  assertEquals(new APIUserAbortError({ message: "stop" }).message, "stop");
  // The plain form still works.
  const plain = new APIConnectionTimeoutError("Slow", { cause });
  assertEquals([plain.message, plain.cause, plain.name], [
    "Slow",
    cause,
    "APIConnectionTimeoutError",
  ]);
});

Deno.test("each status class narrows status, as the official SDK's types do", () => {
  const notFound = makeAPIError(404, "{}", new Headers());
  assert(notFound instanceof NotFoundError);
  const status: 404 = notFound.status;
  assertEquals(status, 404);
  const limited = makeAPIError(429, "{}", new Headers());
  assert(limited instanceof RateLimitError);
  const tooMany: 429 = limited.status;
  assertEquals(tooMany, 429);
  const server = makeAPIError(503, "{}", new Headers());
  assert(server instanceof InternalServerError);
  const code: number = server.status;
  assertEquals(code, 503);
  const none: undefined = new APIConnectionError().status;
  assertEquals(none, undefined);
});

Deno.test("an error constructed directly words its message as the official SDK does", () => {
  const headers = new Headers({ "x-request-id": "req_1" });
  const cases: [APIError, string][] = [
    [
      new RateLimitError(
        429,
        { message: "Rate limit reached" },
        undefined,
        headers,
      ),
      "429 Rate limit reached",
    ],
    [new APIError(500, undefined, "boom"), "500 boom"],
    [
      new InternalServerError(
        503,
        { message: "overloaded" },
        "ignored",
        headers,
      ),
      "503 overloaded",
    ],
    [new APIError(404, undefined, undefined), "404 status code (no body)"],
    [new APIError(undefined, undefined, undefined), "(no status code or body)"],
  ];
  assertEquals(cases.map(([err]) => err.message), cases.map(([, m]) => m));
  assertEquals(cases[0][0].requestID, "req_1");
});

Deno.test("an error whose message is empty shows the body instead of '(no body)'", () => {
  const body = '{"error":{"message":"","code":"c"}}';
  const err = makeAPIError(400, body);
  assertEquals(err.message, `400 ${body}`);
  assertEquals(err.code, "c");
});

Deno.test("makeAPIError takes any body: a circular object, undefined, null", () => {
  const circular: Record<string, unknown> = { error: { message: "loop" } };
  circular.self = circular;
  assertEquals(makeAPIError(500, circular).message, "500 loop");
  assertEquals(
    makeAPIError(400, undefined).message,
    "400 status code (no body)",
  );
  assertEquals(makeAPIError(400, null).message, "400 status code (no body)");
});

Deno.test("makeAPIError keeps an Error given as the error, and takes a body JSON cannot hold", () => {
  assertEquals(
    makeAPIError(500, { error: new Error("boom") }).message,
    "500 boom",
  );
  assertEquals(
    makeAPIError(500, { error: { message: "big" }, n: 1n }).message,
    "500 big",
  );
});

Deno.test("a connection error's message masks a key in a URL it quotes", async () => {
  const { client } = stubClient([() => {
    throw new TypeError(
      "fetch failed for https://proxy.example/v1/models?api-key=azure0123456789abcdefSECRET",
    );
  }], { maxRetries: 0 });
  const err = await assertRejects(() => client.models.list());
  assert(err.message.includes("fetch failed for"), err.message);
  assert(!err.message.includes("SECRET"), err.message);
});
