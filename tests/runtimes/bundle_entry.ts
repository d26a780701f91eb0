/**
 * What the runtime matrix bundles for non-Deno runtimes: the whole public
 * module as published (dist/, built by `deno task build`), the runtime-free
 * mock host and the smoke scenario.
 *
 * @module
 */

export * from "../../dist/mod.js";
export { createMockHost, SMOKE_KEY } from "./mock_host.ts";
export { smoke } from "./smoke.ts";
