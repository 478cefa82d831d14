// Layout and formatting of the sensitivity section (the numbers come from the engine).
import type { SwingView } from "../ipc";

/** ρ with its sign and two decimals (`+0.82`, `−0.10`), `n/a` when undefined. */
export function formatRho(rho: number | null): string {
  if (rho === null || !Number.isFinite(rho)) return "n/a";
  const t = Math.abs(rho).toFixed(2);
  return rho > 0 && t !== "0.00" ? `+${t}` : rho < 0 && t !== "0.00" ? `−${t}` : t;
}

/** Shortens `text` to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Geometry of one tornado bar, in SVG pixels. */
export interface TornadoBar {
  swing: SwingView;
  y: number;
  /** x of the bar part from the base to the output at the input's P10. */
  lowX: number;
  lowWidth: number;
  /** x of the bar part from the base to the output at the input's P90. */
  highX: number;
  highWidth: number;
  /** Where the value labels go: the outer ends of the bar. */
  leftX: number;
  rightX: number;
  /** Which output value sits at each end. */
  leftValue: number;
  rightValue: number;
}

/** The tornado's layout: bars top to bottom in the given order. */
export interface TornadoLayout {
  width: number;
  height: number;
  /** x of the base (every input at its median). */
  baseX: number;
  /** Plot area: from `plotLeft` to `plotRight`. */
  plotLeft: number;
  plotRight: number;
  top: number;
  rowHeight: number;
  bars: TornadoBar[];
  /** The value range drawn. */
  min: number;
  max: number;
}

export const TORNADO = {
  width: 900,
  labelWidth: 370,
  valueMargin: 62,
  rowHeight: 24,
  top: 34,
  bottom: 30,
} as const;

/** Lays out bars of `swings` around `base` (the output with every input at its median). */
export function tornadoLayout(swings: SwingView[], base: number): TornadoLayout {
  const { width, labelWidth, valueMargin, rowHeight, top, bottom } = TORNADO;
  const values = [base, ...swings.flatMap((s) => [s.output_low, s.output_high])].filter(Number.isFinite);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (!(max > min)) {
    const pad = Math.abs(base) * 0.1 || 1;
    min = base - pad;
    max = base + pad;
  }
  const plotLeft = labelWidth + valueMargin;
  const plotRight = width - valueMargin;
  const x = (v: number) => plotLeft + ((v - min) / (max - min)) * (plotRight - plotLeft);
  const baseX = x(base);
  const bars = swings.map((swing, i) => {
    const lo = x(swing.output_low);
    const hi = x(swing.output_high);
    return {
      swing,
      y: top + i * rowHeight,
      lowX: Math.min(lo, baseX),
      lowWidth: Math.abs(lo - baseX),
      highX: Math.min(hi, baseX),
      highWidth: Math.abs(hi - baseX),
      leftX: Math.min(lo, hi, baseX),
      rightX: Math.max(lo, hi, baseX),
      leftValue: swing.output_low <= swing.output_high ? swing.output_low : swing.output_high,
      rightValue: swing.output_low <= swing.output_high ? swing.output_high : swing.output_low,
    };
  });
  return {
    width,
    height: top + swings.length * rowHeight + bottom,
    baseX,
    plotLeft,
    plotRight,
    top,
    rowHeight,
    bars,
    min,
    max,
  };
}
