/**
 * The `OpenAI` client class.
 *
 * @module
 */

import * as Errors from "./core/errors.ts";
import type { ClientOptions } from "./core/options.ts";
import { Transport } from "./core/transport.ts";
import { Chat } from "./resources/chat.ts";
import { Completions } from "./resources/completions.ts";
import { Models } from "./resources/models.ts";
import { Audio } from "./resources/audio.ts";
import { Files } from "./resources/files.ts";
import { Edits } from "./resources/edits.ts";
import { Embeddings } from "./resources/embeddings.ts";
import { Moderations } from "./resources/moderations.ts";
import { Images } from "./resources/images.ts";
import { Engines } from "./resources/engines.ts";
import { Answers } from "./resources/answers.ts";
import { Classifications } from "./resources/classifications.ts";
import { FineTunes } from "./resources/fine_tunes.ts";
import { FineTuning } from "./resources/fine_tuning.ts";

/**
 * The OpenAI API client: one property per API resource, sharing one transport.
 * The API key is held privately: it never appears in `JSON.stringify`,
 * `Deno.inspect` or an error.
 *
 * @example Quick start
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI({ apiKey: "sk-test" });
 * const completion = await client.chat.completions.create({
 *   model: "gpt-3.5-turbo",
 *   messages: [{ role: "user", content: "Hello" }],
 * });
 * console.log(completion.choices[0].message.content);
 * ```
 */
export class OpenAI {
  /** Chat completions. */
  readonly chat: Chat;
  /** Legacy text completions. */
  readonly completions: Completions;
  /** Models. */
  readonly models: Models;
  /** Speech to text: transcriptions and translations. */
  readonly audio: Audio;
  /** Uploaded files. */
  readonly files: Files;
  /**
   * Legacy fine-tunes.
   *
   * @deprecated Use {@link OpenAI.fineTuning} (`/fine_tuning/jobs`).
   */
  readonly fineTunes: FineTunes;
  /** Fine-tuning jobs, their events and checkpoints. */
  readonly fineTuning: FineTuning;
  /**
   * Legacy edits.
   *
   * @deprecated Retired upstream; use {@link OpenAI.chat}.
   */
  readonly edits: Edits;
  /** Embeddings. */
  readonly embeddings: Embeddings;
  /** Moderations. */
  readonly moderations: Moderations;
  /** Images. */
  readonly images: Images;
  /**
   * Engines and document search.
   *
   * @deprecated Use {@link OpenAI.models} and {@link OpenAI.embeddings}.
   */
  readonly engines: Engines;
  /**
   * Question answering over documents.
   *
   * @deprecated Removed upstream; use {@link OpenAI.chat}.
   */
  readonly answers: Answers;
  /**
   * Labelling text from examples.
   *
   * @deprecated Removed upstream; use {@link OpenAI.chat}.
   */
  readonly classifications: Classifications;
  #transport: Transport;
  #options: ClientOptions;

  /** Builds a client; `apiKey`, `organization` and `baseURL` fall back to the environment. */
  constructor(options: ClientOptions = {}) {
    const transport = new Transport(options);
    this.#transport = transport;
    this.#options = options;
    this.chat = new Chat(transport);
    this.completions = new Completions(transport);
    this.models = new Models(transport);
    this.audio = new Audio(transport);
    this.files = new Files(transport);
    this.edits = new Edits(transport);
    this.embeddings = new Embeddings(transport);
    this.moderations = new Moderations(transport);
    this.images = new Images(transport);
    this.engines = new Engines(transport);
    this.answers = new Answers(transport);
    this.classifications = new Classifications(transport);
    this.fineTunes = new FineTunes(transport);
    this.fineTuning = new FineTuning(transport);
  }

  /**
   * A new client with `options` laid over this one's, as the official SDK's
   * `withOptions`; this client is left as it is.
   *
   * @example A client for slow batch work next to the default one
   * ```ts
   * import OpenAI from "@webstd/openai";
   * const client = new OpenAI({ apiKey: "sk-test" });
   * const patient = client.withOptions({ timeout: 1_800_000, maxRetries: 5 });
   * console.log(patient.timeout, client.timeout); // 1800000 600000
   * ```
   */
  withOptions(options: ClientOptions): this {
    const Client = this.constructor as new (options: ClientOptions) => this;
    return new Client({ ...this.#options, ...options });
  }

  /** The base URL requests go to. */
  get baseURL(): string {
    return this.#transport.baseURL;
  }

  /** The default timeout in milliseconds. */
  get timeout(): number {
    return this.#transport.timeout;
  }

  /** The default number of retries. */
  get maxRetries(): number {
    return this.#transport.maxRetries;
  }

  /** See {@link Errors.OpenAIError}. */
  static OpenAIError: typeof Errors.OpenAIError = Errors.OpenAIError;
  /** See {@link Errors.APIError}. */
  static APIError: typeof Errors.APIError = Errors.APIError;
  /** See {@link Errors.BadRequestError}. */
  static BadRequestError: typeof Errors.BadRequestError =
    Errors.BadRequestError;
  /** See {@link Errors.AuthenticationError}. */
  static AuthenticationError: typeof Errors.AuthenticationError =
    Errors.AuthenticationError;
  /** See {@link Errors.PermissionDeniedError}. */
  static PermissionDeniedError: typeof Errors.PermissionDeniedError =
    Errors.PermissionDeniedError;
  /** See {@link Errors.NotFoundError}. */
  static NotFoundError: typeof Errors.NotFoundError = Errors.NotFoundError;
  /** See {@link Errors.ConflictError}. */
  static ConflictError: typeof Errors.ConflictError = Errors.ConflictError;
  /** See {@link Errors.UnprocessableEntityError}. */
  static UnprocessableEntityError: typeof Errors.UnprocessableEntityError =
    Errors.UnprocessableEntityError;
  /** See {@link Errors.RateLimitError}. */
  static RateLimitError: typeof Errors.RateLimitError = Errors.RateLimitError;
  /** See {@link Errors.InternalServerError}. */
  static InternalServerError: typeof Errors.InternalServerError =
    Errors.InternalServerError;
  /** See {@link Errors.APIConnectionError}. */
  static APIConnectionError: typeof Errors.APIConnectionError =
    Errors.APIConnectionError;
  /** See {@link Errors.APIConnectionTimeoutError}. */
  static APIConnectionTimeoutError: typeof Errors.APIConnectionTimeoutError =
    Errors.APIConnectionTimeoutError;
  /** See {@link Errors.APIUserAbortError}. */
  static APIUserAbortError: typeof Errors.APIUserAbortError =
    Errors.APIUserAbortError;
}
