// Quantities (spec §2): reading them, their analytic density, mean and P5–P95, and
// writing them back. Pure functions, tested with vitest.

import { isObj, type Obj } from "./model";

export const DISTRIBUTIONS = ["fixed", "uniform", "triangular", "pert", "beta", "lognormal"] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

/** Names of each distribution's parameters. */
export const PARAMS: Record<Distribution, string[]> = {
  fixed: ["value"],
  uniform: ["low", "high"],
  triangular: ["low", "mode", "high"],
  pert: ["low", "mode", "high"],
  beta: ["a", "b"],
  lognormal: ["p5", "p95"],
};

export interface Quantity {
  dist: Distribution;
  params: number[];
  source?: string;
}

const Z95 = 1.6448536;

/** Reads a Quantity (a number or a one-distribution object); `undefined` if it is not one. */
export function parseQuantity(value: unknown): Quantity | undefined {
  if (typeof value === "number") return { dist: "fixed", params: [value] };
  if (!isObj(value)) return undefined;
  const keys = Object.keys(value).filter((k) => k !== "source" && !k.startsWith("x-"));
  if (keys.length !== 1) return undefined;
  const dist = keys[0] as Distribution;
  if (!DISTRIBUTIONS.includes(dist)) return undefined;
  const raw = value[dist];
  const params = dist === "fixed" ? [raw] : raw;
  if (!Array.isArray(params) || !params.every((p) => typeof p === "number")) return undefined;
  const source = typeof value.source === "string" ? value.source : undefined;
  return { dist, params: params as number[], ...(source ? { source } : {}) };
}

/** True when `value` is a Quantity rather than a per-population map. */
export function isQuantityValue(value: unknown): boolean {
  if (typeof value === "number") return true;
  if (!isObj(value)) return false;
  return Object.keys(value).some((k) => (DISTRIBUTIONS as readonly string[]).includes(k));
}

/** Writes a Quantity back: a plain number when fixed without a source; other keys of `previous` (x- notes) kept. */
export function writeQuantity(q: Quantity, previous?: unknown): unknown {
  const extra: Obj = {};
  if (isObj(previous)) {
    for (const [k, v] of Object.entries(previous)) if (k.startsWith("x-")) extra[k] = v;
  }
  if (q.dist === "fixed" && !q.source && Object.keys(extra).length === 0) return q.params[0] ?? 0;
  const body = q.dist === "fixed" ? (q.params[0] ?? 0) : q.params;
  return { [q.dist]: body, ...(q.source ? { source: q.source } : {}), ...extra };
}

/** Sensible parameters when switching a quantity to `dist`, centred near `around`. */
export function convert(q: Quantity, dist: Distribution, probability: boolean): Quantity {
  const m = Number.isFinite(mean(q)) ? mean(q) : 0;
  const lo = probability ? Math.max(0, m * 0.5) : m * 0.5;
  const hi = probability ? Math.min(1, m * 1.5 || 0.1) : m * 1.5 || 1;
  const params: Record<Distribution, number[]> = {
    fixed: [m],
    uniform: [lo, hi],
    triangular: [lo, m, hi],
    pert: [lo, m, hi],
    beta: [Math.max(0.5, m * 10) || 1, Math.max(0.5, (1 - m) * 10) || 1],
    lognormal: [m > 0 ? m * 0.5 : 1, m > 0 ? m * 2 : 10],
  };
  return { ...q, dist, params: params[dist].map(tidy) };
}

function tidy(x: number): number {
  return Number(x.toPrecision(6));
}

// ---- maths ----------------------------------------------------------------------------

function lgamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9).
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

function betaPdf(u: number, a: number, b: number): number {
  if (u <= 0 || u >= 1) return 0;
  return Math.exp((a - 1) * Math.log(u) + (b - 1) * Math.log(1 - u) + lgamma(a + b) - lgamma(a) - lgamma(b));
}

function pertShape(lo: number, mode: number, hi: number): [number, number] {
  return [1 + (4 * (mode - lo)) / (hi - lo), 1 + (4 * (hi - mode)) / (hi - lo)];
}

function lognormalParams(p5: number, p95: number): [number, number] {
  return [(Math.log(p5) + Math.log(p95)) / 2, (Math.log(p95) - Math.log(p5)) / (2 * Z95)];
}

/** Whether the parameters make a distribution (ordered bounds, positive shapes). */
export function isWellFormed(q: Quantity): boolean {
  const p = q.params;
  if (p.length !== PARAMS[q.dist].length || !p.every(Number.isFinite)) return false;
  switch (q.dist) {
    case "fixed":
      return true;
    case "uniform":
      return p[0]! < p[1]!;
    case "triangular":
    case "pert":
      return p[0]! <= p[1]! && p[1]! <= p[2]! && p[0]! < p[2]!;
    case "beta":
      return p[0]! > 0 && p[1]! > 0;
    case "lognormal":
      return p[0]! > 0 && p[0]! < p[1]!;
  }
}

