/**
 * Mock routes for audio: a transcript that names the uploaded file, in each
 * `response_format` (JSON, verbose JSON, text, SRT, WebVTT).
 *
 * @module
 */

import type {
  Transcription,
  TranscriptionVerbose,
} from "../../resources/audio_types.ts";
import { errorResponse, invalidChoice } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";

const FORMATS = ["json", "text", "srt", "verbose_json", "vtt"];
// The seeds' list, plus flac and ogg, which the API takes and the published
// 2.0.0 spec lists: a mock that refused them would fail valid code.
const AUDIO_TYPES = [
  "flac",
  "mp3",
  "mp4",
  "mpeg",
  "mpga",
  "m4a",
  "ogg",
  "wav",
  "webm",
];

// Seconds as an SRT (",") or WebVTT (".") timestamp: 2.5 -> 00:00:02,500.
function clock(seconds: number, separator: string): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

/**
 * Renders the mock transcript `text` of `duration` seconds in `format`:
 * a `Response` for the plain-text formats, an object for the JSON ones.
 *
 * @example
 * ```ts
 * import { transcript } from "./audio.ts";
 * const res = transcript("Hello", 2.5, "srt", "transcribe", "en") as Response;
 * await res.text(); // "1\n00:00:00,000 --> 00:00:02,500\nHello\n\n"
 * ```
 */
export function transcript(
  text: string,
  duration: number,
  format: string,
  task: "transcribe" | "translate",
  language: string,
): Transcription | TranscriptionVerbose | Response {
  const plain = (body: string, type = "text/plain") =>
    new Response(body, {
      headers: { "content-type": `${type}; charset=utf-8` },
    });
  switch (format) {
    case "text":
      return plain(text + "\n");
    case "srt":
      return plain(
        `1\n${clock(0, ",")} --> ${clock(duration, ",")}\n${text}\n\n`,
      );
    case "vtt":
      return plain(
        `WEBVTT\n\n${clock(0, ".")} --> ${clock(duration, ".")}\n${text}\n\n`,
        "text/vtt",
      );
    case "verbose_json":
      return {
        task,
        language,
        duration,
        text,
        segments: [{
          id: 0,
          seek: 0,
          start: 0,
          end: duration,
          text: " " + text,
          tokens: Array.from(text.split(" "), (_, i) => 50364 + i),
          temperature: 0,
          avg_logprob: -0.25,
          compression_ratio: 1,
          no_speech_prob: 0.01,
        }],
      };
    default:
      return { text };
  }
}

function handle(task: "transcribe" | "translate") {
  return (ctx: MockContext): unknown => {
    const fields =
      (typeof ctx.body === "object" && ctx.body !== null
        ? ctx.body
        : {}) as Record<string, unknown>;
    const { file, model, language } = fields;
    if (!(file instanceof File)) {
      return errorResponse(400, "You must provide an audio file upload", {
        param: "file",
      });
    }
    // The API goes by the file name's extension.
    const ext = file.name.match(/\.([^.]+)$/)?.[1]?.toLowerCase() ?? "";
    if (!AUDIO_TYPES.includes(ext)) {
      return errorResponse(
        400,
        `Invalid file format: ${
          JSON.stringify(file.name)
        } (expected a name ending in .${AUDIO_TYPES.join(", .")})`,
        { param: "file" },
      );
    }
    if (typeof model !== "string" || model === "") {
      return errorResponse(400, "You must provide a model parameter", {
        param: "model",
      });
    }
    const format = fields.response_format ?? "json";
    if (typeof format !== "string" || !FORMATS.includes(format)) {
      return invalidChoice("response_format", format, FORMATS);
    }
    const temperature = Number(fields.temperature ?? 0);
    if (!(temperature >= 0 && temperature <= 1)) {
      return errorResponse(
        400,
        `Invalid temperature: ${
          JSON.stringify(fields.temperature)
        } (expected a number from 0 to 1)`,
        { param: "temperature" },
      );
    }
    const what = task === "transcribe" ? "transcription" : "translation";
    const text = `Mock ${what} of ${file.name} (${file.size} bytes).`;
    // About 16 kB of compressed audio per second, and never under one second.
    const duration = Math.max(1, Math.round(file.size / 160) / 100);
    const lang = task === "translate"
      ? "english"
      : typeof language === "string" && language
      ? language
      : "english";
    return transcript(text, duration, format, task, lang);
  };
}

/**
 * The audio routes: `createTranscription` and `createTranslation`
 * (multipart; need a file part and a `model`).
 *
 * @example
 * ```ts
 * import { audioRoutes } from "./audio.ts";
 * audioRoutes.map((r) => r.path); // ["/audio/transcriptions", "/audio/translations"]
 * ```
 */
export const audioRoutes: Route[] = [
  {
    operationId: "createTranscription",
    method: "POST",
    path: "/audio/transcriptions",
    handle: handle("transcribe"),
  },
  {
    operationId: "createTranslation",
    method: "POST",
    path: "/audio/translations",
    handle: handle("translate"),
  },
];
