/**
 * What the runtime matrix bundles for non-Deno runtimes: the whole public
 * module, the runtime-free mock host and the smoke scenario.
 *
 * @module
 */

export * from "../../mod.ts";
export { createMockHost, SMOKE_KEY } from "./mock_host.ts";
export { smoke } from "./smoke.ts";
