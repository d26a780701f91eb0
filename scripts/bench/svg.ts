/**
 * A hand-written SVG bar chart of a benchmark report: no dependencies.
 *
 * @module
 */

import type { Report } from "./report.ts";
import { rows } from "./report.ts";

const W = 760;
const LABEL = 250;
const BAR = 14;
const COLORS = { ours: "#2f7d32", official: "#9e9e9e", target: "#c62828" };

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

interface Bar {
  label: string;
  ours: number;
  official: number;
  target?: number;
  text: (v: number) => string;
}

// One panel: a title, then per measure two bars (ours, official) on a
// shared linear scale, a marker at the target and a line at the baseline.
// The scale spans zero and every value, so a negative value (less memory
// than raw) is a bar drawn leftwards from a zero line, never a negative width.
function panel(title: string, bars: Bar[], y0: number, base?: number) {
  const values = bars.flatMap((b) => [b.ours, b.official, b.target ?? 0]);
  const lo = Math.min(0, ...values) * 1.08;
  const hi = Math.max(0, ...values) * 1.08;
  const span = hi - lo || 1;
  const scale = (v: number) => LABEL + ((v - lo) / span) * (W - LABEL - 90);
  const zero = scale(0);
  const out = [
    `<text x="10" y="${y0 + 16}" font-weight="bold">${esc(title)}</text>`,
  ];
  let y = y0 + 30;
  for (const b of bars) {
    out.push(`<text x="10" y="${y + BAR + 4}">${esc(b.label)}</text>`);
    for (const who of ["ours", "official"] as const) {
      const v = b[who];
      const end = scale(v);
      out.push(
        `<rect x="${Math.min(zero, end).toFixed(1)}" y="${y}" width="${
          Math.abs(end - zero).toFixed(1)
        }" height="${BAR}" fill="${COLORS[who]}"/>`,
        `<text x="${(Math.max(zero, end) + 4).toFixed(1)}" y="${
          y + BAR - 3
        }" font-size="11">${esc(b.text(v))}</text>`,
      );
      y += BAR + 2;
    }
    if (b.target !== undefined) {
      const tx = scale(b.target).toFixed(1);
      out.push(
        `<line x1="${tx}" x2="${tx}" y1="${y - 2 * (BAR + 2) - 3}" y2="${
          y + 1
        }" stroke="${COLORS.target}" stroke-width="2" stroke-dasharray="3 2"/>`,
      );
    }
    y += 10;
  }
  const line = (x: number) =>
    `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${y0 + 24}" y2="${
      y - 6
    }" stroke="#000" stroke-width="1"/>`;
  if (base !== undefined) out.push(line(scale(base)));
  if (lo < 0) out.push(line(zero));
  return { svg: out.join("\n"), height: y - y0 };
}

/**
 * Renders the report as an SVG document.
 *
 * @example
 * ```ts ignore
 * await Deno.writeTextFile("docs/benchmarks.svg", chart(report));
 * ```
 */
export function chart(r: Report): string {
  const ratio = (v: number) => `${v.toFixed(2)}×`;
  const speed: Bar[] = rows(r).map((row) => ({
    label: row.label,
    ours: row.values.ours / row.values.raw,
    official: row.values.official / row.values.raw,
    target: row.target,
    text: ratio,
  }));
  const m = r.memoryKiB;
  const memory: Bar[] = [{
    label: "Peak RSS over raw, streaming",
    ours: (m.ours - m.raw) / 1024,
    official: (m.official - m.raw) / 1024,
    target: 3,
    text: (v) => `${v.toFixed(1)} MiB`,
  }];
  const [chat, full, official] = r.bundles;
  const kb = (v: number) => `${(v / 1024).toFixed(1)} KiB`;
  // The official SDK's one Worker is drawn against each of ours.
  const bundle: Bar[] = [chat, full].map((b) => ({
    label: `Worker gzipped: ${b.name.replace("ours: ", "")}`,
    ours: b.gzipped / 1024,
    official: official.gzipped / 1024,
    target: (b.budget ?? 0) / 1024,
    text: (v) => kb(v * 1024),
  }));
  const parts: string[] = [];
  let y = 40;
  for (
    const [title, bars, base] of [
      ["Time, as a ratio to raw (1× = raw; lower is better)", speed, 1],
      ["Memory over raw (lower is better)", memory, undefined],
      ["Bundle size, gzipped (lower is better)", bundle, undefined],
    ] as const
  ) {
    const p = panel(title, bars as Bar[], y, base);
    parts.push(p.svg);
    y += p.height + 14;
  }
  const legend = [
    `<rect x="10" y="10" width="12" height="12" fill="${COLORS.ours}"/><text x="27" y="21">ours (@webstd/openai)</text>`,
    `<rect x="200" y="10" width="12" height="12" fill="${COLORS.official}"/><text x="217" y="21">official (openai npm)</text>`,
    `<line x1="390" x2="390" y1="8" y2="24" stroke="${COLORS.target}" stroke-width="2" stroke-dasharray="3 2"/><text x="397" y="21">target</text>`,
    `<text x="470" y="21" font-size="11" fill="#555">${
      esc(r.date.slice(0, 10))
    }, ${r.machine.cores} cores, median of ${r.reps}</text>`,
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}" font-family="sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...legend,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
