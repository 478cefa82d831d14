// The tradeoff chart of the threshold explorer, drawn in the page (SVG) so it follows a
// slider without a round trip for pixels: legitimate friction across, fraud loss up,
// the curve over allow_below, its Pareto front, the points where some guardrail fails,
// the model's own thresholds and the current point.

import { useId } from "react";

import type { SweepPoint } from "../ipc";
import { axis, money, percent } from "../format/numbers";
import { threshold, type AxisLimit } from "./explorerModel";
import { niceTicks } from "./plotScale";

const WIDTH = 560;
const HEIGHT = 300;
const MARGIN = { left: 74, right: 18, top: 14, bottom: 46 };

/** The domain of one axis: the values with 6 % air, never empty. */
function domain(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi - lo < 1e-12) {
    const pad = Math.abs(hi) * 0.05 || 0.01;
    lo -= pad;
    hi += pad;
  }
  const air = (hi - lo) * 0.06;
  return [lo - air, hi + air];
}

export interface TradeoffPlotProps {
  curve: SweepPoint[];
  point: SweepPoint;
  /** The model's own thresholds. */
  reference: SweepPoint | null;
  currency: string;
  /** A curve point was clicked: move the allow slider there. */
  onPick?(allowBelow: number): void;
  /** Guardrail limits that are lines on these axes (see `axisLimits`). */
  limits?: AxisLimit[];
}

