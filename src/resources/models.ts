/**
 * `client.models`: list, retrieve and delete models.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import { Page, type PagePromise, requestPage } from "../core/pagination.ts";
import { path } from "../core/request.ts";
import type { AnyString, RequestID } from "./shared.ts";
import type { Requester } from "../core/transport.ts";

/** A model the API can use. */
export interface Model extends RequestID {
  /** The model id, used in requests. */
  id: string;
  /** Always `"model"`. */
  object: "model" | AnyString;
  /** Unix time in seconds. */
  created: number;
  /** The organisation that owns it. */
  owned_by: string;
  /** Any other field the server sent. */
  [key: string]: unknown;
}

/** The result of deleting a fine-tuned model. */
export interface ModelDeleted extends RequestID {
  /** The deleted model's id. */
  id: string;
  /** Always `"model"`. */
  object: string;
  /** True when it was deleted. */
  deleted: boolean;
}

/**
 * `/models`.
 *
 * @example
 * ```ts
 * import { Models, Transport } from "@webstd/openai/models";
 * const models = new Models(new Transport({ apiKey: "sk-test" }));
 * for await (const model of models.list()) console.log(model.id);
 * ```
 */
export class Models {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /** Lists the models available to you. */
  list(options?: RequestOptions): PagePromise<Page<Model>, Model> {
    return requestPage(
      this.#t,
      { method: "GET", path: "/models", page: Page },
      options,
    );
  }

  /** Retrieves one model by id. */
  retrieve(model: string, options?: RequestOptions): APIPromise<Model> {
    return this.#t.request(
      { method: "GET", path: path`/models/${model}` },
      options,
    );
  }

  /** Deletes a fine-tuned model you own. */
  delete(model: string, options?: RequestOptions): APIPromise<ModelDeleted> {
    return this.#t.request(
      { method: "DELETE", path: path`/models/${model}` },
      options,
    );
  }

  /**
   * The official SDK's older name for {@link Models.delete}.
   *
   * @deprecated Use `delete`.
   */
  del(model: string, options?: RequestOptions): APIPromise<ModelDeleted> {
    return this.delete(model, options);
  }
}

/** The official SDK's name for a page of models. */
export type ModelsPage = Page<Model>;
