/**
 * Pages of list results, iterable across pages.
 *
 * @module
 */

import { APIPromise } from "./api_promise.ts";
import { OpenAIError } from "./errors.ts";
import { listArgs, queryOf } from "./list_args.ts";
import type { RequestOptions } from "./options.ts";
import type { Requester, RequestSpec } from "./transport.ts";

/** The JSON envelope of a list endpoint. */
export interface ListEnvelope<Item> {
  /** Usually `"list"`. */
  object?: string;
  /** The items. */
  data: Item[];
  /** Cursor lists: whether more items follow. */
  has_more?: boolean;
  /** Any other field the server sent. */
  [key: string]: unknown;
}

/**
 * One page of a list. `for await` over a page walks every item of this page
 * and of the pages after it.
 *
 * @example Iterate every model
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI({ apiKey: "sk-test" });
 * const page = await client.models.list();
 * for await (const model of page) console.log(model.id);
 * ```
 */
export class Page<Item> implements AsyncIterable<Item> {
  /** The items of this page. */
  data: Item[];
  /** The envelope's `object` field: `"list"` (also when a server left it out). */
  object: string;
  /** Whether the server says more items follow (cursor lists; false when absent). */
  has_more: boolean;
  // Private, read through methods (not getters, which inspection with
  // `getters: true` would call): a page logged or serialised shows its
  // items, never the request's options, whose headers may carry a key.
  #requester: Requester;
  #spec: RequestSpec;
  #options: RequestOptions | undefined;

  /** Wraps a list envelope; used by the transport. */
  constructor(
    requester: Requester,
    spec: RequestSpec,
    options: RequestOptions | undefined,
    body: ListEnvelope<Item>,
  ) {
    this.#requester = requester;
    this.#spec = spec;
    this.#options = options;
    this.data = Array.isArray(body?.data) ? body.data : [];
    this.object = body?.object ?? "list";
    this.has_more = body?.has_more === true;
  }

  /** The transport that produced this page. */
  protected requester(): Requester {
    return this.#requester;
  }

  /** The request that produced this page. */
  protected spec(): RequestSpec {
    return this.#spec;
  }

  /** The options that produced this page. */
  protected options(): RequestOptions | undefined {
    return this.#options;
  }

  /** Whether another page follows; {@link Page.iterPages} stops when false. */
  hasNextPage(): boolean {
    return false;
  }

  /** The items of this page (its `data`), as the official SDK names it. */
  getPaginatedItems(): Item[] {
    return this.data;
  }

  /**
   * Fetches the next page, as the official SDK does: a cursor page asks for
   * the items `after` its last id even when {@link Page.hasNextPage} is false
   * (the server then usually answers an empty page). Rejects with
   * `OpenAIError` when there is nothing to continue from: a list without a
   * cursor, or a cursor page with no items.
   */
  getNextPage(): Promise<this> {
    const spec = this.nextSpec();
    if (!spec) {
      return Promise.reject(
        new OpenAIError("No next page: check hasNextPage() first"),
      );
    }
    return this.requester().request<this>(spec, this.nextOptions());
  }

  /**
   * Walks the pages themselves, this one first, fetching each next page only
   * when the loop gets there.
   *
   * @example
   * ```ts
   * import OpenAI from "@webstd/openai";
   * const client = new OpenAI({ apiKey: "sk-test" });
   * const first = await client.fineTuning.jobs.list({ limit: 10 });
   * for await (const page of first.iterPages()) console.log(page.data.length);
   * ```
   */
  async *iterPages(): AsyncGenerator<this> {
    // deno-lint-ignore no-this-alias
    let page = this;
    yield page;
    while (page.hasNextPage()) yield page = await page.getNextPage();
  }

  /** The request for the next page, or null when this list has no cursor. */
  protected nextSpec(): RequestSpec | null {
    return null;
  }

  /** The request options for the next page. */
  protected nextOptions(): RequestOptions | undefined {
    return this.options();
  }

