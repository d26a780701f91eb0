/**
 * Request types of the multipart image endpoints (`images.edit`,
 * `images.createVariation`).
 *
 * @module
 */

import type { Uploadable } from "../core/uploads.ts";
import type { ImageResponseFormat, ImageSize } from "./images.ts";

/** The fields of `images.createVariation`. */
export interface ImageCreateVariationParams {
  /**
   * A square PNG under 4 MB: a `File`, `Blob`, `Response`, byte stream or async iterable (read
   * first); wrap bytes with `toFile`.
   */
  image: Uploadable;
  /** Images to make, 1 to 10 (default 1). */
  n?: number | null;
  /** The size (default `"1024x1024"`). */
  size?: ImageSize | null;
  /** `"url"` (the default) or `"b64_json"`. */
  response_format?: ImageResponseFormat | null;
  /** Your end user's id, for abuse monitoring. */
  user?: string;
}

/** The fields of `images.edit`. */
export interface ImageEditParams extends ImageCreateVariationParams {
  /**
   * The square PNG to change, under 4 MB. Without a `mask`, its transparent
   * areas mark what to redraw.
   */
  image: Uploadable;
  /** What the result should show, up to 1000 characters. */
  prompt: string;
  /** A PNG of the same size whose transparent areas mark what to redraw. */
  mask?: Uploadable;
}
