import { median, pick, uploadExtra } from "../../scripts/bench/medians.ts";
import { markdown } from "../../scripts/bench/report.ts";
import { assert, assertEquals } from "../_assert.ts";
import { benchReport } from "./_bench_report.ts";

Deno.test("bench medians: the median of odd and even counts", () => {
  assertEquals(median([3, 1, 2]), 2);
  assertEquals(median([4, 1, 3, 2]), 2.5);
  assertEquals(
    pick({ raw: [{ ms: 1 }], ours: [{ ms: 2 }, { ms: 4 }], official: [] }, "ms")
      .ours,
    3,
  );
});

Deno.test("bench medians: the upload figure is peak RSS beyond the RSS once the file is built", () => {
  // Building the 200 MiB File took 230 MiB; sending it added 5 MiB more.
  const run = (extra: number) => ({
    rssBeforeKiB: 40 * 1024,
    rssBlobKiB: 270 * 1024,
    hwmKiB: (270 + extra) * 1024,
  });
  const extra = uploadExtra({
    raw: [run(9), run(10), run(11)],
    ours: [run(5)],
    official: [run(20), run(21)],
  });
  assertEquals(extra, {
    raw: 10 * 1024,
    ours: 5 * 1024,
    official: 20.5 * 1024,
  });
});

Deno.test("bench report: the upload figure is described as measured", () => {
  const doc = markdown(benchReport(), "").replace(/\s+/g, " ");
  assert(
    doc.includes("peak RSS minus the RSS measured once the file is built"),
    "The upload figure's description is missing",
  );
  assert(
    !doc.includes("minus the file itself"),
    "The old description is there",
  );
});
