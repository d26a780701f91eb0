/**
 * Mock routes for images: `n` placeholder images as URLs or base64 PNG data.
 *
 * @module
 */

import type {
  ImageResponseFormat,
  ImageSize,
  ImagesResponse,
} from "../../resources/images.ts";
import { MOCK_CREATED, mockId } from "../echo.ts";
import { errorResponse, invalidChoice } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";
import { checkN } from "../echo.ts";

/** A 1x1 transparent PNG, base64-encoded: the mock's `b64_json` image. */
export const MOCK_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=";

const SIZES: readonly string[] = ["256x256", "512x512", "1024x1024"];
const FORMATS: readonly string[] = ["url", "b64_json"];

/** The image options every image operation shares, checked. */
export interface ImageOptions {
  /** How many images. */
  n: number;
  /** Their size. */
  size: ImageSize;
  /** URL or base64 data. */
  response_format: ImageResponseFormat;
}

/**
 * Checks `n`, `size` and `response_format` (JSON values or multipart
 * strings) and applies the defaults; returns a 400 response when one is
 * invalid.
 *
 * @example
 * ```ts
 * import { imageOptions } from "./images.ts";
 * imageOptions({ n: "2" }); // { n: 2, size: "1024x1024", response_format: "url" }
 * ```
 */
export function imageOptions(
  fields: Record<string, unknown>,
): ImageOptions | Response {
  const rawN = fields.n ?? 1;
  const n = typeof rawN === "string" && rawN.trim() !== ""
    ? Number(rawN)
    : rawN;
  const nError = checkN(n, 10);
  if (nError) return errorResponse(400, nError, { param: "n" });
  const size = fields.size ?? "1024x1024";
  if (typeof size !== "string" || !SIZES.includes(size)) {
    return invalidChoice("size", size, SIZES);
  }
  const format = fields.response_format ?? "url";
  if (typeof format !== "string" || !FORMATS.includes(format)) {
    return errorResponse(
      400,
      `Invalid response_format: ${
        JSON.stringify(format)
      } (expected url or b64_json)`,
      { param: "response_format" },
    );
  }
  return {
    n: n as number,
    size: size as ImageSize,
    response_format: format as ImageResponseFormat,
  };
}

/**
 * Builds the images for a request: `seed` (usually the request body) makes
 * the URLs stable, so the same request gets the same links.
 *
 * @example
 * ```ts
 * import { mockImages } from "./images.ts";
 * const res = mockImages({ prompt: "otter" }, {
 *   n: 2,
 *   size: "256x256",
 *   response_format: "url",
 * });
 * res.data.length; // 2
 * ```
 */
export function mockImages(
  seed: unknown,
  options: ImageOptions,
): ImagesResponse {
  const id = mockId("img", seed);
  return {
    created: MOCK_CREATED,
    data: Array.from(
      { length: options.n },
      (_, i) =>
        options.response_format === "b64_json"
          ? { b64_json: MOCK_PNG_BASE64 }
          : {
            url: `https://images.mock.invalid/${id}/${i}-${options.size}.png`,
          },
    ),
  };
}

function createImage(ctx: MockContext): ImagesResponse | Response {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (typeof body.prompt !== "string" || body.prompt === "") {
    return errorResponse(400, "You must provide a prompt parameter", {
      param: "prompt",
    });
  }
  if (body.prompt.length > 1000) {
    return errorResponse(
      400,
      `Invalid prompt: ${body.prompt.length} characters (the maximum is 1000)`,
      { param: "prompt" },
    );
  }
  const options = imageOptions(body);
  if (options instanceof Response) return options;
  return mockImages(body, options);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// The API reads the bytes, not the name or type: a PNG starts with its
// 8-byte signature.
async function isSmallPng(file: File): Promise<boolean> {
  if (file.size >= 4 * 1024 * 1024) return false;
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return PNG_SIGNATURE.every((byte, i) => head[i] === byte);
}

// Multipart: the image (and mask) must be PNG file parts; the seed covers
// the text fields and the image's name and size, so the URLs stay stable.
async function imageUpload(
  ctx: MockContext,
  edit: boolean,
): Promise<ImagesResponse | Response> {
  const fields =
    (typeof ctx.body === "object" && ctx.body !== null
      ? ctx.body
      : {}) as Record<string, unknown>;
  const { image, mask, prompt } = fields;
  const badPart = !(image instanceof File)
    ? "image"
    : mask !== undefined && !(mask instanceof File)
    ? "mask"
    : undefined;
  if (badPart) {
    return errorResponse(
      400,
      `The ${badPart} field must be a PNG file upload`,
      {
        param: badPart,
      },
    );
  }
  if (edit && (typeof prompt !== "string" || prompt === "")) {
    return errorResponse(400, "You must provide a prompt parameter", {
      param: "prompt",
    });
  }
  for (const [param, file] of [["image", image], ["mask", mask]] as const) {
    if (file instanceof File && !(await isSmallPng(file))) {
      return errorResponse(
        400,
        `Invalid ${param}: ${
          JSON.stringify(file.name)
        } (expected a PNG file under 4 MB)`,
        { param },
      );
    }
  }
  const options = imageOptions(fields);
  if (options instanceof Response) return options;
  const file = image as File;
  const seed = { ...fields, image: [file.name, file.size], mask: undefined };
  return mockImages(seed, options);
}

/**
 * The image routes: `createImage` (JSON). The multipart `createImageEdit`
 * and `createImageVariation` routes join this list and share
 * {@link imageOptions} and {@link mockImages}.
 *
 * @example
 * ```ts
 * import { imageRoutes } from "./images.ts";
 * imageRoutes[0].path; // "/images/generations"
 * ```
 */
export const imageRoutes: Route[] = [
  {
    operationId: "createImage",
    method: "POST",
    path: "/images/generations",
    handle: createImage,
  },
  // --- multipart routes (createImageEdit, createImageVariation) go below ---
  {
    operationId: "createImageEdit",
    method: "POST",
    path: "/images/edits",
    handle: (ctx) => imageUpload(ctx, true),
  },
  {
    operationId: "createImageVariation",
    method: "POST",
    path: "/images/variations",
    handle: (ctx) => imageUpload(ctx, false),
  },
  // --- end of multipart routes ---
];
