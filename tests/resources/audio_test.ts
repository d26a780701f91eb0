import {
  BadRequestError,
  toFile,
  type Transcription,
  type TranscriptionCreateParams,
  type TranscriptionVerbose,
  type TranslationCreateParams,
} from "../../mod.ts";
import {
  Audio,
  toFile as entryToFile,
  Transport,
} from "../../src/entry/audio.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { checkMultipart, last, setup } from "./_helpers.ts";

const AUDIO = new Uint8Array(40_000).map((_, i) => i % 251);
const speech = () => new File([AUDIO], "speech.mp3", { type: "audio/mpeg" });
const TEXT = "Mock transcription of speech.mp3 (40000 bytes).";

Deno.test("audio.transcriptions.create sends every field and parses JSON", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const result: Transcription = await client.audio.transcriptions.create({
    file: speech(),
    model: "whisper-1",
    prompt: "Hello",
    response_format: "json",
    temperature: 0.2,
    language: "en",
  });
  const fields = checkMultipart(server, "/audio/transcriptions");
  assertEquals(Object.keys(fields).sort(), [
    "file",
    "language",
    "model",
    "prompt",
    "response_format",
    "temperature",
  ]);
  assertEquals(
    [fields.model, fields.prompt, fields.response_format, fields.temperature],
    ["whisper-1", "Hello", "json", "0.2"],
  );
  assertEquals(fields.language, "en");
  const file = fields.file as File;
  assertEquals(file.name, "speech.mp3");
  assertEquals(new Uint8Array(await file.arrayBuffer()), AUDIO);
  assertEquals(result, { text: TEXT });
});

Deno.test("audio.transcriptions.create defaults to JSON and leaves unset fields out", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const result = await client.audio.transcriptions.create({
    file: speech(),
    model: "whisper-1",
    prompt: undefined,
  });
  const fields = checkMultipart(server, "/audio/transcriptions");
  assertEquals(Object.keys(fields).sort(), ["file", "model"]);
  assertEquals(result.text, TEXT);
});

Deno.test("audio.transcriptions.create verbose_json adds timing", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const result: TranscriptionVerbose = await client.audio.transcriptions
    .create({
      file: speech(),
      model: "whisper-1",
      response_format: "verbose_json",
      language: "de",
    });
  assertEquals(result.text, TEXT);
  assertEquals(result.task, "transcribe");
  assertEquals(result.language, "de");
  assertEquals(result.duration, 2.5);
  assertEquals(result.segments?.length, 1);
  assertEquals(result.segments?.[0].end, 2.5);
});

Deno.test("audio.transcriptions.create text, srt and vtt resolve to strings", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const base = { file: speech(), model: "whisper-1" } as const;
  const text: string = await client.audio.transcriptions.create({
    ...base,
    response_format: "text",
  });
  assertEquals(text, TEXT + "\n");
  const srt: string = await client.audio.transcriptions.create({
    ...base,
    response_format: "srt",
  });
  assertEquals(srt, `1\n00:00:00,000 --> 00:00:02,500\n${TEXT}\n\n`);
  const { data: vtt, response } = await client.audio.transcriptions.create({
    ...base,
    response_format: "vtt",
  }).withResponse();
  assertEquals(vtt, `WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n${TEXT}\n\n`);
  assert(response.headers.get("content-type")!.startsWith("text/vtt"));
  assertEquals(
    checkMultipart(server, "/audio/transcriptions").response_format,
    "vtt",
  );
});

Deno.test("audio.translations.create sends its fields and parses each format", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const file = await toFile(new Blob([AUDIO], { type: "audio/wav" }), "de.wav");
  const result = await client.audio.translations.create({
    file,
    model: "whisper-1",
    prompt: "In English",
    temperature: 0,
  });
  const fields = checkMultipart(server, "/audio/translations");
  assertEquals(Object.keys(fields).sort(), [
    "file",
    "model",
    "prompt",
    "temperature",
  ]);
  assertEquals([fields.prompt, fields.temperature], ["In English", "0"]);
  assertEquals((fields.file as File).name, "de.wav");
  assertEquals(result, { text: "Mock translation of de.wav (40000 bytes)." });
  const verbose = await client.audio.translations.create({
    file,
    model: "whisper-1",
    response_format: "verbose_json",
  });
  assertEquals([verbose.task, verbose.language], ["translate", "english"]);
  const srt = await client.audio.translations.create({
    file,
    model: "whisper-1",
    response_format: "srt",
  });
  assert(srt.startsWith("1\n00:00:00,000 --> "));
});

Deno.test("audio: a bare Blob goes up with a name from its type", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const result = await client.audio.transcriptions.create({
    file: new Blob([AUDIO], { type: "audio/webm" }),
    model: "whisper-1",
  });
  assertEquals(
    (last(server).body as Record<string, File>).file.name,
    "file.webm",
  );
  assertEquals(result.text, "Mock transcription of file.webm (40000 bytes).");
});

Deno.test("audio: a wrong file type rejects before any request", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    () =>
      client.audio.transcriptions.create({
        // @ts-expect-error: file must be a File or Blob
        file: "speech.mp3",
        model: "whisper-1",
      }),
    TypeError,
    'Invalid file: expected a File, Blob, Response or stream, got the string "speech.mp3"; wrap',
  );
  await assertRejects(
    () =>
      client.audio.translations.create({
        // @ts-expect-error: bytes must go through toFile first
        file: new Uint8Array([1, 2]),
        model: "whisper-1",
      }),
    TypeError,
    "toFile()",
  );
  assertEquals(server.mock.requests.length, 0);
});

Deno.test("audio: server-side errors map to error classes", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    () =>
      client.audio.transcriptions.create({
        file: speech(),
        model: "whisper-1",
        temperature: 3,
      }),
    BadRequestError,
    "temperature",
  );
});

Deno.test("the ./audio entry point works alone and exports toFile", async () => {
  const [server] = await setup();
  await using _ = server;
  assert(entryToFile === toFile);
  const audio = new Audio(
    new Transport({ apiKey: "sk-test", baseURL: server.url }),
  );
  const text = await audio.translations.create({
    file: speech(),
    model: "whisper-1",
    response_format: "text",
  });
  assertEquals(text, "Mock translation of speech.mp3 (40000 bytes).\n");
});

Deno.test("a body declared as TranscriptionCreateParams without a format gives a Transcription, as ported code expects", async () => {
  const [server, client] = await setup();
  await using _ = server;
  // `.text` on the result must compile: the declared body narrows to the
  // JSON member, whose overload resolves to a Transcription.
  const body: TranscriptionCreateParams = {
    file: speech(),
    model: "whisper-1",
  };
  const text: string = (await client.audio.transcriptions.create(body)).text;
  assertEquals(text, TEXT);
});

Deno.test("the audio params take the official SDK's format parameter (TranscriptionCreateParams<'verbose_json'>)", async () => {
  const [server, client] = await setup();
  await using _ = server;
  // Each annotation is one v4 code uses; the results' types must follow it.
  const verbose: TranscriptionCreateParams<"verbose_json"> = {
    file: speech(),
    model: "whisper-1",
    response_format: "verbose_json",
  };
  const segments = (await client.audio.transcriptions.create(verbose)).segments;
  assert(Array.isArray(segments));
  const srt: TranslationCreateParams<"srt"> = {
    file: speech(),
    model: "whisper-1",
    response_format: "srt",
  };
  const lines: string[] = (await client.audio.translations.create(srt))
    .split("\n");
  assert(lines.length > 1);
});
