/**
 * Helpers of the runtime matrix (tests/runtimes/matrix.ts): the esbuild
 * bundles, child processes with timeouts, and the mock served on 127.0.0.1.
 *
 * @module
 */

import { createMockHost, type MockHost } from "./mock_host.ts";

const root = new URL("../../", import.meta.url);
/** Absolute path of a file in the repository. */
export const repo = (path: string): string =>
  decodeURIComponent(new URL(path, root).pathname);

/** Where `.ci/run` (scripts/matrix_tools.sh) installs the npm tools. */
export const TOOLS = repo(".tools/matrix");
/** Where the bundles and workerd config are written (git-ignored). */
export const DIST = `${TOOLS}/dist`;
/** Path of an installed npm binary. */
export const bin = (name: string): string =>
  `${TOOLS}/node_modules/.bin/${name}`;

const DRIVERS = repo("tests/runtimes/drivers");

/** The text a streamed echo of `prompt` must add up to. */
export const echo = (prompt: string): string => `Echo: ${prompt}`;

interface Bundle {
  entry: string;
  out: string;
  format: "esm" | "iife";
  globalName?: string;
}

const BUNDLES: Bundle[] = [
  { entry: "tests/runtimes/bundle_entry.ts", out: "matrix.js", format: "esm" },
  {
    entry: "tests/runtimes/bundle_entry.ts",
    out: "matrix.iife.js",
    format: "iife",
    globalName: "Matrix",
  },
  {
    entry: "examples/cloudflare_worker/worker.ts",
    out: "cloudflare_worker.js",
    format: "esm",
  },
  {
    entry: "examples/vercel_edge/route.ts",
    out: "vercel_route.iife.js",
    format: "iife",
    globalName: "Route",
  },
];

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
  outputs: Record<string, { imports: { path: string }[] }>;
}

/**
 * Bundles the module for the other runtimes with esbuild, `platform:
 * "neutral"`, and fails if anything imports a Node built-in or stays external.
 */
export async function buildBundles(): Promise<string[]> {
  try {
    await Deno.stat(bin("esbuild"));
  } catch {
    throw new Error(
      `The matrix tools are missing in ${TOOLS}: run bash scripts/matrix_tools.sh`,
    );
  }
  await Deno.mkdir(DIST, { recursive: true });
  const built: string[] = [];
  for (const bundle of BUNDLES) {
    const meta = `${DIST}/${bundle.out}.meta.json`;
    await run("esbuild", bin("esbuild"), [
      bundle.entry,
      "--bundle",
      `--format=${bundle.format}`,
      ...(bundle.globalName ? [`--global-name=${bundle.globalName}`] : []),
      "--platform=neutral",
      "--target=es2022",
      "--alias:@webstd/openai=./dist/mod.js",
      `--outfile=${DIST}/${bundle.out}`,
      `--metafile=${meta}`,
      "--log-level=warning",
    ], { timeoutMs: 30_000 });
    const metafile = JSON.parse(await Deno.readTextFile(meta)) as Metafile;
    for (const [input, { imports }] of Object.entries(metafile.inputs)) {
      const bad = imports.filter((i) =>
        i.path.startsWith("node:") || i.external
      );
      if (bad.length || input.startsWith("node:")) {
        throw new Error(
          `${bundle.out}: ${input} imports ${
            bad.map((i) => i.path).join(", ")
          }: the bundle must be Web-only`,
        );
      }
    }
    for (const output of Object.values(metafile.outputs)) {
      if (output.imports.length) {
        throw new Error(
          `${bundle.out} still imports ${JSON.stringify(output.imports)}`,
        );
      }
    }
    built.push(bundle.out);
  }
  // The drivers import the bundle's source so they type-check; next to the
  // bundle they import the bundle itself.
  for (
    const name of ["smoke_worker.js", "mock_worker.js", "browser_worker.js"]
  ) {
    const source = await Deno.readTextFile(`${DRIVERS}/${name}`);
    await Deno.writeTextFile(
      `${DIST}/${name}`,
      source.replaceAll('"../bundle_entry.ts"', '"./matrix.js"'),
    );
  }
  return built;
}

/** How to run one child process. */
export interface RunOptions {
  /** Killed (SIGKILL) after this long. */
  timeoutMs: number;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/**
 * Runs a command to completion; throws, naming the runtime, on a non-zero
 * exit or a timeout, with the tail of its output. Resolves to its stdout.
 */
export async function run(
  runtime: string,
  command: string,
  args: string[],
  options: RunOptions,
): Promise<string> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const child = new Deno.Command(command, {
      args,
      cwd: repo("."),
      env: options.env,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      signal: controller.signal,
    }).spawn();
    const { code, stdout, stderr } = await child.output();
    const out = new TextDecoder().decode(stdout);
    if (timedOut || code !== 0) {
      const err = new TextDecoder().decode(stderr);
      throw new Error(
        `${runtime}: ${
          timedOut ? `timed out after ${options.timeoutMs} ms` : `exit ${code}`
        } running ${command} ${args.join(" ")}\n${tail(out)}\n${tail(err)}`,
      );
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}

/** The last line of a driver's output, parsed as JSON. */
export function lastJson(runtime: string, stdout: string): DriverResult {
  const line = stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(
      `${runtime}: no JSON result in its output\n${tail(stdout)}`,
    );
  }
}

/** What a driver reports. */
export interface DriverResult {
  ok: boolean;
  steps?: string[];
  error?: string;
  example?: { status: number; type: string | null; body: string };
  [key: string]: unknown;
}

/** Joins the `delta.content` of a chat event stream; requires `[DONE]`. */
export function sseContent(body: string): string {
  const data = body.split(/\r?\n/).filter((l) => l.startsWith("data: "))
    .map((l) => l.slice(6));
  if (data.at(-1) !== "[DONE]") throw new Error("The stream lacks [DONE]");
  return data.slice(0, -1).map((d) =>
    JSON.parse(d).choices?.[0]?.delta?.content ?? ""
  ).join("");
}

/** The mock host (plus the browser page and bundle) on 127.0.0.1. */
export interface HostServer {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** `${origin}/v1`. */
  baseURL: string;
  /** The host, to read what reached it. */
  host: MockHost;
  /** Stops the server. */
  close(): Promise<void>;
}

const STATIC: Record<string, [string, string]> = {
  "/": [`${DRIVERS}/browser_page.html`, "text/html; charset=utf-8"],
  "/browser_worker.js": [`${DIST}/browser_worker.js`, "text/javascript"],
  "/matrix.js": [`${DIST}/matrix.js`, "text/javascript"],
};

/** Serves a fresh mock host, the browser page and the bundle (same origin). */
export function serveHost(): HostServer {
  const host = createMockHost();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === "/favicon.ico") {
        return new Response(null, { status: 204 });
      }
      const file = STATIC[pathname];
      if (!file) return host.handle(request);
      return new Response(await Deno.readFile(file[0]), {
        headers: { "content-type": file[1], "cache-control": "no-store" },
      });
    },
  );
  const origin = `http://127.0.0.1:${server.addr.port}`;
  return {
    origin,
    baseURL: `${origin}/v1`,
    host,
    close: () => server.shutdown(),
  };
}

function tail(text: string): string {
  return text.length > 3000 ? "…" + text.slice(-3000) : text;
}
