import OpenAI, {
  type APIPromise,
  type ChatCompletion,
  type ChatCompletionChunk,
  type Completion,
  type CreateEditRequest,
  type CreateEmbeddingRequest,
  type CreateEmbeddingResponse,
  type CreateImageRequest,
  type CreateModerationRequest,
  type EditCreateParams,
  type EmbeddingCreateParams,
  type FineTuningJob,
  type FineTuningJobCreateParams,
  type FineTuningJobEvent,
  type FineTuningListParams,
  type ImageGenerateParams,
  type JobCreateParams,
  type JobListParams,
  type ModerationCreateParams,
  type ModerationResult,
  type PagePromise,
  type Stream,
} from "../../mod.ts";
import { assert, assertEquals } from "../_assert.ts";
import { type Assert, type Equals, KEY } from "./_helpers.ts";

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

// An encoding format chosen at run time may give either vector form; params
// typed as a whole give numbers, as the official SDK types them.
function embeddingFormats(
  client: OpenAI,
  format: "float" | "base64",
  params: EmbeddingCreateParams,
) {
  const input = { model: "text-embedding-ada-002", input: "hi" };
  return [
    client.embeddings.create({ ...input, encoding_format: format }),
    client.embeddings.create({ ...input, encoding_format: "float" }),
    client.embeddings.create(input),
    client.embeddings.create({ ...input, encoding_format: "base64" }),
    client.embeddings.create(params),
  ] as const;
}
type E = ReturnType<typeof embeddingFormats>;
export type EmbeddingChecks = [
  Assert<Equals<E[0], APIPromise<CreateEmbeddingResponse<number[] | string>>>>,
  Assert<Equals<E[1], APIPromise<CreateEmbeddingResponse>>>,
  Assert<Equals<E[2], APIPromise<CreateEmbeddingResponse>>>,
  Assert<Equals<E[3], APIPromise<CreateEmbeddingResponse<string>>>>,
  Assert<Equals<E[4], APIPromise<CreateEmbeddingResponse>>>,
];

// Fields ported code reads as always present, as the official SDK types
// them; and payloads the 2.0.0 reference's examples show (an event whose
// object is "event", with type and data; a status this module does not know).
export type PortedFields = [
  Assert<Equals<ModerationResult["categories"]["harassment"], boolean>>,
  Assert<Equals<FineTuningJob["seed"], number>>,
];
export const referenceEvent: FineTuningJobEvent = {
  object: "event",
  id: "ftevent-abc123",
  created_at: 1677610602,
  level: "info",
  message: "Created fine-tuning job",
  data: {},
  type: "message",
};
export const unknownStatus: FineTuningJob["status"] = "paused";

Deno.test("types follow the spec where payloads vary, and the official SDK where code ports", () => {
  // The real assertions are the types above (checked by `deno test`).
  assert(typeof embeddingFormats === "function");
  assertEquals([referenceEvent.object, unknownStatus], ["event", "paused"]);
});

// PagePromise takes the page type alone, as the official SDK's does.
export function officialPageTypes(client: OpenAI) {
  const jobs: PagePromise<OpenAI.FineTuning.Jobs.FineTuningJobsPage> = client
    .fineTuning.jobs.list();
  const files: PagePromise<OpenAI.Files.FileObjectsPage> = client.files.list();
  const hasMore = async (): Promise<boolean> => (await jobs).has_more;
  return [jobs, files, hasMore] as const;
}
