// Display formatting of result numbers (the numbers themselves come from the engine).
import type { MetricUnit } from "../ipc";

const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥" };

/** `1234567.8` → `1,234,568` (fixed decimals, comma thousands separators). */
export function thousands(x: number, decimals = 0): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "n/a" : x > 0 ? "∞" : "-∞";
  return x.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** What money amounts start with: `$`, `€`, or the code and a space (`CHF `). */
export function currencySymbol(currency: string): string {
  return SYMBOLS[currency.toUpperCase()] ?? `${currency} `;
}

/** Money in the model currency: `$1,234,568`; amounts under 100 keep cents. */
export function money(x: number, currency: string): string {
  const symbol = currencySymbol(currency);
  const decimals = Math.abs(x) < 100 && !Number.isInteger(x) ? 2 : 0;
  const body = thousands(Math.abs(x), decimals);
  return `${x < 0 && body.replace(/[0.,]/g, "") !== "" ? "-" : ""}${symbol}${body}`;
}

/** A fraction as a percentage: `0.94123` → `94.12 %`. */
export function percent(fraction: number, decimals = 2): string {
  if (!Number.isFinite(fraction)) return thousands(fraction);
  return `${thousands(fraction * 100, decimals)} %`;
}

/** A value of a metric of `unit`. */
export function formatValue(x: number, unit: MetricUnit, currency: string): string {
  switch (unit) {
    case "rate":
      return percent(x);
    case "money":
      return money(x, currency);
    case "hours":
      return `${thousands(x, Math.abs(x) < 10 ? 1 : 0)} h`;
    case "count":
      return thousands(x, Math.abs(x) < 10 && !Number.isInteger(x) ? 1 : 0);
  }
}

/** A standard error: more decimals than the value, so it reads as precision. */
export function formatSe(x: number, unit: MetricUnit, currency: string): string {
  if (unit === "rate") return `${thousands(x * 100, 3)} pts`;
  if (unit === "money") return money(x, currency);
  return thousands(x, 1);
}

/** A difference with its sign; rates in percentage points. */
export function formatDelta(x: number, unit: MetricUnit, currency: string): string {
  const sign = x > 0 ? "+" : x < 0 ? "−" : "±";
  const a = Math.abs(x);
  switch (unit) {
    case "rate":
      return `${sign}${thousands(a * 100, 2)} pts`;
    case "money":
      return `${sign}${money(a, currency)}`;
    default:
      return `${sign}${formatValue(a, unit, currency)}`;
  }
}

/** Milliseconds as `0:42` or `1:02:03`. */
export function duration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** `2026-01-01T12:00:05Z` → `2026-01-01 12:00:05` (UTC, as stored). */
export function timestamp(iso: string): string {
  return iso.replace("T", " ").replace(/(\.\d+)?Z$/, "").replace(/([+-]\d\d:\d\d)$/, "");
}

const MAX_SEED = (1n << 64n) - 1n;

/** A random u64 seed as a decimal string. */
export function randomSeed(random: () => number = Math.random): string {
  const hi = BigInt(Math.floor(random() * 2 ** 32));
  const lo = BigInt(Math.floor(random() * 2 ** 32));
  return ((hi << 32n) | lo).toString();
}

/** Why `text` is not a valid seed, or `null`. */
export function seedProblem(text: string): string | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return "The seed must be a whole number (0 or more).";
  if (BigInt(t) > MAX_SEED) return "The seed must be at most 18,446,744,073,709,551,615.";
  return null;
}

/** Largest number of iterations the run panel accepts. */
export const MAX_ITERATIONS = 10_000_000;

/** The iteration count typed in `text` (separators allowed), or why it is not valid. */
export function parseIterations(text: string): { value: number } | { problem: string } {
  const t = text.replace(/[,_\s]/g, "");
  if (!/^\d+$/.test(t)) return { problem: "Iterations must be a whole number." };
  const value = Number(t);
  if (value < 1) return { problem: "Run at least 1 iteration." };
  if (value > MAX_ITERATIONS) return { problem: `At most ${thousands(MAX_ITERATIONS)} iterations.` };
  return { value };
}

const MONEY_METRICS = new Set(["fraud_loss", "support_cost", "control_cost", "value", "net_value", "loss"]);

/** A guardrail's limits in words: `fraud_loss ≤ $500,000`, `legit_success_rate ≥ 75.00 %`. */
export function guardrailLimits(min: number | null, max: number | null, metric: string, currency: string): string {
  const f = (x: number) =>
    metric.endsWith("_rate")
      ? percent(x)
      : MONEY_METRICS.has(metric)
        ? money(x, currency)
        : thousands(x, Math.abs(x) < 10 ? 2 : 0);
  if (min !== null && max !== null) return `${f(min)} ≤ ${metric} ≤ ${f(max)}`;
  if (max !== null) return `${metric} ≤ ${f(max)}`;
  if (min !== null) return `${metric} ≥ ${f(min)}`;
  return metric;
}

/** Largest relative half-width accepted for "stop when precise enough", in per cent. */
export const MAX_TOLERANCE_PERCENT = 50;

/** A relative tolerance typed in per cent (`1`, `0.5 %`, `±2`) as a fraction, or why it is not valid. */
export function parseTolerance(text: string): { value: number } | { problem: string } {
  const t = text.replace(/[±%\s]/g, "").replace(",", ".");
  const value = Number(t);
  if (t === "" || !Number.isFinite(value)) return { problem: "The precision must be a number of per cent, e.g. 1." };
  if (value <= 0) return { problem: "The precision must be above 0 %." };
  if (value > MAX_TOLERANCE_PERCENT) return { problem: `The precision must be at most ±${MAX_TOLERANCE_PERCENT} %.` };
  return { value: value / 100 };
}

/** Default file name of an export: `consumer-sign-in-run-12.csv`. */
export function exportFileName(modelKey: string, runId: number, format: string): string {
  const stem = modelKey.trim().replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "model";
  return `${stem}-run-${runId}.${format}`;
}
