// The one formatting policy for numbers people read, as the engine writes it
// (crates/engine/src/format.rs): the CLI's tables, the charts and the app's sentences
// come from there, the live screens from here. This is a mirror, not a second policy:
// numbers.test.ts runs every case the engine generates (ipc/gen/formatCases.ts) through
// it and requires the same text.
import type { Unit } from "../ipc";

/** `x` with `decimals` places, as Rust's `format!("{:.d}")` writes it: exact ties round
 * to even (JavaScript's `toFixed` rounds them up). */
function fixed(x: number, decimals: number): string {
  const scale = 10 ** decimals;
  const scaled = x * scale;
  const tie = Number.isInteger(scaled * 2) && !Number.isInteger(scaled);
  if (tie) {
    let n = Math.floor(scaled);
    if (n % 2 !== 0) n += 1;
    return (n / scale).toFixed(decimals);
  }
  return x.toFixed(decimals);
}

/** `1234567.8` → `1,234,568`: comma separators, fixed decimals, `n/a` / `∞` / `-∞`, never `-0`. */
export function thousands(x: number, decimals = 0): string {
  if (Number.isNaN(x)) return "n/a";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  const s = fixed(Math.abs(x), decimals);
  const [int = "", frac] = s.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = x < 0 && /[1-9]/.test(s);
  return `${negative ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** A fraction as a percentage with a space before the sign: `0.1234` → `12.34 %`. */
export function percent(fraction: number, decimals = 2): string {
  if (!Number.isFinite(fraction)) return thousands(fraction);
  return `${thousands(fraction * 100, decimals)} %`;
}

const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥" };

/** What money amounts start with: `$`, `€`, `£`, `¥`, else the code and a space (`CHF `). */
export function currencySymbol(currency: string): string {
  const code = currency.toUpperCase();
  if (code === "") return "";
  return SYMBOLS[code] ?? `${code} `;
}

function withSymbol(body: string, currency: string): string {
  const symbol = currencySymbol(currency);
  return body.startsWith("-") ? `-${symbol}${body.slice(1)}` : `${symbol}${body}`;
}

/** Money in full: `$1,234,568`; amounts under 100 keep cents (`€12.50`). */
export function money(x: number, currency: string): string {
  const decimals = Math.abs(x) < 100 && x % 1 !== 0 ? 2 : 0;
  return withSymbol(thousands(x, decimals), currency);
}

/** One decimal under 10 (counts: only when not whole), else none. */
function smallDecimals(x: number, wholeOnlyAboveTen: boolean): number {
  return Math.abs(x) < 10 && (!wholeOnlyAboveTen || x % 1 !== 0) ? 1 : 0;
}

/** A metric value in full, by unit: `94.12 %`, `$182,400`, `12,345`, `1,234 h`, `12 s`, `8.5 min`. */
export function formatValue(x: number, unit: Unit, currency: string): string {
  switch (unit) {
    case "rate":
      return percent(x, 2);
    case "money":
      return money(x, currency);
    case "count":
      return thousands(x, smallDecimals(x, true));
    case "hours":
      return `${thousands(x, smallDecimals(x, false))} h`;
    case "seconds":
      return `${thousands(x, smallDecimals(x, false))} s`;
    case "minutes":
      return `${thousands(x, smallDecimals(x, false))} min`;
    case "number":
      return thousands(x, Math.abs(x) < 10 ? 2 : 0);
  }
}

/** A change with its sign (`+`, `−`, `±`); rates in points (`−1.80 pts`, `+<0.01 pts`). */
export function formatDelta(x: number, unit: Unit, currency: string): string {
  if (!Number.isFinite(x)) return thousands(x);
  const sign = x > 0 ? "+" : x < 0 ? "−" : "±";
  const a = Math.abs(x);
  if (unit === "rate") {
    if (a > 0 && a < 0.00005) return `${sign}<0.01 pts`;
    return `${sign}${thousands(a * 100, 2)} pts`;
  }
  return `${sign}${formatValue(a, unit, currency)}`;
}

/** A standard error, more precise than its value: `0.123 pts`, money in full, else one decimal. */
export function formatSe(x: number, unit: Unit, currency: string): string {
  if (unit === "rate") return `${thousands(x * 100, 3)} pts`;
  if (unit === "money") return money(x, currency);
  return thousands(x, 1);
}

/** Three significant digits, trailing zeros trimmed: 1.2345 → `1.23`, 12 → `12`. */
function sig3(v: number): string {
  if (v === 0) return "0";
  const decimals = v >= 100 ? 0 : v >= 10 ? 1 : v >= 1 ? 2 : Math.min(Math.floor(-Math.log10(v)) + 3, 8);
  const s = fixed(v, decimals);
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** At most three significant digits with k / M / B / T: 12345 → `12.3k`, 1234 → `1,234`. */
export function short(x: number): string {
  if (!Number.isFinite(x)) return thousands(x);
  const a = Math.abs(x);
  const sign = x < 0 ? "-" : "";
  const [v, suffix] =
    a >= 999.5e9 ? [a / 1e12, "T"] : a >= 999.5e6 ? [a / 1e9, "B"] : a >= 999.5e3 ? [a / 1e6, "M"] : a >= 9_999.5 ? [a / 1e3, "k"] : [a, ""];
  const body = suffix === "" && v >= 1000 ? thousands(v, 0) : sig3(v);
  if (body === "0") return "0";
  return `${sign}${body}${suffix}`;
}

/** A metric value in short form, for chart axes and bar ends: `$1.23M`, `12.3k`, `4.20 %`. */
export function compact(x: number, unit: Unit, currency: string): string {
  switch (unit) {
    case "rate":
      return percent(x, Math.abs(x) < 0.1 ? 2 : 1);
    case "money":
      return withSymbol(short(x), currency);
    case "hours":
      return `${short(x)} h`;
    case "seconds":
      return `${short(x)} s`;
    case "minutes":
      return `${short(x)} min`;
    case "count":
    case "number":
      return short(x);
  }
}

/** Decimals needed to tell apart percentages that are `stepFraction` apart. */
export function percentDecimals(stepFraction: number): number {
  const step = Math.abs(stepFraction * 100);
  if (!Number.isFinite(step) || step >= 1 || step === 0) return 0;
  return Math.min(Math.ceil(-Math.log10(step) - 1e-9), 6);
}

/** A tick label on a metric's axis, `step` apart from the next. */
export function axis(x: number, unit: Unit, currency: string, step: number): string {
  return unit === "rate" ? percent(x, percentDecimals(step)) : compact(x, unit, currency);
}

/** A share of users: `0 %`, `<0.01 %`, `0.42 %`, `12.3 %`. */
export function share(x: number): string {
  if (x === 0) return "0 %";
  if (Math.abs(x) < 0.0001) return "<0.01 %";
  return percent(x, Math.abs(x) < 0.01 ? 2 : 1);
}

/** Formats by kind, as the engine's `format_case` does (the generated cases use it). */
export function formatCase(kind: string, x: number, unit: Unit | null, arg: number | null, currency: string): string {
  const u: Unit = unit ?? "number";
  const decimals = Math.max(0, Math.trunc(arg ?? 0));
  switch (kind) {
    case "thousands":
      return thousands(x, decimals);
    case "percent":
      return percent(x, decimals);
    case "money":
      return money(x, currency);
    case "value":
      return formatValue(x, u, currency);
    case "delta":
      return formatDelta(x, u, currency);
    case "se":
      return formatSe(x, u, currency);
    case "compact":
      return compact(x, u, currency);
    case "axis":
      return axis(x, u, currency, arg ?? 1);
    case "share":
      return share(x);
    default:
      return "";
  }
}
