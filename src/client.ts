/**
 * The `OpenAI` client class.
 *
 * @module
 */

import * as Errors from "./core/errors.ts";
import type * as Options from "./core/options.ts";
import type { ClientOptions } from "./core/options.ts";
import type { APIPromise } from "./core/api_promise.ts";
import { customRequest, type CustomRequestOptions } from "./core/custom.ts";
import { toFile } from "./core/to_file.ts";
import { Transport } from "./core/transport.ts";
import * as ChatAPI from "./resources/chat_namespace.ts";
import * as CompletionsAPI from "./resources/completions.ts";
import * as ModelsAPI from "./resources/models.ts";
import * as AudioAPI from "./resources/audio.ts";
import * as FilesAPI from "./resources/files.ts";
import * as EditsAPI from "./resources/edits.ts";
import * as EmbeddingsAPI from "./resources/embeddings.ts";
import * as ModerationsAPI from "./resources/moderations.ts";
import * as ImagesAPI from "./resources/images.ts";
import * as EnginesAPI from "./resources/engines.ts";
import * as AnswersAPI from "./resources/answers.ts";
import * as ClassificationsAPI from "./resources/classifications.ts";
import * as FineTunesAPI from "./resources/fine_tunes.ts";
import * as FineTuningAPI from "./resources/fine_tuning.ts";
import type * as Shared from "./resources/shared.ts";

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
  readonly chat: ChatAPI.Chat;
  /** Legacy text completions. */
  readonly completions: CompletionsAPI.Completions;
  /** Models. */
  readonly models: ModelsAPI.Models;
  /** Speech to text: transcriptions and translations. */
  readonly audio: AudioAPI.Audio;
  /** Uploaded files. */
  readonly files: FilesAPI.Files;
  /**
   * Legacy fine-tunes.
   *
   * @deprecated Use {@link OpenAI.fineTuning} (`/fine_tuning/jobs`).
   */
  readonly fineTunes: FineTunesAPI.FineTunes;
  /** Fine-tuning jobs, their events and checkpoints. */
  readonly fineTuning: FineTuningAPI.FineTuning;
  /**
   * Legacy edits.
   *
   * @deprecated Retired upstream; use {@link OpenAI.chat}.
   */
  readonly edits: EditsAPI.Edits;
  /** Embeddings. */
  readonly embeddings: EmbeddingsAPI.Embeddings;
  /** Moderations. */
  readonly moderations: ModerationsAPI.Moderations;
  /** Images. */
  readonly images: ImagesAPI.Images;
  /**
   * Engines and document search.
   *
   * @deprecated Use {@link OpenAI.models} and {@link OpenAI.embeddings}.
   */
  readonly engines: EnginesAPI.Engines;
  /**
   * Question answering over documents.
   *
   * @deprecated Removed upstream; use {@link OpenAI.chat}.
   */
  readonly answers: AnswersAPI.Answers;
  /**
   * Labelling text from examples.
   *
   * @deprecated Removed upstream; use {@link OpenAI.chat}.
   */
  readonly classifications: ClassificationsAPI.Classifications;
  #transport: Transport;
  #options: ClientOptions;

  /** Builds a client; `apiKey`, `organization`, `project` and `baseURL` fall back to the environment. */
  constructor(options: ClientOptions = {}) {
    const transport = new Transport(options);
    this.#transport = transport;
    this.#options = options;
    this.chat = new ChatAPI.Chat(transport);
    this.completions = new CompletionsAPI.Completions(transport);
    this.models = new ModelsAPI.Models(transport);
    this.audio = new AudioAPI.Audio(transport);
    this.files = new FilesAPI.Files(transport);
    this.edits = new EditsAPI.Edits(transport);
    this.embeddings = new EmbeddingsAPI.Embeddings(transport);
    this.moderations = new ModerationsAPI.Moderations(transport);
    this.images = new ImagesAPI.Images(transport);
    this.engines = new EnginesAPI.Engines(transport);
    this.answers = new AnswersAPI.Answers(transport);
    this.classifications = new ClassificationsAPI.Classifications(transport);
    this.fineTunes = new FineTunesAPI.FineTunes(transport);
    this.fineTuning = new FineTuningAPI.FineTuning(transport);
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

  /**
   * `GET` a path below the base URL that this client has no method for,
   * with its key, headers, retries, timeouts and typed errors, as the
   * official SDK's `client.get`. The answer is read as that SDK reads it:
   * JSON when its content type says so, otherwise text, `null` for a 204 and
   * nothing for an empty body; a `Stream` with `stream: true`; the `Response`
   * itself with `.asResponse()`. `T` is the result's type; given two type
   * arguments, as v4 took them (`post<Body, Result>`), the second is.
   *
   * @example A newer endpoint
   * ```ts
   * import OpenAI from "@webstd/openai";
   * const client = new OpenAI({ apiKey: "sk-test" });
   * const batches = await client.get<{ data: unknown[] }>("/batches", {
   *   query: { limit: 10 },
   * });
   * console.log(batches.data.length);
   * ```
   */
  get<T = unknown, R = T>(
    path: string,
    options?: CustomRequestOptions,
  ): APIPromise<R> {
    return customRequest(this.#transport, "GET", path, options);
  }

  /**
   * `POST` to a path below the base URL; see {@link OpenAI.get}.
   *
   * @example A newer endpoint, streamed
   * ```ts
   * import OpenAI, { type Stream } from "@webstd/openai";
   * const client = new OpenAI({ apiKey: "sk-test" });
   * const stream = await client.post<Stream<{ type: string }>>("/responses", {
   *   body: { model: "gpt-4o-mini", input: "Hello", stream: true },
   *   stream: true,
   * });
   * for await (const event of stream) console.log(event.type);
   * ```
   */
  post<T = unknown, R = T>(
    path: string,
    options?: CustomRequestOptions,
  ): APIPromise<R> {
    return customRequest(this.#transport, "POST", path, options);
  }

  /**
   * `PUT` to a path below the base URL; see {@link OpenAI.get}.
   *
   * @example
   * ```ts
   * import OpenAI from "@webstd/openai";
   * const client = new OpenAI({ apiKey: "sk-test" });
   * await client.put("/some/path", { body: { a: 1 } });
   * ```
   */
  put<T = unknown, R = T>(
    path: string,
    options?: CustomRequestOptions,
  ): APIPromise<R> {
    return customRequest(this.#transport, "PUT", path, options);
  }

  /**
   * `PATCH` a path below the base URL; see {@link OpenAI.get}.
   *
   * @example
   * ```ts
   * import OpenAI from "@webstd/openai";
   * const client = new OpenAI({ apiKey: "sk-test" });
   * await client.patch("/some/path", { body: { a: 1 } });
   * ```
   */
  patch<T = unknown, R = T>(
    path: string,
    options?: CustomRequestOptions,
  ): APIPromise<R> {
    return customRequest(this.#transport, "PATCH", path, options);
  }

  /**
   * `DELETE` a path below the base URL; see {@link OpenAI.get}.
   *
   * @example
   * ```ts
   * import OpenAI from "@webstd/openai";
   * const client = new OpenAI({ apiKey: "sk-test" });
   * await client.delete("/some/path/123");
   * ```
   */
  delete<T = unknown, R = T>(
    path: string,
    options?: CustomRequestOptions,
  ): APIPromise<R> {
    return customRequest(this.#transport, "DELETE", path, options);
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

  /** The organization sent with every request, or `null` for none. */
  get organization(): string | null {
    return this.#transport.organization;
  }

  /** The project sent with every request, or `null` for none. */
  get project(): string | null {
    return this.#transport.project;
  }

  /** The default `timeout`: 10 minutes, as in the official SDK. */
  static DEFAULT_TIMEOUT = 600_000;
  /** See {@link toFile}, as the official SDK's `OpenAI.toFile`. */
  static toFile: typeof toFile = toFile;

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

// The resource modules' values, reachable at run time as OpenAI.Chat and so
// on, to match the namespace below. Plain objects rather than the module
// namespaces: `satisfies` keeps each one complete, and a bundle then has no
// namespace objects, whose set-up a bundler cannot drop, so importing one
// entry point of the bundle does not pull in every resource.
Object.assign(OpenAI, {
  Chat: {
    Chat: ChatAPI.Chat,
    ChatCompletions: ChatAPI.ChatCompletions,
    Completions: ChatAPI.ChatCompletions,
  } satisfies typeof ChatAPI,
  Completions: {
    Completions: CompletionsAPI.Completions,
  } satisfies typeof CompletionsAPI,
  Models: { Models: ModelsAPI.Models } satisfies typeof ModelsAPI,
  Audio: {
    Audio: AudioAPI.Audio,
    Transcriptions: AudioAPI.Transcriptions,
    Translations: AudioAPI.Translations,
  } satisfies typeof AudioAPI,
  Files: { Files: FilesAPI.Files } satisfies typeof FilesAPI,
  Edits: { Edits: EditsAPI.Edits } satisfies typeof EditsAPI,
  Embeddings: {
    Embeddings: EmbeddingsAPI.Embeddings,
    decodeEmbedding: EmbeddingsAPI.decodeEmbedding,
  } satisfies typeof EmbeddingsAPI,
  Moderations: {
    Moderations: ModerationsAPI.Moderations,
  } satisfies typeof ModerationsAPI,
  Images: { Images: ImagesAPI.Images } satisfies typeof ImagesAPI,
  Engines: { Engines: EnginesAPI.Engines } satisfies typeof EnginesAPI,
  Answers: { Answers: AnswersAPI.Answers } satisfies typeof AnswersAPI,
  Classifications: {
    Classifications: ClassificationsAPI.Classifications,
  } satisfies typeof ClassificationsAPI,
  FineTunes: {
    FineTunes: FineTunesAPI.FineTunes,
  } satisfies typeof FineTunesAPI,
  FineTuning: {
    Checkpoints: FineTuningAPI.Checkpoints,
    FineTuning: FineTuningAPI.FineTuning,
    Jobs: FineTuningAPI.Jobs,
  } satisfies typeof FineTuningAPI,
});

/**
 * The official SDK's type namespace, so that annotations such as
 * `OpenAI.Chat.ChatCompletionMessageParam` or `OpenAI.ChatCompletion` port
 * unchanged: one member per resource module, and the most used types at the
 * top.
 *
 * @example
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
 *   { role: "user", content: "Hello" },
 * ];
 * const reply = (c: OpenAI.ChatCompletion) => c.choices[0].message.content;
 * ```
 */
export declare namespace OpenAI {
  /** `@webstd/openai/chat`'s classes and types, and `Completions` (see {@link ChatAPI.Completions}). */
  export import Chat = ChatAPI;
  /** `@webstd/openai/completions`'s classes and types. */
  export import Completions = CompletionsAPI;
  /** `@webstd/openai/models`'s classes and types. */
  export import Models = ModelsAPI;
  /** `@webstd/openai/audio`'s classes and types. */
  export import Audio = AudioAPI;
  /** `@webstd/openai/files`'s classes and types. */
  export import Files = FilesAPI;
  /** `@webstd/openai/edits`'s classes and types. */
  export import Edits = EditsAPI;
  /** `@webstd/openai/embeddings`'s classes and types. */
  export import Embeddings = EmbeddingsAPI;
  /** `@webstd/openai/moderations`'s classes and types. */
  export import Moderations = ModerationsAPI;
  /** `@webstd/openai/images`'s classes and types. */
  export import Images = ImagesAPI;
  /** `@webstd/openai/engines`'s classes and types. */
  export import Engines = EnginesAPI;
  /** `@webstd/openai/answers`'s classes and types. */
  export import Answers = AnswersAPI;
  /** `@webstd/openai/classifications`'s classes and types. */
  export import Classifications = ClassificationsAPI;
  /** `@webstd/openai/fine_tunes`'s classes and types. */
  export import FineTunes = FineTunesAPI;
  /** `@webstd/openai/fine_tuning`'s classes and types. */
  export import FineTuning = FineTuningAPI;

  /** See {@link AudioAPI.AudioResponseFormat}. */
  export import AudioResponseFormat = AudioAPI.AudioResponseFormat;
  /** See {@link ChatAPI.ChatCompletion}. */
  export import ChatCompletion = ChatAPI.ChatCompletion;
  /** See {@link ChatAPI.ChatCompletionAssistantMessageParam}. */
  export import ChatCompletionAssistantMessageParam = ChatAPI.ChatCompletionAssistantMessageParam;
  /** See {@link ChatAPI.ChatCompletionChunk}. */
  export import ChatCompletionChunk = ChatAPI.ChatCompletionChunk;
  /** See {@link ChatAPI.ChatCompletionCreateParams}. */
  export import ChatCompletionCreateParams = ChatAPI.ChatCompletionCreateParams;
  /** See {@link ChatAPI.ChatCompletionCreateParamsNonStreaming}. */
  export import ChatCompletionCreateParamsNonStreaming = ChatAPI.ChatCompletionCreateParamsNonStreaming;
  /** See {@link ChatAPI.ChatCompletionCreateParamsStreaming}. */
  export import ChatCompletionCreateParamsStreaming = ChatAPI.ChatCompletionCreateParamsStreaming;
  /** See {@link ChatAPI.ChatCompletionFunctionCallOption}. */
  export import ChatCompletionFunctionCallOption = ChatAPI.ChatCompletionFunctionCallOption;
  /** See {@link ChatAPI.ChatCompletionFunctionMessageParam}. */
  export import ChatCompletionFunctionMessageParam = ChatAPI.ChatCompletionFunctionMessageParam;
  /** See {@link ChatAPI.ChatCompletionMessage}. */
  export import ChatCompletionMessage = ChatAPI.ChatCompletionMessage;
  /** See {@link ChatAPI.ChatCompletionMessageParam}. */
  export import ChatCompletionMessageParam = ChatAPI.ChatCompletionMessageParam;
  /** See {@link ChatAPI.ChatCompletionRole}. */
  export import ChatCompletionRole = ChatAPI.ChatCompletionRole;
  /** See {@link ChatAPI.ChatCompletionSystemMessageParam}. */
  export import ChatCompletionSystemMessageParam = ChatAPI.ChatCompletionSystemMessageParam;
  /** See {@link ChatAPI.ChatCompletionUserMessageParam}. */
  export import ChatCompletionUserMessageParam = ChatAPI.ChatCompletionUserMessageParam;
  /** See {@link CompletionsAPI.Completion}. */
  export import Completion = CompletionsAPI.Completion;
  /** See {@link CompletionsAPI.CompletionChoice}. */
  export import CompletionChoice = CompletionsAPI.CompletionChoice;
  /** See {@link CompletionsAPI.CompletionCreateParams}. */
  export import CompletionCreateParams = CompletionsAPI.CompletionCreateParams;
  /** See {@link CompletionsAPI.CompletionCreateParamsNonStreaming}. */
  export import CompletionCreateParamsNonStreaming = CompletionsAPI.CompletionCreateParamsNonStreaming;
  /** See {@link CompletionsAPI.CompletionCreateParamsStreaming}. */
  export import CompletionCreateParamsStreaming = CompletionsAPI.CompletionCreateParamsStreaming;
  /** See {@link Shared.CompletionUsage}. */
  export type CompletionUsage = Shared.CompletionUsage;
  /** See {@link CursorPage}: a page of a list read with `after` cursors (a type here). */
  export type CursorPage<Item extends { id: string }> =
    import("./core/pagination.ts").CursorPage<Item>;
  /** The query of a cursor list (`after`, `limit`); see {@link FineTuningAPI.FineTuningListParams}. */
  export type CursorPageParams = FineTuningAPI.FineTuningListParams;
  /** A cursor list as the server sends it; see {@link ListEnvelope}. */
  export type CursorPageResponse<Item> =
    import("./core/pagination.ts").ListEnvelope<Item>;
  /** See {@link EmbeddingsAPI.CreateEmbeddingResponse}. */
  export import CreateEmbeddingResponse = EmbeddingsAPI.CreateEmbeddingResponse;
  /** See {@link EditsAPI.Edit}. */
  export import Edit = EditsAPI.Edit;
  /** See {@link EditsAPI.EditCreateParams}. */
  export import EditCreateParams = EditsAPI.EditCreateParams;
  /** See {@link EmbeddingsAPI.Embedding}. */
  export import Embedding = EmbeddingsAPI.Embedding;
  /** See {@link EmbeddingsAPI.EmbeddingCreateParams}. */
  export import EmbeddingCreateParams = EmbeddingsAPI.EmbeddingCreateParams;
  /** See {@link FilesAPI.FileContent}. */
  export type FileContent = FilesAPI.FileContent;
  /** See {@link FilesAPI.FileCreateParams}. */
  export import FileCreateParams = FilesAPI.FileCreateParams;
  /** See {@link FilesAPI.FileDeleted}. */
  export import FileDeleted = FilesAPI.FileDeleted;
  /** See {@link FilesAPI.FileObject}. */
  export type FileObject = FilesAPI.FileObject;
  /** See {@link FilesAPI.FileObjectsPage}. */
  export type FileObjectsPage = FilesAPI.FileObjectsPage;
  /** See {@link FilesAPI.FileListParams}. */
  export type FileListParams = FilesAPI.FileListParams;
  /** See {@link FilesAPI.FilePurpose}. */
  export type FilePurpose = FilesAPI.FilePurpose;
  /** See {@link FineTunesAPI.FineTune}. */
  export import FineTune = FineTunesAPI.FineTune;
  /** See {@link FineTunesAPI.FineTuneCreateParams}. */
  export import FineTuneCreateParams = FineTunesAPI.FineTuneCreateParams;
  /** See {@link FineTunesAPI.FineTuneEvent}. */
  export import FineTuneEvent = FineTunesAPI.FineTuneEvent;
  /** See {@link FineTunesAPI.FineTuneEventsListResponse}. */
  export import FineTuneEventsListResponse = FineTunesAPI.FineTuneEventsListResponse;
  /** See {@link FineTunesAPI.FineTuneListEventsParams}. */
  export import FineTuneListEventsParams = FineTunesAPI.FineTuneListEventsParams;
  /** See {@link FineTunesAPI.FineTuneListEventsParamsNonStreaming}. */
  export import FineTuneListEventsParamsNonStreaming = FineTunesAPI.FineTuneListEventsParamsNonStreaming;
  /** See {@link FineTunesAPI.FineTuneListEventsParamsStreaming}. */
  export import FineTuneListEventsParamsStreaming = FineTunesAPI.FineTuneListEventsParamsStreaming;
  /** See {@link FineTunesAPI.FineTunesPage}. */
  export import FineTunesPage = FineTunesAPI.FineTunesPage;
  /** See {@link FineTuningAPI.FineTuningJob}. */
  export import FineTuningJob = FineTuningAPI.FineTuningJob;
  /** See {@link ChatAPI.FunctionDefinition}. */
  export import FunctionDefinition = ChatAPI.FunctionDefinition;
  /** See {@link Shared.FunctionParameters}. */
  export type FunctionParameters = Shared.FunctionParameters;
  /** See {@link ImagesAPI.Image}. */
  export import Image = ImagesAPI.Image;
  /** See {@link ImagesAPI.ImageCreateVariationParams}. */
  export import ImageCreateVariationParams = ImagesAPI.ImageCreateVariationParams;
  /** See {@link ImagesAPI.ImageEditParams}. */
  export import ImageEditParams = ImagesAPI.ImageEditParams;
  /** See {@link ImagesAPI.ImageGenerateParams}. */
  export import ImageGenerateParams = ImagesAPI.ImageGenerateParams;
  /** See {@link ImagesAPI.ImagesResponse}. */
  export import ImagesResponse = ImagesAPI.ImagesResponse;
  /** See {@link ModelsAPI.Model}. */
  export import Model = ModelsAPI.Model;
  /** See {@link ModelsAPI.ModelDeleted}. */
  export import ModelDeleted = ModelsAPI.ModelDeleted;
  /** See {@link ModelsAPI.ModelsPage}. */
  export import ModelsPage = ModelsAPI.ModelsPage;
  /** See {@link ModerationsAPI.Moderation}. */
  export import Moderation = ModerationsAPI.Moderation;
  /** See {@link ModerationsAPI.ModerationCreateParams}. */
  export import ModerationCreateParams = ModerationsAPI.ModerationCreateParams;
  /** See {@link ModerationsAPI.ModerationCreateResponse}. */
  export import ModerationCreateResponse = ModerationsAPI.ModerationCreateResponse;
  /** See {@link Page}: one page of a list (a type here). */
  export type Page<Item> = import("./core/pagination.ts").Page<Item>;
  /** A list as the server sends it; see {@link ListEnvelope}. */
  export type PageResponse<Item> = import("./core/pagination.ts").ListEnvelope<
    Item
  >;
  /** See {@link Options.RequestOptions}. */
  export type RequestOptions = Options.RequestOptions;
}
