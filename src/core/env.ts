/**
 * The one module that touches runtime globals (`Deno`, `process`, `document`).
 * Everything else in `src/` is written against Web standards alone.
 *
 * @module
 */

/** Just the part of the `Deno` namespace this module uses. */
interface DenoLike {
  env: { get(name: string): string | undefined };
  permissions?: {
    querySync?(desc: { name: "env"; variable: string }): { state: string };
  };
}

interface Globals {
  Deno?: DenoLike;
  process?: { env?: Record<string, string | undefined> };
  document?: unknown;
  window?: unknown;
}

/**
 * Reads an environment variable where the runtime exposes one. Never throws
 * and never prompts: a missing `Deno`/`process` (Workers, browsers) or a denied
 * permission both read as `undefined`.
 */
export function readEnv(name: string): string | undefined {
  const g = globalThis as Globals;
  try {
    if (g.Deno?.env) {
      const state = g.Deno.permissions?.querySync?.({
        name: "env",
        variable: name,
      }).state;
      if (state !== undefined && state !== "granted") return undefined;
      return g.Deno.env.get(name)?.trim() || undefined;
    }
    return g.process?.env?.[name]?.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** True in a web page or web worker, where an API key would be exposed to users. */
export function isBrowser(): boolean {
  const g = globalThis as Globals;
  if (g.Deno !== undefined || g.process !== undefined) return false;
  return typeof g.document !== "undefined" ||
    (typeof g.window !== "undefined") ||
    // deno-lint-ignore no-explicit-any
    typeof (globalThis as any).WorkerGlobalScope === "function" &&
      // Cloudflare Workers have no WorkerGlobalScope constructor; dedicated browser workers do.
      typeof (globalThis as { importScripts?: unknown }).importScripts ===
        "function";
}

/**
 * True where `fetch` sends a `Blob` part by part, copying each part into a
 * fresh buffer that the garbage collector frees late (Deno): a file made of
 * many parts then costs up to its own size again while it uploads, which
 * uploads.ts avoids by handing it over in small slices. Node and Bun gain
 * nothing from slices, and Bun sends them slower.
 *
 * @example
 * ```ts
 * import { readsBlobPartsWhole } from "./env.ts";
 * console.log(readsBlobPartsWhole()); // true under Deno
 * ```
 */
export function readsBlobPartsWhole(): boolean {
  return (globalThis as Globals).Deno !== undefined;
}
