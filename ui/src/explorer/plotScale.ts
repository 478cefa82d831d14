// Axis helpers of the tradeoff chart: round tick values and short money labels.

import { money } from "../results/format";

/** About `count` round tick values within [lo, hi] (steps of 1, 2 or 5 × 10ᵏ). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  // The round step nearest the raw one (on a log scale), so the count stays near `count`.
  const step = [1, 2, 5, 10]
    .map((m) => m * power)
    .reduce((best, s) => (Math.abs(Math.log(s / raw)) < Math.abs(Math.log(best / raw)) ? s : best));
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
    out.push(Number(t.toPrecision(12)));
  }
  return out;
}

/** `1234567` → `$1.2M`, `45000` → `$45k` (axis labels). */
export function compactMoney(x: number, currency: string): string {
  const a = Math.abs(x);
  const [div, suffix] = a >= 1e9 ? [1e9, "B"] : a >= 1e6 ? [1e6, "M"] : a >= 1e3 ? [1e3, "k"] : [1, ""];
  if (div === 1) return money(x, currency);
  // `$1.20` → `$1.2`, `$450.00` → `$450`.
  const body = money(x / div, currency).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  return `${body}${suffix}`;
}
