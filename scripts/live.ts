/**
 * `deno task live`: checks this module and the project's spec against the
 * real API. It is off by default: it runs only when `OPENAI_API_KEY` is set,
 * and no test needs it. A handful of cheap calls that the API still serves go
 * through the public client; each response is checked against the schemas of
 * `spec/openapi.yaml`, which the mock is built from, so a drift between the
 * API, the spec and the mock shows up here first.
 *
 * `OPENAI_LIVE_CHAT_MODEL` (default `gpt-4o-mini`) and
 * `OPENAI_LIVE_EMBEDDING_MODEL` (default `text-embedding-3-small`) pick the
 * models; `OPENAI_BASE_URL` and `OPENAI_ORG_ID` are honoured. The legacy
 * operations (engines, search, answers, classifications, edits, fine-tunes)
 * are gone from the API and are not called; nothing here costs more than a few
 * tokens or creates anything.
 *
 * @module
 */

import { type APIError, AuthenticationError, NotFoundError } from "../mod.ts";
import {
  type Captured,
  capturingClient,
  checkResult,
} from "../tests/spec/_check.ts";
import {
  loadSpec,
  type Operation,
  operations,
} from "../tests/spec/spec_lib.ts";

/** Where and with what the check runs. */
export interface LiveOptions {
  baseURL?: string;
  apiKey: string;
  chatModel: string;
  embeddingModel: string;
  /** The `fetch` under the client (tests pass the mock's). */
  fetch?: typeof fetch;
}

/** One step's outcome: no problems means it passed. */
export interface LiveResult {
  label: string;
  problems: string[];
}

type Kind = "json" | "page" | "stream";
type Step = [
  label: string,
  operationId: string,
  kind: Kind,
  call: () => unknown,
];

/** Runs every step against `options.baseURL` and reports each. */
export async function liveCheck(options: LiveOptions): Promise<LiveResult[]> {
  const spec = await loadSpec();
  const byId = new Map(operations(spec).map((op) => [op.operationId, op]));
  const { client, seen } = capturingClient({ url: options.baseURL }, {
    apiKey: options.apiKey,
    maxRetries: 1,
    timeout: 60_000,
    fetch: options.fetch,
  });
  const { chatModel: model, embeddingModel } = options;
  const messages = [{ role: "user" as const, content: "Reply with: ok" }];
  const steps: Step[] = [
    ["models.list", "listModels", "page", () => client.models.list()],
    [
      "models.retrieve",
      "retrieveModel",
      "json",
      () => client.models.retrieve(model),
    ],
    [
      "chat.completions.create",
      "createChatCompletion",
      "json",
      () => client.chat.completions.create({ model, messages, max_tokens: 5 }),
    ],
    [
      "chat.completions.create (stream)",
      "createChatCompletion",
      "stream",
      () =>
        client.chat.completions.create({
          model,
          messages,
          max_tokens: 5,
          stream: true,
        }),
    ],
    [
      "embeddings.create",
      "createEmbedding",
      "json",
      () =>
        client.embeddings.create({ model: embeddingModel, input: ["a", "b"] }),
    ],
    [
      "embeddings.create (base64)",
      "createEmbedding",
      "json",
      () =>
        client.embeddings.create({
          model: embeddingModel,
          input: "a",
          encoding_format: "base64",
        }),
    ],
    [
      "moderations.create",
      "createModeration",
      "json",
      () => client.moderations.create({ input: "I want to hug everyone" }),
    ],
    ["files.list", "listFiles", "page", () => client.files.list()],
    [
      "fineTuning.jobs.list",
      "listPaginatedFineTuningJobs",
      "page",
      () => client.fineTuning.jobs.list({ limit: 2 }),
    ],
  ];
  const results: LiveResult[] = [];
  for (const [label, id, kind, call] of steps) {
    results.push({
      label,
      problems: await checkStep(spec, byId.get(id)!, kind, seen, call),
    });
  }
  results.push(
    await expectError(
      "an unknown model is a NotFoundError",
      () => client.models.retrieve("no-such-model-webstd-openai"),
      NotFoundError,
    ),
    await expectError(
      "a wrong key is an AuthenticationError",
      () => client.models.list({ headers: { Authorization: "Bearer sk-no" } }),
      AuthenticationError,
    ),
  );
  return results;
}

async function checkStep(
  spec: Awaited<ReturnType<typeof loadSpec>>,
  op: Operation,
  kind: Kind,
  seen: Captured[],
  call: () => unknown,
): Promise<string[]> {
  try {
    const before = seen.length;
    const result = await call();
    const chunks: unknown[] = [];
    if (kind === "stream") {
      for await (const chunk of result as AsyncIterable<unknown>) {
        chunks.push(chunk);
      }
    }
    return await checkResult(spec, op, kind, seen[before], result, { chunks });
  } catch (err) {
    return [`threw ${String(err)}`];
  }
}

async function expectError(
  label: string,
  call: () => Promise<unknown>,
  type: typeof APIError,
): Promise<LiveResult> {
  const problems: string[] = [];
  try {
    await call();
    problems.push("did not throw");
  } catch (err) {
    if (!(err instanceof type)) problems.push(`threw ${String(err)}`);
    else if (typeof err.error?.message !== "string") {
      problems.push("the error body has no message");
    }
  }
  return { label, problems };
}

if (import.meta.main) {
  const env = (name: string) => Deno.env.get(name)?.trim() || undefined;
  const apiKey = env("OPENAI_API_KEY");
  if (!apiKey) {
    console.error("The live check needs OPENAI_API_KEY to be set; skipped");
    Deno.exit(2);
  }
  const results = await liveCheck({
    apiKey,
    baseURL: env("OPENAI_BASE_URL"),
    chatModel: env("OPENAI_LIVE_CHAT_MODEL") ?? "gpt-4o-mini",
    embeddingModel: env("OPENAI_LIVE_EMBEDDING_MODEL") ??
      "text-embedding-3-small",
  });
  for (const { label, problems } of results) {
    console.log(problems.length ? `FAIL ${label}` : `ok   ${label}`);
    for (const problem of problems) console.log(`     ${problem}`);
  }
  const failed = results.filter((r) => r.problems.length).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  Deno.exit(failed ? 1 : 0);
}
