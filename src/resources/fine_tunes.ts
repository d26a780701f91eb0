/**
 * `client.fineTunes`: the legacy fine-tune API (`/fine-tunes`).
 *
 * @deprecated Use `client.fineTuning.jobs` (`/fine_tuning/jobs`) instead.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import { listArgs, queryOf } from "../core/list_args.ts";
import type { RequestOptions } from "../core/options.ts";
import { Page, PagePromise, requestPage } from "../core/pagination.ts";
import { path } from "../core/request.ts";
import type { Stream } from "../core/stream.ts";
import type { Requester } from "../core/transport.ts";
import type {
  FineTune,
  FineTuneCreateParams,
  FineTuneEvent,
  FineTuneListEventsParamsBase,
  FineTuneListEventsParamsNonStreaming,
  FineTuneListEventsParamsStreaming,
} from "./fine_tunes_types.ts";

export type * from "./fine_tunes_types.ts";

// The official SDK's timeout for following events.
const DAY = 86_400_000;

/**
 * `/fine-tunes`: create, list, retrieve and cancel legacy fine-tunes, and
 * read (or follow) their events.
 *
 * @deprecated The `/fine-tunes` API is replaced by `/fine_tuning/jobs`; use
 * `client.fineTuning.jobs`.
 *
 * @example Start a fine-tune and follow its events
 * ```ts
 * import { FineTunes, Transport } from "@webstd/openai/fine_tunes";
 * const fineTunes = new FineTunes(new Transport({ apiKey: "sk-test" }));
 * const job = await fineTunes.create({ training_file: "file-abc123" });
 * const events = await fineTunes.listEvents(job.id, { stream: true });
 * for await (const event of events) console.log(event.message);
 * ```
 */
export class FineTunes {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /**
   * Starts a fine-tune of a base model on an uploaded training file.
   *
   * @deprecated Use `client.fineTuning.jobs.create`.
   */
  create(
    body: FineTuneCreateParams,
    options?: RequestOptions,
  ): APIPromise<FineTune> {
    return this.#t.request(
      { method: "POST", path: "/fine-tunes", body },
      options,
    );
  }

  /**
   * Lists your organisation's fine-tunes.
   *
   * @deprecated Use `client.fineTuning.jobs.list`.
   */
  list(options?: RequestOptions): PagePromise<Page<FineTune>, FineTune> {
    return requestPage(this.#t, {
      method: "GET",
      path: "/fine-tunes",
      page: Page,
    }, options);
  }

  /**
   * Retrieves one fine-tune by id.
   *
   * @deprecated Use `client.fineTuning.jobs.retrieve`.
   */
  retrieve(fineTuneId: string, options?: RequestOptions): APIPromise<FineTune> {
    return this.#t.request(
      { method: "GET", path: path`/fine-tunes/${fineTuneId}` },
      options,
    );
  }

  /**
   * Cancels a fine-tune that has not finished.
   *
   * @deprecated Use `client.fineTuning.jobs.cancel`.
   */
  cancel(fineTuneId: string, options?: RequestOptions): APIPromise<FineTune> {
    return this.#t.request(
      { method: "POST", path: path`/fine-tunes/${fineTuneId}/cancel` },
      options,
    );
  }

  // The official SDK's order: a query whose type says nothing (`any`) takes
  // the first overload, a listing.
  /**
   * Lists a fine-tune's events so far.
   *
   * @deprecated Use `client.fineTuning.jobs.listEvents`.
   */
  listEvents(
    fineTuneId: string,
    query?: FineTuneListEventsParamsNonStreaming,
    options?: RequestOptions,
  ): PagePromise<Page<FineTuneEvent>, FineTuneEvent>;
  /**
   * Follows a fine-tune's events as they happen; the stream ends when the
   * job finishes.
   *
   * @deprecated Use `client.fineTuning.jobs.listEvents`.
   */
  listEvents(
    fineTuneId: string,
    query: FineTuneListEventsParamsStreaming,
    options?: RequestOptions,
  ): APIPromise<Stream<FineTuneEvent>>;
  /**
   * Lists a fine-tune's events so far, with request options only; an object
   * mixing `stream` and request options is a `TypeError`.
   *
   * @deprecated Use `client.fineTuning.jobs.listEvents`.
   */
  listEvents(
    fineTuneId: string,
    options?: RequestOptions,
  ): PagePromise<Page<FineTuneEvent>, FineTuneEvent>;
  /**
   * Lists a fine-tune's events, or follows them when `query.stream` is true.
   * As with the official SDK, the timeout defaults to 24 hours, not the
   * client's: a followed fine-tune can go quiet for long stretches.
   *
   * @deprecated Use `client.fineTuning.jobs.listEvents`.
   */
  listEvents(
    fineTuneId: string,
    query?: FineTuneListEventsParamsBase,
    options?: RequestOptions,
  ): APIPromise<Page<FineTuneEvent> | Stream<FineTuneEvent>>;
  listEvents(
    fineTuneId: string,
    query?: FineTuneListEventsParamsBase | RequestOptions,
    options?: RequestOptions,
  ): APIPromise<Page<FineTuneEvent> | Stream<FineTuneEvent>> {
    [query, options] = listArgs(query, options);
    const stream = query?.stream === true;
    return this.#t.request({
      method: "GET",
      path: path`/fine-tunes/${fineTuneId}/events`,
      query: queryOf(query, ["stream"]),
      ...(stream ? { stream } : { page: Page, promise: PagePromise }),
    }, { timeout: DAY, ...options });
  }
}