export function TradeoffPlot({ curve, point, reference, currency, onPick, limits = [] }: TradeoffPlotProps) {
  const descId = useId();
  const all = [...curve, point, ...(reference ? [reference] : [])];
  const xs = all.map((p) => p.legit_friction);
  const ys = all.map((p) => p.fraud_loss);
  // A limit widens its axis only when it is near the points (else it is left off).
  const near = (v: number, values: number[]) => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const span = Math.max(hi - lo, Math.abs(hi) * 0.05, 1e-9);
    return v >= lo - span && v <= hi + span;
  };
  const shown = limits.filter((l) => near(l.value, l.axis === "x" ? xs : ys));
  const [x0, x1] = domain([...xs, ...shown.filter((l) => l.axis === "x").map((l) => l.value)]);
  const [y0, y1] = domain([...ys, ...shown.filter((l) => l.axis === "y").map((l) => l.value)]);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + ((x - x0) / (x1 - x0)) * plotW;
  const sy = (y: number) => MARGIN.top + (1 - (y - y0) / (y1 - y0)) * plotH;
  const xTicks = niceTicks(x0, x1, 6).filter((t) => t >= x0 && t <= x1);
  const yTicks = niceTicks(y0, y1, 5).filter((t) => t >= y0 && t <= y1);
  const xStep = xTicks.length > 1 ? xTicks[1]! - xTicks[0]! : 0.01;
  const yStep = yTicks.length > 1 ? yTicks[1]! - yTicks[0]! : 1;
  const line = curve.map((p) => `${sx(p.legit_friction).toFixed(1)},${sy(p.fraud_loss).toFixed(1)}`).join(" ");
  const front = curve
    .filter((p) => p.pareto)
    .sort((a, b) => a.legit_friction - b.legit_friction)
    .map((p) => `${sx(p.legit_friction).toFixed(1)},${sy(p.fraud_loss).toFixed(1)}`)
    .join(" ");
  const px = sx(point.legit_friction);
  const py = sy(point.fraud_loss);
  const describe = (p: SweepPoint) =>
    `allow below ${threshold(p.allow_below)}, block at or above ${threshold(p.block_at_or_above)}\n` +
    `friction ${percent(p.legit_friction, 2)}, fraud loss ${money(p.fraud_loss, currency)}\n` +
    `${p.pareto ? "on the Pareto front" : "dominated"} · ${p.all_guardrails_met ? "every guardrail met" : "some guardrail not met"}`;
  // The text alternative: the points that matter, in words (filled circles are on the
  // Pareto front, hollow ones dominated, triangles fail a guardrail).
  const pareto = curve.filter((p) => p.pareto).map((p) => threshold(p.allow_below));
  const failing = curve.filter((p) => !p.all_guardrails_met).map((p) => threshold(p.allow_below));
  const summary =
    `${curve.length} values of allow_below. On the Pareto front (filled circles): ${pareto.join(", ") || "none"}. ` +
    `A guardrail fails (triangles): ${failing.join(", ") || "none"}. Current: ${describe(point).replace(/\n/g, "; ")}.`;
  // Label the curve's two ends with their allow_below, so the direction reads at a glance.
  const ends = curve.length > 1 ? [curve[0]!, curve[curve.length - 1]!] : [];

  return (
    <svg
      className="tradeoff-plot"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label="Fraud loss against legitimate friction over allow_below"
      aria-describedby={descId}
      data-testid="tradeoff-plot"
    >
      <desc id={descId}>{summary}</desc>
      <rect x={MARGIN.left} y={MARGIN.top} width={plotW} height={plotH} className="plot-bg" />
      {yTicks.map((t) => (
        <g key={`y${t}`} data-testid="y-tick">
          <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={sy(t)} y2={sy(t)} className="grid" />
          <text x={MARGIN.left - 6} y={sy(t)} className="tick" textAnchor="end" dominantBaseline="middle">
            {axis(t, "money", currency, yStep)}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <g key={`x${t}`} data-testid="x-tick">
          <line x1={sx(t)} x2={sx(t)} y1={MARGIN.top} y2={MARGIN.top + plotH} className="grid" />
          <text x={sx(t)} y={MARGIN.top + plotH + 14} className="tick" textAnchor="middle">
            {axis(t, "rate", currency, xStep)}
          </text>
        </g>
      ))}
      <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={MARGIN.top + plotH} y2={MARGIN.top + plotH} className="axis" />
      <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={MARGIN.top + plotH} className="axis" />
      <text x={MARGIN.left + plotW / 2} y={HEIGHT - 8} className="axis-label" textAnchor="middle">
        Legitimate friction (abandoned or blocked)
      </text>
      <text
        x={14}
        y={MARGIN.top + plotH / 2}
        className="axis-label"
        textAnchor="middle"
        transform={`rotate(-90 14 ${MARGIN.top + plotH / 2})`}
      >
        Fraud loss
      </text>

      {shown.map((l) => {
        // Shade what breaks the limit: more friction (right of x) or more loss (above y).
        const v = l.axis === "x" ? sx(l.value) : sy(l.value);
        return (
          <g key={`${l.axis}${l.label}`} className={`limit${l.met ? "" : " limit-failing"}`} data-testid="guardrail-limit">
            <title>{l.label}</title>
            {l.axis === "x" ? (
              <>
                <rect x={v} y={MARGIN.top} width={Math.max(0, MARGIN.left + plotW - v)} height={plotH} className="limit-shade" />
                <line x1={v} x2={v} y1={MARGIN.top} y2={MARGIN.top + plotH} className="limit-line" />
                <text x={v - 4} y={MARGIN.top + 11} textAnchor="end" className="limit-label">
                  {l.label}
                </text>
              </>
            ) : (
              <>
                <rect x={MARGIN.left} y={MARGIN.top} width={plotW} height={Math.max(0, v - MARGIN.top)} className="limit-shade" />
                <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={v} y2={v} className="limit-line" />
                {/* Mid-plot: the curve's ends carry labels near the corners. */}
                <text x={MARGIN.left + plotW * 0.55} y={v - 4} textAnchor="middle" className="limit-label">
                  {l.label}
                </text>
              </>
            )}
          </g>
        );
      })}
      <polyline points={line} className="curve" />
      {front && <polyline points={front} className="front" />}
      <line x1={px} x2={px} y1={py} y2={MARGIN.top + plotH} className="crosshair" />
      <line x1={MARGIN.left} x2={px} y1={py} y2={py} className="crosshair" />

      {curve.map((p) => {
        const cx = sx(p.legit_friction);
        const cy = sy(p.fraud_loss);
        const cls = `pt ${p.pareto ? "pt-pareto" : "pt-dominated"} ${p.all_guardrails_met ? "pt-met" : "pt-fails"}`;
        return (
          <g
            key={p.allow_below}
            className="pt-hit"
            data-testid={`curve-point-${threshold(p.allow_below)}`}
            data-pareto={p.pareto}
            data-met={p.all_guardrails_met}
            onClick={onPick ? () => onPick(p.allow_below) : undefined}
          >
            <title>{describe(p)}</title>
            <circle cx={cx} cy={cy} r={9} className="hit" />
            {p.all_guardrails_met ? (
              <circle cx={cx} cy={cy} r={4.5} className={cls} />
            ) : (
              <path d={`M${cx} ${cy - 6} L${cx + 5.5} ${cy + 4} L${cx - 5.5} ${cy + 4} Z`} className={cls} />
            )}
          </g>
        );
      })}
      {ends.map((p, i) => {
        // Beside the point, on the side with room, so it never runs into the axis labels.
        const x = sx(p.legit_friction);
        const right = x < MARGIN.left + plotW * 0.7;
        return (
          <text
            key={`end${i}`}
            x={x + (right ? 10 : -10)}
            y={Math.max(MARGIN.top + 10, sy(p.fraud_loss) - 8)}
            className="end-label"
            textAnchor={right ? "start" : "end"}
          >
            allow {threshold(p.allow_below)}
          </text>
        );
      })}
      {reference && (
        <g data-testid="reference-point">
          <title>{`The model's thresholds\n${describe(reference)}`}</title>
          <path
            d={`M${sx(reference.legit_friction)} ${sy(reference.fraud_loss) - 8} l8 8 l-8 8 l-8 -8 Z`}
            className="pt-reference"
          />
        </g>
      )}
      <g data-testid="current-point" data-friction={point.legit_friction} data-loss={point.fraud_loss}>
        <title>{`Current thresholds\n${describe(point)}`}</title>
        <circle cx={px} cy={py} r={10} className="pt-current-ring" />
        <circle cx={px} cy={py} r={4} className="pt-current" />
      </g>
    </svg>
  );
}

