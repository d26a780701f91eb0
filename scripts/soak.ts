/**
 * Soak test: many streamed chat requests at high concurrency against the mock
 * (served by a child Deno process, so client and server memory are measured
 * apart), with seeded random faults. Every request must end with the exact
 * content or with the exact error class its fault calls for; nothing may hang
 * or stay open. Not part of `deno task test`.
 *
 * @example
 * ```sh
 * deno task soak                      # 10000 requests, concurrency 64, seed 1
 * deno task soak --requests 2000 --concurrency 32 --seed 7
 * ```
 *
 * @module
 */

import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InternalServerError,
  OpenAIError,
} from "../mod.ts";
import { type Fault, MockOpenAI } from "../testing.ts";
import { mulberry32 } from "../tests/_random.ts";

const KEY = "sk-soak-key";

interface Kind {
  name: string;
  weight: number;
  fault?: Fault;
  /**
   * How many attempts of a request the fault applies to (default 1). An
   * error kind applies to all three, so a retried early timeout under load
   * meets the same fault again.
   */
  attempts?: number;
  /** The error class expected, or undefined for the exact content. */
  expect?: new (...args: never[]) => Error;
  timeout?: number;
  abortAfterMs?: number;
}

const KINDS: Kind[] = [
  { name: "clean", weight: 40 },
  { name: "delay", weight: 6, fault: { delayMs: 15 } },
  {
    name: "429 then ok",
    weight: 8,
    fault: { status: 429, headers: { "retry-after-ms": "5" } },
  },
  {
    name: "500 then ok",
    weight: 8,
    fault: { status: 500, headers: { "retry-after-ms": "1" } },
  },
  {
    name: "500 always",
    weight: 4,
    fault: { status: 500, headers: { "retry-after-ms": "1" } },
    attempts: 3,
    expect: InternalServerError,
  },
  {
    name: "cut",
    weight: 8,
    fault: { cutAfter: 2 },
    attempts: 3,
    expect: APIConnectionError,
  },
  {
    name: "stall",
    weight: 5,
    fault: { stallAfter: 2 },
    attempts: 3,
    expect: APIConnectionTimeoutError,
    timeout: 150,
  },
  {
    name: "malformed",
    weight: 7,
    fault: { malformedAt: 1 },
    attempts: 3,
    expect: OpenAIError,
  },
  {
    name: "error event",
    weight: 7,
    fault: { errorEventAt: 2 },
    attempts: 3,
    expect: APIError,
  },
  {
    name: "abort",
    weight: 7,
    fault: { delayMs: 2_000 },
    attempts: 3,
    expect: APIUserAbortError,
    abortAfterMs: 10,
  },
];

function arg(name: string, fallback: number): number {
  const at = Deno.args.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(Deno.args[at + 1]);
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

// Deno grants /proc/<pid>/fd only with --allow-all, so `ls` counts them.
async function openFds(pid: number): Promise<number | undefined> {
  try {
    const { stdout, success } = await new Deno.Command("ls", {
      args: [`/proc/${pid}/fd`],
      stdout: "piped",
      stderr: "null",
    }).output();
    if (!success) return undefined;
    return new TextDecoder().decode(stdout).split("\n").filter(Boolean).length;
  } catch {
    return undefined;
  }
}

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = Deno.memoryUsage();
  return { rss, heapUsed };
}

// ---- server (child process) ------------------------------------------------

function serve(): void {
  const clean = new MockOpenAI({ apiKey: KEY, record: false });
  const faulty = new Map<string, MockOpenAI>();
  const attempts = new Map<string, number>();
  let open = 0;
  let handled = 0;

  // Counts response bodies until they end or the client goes away.
  const track = (response: Response): Response => {
    if (!response.body) return response;
    open++;
    let closed = false;
    const finish = () => {
      if (!closed) open--;
      closed = true;
    };
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await reader.read();
          if (next.done) {
            finish();
            controller.close();
          } else controller.enqueue(next.value);
        } catch (error) {
          finish();
          controller.error(error);
        }
      },
      cancel(reason) {
        finish();
        return reader.cancel(reason);
      },
    }, { highWaterMark: 0 });
    return new Response(body, response);
  };

  Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    onListen: ({ port }) => console.log(`READY ${port}`),
  }, (request) => {
    const url = new URL(request.url);
    if (url.pathname === "/soak/stats") {
      return Response.json({ open, handled, ...memory() });
    }
    handled++;
    const id = request.headers.get("x-soak-id") ?? "";
    const spec = request.headers.get("x-soak-fault");
    const limit = Number(request.headers.get("x-soak-attempts") ?? 1);
    const attempt = attempts.get(id) ?? 0;
    attempts.set(id, attempt + 1);
    let mock = clean;
    if (spec && attempt < limit) {
      mock = faulty.get(spec) ?? new MockOpenAI({ apiKey: KEY, record: false });
      if (!faulty.has(spec)) {
        mock.fault({ ...JSON.parse(spec), times: Infinity });
        faulty.set(spec, mock);
      }
    }
    return mock.handle(request).then(track);
  });
}

// ---- client ----------------------------------------------------------------

