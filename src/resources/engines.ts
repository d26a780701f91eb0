/**
 * `client.engines`: the deprecated engines endpoints, including search.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import { Page, type PagePromise, requestPage } from "../core/pagination.ts";
import { path } from "../core/request.ts";
import type { Requester } from "../core/transport.ts";
import type { AnyString, RequestID } from "./shared.ts";

/**
 * An engine: the older name for a model.
 *
 * @deprecated Engines were replaced by models; use `models.list`.
 */
export interface Engine extends RequestID {
  /** The engine id, e.g. `"davinci"`. */
  id: string;
  /** Always `"engine"`. */
  object: "engine" | AnyString;
  /** Unix time in seconds, or null when unknown. */
  created: number | null;
  /** Whether it can serve requests. */
  ready: boolean;
  /** Who owns it; the server sends it though the schema omits it. */
  owner?: string;
  /** Fields the schema does not list. */
  [key: string]: unknown;
}

/**
 * The body of `engines.search`: give `documents` or `file`, not both.
 *
 * @deprecated The search endpoint was removed upstream.
 */
export interface CreateSearchRequest {
  /** What to look for. */
  query: string;
  /** Up to 200 documents to score. */
  documents?: string[] | null;
  /** The id of an uploaded file of documents, instead of `documents`. */
  file?: string | null;
  /** With `file`: how many documents to rerank (default 200). */
  max_rerank?: number | null;
  /** With `file`: include each document's metadata. */
  return_metadata?: boolean | null;
  /** Your end user's id, for abuse monitoring. */
  user?: string;
}

/** One scored document. */
export interface SearchResult {
  /** Always `"search_result"`. */
  object?: "search_result" | AnyString;
  /** The document's index in `documents` (or the file). */
  document?: number;
  /** Similarity, usually 0 to 300; above 200 means closely related. */
  score?: number;
  /** The document's metadata, when `return_metadata` was set. */
  metadata?: string;
}

/**
 * The result of `engines.search`.
 *
 * @deprecated The search endpoint was removed upstream.
 */
export interface CreateSearchResponse extends RequestID {
  /** Always `"list"`. */
  object?: "list" | AnyString;
  /** The engine that scored the documents. */
  model?: string;
  /** One score per document. */
  data?: SearchResult[];
}

/**
 * `/engines`.
 *
 * @deprecated Engines were replaced by models; use `client.models`.
 *
 * @example
 * ```ts
 * import { Engines, Transport } from "@webstd/openai/engines";
 * const engines = new Engines(new Transport({ apiKey: "sk-test" }));
 * for await (const engine of engines.list()) console.log(engine.id);
 * const found = await engines.search("davinci", {
 *   query: "the president",
 *   documents: ["White House", "hospital", "school"],
 * });
 * console.log(found.data?.[0].score);
 * ```
 */
export class Engines {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /**
   * Lists the engines.
   *
   * @deprecated Use `models.list`.
   */
  list(options?: RequestOptions): PagePromise<Page<Engine>, Engine> {
    return requestPage(
      this.#t,
      { method: "GET", path: "/engines", page: Page },
      options,
    );
  }

  /**
   * Retrieves one engine by id.
   *
   * @deprecated Use `models.retrieve`.
   */
  retrieve(engineId: string, options?: RequestOptions): APIPromise<Engine> {
    return this.#t.request(
      { method: "GET", path: path`/engines/${engineId}` },
      options,
    );
  }

  /**
   * Scores documents against a query.
   *
   * @deprecated The search endpoint was removed upstream; compare
   * `embeddings.create` vectors instead.
   */
  search(
    engineId: string,
    body: CreateSearchRequest,
    options?: RequestOptions,
  ): APIPromise<CreateSearchResponse> {
    return this.#t.request(
      { method: "POST", path: path`/engines/${engineId}/search`, body },
      options,
    );
  }
}
