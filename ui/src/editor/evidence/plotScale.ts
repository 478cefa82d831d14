// Where the evidence plots put things: one x axis for several of the engine's density
// curves and the raw rates, round tick steps, and each curve as an SVG path on it. Only
// scaling: the densities themselves are the engine's (QuantityView.density).
import type { QuantityView } from "../../ipc";

export interface Range {
  from: number;
  to: number;
}

/** The x range covering every curve's points and every mark, padded by 4 % each side,
 * kept within `bounds` (a probability's [0, 1]). */
export function sharedRange(views: QuantityView[], marks: number[], bounds: Range | null): Range | null {
  const xs = [...views.flatMap((v) => (v.valid ? v.density.map(([x]) => x) : [])), ...marks, ...views.flatMap((v) => (v.valid && v.fixed && v.mean !== null ? [v.mean] : []))].filter(
    Number.isFinite,
  );
  if (xs.length === 0) return null;
  let from = Math.min(...xs);
  let to = Math.max(...xs);
  if (to <= from) {
    const w = Math.abs(from) * 0.1 || 0.01;
    from -= w;
    to += w;
  }
  const pad = (to - from) * 0.04;
  from -= pad;
  to += pad;
  if (bounds) {
    from = Math.max(from, bounds.from);
    to = Math.min(to, bounds.to);
  }
  return { from, to };
}

/** The highest finite density of `views` (the plot's top). */
export function topDensity(views: QuantityView[]): number {
  const ds = views.flatMap((v) => (v.valid ? v.density.map(([, d]) => d) : [])).filter((d) => Number.isFinite(d) && d < 1e300);
  return Math.max(1e-12, ...ds);
}

/** Round tick values across `range`: about `count` of them, 1, 2 or 5 × 10ⁿ apart. */
export function ticks(range: Range, count = 5): { values: number[]; step: number } {
  const raw = (range.to - range.from) / count;
  if (!(raw > 0) || !Number.isFinite(raw)) return { values: [range.from], step: 1 };
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power) as number;
  const values: number[] = [];
  for (let v = Math.ceil(range.from / step) * step; v <= range.to + step * 1e-9; v += step) values.push(Math.round(v / step) * step);
  return { values, step };
}

/** `view`'s density as an open SVG path on a `width` × `height` box over `range`, up to
 * `top`; a fixed value is a vertical line at its value. */
export function curvePath(view: QuantityView, range: Range, top: number, width: number, height: number): string {
  if (!view.valid) return "";
  const x = (v: number) => ((v - range.from) / (range.to - range.from)) * width;
  if (view.fixed) return view.mean === null ? "" : `M${x(view.mean).toFixed(1)},${height} L${x(view.mean).toFixed(1)},0`;
  const y = (d: number) => height - (Math.min(d, top) / top) * (height - 2);
  const pts = view.density.map(([px, d]) => `${x(px).toFixed(1)},${y(d).toFixed(1)}`);
  return pts.length ? `M${pts.join(" L")}` : "";
}

/** The x position of `value` on a `width` box over `range`. */
export function xOf(value: number, range: Range, width: number): number {
  return ((value - range.from) / (range.to - range.from)) * width;
}

const COLOURS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#a21caf"];
const DASHES = ["7 4", "2 4", "10 4 2 4", "4 3", "1 3", "12 3", "6 2 2 2", "3 6"];

/** Curve `i`'s stroke: a colour and a dash pattern each (so the legend does not rely on
 * colour); the emphasised fit is solid, thick and dark. */
export function curveStyle(i: number, emphasis?: boolean): { stroke: string; strokeWidth: number; strokeDasharray?: string } {
  if (emphasis) return { stroke: "#111827", strokeWidth: 3.5 };
  return { stroke: COLOURS[i % COLOURS.length]!, strokeWidth: 2, strokeDasharray: DASHES[i % DASHES.length] };
}