  /** Walks every item of this page and of every following page. */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for await (const page of this.iterPages()) yield* page.data;
  }
}

/**
 * A page of a cursor-paginated list (`after` = the last id, while `has_more`).
 *
 * @example Walk every fine-tuning job, page by page
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI({ apiKey: "sk-test" });
 * let page = await client.fineTuning.jobs.list({ limit: 10 });
 * while (page.hasNextPage()) page = await page.getNextPage();
 * ```
 */
export class CursorPage<Item extends { id: string }> extends Page<Item> {
  /**
   * True while the server reports `has_more` and this page's last item has an
   * id to continue after (none on an empty page, or one whose last item has
   * no id), so a `for await` never asks for a page it cannot fetch. False too
   * when that id is the cursor this page was asked for: a server (or proxy)
   * that ignores `after` would otherwise serve the same page forever.
   */
  override hasNextPage(): boolean {
    const after = this.#after();
    return this.has_more && !!after &&
      after !== (this.options()?.query?.after ?? this.spec().query?.after);
  }

  /** The same request with `after` set to this page's last id, if it has one. */
  protected override nextSpec(): RequestSpec | null {
    const after = this.#after();
    return after
      ? { ...this.spec(), query: { ...this.spec().query, after } }
      : null;
  }

  /** The same options, except that this page's `after` beats the caller's. */
  protected override nextOptions(): RequestOptions | undefined {
    const query = this.options()?.query;
    return query && "after" in query
      ? { ...this.options(), query: { ...query, after: this.#after() } }
      : this.options();
  }

  #after(): string | undefined {
    return this.data[this.data.length - 1]?.id;
  }
}

/**
 * What a list method returns: await it for the first page, or iterate it
 * directly with `for await` to walk every item of every page, as with the
 * official SDK.
 *
 * @example Iterate every model without awaiting the page first
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI({ apiKey: "sk-test" });
 * for await (const model of client.models.list()) console.log(model.id);
 * ```
 */
export class PagePromise<P, Item = P extends Page<infer I> ? I : never>
  extends APIPromise<P>
  implements AsyncIterable<Item> {
  /** Awaits the first page, then walks its items and those of the pages after it. */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    // P is always a page of Items (see requestPage); unconstrained, the class
    // fits RequestSpec's `promise` slot.
    yield* (await this) as AsyncIterable<Item>;
  }
}

/**
 * Sends a list request whose answer is a page of `Item`s (`spec.page` builds
 * it); resources use it for every list method.
 *
 * @example
 * ```ts ignore
 * return requestPage<Page<Model>, Model>(this.#t, { method: "GET", path: "/models", page: Page }, options);
 * ```
 */
export function requestPage<P extends Page<Item>, Item>(
  requester: Requester,
  spec: RequestSpec,
  options: RequestOptions | undefined,
): PagePromise<P, Item> {
  return requester.request<P>(
    { ...spec, promise: PagePromise },
    options,
  ) as PagePromise<P, Item>;
}

/**
 * Requests a cursor list at `path`: request options given in the query's
 * place are the options (see `listArgs`), and only the query's `keys` go on
 * the wire (a caller's extra keys are ignored).
 *
 * @example
 * ```ts ignore
 * return requestCursorList(this.#t, "/fine_tuning/jobs", query, options, ["after", "limit"]);
 * ```
 */
export function requestCursorList<
  Q extends object,
  Item extends { id: string },
>(
  requester: Requester,
  path: string,
  query: Q | RequestOptions | undefined,
  options: RequestOptions | undefined,
  keys: readonly (keyof Q & string)[],
): PagePromise<CursorPage<Item>, Item> {
  const [fields, rest] = listArgs<Q>(query, options);
  return requestPage(requester, {
    method: "GET",
    path,
    query: queryOf(fields, keys),
    page: CursorPage,
  }, rest);
}
