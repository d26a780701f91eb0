/**
 * Prints the README's operations table, generated from `spec/openapi.yaml`:
 * one row per operation with its HTTP method and path, the client method
 * that calls it and notes (streaming, multipart, binary, deprecated).
 *
 * `--write` regenerates the section of README.md between the
 * `operations-table:start` and `operations-table:end` markers (the table and
 * the per-resource entry points from deno.json). A test keeps the README in
 * step with this script.
 *
 * @example
 * ```sh
 * deno run --allow-read=spec,deno.json --allow-env=LOG_TOKENS,LOG_STREAM scripts/ops_table.ts
 * deno run --allow-read=spec,deno.json,README.md --allow-write=README.md \
 *   --allow-env=LOG_TOKENS,LOG_STREAM scripts/ops_table.ts --write
 * ```
 * @module
 */
import { parse } from "yaml";

/** The marker lines around the generated part of README.md. */
export const MARKERS = {
  start: "<!-- operations-table:start -->",
  end: "<!-- operations-table:end -->",
} as const;

type Node = Record<string, unknown>;
const METHODS = ["get", "post", "put", "patch", "delete"];

// Pads every cell so the table is already in `deno fmt`'s aligned form.
function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(3, h.length, ...rows.map((r) => r[i].length))
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ].join("\n");
}

function notes(op: Node): string {
  const out: string[] = [];
  const stream = op["x-stream-param"] as Node | undefined;
  if (stream) out.push(`streaming (\`${stream.name}: true\`)`);
  const body = op.requestBody as Node | undefined;
  if ((body?.content as Node | undefined)?.["multipart/form-data"]) {
    out.push("multipart upload");
  }
  const ok = ((op.responses as Node)["200"] as Node).content as Node;
  if (ok["application/octet-stream"]) out.push("raw bytes (`Response`)");
  if (ok["text/plain"]) out.push("text formats resolve to a string");
  if (op.deprecated === true) out.push("deprecated");
  for (const alias of (op["x-client-aliases"] ?? []) as string[]) {
    out.push(`also \`${alias}()\` (deprecated)`);
  }
  return out.join(", ");
}

/**
 * The Markdown table of every operation in `specText`, in document order.
 * @example
 * ```ts
 * operationsTable(await Deno.readTextFile("spec/openapi.yaml"));
 * ```
 */
export function operationsTable(specText: string): string {
  const spec = parse(specText) as { paths: Record<string, Node> };
  const rows: string[][] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      rows.push([
        `\`${op.operationId}\``,
        `\`${method.toUpperCase()} ${path}\``,
        `\`client.${op["x-client-method"]}()\``,
        notes(op),
      ]);
    }
  }
  return markdownTable(["operation", "HTTP", "client method", "notes"], rows);
}

/** `fine_tuning` -> `FineTuning`: the resource class an entry point exports. */
export function className(entry: string): string {
  return entry.split("_").map((w) => w[0].toUpperCase() + w.slice(1)).join(
    "",
  );
}

/**
 * The per-resource entry points among `deno.json`'s exports (every key but
 * `"."` and `"./testing"`), as names such as `fine_tuning`.
 * @example
 * ```ts
 * resourceEntries({ ".": "./dist/mod.js", "./chat": "./dist/chat.js" }); // ["chat"]
 * ```
 */
export function resourceEntries(exports: Record<string, string>): string[] {
  return Object.keys(exports).map((key) => key.slice(2))
    .filter((key) => key && key !== "testing");
}

/**
 * The per-resource entry points of `deno.json`'s exports, with a paragraph
 * and an example.
 * @example
 * ```ts
 * entryPoints(await Deno.readTextFile("deno.json"));
 * ```
 */
export function entryPoints(denoJsonText: string): string {
  const { name, exports } = JSON.parse(denoJsonText) as {
    name: string;
    exports: Record<string, string>;
  };
  const rows = resourceEntries(exports).map((
    e,
  ) => [`\`${name}/${e}\``, `\`${className(e)}\``]);
  return [
    "Each resource also has its own entry point, which exports the resource class,",
    "`Transport` and the resource's types, so a bundle only carries the resources it",
    "imports:",
    "",
    "```ts",
    `import { Chat, Transport } from "${name}/chat";`,
    "",
    'const chat = new Chat(new Transport({ apiKey: "sk-..." }));',
    "const reply = await chat.completions.create({",
    '  model: "gpt-3.5-turbo",',
    '  messages: [{ role: "user", content: "Hello" }],',
    "});",
    "```",
    "",
    markdownTable(["entry point", "resource class"], rows),
  ].join("\n");
}

/**
 * Everything between the README markers: the table, then the entry points.
 * @example
 * ```ts
 * readmeSection(specText, denoJsonText);
 * ```
 */
export function readmeSection(specText: string, denoJsonText: string): string {
  return `${operationsTable(specText)}\n\n${entryPoints(denoJsonText)}`;
}

/**
 * `readme` with the text between the markers replaced by `section`; throws
 * when the markers are missing.
 * @example
 * ```ts
 * replaceSection(readme, readmeSection(specText, denoJsonText));
 * ```
 */
export function replaceSection(readme: string, section: string): string {
  const start = readme.indexOf(MARKERS.start);
  const end = readme.indexOf(MARKERS.end);
  if (start < 0 || end < start) {
    throw new Error(
      `Cannot find ${MARKERS.start} followed by ${MARKERS.end} in the README`,
    );
  }
  return `${readme.slice(0, start)}${MARKERS.start}\n\n${section}\n\n${
    readme.slice(end)
  }`;
}

if (import.meta.main) {
  const root = new URL("../", import.meta.url);
  const read = (file: string) => Deno.readTextFile(new URL(file, root));
  const specText = await read("spec/openapi.yaml");
  if (Deno.args.includes("--write")) {
    const readme = await read("README.md");
    const section = readmeSection(specText, await read("deno.json"));
    await Deno.writeTextFile(
      new URL("README.md", root),
      replaceSection(readme, section),
    );
  } else {
    console.log(operationsTable(specText));
  }
}
