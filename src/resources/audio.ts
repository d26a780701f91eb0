/**
 * `client.audio`: speech to text (`transcriptions`) and speech to English
 * text (`translations`), uploaded as multipart form data.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import type { Requester, RequestSpec } from "../core/transport.ts";
import { postForm } from "../core/uploads.ts";
import type {
  AudioResponseFormat,
  AudioTextFormat,
  Transcription,
  TranscriptionCreateParamsBase,
  TranscriptionVerbose,
  TranslationCreateParams,
} from "./audio_types.ts";

export type * from "./audio_types.ts";
import * as Types from "./audio_types.ts";

const TEXT_FORMATS: ReadonlySet<AudioResponseFormat | undefined> = new Set([
  "text",
  "srt",
  "vtt",
]);

function send<T>(
  t: Requester,
  path: string,
  body: TranslationCreateParams,
  options: RequestOptions | undefined,
): APIPromise<T> {
  // Text formats come back as text/plain, never JSON.
  const as = TEXT_FORMATS.has(body?.response_format) ? "text" : "json";
  // The API tells the audio format by the file name's extension.
  const spec: RequestSpec = { method: "POST", path, body, as };
  return postForm<T>(t, spec, ["file"], options, true);
}

/**
 * `POST /audio/transcriptions`.
 *
 * @example
 * ```ts
 * import { Audio, toFile, Transport } from "@webstd/openai/audio";
 * const audio = new Audio(new Transport({ apiKey: "sk-test" }));
 * const file = await toFile(await fetch("https://example.com/talk.mp3"), "talk.mp3");
 * const srt = await audio.transcriptions.create({ file, model: "whisper-1", response_format: "srt" });
 * console.log(srt.split("\n")[1]); // 00:00:00,000 --> ...
 * ```
 */
export class Transcriptions {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /** Transcribes audio to `{ text }`. */
  create(
    body: TranscriptionCreateParamsBase<"json" | undefined>,
    options?: RequestOptions,
  ): APIPromise<Transcription>;
  /** Transcribes audio, with timed segments. */
  create(
    body: TranscriptionCreateParamsBase<"verbose_json">,
    options?: RequestOptions,
  ): APIPromise<TranscriptionVerbose>;
  /** Transcribes audio; `text`, `srt` and `vtt` resolve to a string. */
  create(
    body: TranscriptionCreateParamsBase<AudioTextFormat>,
    options?: RequestOptions,
  ): APIPromise<string>;
  /** Transcribes audio in the format `body.response_format` names. */
  create(
    body: TranscriptionCreateParamsBase,
    options?: RequestOptions,
  ): APIPromise<Transcription | TranscriptionVerbose | string>;
  create(
    body: TranscriptionCreateParamsBase,
    options?: RequestOptions,
  ): APIPromise<Transcription | TranscriptionVerbose | string> {
    return send(this.#t, "/audio/transcriptions", body, options);
  }
}

/**
 * `POST /audio/translations`.
 *
 * @example
 * ```ts
 * import { Audio, toFile, Transport } from "@webstd/openai/audio";
 * const audio = new Audio(new Transport({ apiKey: "sk-test" }));
 * const file = new File([new Uint8Array(1024)], "german.mp3", { type: "audio/mpeg" });
 * const { text } = await audio.translations.create({ file, model: "whisper-1" });
 * ```
 */
export class Translations {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /** Translates audio to English as `{ text }`. */
  create(
    body: TranslationCreateParams<"json" | undefined>,
    options?: RequestOptions,
  ): APIPromise<Transcription>;
  /** Translates audio to English, with timed segments. */
  create(
    body: TranslationCreateParams<"verbose_json">,
    options?: RequestOptions,
  ): APIPromise<TranscriptionVerbose>;
  /** Translates audio to English; `text`, `srt` and `vtt` resolve to a string. */
  create(
    body: TranslationCreateParams<AudioTextFormat>,
    options?: RequestOptions,
  ): APIPromise<string>;
  /** Translates audio to English in the format `body.response_format` names. */
  create(
    body: TranslationCreateParams,
    options?: RequestOptions,
  ): APIPromise<Transcription | TranscriptionVerbose | string>;
  create(
    body: TranslationCreateParams,
    options?: RequestOptions,
  ): APIPromise<Transcription | TranscriptionVerbose | string> {
    return send(this.#t, "/audio/translations", body, options);
  }
}

/**
 * `/audio`: {@link Transcriptions} and {@link Translations}.
 *
 * @example
 * ```ts
 * import { Audio, Transport } from "@webstd/openai/audio";
 * const audio = new Audio(new Transport({ apiKey: "sk-test" }));
 * const file = new File([new Uint8Array(1024)], "note.wav", { type: "audio/wav" });
 * const { text } = await audio.transcriptions.create({ file, model: "whisper-1", language: "en" });
 * ```
 */
export class Audio {
  /** Speech to text in the spoken language. */
  readonly transcriptions: Transcriptions;
  /** Speech to English text. */
  readonly translations: Translations;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.transcriptions = new Transcriptions(transport);
    this.translations = new Translations(transport);
  }
}

/**
 * The transcription types again, where the official SDK also puts them (`OpenAI.Audio.Transcriptions`), so that
 * ported annotations keep working.
 */
export declare namespace Transcriptions {
  /** See {@link Types.Transcription}. */
  export import Transcription = Types.Transcription;
  /** See {@link Types.TranscriptionCreateParams}. */
  export import TranscriptionCreateParams = Types.TranscriptionCreateParams;
  /** See {@link Types.TranscriptionCreateParamsBase}. */
  export import TranscriptionCreateParamsBase = Types.TranscriptionCreateParamsBase;
  /** See {@link Types.TranscriptionCreateParamsNonStreaming}. */
  export import TranscriptionCreateParamsNonStreaming = Types.TranscriptionCreateParamsNonStreaming;
  /** See {@link Types.TranscriptionSegment}. */
  export import TranscriptionSegment = Types.TranscriptionSegment;
  /** See {@link Types.TranscriptionVerbose}. */
  export import TranscriptionVerbose = Types.TranscriptionVerbose;
}

/**
 * The translation types again, where the official SDK also puts them (`OpenAI.Audio.Translations`), so that
 * ported annotations keep working.
 */
export declare namespace Translations {
  /** See {@link Types.Translation}. */
  export import Translation = Types.Translation;
  /** See {@link Types.TranslationCreateParams}. */
  export import TranslationCreateParams = Types.TranslationCreateParams;
  /** See {@link Types.TranslationVerbose}. */
  export import TranslationVerbose = Types.TranslationVerbose;
}
