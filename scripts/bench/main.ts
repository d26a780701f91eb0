/**
 * `deno task bench`: measures this module against the official `openai`
 * package and a raw `fetch` baseline, side by side, and writes
 * `docs/benchmarks.md` and `docs/benchmarks.svg`.
 *
 * Every timed or memory figure comes from a fresh subprocess per contender
 * (see child.ts), against the mock served by another process. The three
 * contenders run interleaved in each repetition, in rotating order, so load
 * from other processes hits all of them alike; reports use medians. A run
 * whose content is not what the mock sent stops the bench (verify.ts).
 *
 * Flags: `--reps N` (default 7), `--cold N` cold starts per contender
 * (default 21), `--no-write` to print without touching docs/.
 *
 * @module
 */

import { BUNDLES, measureBundles, OFFICIAL_BUNDLE } from "./bundle.ts";
import { CALLS, STREAM_CHUNKS } from "./child.ts";
import type { Name } from "./contenders.ts";
import { median, pick, type Runs, uploadExtra } from "./medians.ts";
import { type Report, writeReport } from "./report.ts";
import { type Expected, expectedContent, verifyRun } from "./verify.ts";

const NAMES: Name[] = ["raw", "ours", "official"];
const here = new URL(".", import.meta.url).pathname;
const decoder = new TextDecoder();

function flag(name: string, fallback: number): number {
  const at = Deno.args.indexOf(name);
  return at < 0 ? fallback : Number(Deno.args[at + 1]);
}

async function startMock(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-net=127.0.0.1", here + "mock_server.ts"],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!/PORT \d+/.test(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error("The mock server exited before listening");
    text += value;
  }
  const port = text.match(/PORT (\d+)/)![1];
  return {
    url: `http://127.0.0.1:${port}/v1`,
    async stop() {
      child.kill("SIGTERM");
      await reader.cancel();
      await child.status;
    },
  };
}

async function runChild(
  name: Name,
  kind: string,
  url: string,
  expected: Expected,
) {
  const out = await new Deno.Command(Deno.execPath(), {
    // /proc/self/status is readable only with all permissions.
    args: [
      "run",
      "-A",
      here + "child.ts",
      name,
      kind,
      url,
      String(expected.call),
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) {
    throw new Error(
      `${name} ${kind} failed: ${decoder.decode(out.stderr).slice(0, 2000)}`,
    );
  }
  const result = JSON.parse(decoder.decode(out.stdout)) as Record<
    string,
    number
  >;
  verifyRun(kind, name, result, expected, CALLS);
  return result;
}

// Rotates the order each repetition so no contender always goes first.
function order(rep: number): Name[] {
  return NAMES.map((_, i) => NAMES[(i + rep) % NAMES.length]);
}

async function series(
  kind: string,
  url: string,
  reps: number,
  expected: Expected,
) {
  const runs: Runs = {
    raw: [],
    ours: [],
    official: [],
  };
  for (let rep = 0; rep < reps; rep++) {
    for (const name of order(rep)) {
      runs[name].push(await runChild(name, kind, url, expected));
    }
    console.error(`  ${kind}: repetition ${rep + 1}/${reps} done`);
  }
  return runs;
}

async function coldStarts(n: number): Promise<Record<Name, number>> {
  const files: Record<Name, string> = {
    raw: "empty.ts",
    ours: "ours.ts",
    official: "official.ts",
  };
  const run = async (name: Name) => {
    const t0 = performance.now();
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--allow-env", here + "cold/" + files[name]],
      stdout: "null",
      stderr: "piped",
    }).output();
    if (!out.success) throw new Error(decoder.decode(out.stderr));
    return performance.now() - t0;
  };
  for (const name of NAMES) await run(name); // fills the module caches
  const times: Record<Name, number[]> = { raw: [], ours: [], official: [] };
  for (let rep = 0; rep < n; rep++) {
    for (const name of order(rep)) times[name].push(await run(name));
  }
  return {
    raw: median(times.raw),
    ours: median(times.ours),
    official: median(times.official),
  };
}

async function machine(): Promise<Report["machine"]> {
  const cpuinfo = await Deno.readTextFile("/proc/cpuinfo");
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? "unknown";
  const load = (await Deno.readTextFile("/proc/loadavg")).split(" ")
    .slice(0, 3).join(" ");
  return {
    cores: navigator.hardwareConcurrency,
    model,
    load,
    deno: Deno.version.deno,
    v8: Deno.version.v8,
  };
}

async function main() {
  const reps = flag("--reps", 7);
  const cold = flag("--cold", 21);
  const started = new Date();
  const loadBefore = (await machine()).load;
  console.error("bundles");
  const bundles = await measureBundles([...BUNDLES, OFFICIAL_BUNDLE]);
  console.error("cold starts");
  const coldStart = await coldStarts(cold);
  const mock = await startMock();
  try {
    // Every run's content is checked against this (verify.ts).
    const expected = await expectedContent(mock.url, STREAM_CHUNKS);
    const stream = await series("stream", mock.url, reps, expected);
    const calls1 = await series("calls1", mock.url, reps, expected);
    const calls16 = await series("calls16", mock.url, reps, expected);
    const memory = await series("memory", mock.url, reps, expected);
    const upload = await series(
      "upload",
      mock.url,
      Math.min(reps, 3),
      expected,
    );
    const report: Report = {
      date: started.toISOString(),
      machine: { ...(await machine()), loadBefore },
      reps,
      coldReps: cold,
      streamMs: pick(stream, "ms"),
      calls1Ms: pick(calls1, "ms"),
      calls16Ms: pick(calls16, "ms"),
      memoryKiB: pick(memory, "hwmKiB"),
      uploadExtraKiB: uploadExtra(upload),
      coldMs: coldStart,
      bundles,
    };
    console.log(JSON.stringify(report, null, 2));
    if (!Deno.args.includes("--no-write")) {
      await writeReport(report, new URL("../../docs/", import.meta.url));
      console.error("wrote docs/benchmarks.md and docs/benchmarks.svg");
    }
  } finally {
    await mock.stop();
  }
}

if (import.meta.main) await main();
