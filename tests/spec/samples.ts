/**
 * One or more realistic sample calls per spec operation, made through the
 * public client. `coverage_test.ts` runs each against the mock over HTTP and
 * checks the request sent and the response received against the spec.
 *
 * @module
 */
import type OpenAI from "../../mod.ts";
import { toFile } from "../../mod.ts";

/** How a sample's result is read back. */
export type ResultKind =
  | "json" // a parsed JSON object
  | "page" // a Page or CursorPage over a JSON list
  | "stream" // a Stream of SSE chunks, read to the end
  | "text" // a string from a text/* response
  | "bytes"; // a raw Response with a binary body

/** One sample call. */
export interface Sample {
  operationId: string;
  /** Tells samples of the same operation apart in test names. */
  label?: string;
  kind: ResultKind;
  /** Requests the call depends on (uploads, jobs); their result goes to `call`. */
  setup?: (client: OpenAI) => Promise<unknown>;
  call: (client: OpenAI, prepared: unknown) => Promise<unknown>;
  /** For downloads: the bytes that must come back. */
  expectBytes?: Uint8Array;
}

const JSONL = [
  { prompt: "Capital of France? ->", completion: " Paris\n" },
  { prompt: "Capital of Italy? ->", completion: " Rome\n" },
].map((line) => JSON.stringify(line)).join("\n") + "\n";
const JSONL_BYTES = new TextEncoder().encode(JSONL);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]);
const AUDIO = new Uint8Array(4_000).map((_, i) => i % 251);

const png = (name: string) => new File([PNG], name, { type: "image/png" });
const speech = () => new File([AUDIO], "speech.mp3", { type: "audio/mpeg" });
const uploadFile = async (client: OpenAI) =>
  client.files.create({
    file: await toFile(JSONL_BYTES, "train.jsonl", {
      type: "application/jsonl",
    }),
    purpose: "fine-tune",
  });
const upload = async (client: OpenAI) => (await uploadFile(client)).id;
const messages = [
  { role: "system" as const, content: "You answer in one sentence." },
  { role: "user" as const, content: "What is the capital of France?" },
];

