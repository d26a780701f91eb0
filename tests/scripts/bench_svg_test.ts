import { chart } from "../../scripts/bench/svg.ts";
import { assert } from "../_assert.ts";
import { benchReport } from "./_bench_report.ts";

interface Rect {
  x: number;
  width: number;
}

function rects(svg: string): Rect[] {
  return [
    ...svg.matchAll(
      /<rect x="([^"]*)" y="[^"]*" width="([^"]*)"/g,
    ),
  ]
    .map(([, x, width]) => ({ x: Number(x), width: Number(width) }));
}

Deno.test("bench chart: bars for values below raw start at a zero line instead of having a negative width", () => {
  // Both SDKs use less memory than raw while streaming: -5.2 and -23.9 MiB.
  const svg = chart(benchReport());
  for (
    const [, name, value] of svg.matchAll(
      / (x|y|x1|x2|y1|y2|width|height)="([^"%]*)"/g,
    )
  ) {
    assert(
      Number.isFinite(Number(value)),
      `${name}="${value}" is not a number`,
    );
  }
  const bars = rects(svg);
  for (const bar of bars) {
    assert(bar.width >= 0, `Negative width: ${bar.width}`);
  }
  // After the legend's two squares and the four speed measures' eight bars
  // come the memory panel's two: both end where its zero line is drawn.
  const [ours, official] = bars.slice(10, 12);
  const zeroLines = [
    ...svg.matchAll(/<line x1="([^"]*)" x2="\1"[^>]*stroke="#000"/g),
  ]
    .map(([, x]) => Number(x));
  // Positions are rounded to 0.1 one by one.
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.2;
  for (const bar of [ours, official]) {
    const end = bar.x + bar.width;
    assert(
      zeroLines.some((x) => near(x, end)),
      `No zero line at ${end}: ${zeroLines}`,
    );
  }
  assert(official.width > ours.width, "-23.9 MiB is not longer than -5.2 MiB");
});
