// Quantities (spec §2) as the editor reads and writes them. What a quantity *means*
// (mean, percentiles, density, whether it is valid) comes from the engine
// (useQuantityView); the distributions and their parameter names from its vocabulary.

import { DISTRIBUTION_DEFS } from "../vocab";
import { isObj, type Obj } from "./model";

/** The distribution keys of spec §2, in the engine's order. */
export const DISTRIBUTIONS: readonly string[] = DISTRIBUTION_DEFS.map((d) => d.key);
export type Distribution = string;

/** Names of a distribution's parameters (`["low", "mode", "high"]`). */
export function paramsOf(dist: Distribution): readonly string[] {
  return DISTRIBUTION_DEFS.find((d) => d.key === dist)?.params ?? [];
}

export interface Quantity {
  dist: Distribution;
  params: number[];
  source?: string;
}

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

/** Sensible parameters when switching a quantity to `dist`, centred near `around` (the
 * engine's mean of the quantity; the middle of its parameters when there is none). */
export function convert(q: Quantity, dist: Distribution, probability: boolean, around?: number | null): Quantity {
  const middle = q.params.length > 0 ? (Math.min(...q.params) + Math.max(...q.params)) / 2 : 0;
  const m = around !== null && around !== undefined && Number.isFinite(around) ? around : Number.isFinite(middle) ? middle : 0;
  const lo = probability ? Math.max(0, m * 0.5) : m * 0.5;
  const hi = probability ? Math.min(1, m * 1.5 || 0.1) : m * 1.5 || 1;
  const params: Record<string, number[]> = {
    fixed: [m],
    uniform: [lo, hi],
    triangular: [lo, m, hi],
    pert: [lo, m, hi],
    beta: [Math.max(0.5, m * 10) || 1, Math.max(0.5, (1 - m) * 10) || 1],
    lognormal: [m > 0 ? m * 0.5 : 1, m > 0 ? m * 2 : 10],
  };
  return { ...q, dist, params: (params[dist] ?? [m]).map(tidy) };
}

function tidy(x: number): number {
  return Number(x.toPrecision(6));
}