async function soak(): Promise<void> {
  const total = arg("requests", 10_000);
  const concurrency = arg("concurrency", 64);
  const seed = arg("seed", 1);
  const child = new Deno.Command("deno", {
    args: [
      "run",
      "--unstable-no-legacy-abort",
      "--v8-flags=--expose-gc",
      "--allow-net=127.0.0.1",
      new URL(import.meta.url).pathname,
      "--serve",
    ],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const first = await lines.read();
  const port = Number(/READY (\d+)/.exec(first.value ?? "")?.[1]);
  if (!port) throw new Error(`The soak server did not start: ${first.value}`);
  const base = `http://127.0.0.1:${port}`;

  const http = Deno.createHttpClient({});
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: `${base}/v1`,
    maxRetries: 2,
    timeout: 10_000,
    fetch: (input, init) => fetch(input, { ...init, client: http }),
  });
  const stats = async () => await (await fetch(`${base}/soak/stats`)).json();

  const random = mulberry32(seed);
  const weights = KINDS.reduce((sum, k) => sum + k.weight, 0);
  const pickKind = () => {
    let x = random() * weights;
    for (const kind of KINDS) if ((x -= kind.weight) < 0) return kind;
    return KINDS[0];
  };
  const outcomes = new Map<string, number>();
  const count = (key: string) =>
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  const wrong: string[] = [];
  let unhandled = 0;
  globalThis.addEventListener("unhandledrejection", (event) => {
    event.preventDefault();
    unhandled++;
  });

  const samples: {
    client: ReturnType<typeof memory>;
    server: ReturnType<typeof memory>;
  }[] = [];
  const sample = async () =>
    samples.push({ client: memory(), server: await stats() });
  await sample();
  // Measured after the first stats fetch, so its pooled connection is counted.
  const fdsBefore = [await openFds(Deno.pid), await openFds(child.pid)];
  const sampler = setInterval(() => void sample().catch(() => {}), 1_000);

  const one = async (i: number, kind: Kind) => {
    const words = `soak ${i} ${kind.name}`;
    const controller = new AbortController();
    const abortTimer = kind.abortAfterMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(), kind.abortAfterMs);
    const headers: Record<string, string> = { "x-soak-id": String(i) };
    if (kind.fault) {
      headers["x-soak-fault"] = JSON.stringify(kind.fault);
      headers["x-soak-attempts"] = String(kind.attempts ?? 1);
    }
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const hang = new Promise<never>((_, reject) => {
      watchdog = setTimeout(() => reject(new Error("hung")), 30_000);
    });
    try {
      const run = async () => {
        const stream = await client.chat.completions.create({
          model: "gpt-4",
          messages: [{ role: "user", content: words }],
          stream: true,
        }, { headers, signal: controller.signal, timeout: kind.timeout });
        let text = "";
        for await (const chunk of stream) {
          text += chunk.choices[0]?.delta.content ?? "";
        }
        return text;
      };
      const text = await Promise.race([run(), hang]);
      if (kind.expect) wrong.push(`${i} ${kind.name}: succeeded`);
      else if (text !== `Echo: ${words}`) {
        wrong.push(`${i} ${kind.name}: got ${JSON.stringify(text)}`);
      }
      count(`ok (${kind.name})`);
    } catch (error) {
      const name = (error as Error)?.constructor?.name ?? String(error);
      if (!kind.expect || (error as Error).constructor !== kind.expect) {
        wrong.push(`${i} ${kind.name}: ${name}: ${(error as Error)?.message}`);
      }
      count(`${name} (${kind.name})`);
    } finally {
      clearTimeout(watchdog);
      clearTimeout(abortTimer);
    }
  };

  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next++;
      await one(i, pickKind());
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await sample();
  const end = await stats();
  http.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const fdsAfter = [await openFds(Deno.pid), await openFds(child.pid)];
  child.kill("SIGTERM");
  await child.status;
  await lines.cancel();

  const settled = [...outcomes.values()].reduce((a, b) => a + b, 0);
  const report = (
    label: string,
    pick: (s: typeof samples[0]) => { rss: number; heapUsed: number },
  ) => {
    const rss = samples.map((s) => pick(s).rss);
    const heap = samples.map((s) => pick(s).heapUsed);
    console.log(
      `${label} RSS MB first/peak/last ${mb(rss[0])}/${mb(Math.max(...rss))}/${
        mb(rss.at(-1)!)
      }; ` +
        `heap MB first/peak/last ${mb(heap[0])}/${mb(Math.max(...heap))}/${
          mb(heap.at(-1)!)
        }`,
    );
  };
  console.log(
    `${Deno.build.target}, Deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} cores, ${
      new Date().toISOString()
    }`,
  );
  console.log(
    `${total} requests, concurrency ${concurrency}, seed ${seed}: settled ${settled} in ${
      seconds.toFixed(1)
    } s (${
      (total / seconds).toFixed(0)
    } req/s); server saw ${end.handled} HTTP requests`,
  );
  for (const [key, n] of [...outcomes].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(n).padStart(6)}  ${key}`);
  }
  report("client", (s) => s.client);
  report("server", (s) => s.server);
  console.log(`open response bodies on the server after the run: ${end.open}`);
  console.log(
    `open fds before/after (HTTP client closed): client ${
      fdsBefore[0] ?? "n/a"
    }/${fdsAfter[0] ?? "n/a"}, ` +
      `server ${fdsBefore[1] ?? "n/a"}/${fdsAfter[1] ?? "n/a"}`,
  );
  console.log(
    `unhandled rejections: ${unhandled}; unexpected outcomes: ${wrong.length}`,
  );
  for (const line of wrong.slice(0, 20)) console.log(`  ${line}`);
  // A couple of fds of slack: the stats fetch keeps one pooled connection.
  const grew = fdsBefore.some((n, i) =>
    n !== undefined && fdsAfter[i] !== undefined && fdsAfter[i]! > n + 2
  );
  const leaked = end.open !== 0 || grew;
  if (settled !== total || wrong.length || unhandled || leaked) {
    console.log("SOAK FAILED");
    Deno.exit(1);
  }
  console.log("SOAK PASSED");
}

if (import.meta.main) {
  if (Deno.args.includes("--serve")) serve();
  else await soak();
}
