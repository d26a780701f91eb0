import { bundleCheck, markdown } from "../../scripts/bench/report.ts";
import { assert, assertEquals } from "../_assert.ts";
import { benchReport } from "./_bench_report.ts";

// Markdown wraps nowhere in the generator, so a sentence is on one line.
const sentence = (text: string, start: string) =>
  text.slice(text.indexOf(start)).split(/(?<=\.)\s/)[0];

Deno.test("bench report: bundle-check is said to fail on what it checks: a missed budget's ceiling, a met budget", () => {
  const doc = markdown(benchReport(), "");
  const said = sentence(doc, "`deno task bundle-check` fails when");
  assertEquals(
    said,
    "`deno task bundle-check` fails when the @webstd/openai/chat Worker is over its 5640 B ceiling (its 4096 B budget is missed: the table reports that, CI does not fail on it), or the full client (@webstd/openai) Worker is over its 12288 B budget.",
  );
  assert(
    doc.includes("It does not check the official openai Worker."),
    "The official Worker is not said to be unchecked",
  );
  assert(!doc.includes("over budget."), "The old claim is still there");
});

Deno.test("bench report: a bundle with a ceiling and its budget met says the ceiling is what fails", () => {
  const [chat] = benchReport().bundles;
  assertEquals(
    bundleCheck([{ ...chat, gzipped: 4000 }]),
    "`deno task bundle-check` fails when the @webstd/openai/chat Worker is over its 5640 B ceiling (its 4096 B budget is met).",
  );
});
