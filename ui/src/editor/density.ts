// The density curve of a Quantity as an SVG path, from the engine's points.
import type { QuantityView } from "../ipc";

/** An SVG path of `view`'s density on a `width` × `height` box. The top is capped at 1.5 ×
 * the 97th percentile of the densities, so an infinite spike at a bound (Beta with a < 1)
 * does not flatten the rest. */
export function densityPath(view: QuantityView | null, width: number, height: number): string {
  if (!view?.valid) return "";
  if (view.fixed) return `M${width / 2},${height} L${width / 2},0`;
  const points = view.density;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || last[0] <= first[0]) return "";
  const ys = points.map(([, d]) => d).filter(Number.isFinite);
  const sorted = [...ys].sort((a, b) => a - b);
  const top = Math.max(...ys, 1e-12);
  const cap = Math.min(top, (sorted[Math.floor(sorted.length * 0.97)] ?? top) * 1.5 || top);
  const x = (v: number) => ((v - first[0]) / (last[0] - first[0])) * width;
  const y = (d: number) => height - (Math.min(d, cap) / cap) * (height - 2);
  const coords = points.map(([px, d]) => `${x(px).toFixed(1)},${y(d).toFixed(1)}`);
  return `M0,${height} L${coords.join(" L")} L${width},${height} Z`;
}
