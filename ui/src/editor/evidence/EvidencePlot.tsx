// The evidence dialogs' plot: several of the engine's densities on one x axis (each with
// its own stroke pattern, so the legend does not rely on colour), optional marks (the
// periods' raw rates) and a legend.
import { axis } from "../../format/numbers";
import type { QuantityView } from "../../ipc";
import { curvePath, curveStyle, sharedRange, ticks, topDensity, xOf } from "./plotScale";

export interface Curve {
  view: QuantityView;
  label: string;
  /** Drawn thick and dark: the fit that is applied. */
  emphasis?: boolean;
  /** Extra words in the legend (a fit error). */
  note?: string;
}

export interface Mark {
  x: number;
  label: string;
}

const WIDTH = 560;
const PLOT_H = 170;
const AXIS_H = 26;
const MARKS_H = 30;
export function EvidencePlot({
  curves,
  marks = [],
  probability,
  testid,
  title,
}: {
  curves: Curve[];
  marks?: Mark[];
  probability: boolean;
  testid: string;
  title: string;
}) {
  const views = curves.map((c) => c.view);
  const range = sharedRange(
    views,
    marks.map((m) => m.x),
    probability ? { from: 0, to: 1 } : { from: 0, to: Infinity },
  );
  if (!range) return null;
  const top = topDensity(views);
  const { values, step } = ticks(range);
  const unit = probability ? "rate" : "number";
  const height = PLOT_H + (marks.length ? MARKS_H : 0) + AXIS_H;
  const plotTop = 4;
  const axisY = plotTop + PLOT_H + (marks.length ? MARKS_H : 0);
  return (
    <figure className="evidence-plot" data-testid={testid} data-curves={curves.length} data-marks={marks.length}>
      <svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        <g transform={`translate(0, ${plotTop})`}>
          {curves.map((c, i) =>
            c.emphasis ? null : <path key={i} d={curvePath(c.view, range, top, WIDTH, PLOT_H)} fill="none" {...curveStyle(i)} data-curve={c.label} />,
          )}
          {curves.map((c, i) =>
            c.emphasis ? <path key={`e${i}`} d={curvePath(c.view, range, top, WIDTH, PLOT_H)} fill="none" {...curveStyle(i, true)} data-curve={c.label} /> : null,
          )}
        </g>
        {marks.map((m, i) => {
          const x = xOf(m.x, range, WIDTH);
          const y = plotTop + PLOT_H;
          return (
            <g key={i} data-testid={`${testid}-mark-${i}`} data-x={m.x}>
              <line x1={x} x2={x} y1={plotTop} y2={y} className="evidence-mark-line" />
              <path d={`M${x},${y + 2} l-6,11 l12,0 Z`} className="evidence-mark" />
              <text x={Math.min(Math.max(x, 24), WIDTH - 24)} y={y + 26} textAnchor="middle" className="evidence-mark-label">
                {m.label}
              </text>
            </g>
          );
        })}
        <line x1={0} x2={WIDTH} y1={axisY} y2={axisY} className="evidence-axis" />
        {values.map((v) => {
          const x = xOf(v, range, WIDTH);
          return (
            <g key={v}>
              <line x1={x} x2={x} y1={axisY} y2={axisY + 5} className="evidence-axis" />
              <text x={Math.min(Math.max(x, 18), WIDTH - 18)} y={axisY + 19} textAnchor="middle" className="evidence-tick">
                {axis(v, unit, "", step)}
              </text>
            </g>
          );
        })}
      </svg>
      {(curves.length > 1 || curves.some((c) => c.note)) && (
        <figcaption className="evidence-legend">
          {curves.map((c, i) => (
            <span key={i} className={`evidence-legend-item${c.emphasis ? " evidence-legend-pool" : ""}`} data-testid={`${testid}-legend-${i}`}>
              <svg width="34" height="12" aria-hidden="true">
                <line x1="1" x2="33" y1="6" y2="6" {...curveStyle(i, c.emphasis)} />
              </svg>
              {c.label}
              {c.note && <span className="muted"> · {c.note}</span>}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
