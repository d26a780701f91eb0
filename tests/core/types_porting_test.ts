// Type annotations of code written for the official SDK (v4, the 2.0.0 API's
// era) must type-check here unchanged, so this file is mostly compile-time:
// `deno check` fails on the old definitions (a single params interface, no
// nested namespaces, a fetch typed with `URL`).
import OpenAI, {
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionCreateParams,
  type ChatCompletionCreateParamsBase,
  type ClientOptions,
  type Completion,
  type CompletionCreateParams,
  type CompletionCreateParamsBase,
  type Fetch,
  type Stream,
} from "../../mod.ts";
import { assertEquals } from "../_assert.ts";
import { type Assert, chatBody, type Equals, json, stub } from "./_helpers.ts";

// Paths v4 code names, each resolving to this module's type for it.
export type V4Paths = [
  OpenAI.Chat.ChatCompletionCreateParamsBase,
  OpenAI.Chat.CompletionCreateParams,
  OpenAI.Chat.CompletionCreateParamsNonStreaming,
  OpenAI.Chat.CompletionCreateParamsStreaming,
  OpenAI.Chat.CreateChatCompletionRequestMessage,
  OpenAI.Chat.ChatCompletionFunctionCallOption,
  OpenAI.Chat.ChatCompletionRole,
  OpenAI.Chat.ChatCompletionCreateParams.ChatCompletionCreateParamsStreaming,
  OpenAI.Chat.ChatCompletionCreateParams.FunctionCallOption,
  OpenAI.Chat.Completions.ChatCompletionCreateParams.Function,
  OpenAI.Chat.ChatCompletionMessage.FunctionCall,
  OpenAI.Chat.ChatCompletionChunk.Choice.Delta.FunctionCall,
  OpenAI.Chat.ChatCompletionAssistantMessageParam.FunctionCall,
  OpenAI.Completions.CompletionCreateParamsBase,
  OpenAI.Completions.CompletionCreateParams.CompletionCreateParamsNonStreaming,
  OpenAI.Completions.CompletionCreateParams.CompletionCreateParamsStreaming,
  OpenAI.FineTunes.FineTune.Hyperparams,
  OpenAI.Edits.Edit.Choice,
  OpenAI.FineTuning.Jobs.JobCreateParams.Hyperparameters,
  OpenAI.FunctionParameters,
  OpenAI.Files.FileContent,
];

export type SameTypes = [
  Assert<
    Equals<
      OpenAI.Chat.CompletionCreateParams,
      OpenAI.Chat.ChatCompletionCreateParams
    >
  >,
  Assert<
    Equals<
      OpenAI.Chat.ChatCompletionMessage.FunctionCall,
      NonNullable<OpenAI.Chat.ChatCompletionMessage["function_call"]>
    >
  >,
  Assert<Equals<OpenAI.Files.FileContent, string>>,
  Assert<Equals<OpenAI.FunctionParameters, Record<string, unknown>>>,
];

// v4's README: a params variable declared with the union is narrowed by
// what it is given, so the call's result needs no cast.
async function declaredParams(client: OpenAI): Promise<string | null> {
  const params: OpenAI.Chat.ChatCompletionCreateParams = {
    model: "gpt-3.5-turbo",
    messages: [{ role: "user", content: "Say this is a test" }],
  };
  const completion: OpenAI.Chat.ChatCompletion = await client.chat.completions
    .create(params);
  const legacy: CompletionCreateParams = { model: "davinci-002", prompt: "x" };
  const text: Completion = await client.completions.create(legacy);
  return completion.choices[0].message.content + text.choices[0].text;
}

// A body whose type says nothing (`await request.json()` in an edge handler)
// resolves to a plain completion, as in v4.
// deno-lint-ignore no-explicit-any
async function untypedBody(client: OpenAI, body: any): Promise<string> {
  const completion = await client.chat.completions.create(body);
  const text = await client.completions.create(body);
  return String(completion.choices[0].message.content) + text.choices[0].text;
}

// `stream: true` still gives a stream; a body typed with the shared fields
// only gives either (type-checked, not run).
export async function streamedAndEither(
  client: OpenAI,
  base: ChatCompletionCreateParamsBase,
  legacyBase: CompletionCreateParamsBase,
): Promise<boolean> {
  const stream = await client.chat.completions.create({
    ...chatBody,
    stream: true,
  });
  const either = await client.chat.completions.create(base);
  const legacy = await client.completions.create(legacyBase);
  const checks: [
    Assert<Equals<typeof stream, Stream<ChatCompletionChunk>>>,
    Assert<Equals<typeof either, ChatCompletion | Stream<ChatCompletionChunk>>>,
    Assert<Equals<typeof legacy, Completion | Stream<Completion>>>,
    Assert<
      Equals<
        ChatCompletionCreateParams,
        | OpenAI.Chat.ChatCompletionCreateParamsNonStreaming
        | OpenAI.Chat.ChatCompletionCreateParamsStreaming
      >
    >,
  ] = [true, true, true, true];
  return checks.every(Boolean);
}

// v4's custom requests took the body's type and then the result's.
export async function twoTypeArguments(client: OpenAI): Promise<string> {
  const batch = await client.post<{ input_file_id: string }, { id: string }>(
    "/batches",
    { body: { input_file_id: "file-1" } },
  );
  const one = await client.get<{ id: string }>("/batches/b");
  return batch.id + one.id;
}

// A fetch typed as v4's README types it (`RequestInfo`), as newer SDKs do
// (`string | URL | Request`), or as the global: each fits the option.
const v4Fetch = (url: RequestInfo, init?: RequestInit): Promise<Response> =>
  fetch(url, init);
const newerFetch = (
  url: string | URL | Request,
  init?: RequestInit,
): Promise<Response> => fetch(url, init);
export const fetches: ClientOptions["fetch"][] = [v4Fetch, newerFetch, fetch];
// An inline fetch may still tell a Request from a URL, and a Fetch may be
// called with either, as the official SDK's type allows.
export const inspecting: Fetch = (input, init) =>
  fetch(input instanceof Request ? input.url : input, init);
export const inline = new OpenAI({
  apiKey: "sk-test",
  fetch: (input, init) =>
    fetch(input instanceof Request ? input.url : input, init),
});
export const callWithRequest = (f: Fetch) => f(new Request("http://x.test"));
// A function that takes only a Request, or a URL, would fail on the string
// the client passes: refused, as the official SDK's type refuses it.
export const requestOnly: ClientOptions[] = [{
  // @ts-expect-error: the client passes a string
  fetch: (request: Request) => fetch(request.url),
}, {
  // @ts-expect-error: the client passes a string
  fetch: (url: URL) => fetch(url.href),
}];

Deno.test("v4-typed code runs: declared params and an untyped body, through a v4-typed fetch", async () => {
  const answer = {
    object: "chat.completion",
    choices: [{ message: { content: "ok" }, text: "!" }],
  };
  const { fetch: stubbed, calls } = stub(() => json(answer));
  // The stub, wrapped as a fetch typed for v4 would be.
  const wrapped = (url: RequestInfo, init?: RequestInit) =>
    stubbed(String(url), init);
  const client = new OpenAI({
    apiKey: "sk-test",
    baseURL: "http://stub.local/v1",
    fetch: wrapped,
  });
  assertEquals(await declaredParams(client), "ok!");
  assertEquals(await untypedBody(client, chatBody), "ok!");
  assertEquals(calls.map((c) => c.url.split("/v1")[1]), [
    "/chat/completions",
    "/completions",
    "/chat/completions",
    "/completions",
  ]);
});
