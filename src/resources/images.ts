/**
 * `client.images`: generate images from a prompt, edit them and make
 * variations.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import type { Requester } from "../core/transport.ts";
import { postForm } from "../core/uploads.ts";
import type {
  ImageCreateVariationParams,
  ImageEditParams,
} from "./images_upload_types.ts";
import type { RequestID } from "./shared.ts";

export type * from "./images_upload_types.ts";

/** The sizes the image endpoints can produce. */
export type ImageSize = "256x256" | "512x512" | "1024x1024";

/** How generated images come back: a URL or base64-encoded PNG data. */
export type ImageResponseFormat = "url" | "b64_json";

/** The body of `images.generate`. */
export interface CreateImageRequest {
  /** What to draw, up to 1000 characters. */
  prompt: string;
  /** Images to make, 1 to 10 (default 1). */
  n?: number | null;
  /** The size (default `"1024x1024"`). */
  size?: ImageSize | null;
  /** `"url"` (the default) or `"b64_json"`. */
  response_format?: ImageResponseFormat | null;
  /** Your end user's id, for abuse monitoring. */
  user?: string;
}

/** One generated image; which field is set follows `response_format`. */
export interface Image {
  /** A temporary link to the image. */
  url?: string;
  /** The PNG data, base64-encoded. */
  b64_json?: string;
}

/** The result of every image operation. */
export interface ImagesResponse extends RequestID {
  /** Unix time in seconds. */
  created: number;
  /** The images. */
  data: Image[];
}

/**
 * `/images`.
 *
 * @example
 * ```ts
 * import { Images, Transport } from "@webstd/openai/images";
 * const images = new Images(new Transport({ apiKey: "sk-test" }));
 * const result = await images.generate({ prompt: "A cute baby sea otter", n: 2 });
 * for (const image of result.data) console.log(image.url);
 * ```
 */
export class Images {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /** Creates images from a text prompt. */
  generate(
    body: CreateImageRequest,
    options?: RequestOptions,
  ): APIPromise<ImagesResponse> {
    return this.#t.request(
      { method: "POST", path: "/images/generations", body },
      options,
    );
  }

  // --- multipart methods (images.edit, images.createVariation) go below ---
  // Owned by the uploads helper; reuse ImageSize, ImageResponseFormat and
  // ImagesResponse above. Keep `generate` and the shared types unchanged.

  /**
   * Edits or extends an image from a prompt (multipart). An `image` or
   * `mask` that is not a `File`, `Blob`, `Response`, byte stream or async iterable rejects
   * before sending.
   */
  edit(
    body: ImageEditParams,
    options?: RequestOptions,
  ): APIPromise<ImagesResponse> {
    return postForm(
      this.#t,
      { method: "POST", path: "/images/edits", body },
      ["image", "mask"],
      options,
    );
  }

  /**
   * Makes variations of an image (multipart). An `image` that is not
   * a `File`, `Blob`, `Response`, byte stream or async iterable rejects before sending.
   */
  createVariation(
    body: ImageCreateVariationParams,
    options?: RequestOptions,
  ): APIPromise<ImagesResponse> {
    return postForm(
      this.#t,
      { method: "POST", path: "/images/variations", body },
      ["image"],
      options,
    );
  }
  // --- end of multipart methods ---
}

/**
 * The official SDK's name for {@link CreateImageRequest}, the body of `images.generate`,
 * so ported type annotations keep working.
 *
 * @example
 * ```ts
 * import type { ImageGenerateParams } from "@webstd/openai";
 * const params: ImageGenerateParams = { prompt: "an otter" };
 * ```
 */
export type ImageGenerateParams = CreateImageRequest;
