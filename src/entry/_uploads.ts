/**
 * What the upload entry points add: `toFile` and its types.
 *
 * @module
 */

export {
  toFile,
  type ToFileInput,
  type ToFileOptions,
  type Uploadable,
} from "../core/uploads.ts";