/** What the marks mean (drawn in HTML under the chart). */
export function TradeoffLegend() {
  return (
    <div className="tradeoff-legend" data-testid="tradeoff-legend">
      <span>
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" className="pt pt-pareto pt-met" />
        </svg>
        Pareto front
      </span>
      <span>
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" className="pt pt-dominated pt-met" />
        </svg>
        dominated
      </span>
      <span>
        <svg width="14" height="14" aria-hidden="true">
          <path d="M7 1 L12.5 11 L1.5 11 Z" className="pt pt-dominated pt-fails" />
        </svg>
        a guardrail fails
      </span>
      <span>
        <svg width="16" height="16" aria-hidden="true">
          <path d="M8 0 l8 8 l-8 8 l-8 -8 Z" className="pt-reference" transform="scale(0.8) translate(2 2)" />
        </svg>
        model&apos;s thresholds
      </span>
      <span>
        <svg width="20" height="20" aria-hidden="true">
          <circle cx="10" cy="10" r="8" className="pt-current-ring" />
          <circle cx="10" cy="10" r="3.5" className="pt-current" />
        </svg>
        current
      </span>
      <span>
        <svg width="22" height="12" aria-hidden="true">
          <rect x="11" y="0" width="11" height="12" className="limit-shade" />
          <line x1="11" x2="11" y1="0" y2="12" className="limit-line" />
        </svg>
        guardrail limit (shaded side breaks it)
      </span>
    </div>
  );
}