export function mean(q: Quantity): number {
  const p = q.params;
  switch (q.dist) {
    case "fixed":
      return p[0]!;
    case "uniform":
      return (p[0]! + p[1]!) / 2;
    case "triangular":
      return (p[0]! + p[1]! + p[2]!) / 3;
    case "pert":
      return (p[0]! + 4 * p[1]! + p[2]!) / 6;
    case "beta":
      return p[0]! / (p[0]! + p[1]!);
    case "lognormal": {
      const [mu, sigma] = lognormalParams(p[0]!, p[1]!);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
  }
}

/** The plotted range [from, to] (the support, or the 0.1%–99.5% range of a lognormal). */
export function range(q: Quantity): [number, number] {
  const p = q.params;
  switch (q.dist) {
    case "fixed":
      return [p[0]! - 1, p[0]! + 1];
    case "uniform":
      return [p[0]!, p[1]!];
    case "triangular":
    case "pert":
      return [p[0]!, p[2]!];
    case "beta":
      return [0, 1];
    case "lognormal": {
      const [mu, sigma] = lognormalParams(p[0]!, p[1]!);
      return [0, Math.exp(mu + 2.5758 * sigma)];
    }
  }
}

/** The density at x (for `fixed`, 0 everywhere: it is drawn as a spike). */
export function density(q: Quantity, x: number): number {
  const p = q.params;
  switch (q.dist) {
    case "fixed":
      return 0;
    case "uniform":
      return x >= p[0]! && x <= p[1]! ? 1 / (p[1]! - p[0]!) : 0;
    case "triangular": {
      const [a, c, b] = p as [number, number, number];
      if (x < a || x > b) return 0;
      if (x < c) return (2 * (x - a)) / ((b - a) * (c - a));
      if (x > c) return (2 * (b - x)) / ((b - a) * (b - c));
      return 2 / (b - a);
    }
    case "pert": {
      const [lo, mode, hi] = p as [number, number, number];
      const [a, b] = pertShape(lo, mode, hi);
      return betaPdf((x - lo) / (hi - lo), a, b) / (hi - lo);
    }
    case "beta":
      return betaPdf(x, p[0]!, p[1]!);
    case "lognormal": {
      if (x <= 0) return 0;
      const [mu, sigma] = lognormalParams(p[0]!, p[1]!);
      const z = (Math.log(x) - mu) / sigma;
      return Math.exp(-0.5 * z * z) / (x * sigma * Math.sqrt(2 * Math.PI));
    }
  }
}

/** The `prob` quantile: exact where there is a closed form, else from a fine CDF grid. */
export function quantile(q: Quantity, prob: number): number {
  const p = q.params;
  switch (q.dist) {
    case "fixed":
      return p[0]!;
    case "uniform":
      return p[0]! + prob * (p[1]! - p[0]!);
    case "triangular": {
      const [a, c, b] = p as [number, number, number];
      const f = (c - a) / (b - a);
      return prob < f ? a + Math.sqrt(prob * (b - a) * (c - a)) : b - Math.sqrt((1 - prob) * (b - a) * (b - c));
    }
    case "lognormal": {
      const [mu, sigma] = lognormalParams(p[0]!, p[1]!);
      return Math.exp(mu + normalQuantile(prob) * sigma);
    }
    case "pert":
    case "beta": {
      const [from, to] = range(q);
      const n = 4000;
      const h = (to - from) / n;
      let cdf = 0;
      let total = 0;
      const cells: number[] = [];
      for (let i = 0; i < n; i++) {
        const d = density(q, from + (i + 0.5) * h) * h;
        cells.push(d);
        total += d;
      }
      for (let i = 0; i < n; i++) {
        const next = cdf + cells[i]! / total;
        if (next >= prob) return from + (i + (prob - cdf) / (next - cdf || 1)) * h;
        cdf = next;
      }
      return to;
    }
  }
}

function normalQuantile(p: number): number {
  // Acklam's rational approximation.
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lowP = 0.02425;
  if (p < lowP) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lowP) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** An SVG path of the density on a `width` × `height` box (a spike for `fixed`). */
export function densityPath(q: Quantity, width: number, height: number, points = 80): string {
  if (!isWellFormed(q)) return "";
  if (q.dist === "fixed") return `M${width / 2},${height} L${width / 2},0`;
  const [from, to] = range(q);
  const xs = Array.from({ length: points + 1 }, (_, i) => from + ((to - from) * i) / points);
  const inner = xs.map((x, i) => (i === 0 ? x + (to - from) * 1e-4 : i === points ? x - (to - from) * 1e-4 : x));
  const ys = inner.map((x) => density(q, x));
  const finite = ys.filter(Number.isFinite);
  const top = Math.max(...finite, 1e-12);
  const cap = Math.min(top, finite.sort((a, b) => a - b)[Math.floor(finite.length * 0.97)]! * 1.5 || top);
  const y = (v: number) => height - (Math.min(Number.isFinite(v) ? v : cap, cap) / cap) * (height - 2);
  const coords = ys.map((v, i) => `${((i / points) * width).toFixed(1)},${y(v).toFixed(1)}`);
  return `M0,${height} L${coords.join(" L")} L${width},${height} Z`;
}

/** A short number for labels: 3 significant digits, thousands as k/M. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const abs = Math.abs(x);
  if (abs >= 1e6) return `${Number((x / 1e6).toPrecision(3))}M`;
  if (abs >= 1e4) return `${Number((x / 1e3).toPrecision(3))}k`;
  if (abs === 0) return "0";
  return String(Number(x.toPrecision(3)));
}
