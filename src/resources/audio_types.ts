/**
 * Request and response types of the audio endpoints.
 *
 * @module
 */

import type { Uploadable } from "../core/uploads.ts";
import type { AnyString, RequestID } from "./shared.ts";

/** How a transcript comes back: JSON (`json`, `verbose_json`) or plain text (`text`, `srt`, `vtt`). */
export type AudioResponseFormat =
  | "json"
  | "text"
  | "srt"
  | "verbose_json"
  | "vtt";

/** The formats whose result is a plain string. */
export type AudioTextFormat = "text" | "srt" | "vtt";

/**
 * The fields of `audio.translations.create`. As in the official SDK, the
 * type parameter narrows `response_format` (`TranslationCreateParams<"srt">`).
 */
export interface TranslationCreateParams<
  Format extends AudioResponseFormat | undefined =
    | AudioResponseFormat
    | undefined,
> {
  /**
   * The audio (flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav or webm): a `File`
   * or `Blob`, or a `Response`, byte stream or async iterable, read first.
   * The file name's extension tells the API the format, so a file without
   * one is refused before sending: name it with `toFile(data, "speech.mp3")`.
   */
  file: Uploadable;
  /** The model, e.g. `"whisper-1"`. */
  model: "whisper-1" | AnyString;
  /** Text that sets the style or continues an earlier segment. */
  prompt?: string;
  /** The result format (default `"json"`). */
  response_format?: Format;
  /** Sampling temperature from 0 to 1; 0 (the default) lets the model pick. */
  temperature?: number;
}

/** The fields of `audio.transcriptions.create`, with any `response_format`. */
export interface TranscriptionCreateParamsBase<
  Format extends AudioResponseFormat | undefined =
    | AudioResponseFormat
    | undefined,
> extends TranslationCreateParams<Format> {
  /** The spoken language as an ISO-639-1 code, e.g. `"en"`; helps accuracy and speed. */
  language?: string;
}

/**
 * The fields of `audio.transcriptions.create`, one member per kind of result,
 * as in the official SDK: a body declared with this type and no
 * `response_format` (or `"json"`) is known to give a {@link Transcription}.
 *
 * @example
 * ```ts
 * import OpenAI, { type TranscriptionCreateParams } from "@webstd/openai";
 * const client = new OpenAI({ apiKey: "sk-test" });
 * const body: TranscriptionCreateParams = {
 *   file: new File([new Uint8Array(8)], "speech.mp3"),
 *   model: "whisper-1",
 * };
 * const read = async () => (await client.audio.transcriptions.create(body)).text;
 * ```
 */
export type TranscriptionCreateParams<
  Format extends AudioResponseFormat | undefined =
    | AudioResponseFormat
    | undefined,
> = Format extends "json" | undefined ? TranscriptionCreateParamsBase<Format>
  : TranscriptionCreateParamsBase<Format> & { response_format: Format };

/**
 * The official SDK's later name for {@link TranscriptionCreateParams}, so
 * ported annotations keep working.
 *
 * @example
 * ```ts
 * import type { TranscriptionCreateParamsNonStreaming } from "@webstd/openai";
 * const body: TranscriptionCreateParamsNonStreaming = {
 *   file: new File([new Uint8Array(8)], "speech.mp3"),
 *   model: "whisper-1",
 * };
 * ```
 */
export type TranscriptionCreateParamsNonStreaming<
  Format extends AudioResponseFormat | undefined =
    | AudioResponseFormat
    | undefined,
> = TranscriptionCreateParams<Format>;

/** A transcript or translation in the `json` format. */
export interface Transcription extends RequestID {
  /** The recognised text. */
  text: string;
}

/** One timed piece of a `verbose_json` transcript. */
export interface TranscriptionSegment {
  /** The segment's index. */
  id?: number;
  /** The seek offset (in frames) it was decoded from. */
  seek?: number;
  /** Start time in seconds. */
  start?: number;
  /** End time in seconds. */
  end?: number;
  /** The segment's text. */
  text?: string;
  /** The token ids of the text. */
  tokens?: number[];
  /** The temperature used for this segment. */
  temperature?: number;
  /** Mean log probability of its tokens. */
  avg_logprob?: number;
  /** How well the text compresses; high values hint at repetition. */
  compression_ratio?: number;
  /** The chance the segment holds no speech. */
  no_speech_prob?: number;
  /** Fields this type does not name yet. */
  [key: string]: unknown;
}

/** A transcript or translation in the `verbose_json` format: the text with timing. */
export interface TranscriptionVerbose extends Transcription {
  /** `"transcribe"` or `"translate"`. */
  task?: "transcribe" | "translate" | AnyString;
  /** The language of the audio (detected, or the one given). */
  language?: string;
  /** The audio's length in seconds. */
  duration?: number;
  /** The text split into timed segments. */
  segments?: TranscriptionSegment[];
  /** Fields this type does not name yet. */
  [key: string]: unknown;
}

/** A translation in the `json` format (English text). */
export type Translation = Transcription;

/** A translation in the `verbose_json` format. */
export type TranslationVerbose = TranscriptionVerbose;
