// Text of the results screens besides numbers (numbers: ../format/numbers.ts): durations,
// timestamps, seeds and iteration counts as typed, guardrail limits, export file names.
import { VOCABULARY, type Unit } from "../ipc";
import { formatValue, thousands } from "../format/numbers";

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

/** The unit of a guardrail's metric: a model total's, or (scoped) a journey × population
 * metric's, from the engine's catalogue; an outcome id counts users. */
export function guardrailUnit(metric: string, scoped: boolean): Unit {
  const list = scoped ? VOCABULARY.scoped_metrics : VOCABULARY.total_metrics;
  return list.find((m) => m.id === metric)?.unit ?? "count";
}

/** A guardrail's limits in words: `fraud_loss ≤ $500,000`, `legit_success_rate ≥ 75.00 %`. */
export function guardrailLimits(min: number | null, max: number | null, metric: string, currency: string, scoped = false): string {
  const unit = guardrailUnit(metric, scoped);
  const f = (x: number) => formatValue(x, unit, currency);
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