/** The sample table: every operation at least once. */
export const SAMPLES: Sample[] = [
  {
    operationId: "createCompletion",
    kind: "json",
    call: (c) =>
      c.completions.create({
        model: "text-davinci-003",
        prompt: "Say this is a test",
        max_tokens: 7,
        temperature: 0,
        stop: ["\n"],
        logit_bias: { "50256": -100 },
        user: "user-1234",
      }),
  },
  {
    operationId: "createCompletion",
    label: "stream",
    kind: "stream",
    call: (c) =>
      c.completions.create({
        model: "text-davinci-003",
        prompt: ["Once upon", "a time"],
        stream: true,
      }),
  },
  {
    operationId: "createChatCompletion",
    kind: "json",
    call: (c) =>
      c.chat.completions.create({
        model: "gpt-3.5-turbo",
        messages,
        temperature: 0.2,
        n: 1,
        functions: [{
          name: "get_weather",
          description: "Current weather for a city",
          parameters: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
          },
        }],
        function_call: "auto",
      }),
  },
  {
    operationId: "createChatCompletion",
    label: "stream",
    kind: "stream",
    call: (c) =>
      c.chat.completions.create({
        model: "gpt-3.5-turbo",
        messages,
        stream: true,
      }),
  },
  {
    operationId: "createEdit",
    kind: "json",
    call: (c) =>
      c.edits.create({
        model: "text-davinci-edit-001",
        input: "What day of the wek is it?",
        instruction: "Fix the spelling mistakes",
      }),
  },
  {
    operationId: "createEmbedding",
    kind: "json",
    call: (c) =>
      c.embeddings.create({
        model: "text-embedding-ada-002",
        input: ["The food was delicious", "The waiter was friendly"],
        user: "user-1234",
      }),
  },
  {
    operationId: "createModeration",
    kind: "json",
    call: (c) =>
      c.moderations.create({
        input: "I want to hug everyone",
        model: "text-moderation-stable",
      }),
  },
  {
    operationId: "createImage",
    kind: "json",
    call: (c) =>
      c.images.generate({
        prompt: "A cute baby sea otter",
        n: 2,
        size: "512x512",
      }),
  },
  {
    operationId: "createImageEdit",
    kind: "json",
    call: async (c) =>
      c.images.edit({
        image: await toFile(PNG, "otter.png", { type: "image/png" }),
        mask: png("mask.png"),
        prompt: "A sea otter wearing a beret",
        n: 1,
        size: "256x256",
        response_format: "b64_json",
      }),
  },
  {
    operationId: "createImageVariation",
    kind: "json",
    call: (c) =>
      c.images.createVariation({ image: png("otter.png"), n: 2, user: "u1" }),
  },
  {
    operationId: "createTranscription",
    kind: "json",
    call: (c) =>
      c.audio.transcriptions.create({
        file: speech(),
        model: "whisper-1",
        language: "en",
        temperature: 0.2,
      }),
  },
  {
    operationId: "createTranscription",
    label: "verbose_json",
    kind: "json",
    call: (c) =>
      c.audio.transcriptions.create({
        file: speech(),
        model: "whisper-1",
        response_format: "verbose_json",
      }),
  },
  {
    operationId: "createTranscription",
    label: "srt",
    kind: "text",
    call: (c) =>
      c.audio.transcriptions.create({
        file: speech(),
        model: "whisper-1",
        response_format: "srt",
      }),
  },
  {
    operationId: "createTranslation",
    kind: "json",
    call: async (c) =>
      c.audio.translations.create({
        file: await toFile(new Blob([AUDIO]), "german.wav", {
          type: "audio/wav",
        }),
        model: "whisper-1",
        prompt: "A weather report",
      }),
  },
  {
    operationId: "createTranslation",
    label: "vtt",
    kind: "text",
    call: (c) =>
      c.audio.translations.create({
        file: speech(),
        model: "whisper-1",
        response_format: "vtt",
      }),
  },
  {
    operationId: "createFile",
    kind: "json",
    call: uploadFile,
  },
  {
    operationId: "listFiles",
    kind: "page",
    setup: upload,
    call: (c) => c.files.list(),
  },
  {
    operationId: "retrieveFile",
    kind: "json",
    setup: upload,
    call: (c, id) => c.files.retrieve(id as string),
  },
  {
    operationId: "deleteFile",
    kind: "json",
    setup: upload,
    call: (c, id) => c.files.delete(id as string),
  },
  {
    operationId: "downloadFile",
    kind: "bytes",
    setup: upload,
    call: (c, id) => c.files.content(id as string),
    expectBytes: JSONL_BYTES,
  },
  {
    operationId: "createFineTune",
    kind: "json",
    call: (c) =>
      c.fineTunes.create({
        training_file: "file-abc123",
        model: "curie",
        n_epochs: 2,
        learning_rate_multiplier: 0.1,
        suffix: "capitals",
      }),
  },
  {
    operationId: "listFineTunes",
    kind: "page",
    call: (c) => c.fineTunes.list(),
  },
  {
    operationId: "retrieveFineTune",
    kind: "json",
    call: (c) => c.fineTunes.retrieve("ft-mock-succeeded"),
  },
  {
    operationId: "cancelFineTune",
    kind: "json",
    call: (c) => c.fineTunes.cancel("ft-mock-pending"),
  },
  {
    operationId: "listFineTuneEvents",
    kind: "page",
    call: (c) => c.fineTunes.listEvents("ft-mock-succeeded"),
  },
  {
    operationId: "listFineTuneEvents",
    label: "stream",
    kind: "stream",
    call: (c) => c.fineTunes.listEvents("ft-mock-succeeded", { stream: true }),
  },
  {
    operationId: "createFineTuningJob",
    kind: "json",
    call: (c) =>
      c.fineTuning.jobs.create({
        model: "gpt-3.5-turbo",
        training_file: "file-abc123",
        hyperparameters: { n_epochs: 3, batch_size: "auto" },
        suffix: "capitals",
        seed: 7,
      }),
  },
  {
    operationId: "listPaginatedFineTuningJobs",
    kind: "page",
    call: (c) => c.fineTuning.jobs.list({ limit: 5, after: "ftjob-mock-020" }),
  },
  {
    operationId: "retrieveFineTuningJob",
    kind: "json",
    call: (c) => c.fineTuning.jobs.retrieve("ftjob-mock-003"),
  },
  {
    operationId: "cancelFineTuningJob",
    kind: "json",
    setup: async (c) =>
      (await c.fineTuning.jobs.create({
        model: "gpt-3.5-turbo",
        training_file: "file-abc123",
      })).id,
    call: (c, id) => c.fineTuning.jobs.cancel(id as string),
  },
  {
    operationId: "listFineTuningEvents",
    kind: "page",
    call: (c) => c.fineTuning.jobs.listEvents("ftjob-mock-003", { limit: 3 }),
  },
  {
    operationId: "listFineTuningJobCheckpoints",
    kind: "page",
    call: (c) =>
      c.fineTuning.jobs.checkpoints.list("ftjob-mock-003", { limit: 2 }),
  },
  { operationId: "listModels", kind: "page", call: (c) => c.models.list() },
  {
    operationId: "retrieveModel",
    kind: "json",
    call: (c) => c.models.retrieve("curie:ft-acmeco-2021-03-03-21-44-20"),
  },
  {
    operationId: "deleteModel",
    kind: "json",
    call: (c) => c.models.delete("ft:gpt-3.5-turbo:acme::abc123"),
  },
  { operationId: "listEngines", kind: "page", call: (c) => c.engines.list() },
  {
    operationId: "retrieveEngine",
    kind: "json",
    call: (c) => c.engines.retrieve("davinci"),
  },
  {
    operationId: "createSearch",
    kind: "json",
    call: (c) =>
      c.engines.search("davinci", {
        query: "the president",
        documents: ["White House", "hospital", "school"],
        max_rerank: 10,
      }),
  },
  {
    operationId: "createAnswer",
    kind: "json",
    call: (c) =>
      c.answers.create({
        model: "curie",
        question: "which puppy is happy?",
        documents: ["Puppy A is happy.", "Puppy B is sad."],
        examples_context: "In 2017, U.S. life expectancy was 78.6 years.",
        examples: [["What is human life expectancy in the U.S.?", "78 years."]],
        max_tokens: 5,
        stop: ["\n", "<|endoftext|>"],
      }),
  },
  {
    operationId: "createClassification",
    kind: "json",
    call: (c) =>
      c.classifications.create({
        model: "curie",
        query: "It is a raining day :(",
        examples: [
          ["A happy moment", "Positive"],
          ["I am sad.", "Negative"],
          ["I am feeling awesome", "Positive"],
        ],
        labels: ["Positive", "Negative", "Neutral"],
        search_model: "ada",
      }),
  },
];
