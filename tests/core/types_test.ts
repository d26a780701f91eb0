import OpenAI, {
  type APIPromise,
  type ChatCompletion,
  type ChatCompletionChunk,
  type Completion,
  type CreateEditRequest,
  type CreateEmbeddingRequest,
  type CreateImageRequest,
  type CreateModerationRequest,
  type EditCreateParams,
  type EmbeddingCreateParams,
  type FineTuningJobCreateParams,
  type FineTuningListParams,
  type ImageGenerateParams,
  type JobCreateParams,
  type JobListParams,
  type ModerationCreateParams,
  type Stream,
} from "../../mod.ts";
import { assert } from "../_assert.ts";
import { KEY } from "./_helpers.ts";

// Compile-time equality: `Assert<Equals<A, B>>` fails `deno check` unless A and B are the same type.
type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends
  (<X>() => X extends B ? 1 : 2) ? true : false;
type Assert<T extends true> = T;

// The official SDK's names for request types are the same types here.
export type OfficialNames = [
  Assert<Equals<EmbeddingCreateParams, CreateEmbeddingRequest>>,
  Assert<Equals<ModerationCreateParams, CreateModerationRequest>>,
  Assert<Equals<ImageGenerateParams, CreateImageRequest>>,
  Assert<Equals<EditCreateParams, CreateEditRequest>>,
  Assert<Equals<JobCreateParams, FineTuningJobCreateParams>>,
  Assert<Equals<JobListParams, FineTuningListParams>>,
];

// Never called: the checks live in the types of these calls.
function typeChecks(client: OpenAI) {
  const messages = [{ role: "user" as const, content: "hi" }];
  const streamed = client.chat.completions.create({
    model: "gpt-4",
    messages,
    stream: true,
  });
  const plain = client.chat.completions.create({ model: "gpt-4", messages });
  const notStreamed = client.chat.completions.create({
    model: "gpt-4",
    messages,
    stream: false,
  });
  const flag = Math.random() > 2;
  const either = client.chat.completions.create({
    model: "gpt-4",
    messages,
    stream: flag,
  });
  const legacy = client.completions.create({
    model: "davinci",
    prompt: "x",
    stream: true,
  });
  const legacyPlain = client.completions.create({
    model: "davinci",
    prompt: "x",
  });
  return [streamed, plain, notStreamed, either, legacy, legacyPlain] as const;
}

type R = ReturnType<typeof typeChecks>;
export type Checks = [
  Assert<Equals<R[0], APIPromise<Stream<ChatCompletionChunk>>>>,
  Assert<Equals<R[1], APIPromise<ChatCompletion>>>,
  Assert<Equals<R[2], APIPromise<ChatCompletion>>>,
  Assert<
    Equals<R[3], APIPromise<ChatCompletion | Stream<ChatCompletionChunk>>>
  >,
  Assert<Equals<R[4], APIPromise<Stream<Completion>>>>,
  Assert<Equals<R[5], APIPromise<Completion>>>,
  Assert<Equals<Awaited<R[0]>, Stream<ChatCompletionChunk>>>,
  Assert<Equals<Awaited<R[1]>, ChatCompletion>>,
];

Deno.test("stream: true is typed as Stream<ChatCompletionChunk>, otherwise ChatCompletion", () => {
  // The real assertions are the `Checks` type above (checked by `deno test`).
  assert(typeof typeChecks === "function");
  assert(new OpenAI({ apiKey: KEY }) instanceof OpenAI);
});
