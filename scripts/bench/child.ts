/**
 * One measurement in a fresh process, so contenders never share a heap or a
 * JIT: `deno run child.ts <contender> <case> <baseURL> <call>` prints one
 * JSON line, where `<call>` is the length of the content the mock sends a
 * call (see verify.ts): a call case fails on any other result. The result's
 * `content` (a stream's content length, or the calls' sum) is for main.ts
 * to check.
 *
 * Cases: `stream` (time one 20,000-chunk stream after two warm-ups), `calls1`
 * and `calls16` (time 2,000 small calls at that concurrency after 200
 * warm-ups), `memory` (peak RSS of one 20,000-chunk stream, no warm-up),
 * `upload` (peak RSS of a 200 MiB `File` sent through `files.create`).
 *
 * @module
 */

import { contender, type Name } from "./contenders.ts";
import { readStatus } from "./proc.ts";

/** Chunks in the streaming case. */
export const STREAM_CHUNKS = 20_000;
/** MiB uploaded in the upload case. */
export const UPLOAD_MIB = 200;
/** Calls in each per-call case. */
export const CALLS = 2_000;

/**
 * Makes `n` calls of `run`, `width` at a time, and returns the sum of their
 * results; throws at once if a result is not `expected`.
 *
 * @example
 * ```ts
 * import { calls } from "./child.ts";
 * await calls(() => Promise.resolve(17), 10, 2, 17); // 170
 * ```
 */
export async function calls(
  run: () => Promise<number>,
  n: number,
  width: number,
  expected: number,
): Promise<number> {
  let next = 0;
  let sum = 0;
  const lane = async () => {
    while (next < n) {
      next++;
      const got = await run();
      if (got !== expected) {
        throw new Error(
          `A call returned ${got} characters of content, not the ${expected} the mock sends`,
        );
      }
      sum += got;
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return sum;
}

async function main(
  name: Name,
  kind: string,
  baseURL: string,
  expectedCall: number,
) {
  const c = await contender(name, baseURL);
  const result: Record<string, number> = {};
  if (kind === "stream") {
    await c.stream(STREAM_CHUNKS);
    await c.stream(STREAM_CHUNKS);
    const t0 = performance.now();
    result.content = await c.stream(STREAM_CHUNKS);
    result.ms = performance.now() - t0;
  } else if (kind === "calls1" || kind === "calls16") {
    if (!Number.isInteger(expectedCall)) {
      throw new Error(`Missing the expected call content length`);
    }
    const width = kind === "calls1" ? 1 : 16;
    await calls(c.call, 200, width, expectedCall);
    const t0 = performance.now();
    result.content = await calls(c.call, CALLS, width, expectedCall);
    result.ms = performance.now() - t0;
  } else if (kind === "memory") {
    result.rssBeforeKiB = readStatus("VmRSS");
    result.content = await c.stream(STREAM_CHUNKS);
  } else if (kind === "upload") {
    result.rssBeforeKiB = readStatus("VmRSS");
    // 200 parts sharing one 1 MiB buffer: the only 200 MB copy is the Blob's.
    const part = new Uint8Array(2 ** 20).fill(97);
    const file = new File(Array(UPLOAD_MIB).fill(part), "data.jsonl");
    // The report's figure is the peak beyond this (medians.ts).
    result.rssBlobKiB = readStatus("VmRSS");
    result.bytes = await c.upload(file);
    if (result.bytes < UPLOAD_MIB * 2 ** 20) {
      throw new Error(`The server saw ${result.bytes} bytes`);
    }
  } else {
    throw new Error(`Unknown case: ${kind}`);
  }
  result.hwmKiB = readStatus("VmHWM");
  console.log(JSON.stringify(result));
}

if (import.meta.main) {
  const [name, kind, baseURL, expectedCall] = Deno.args;
  await main(name as Name, kind, baseURL, Number(expectedCall));
}
