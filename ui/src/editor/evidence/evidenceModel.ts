// Pure helpers of the evidence dialogs (spec §12): the default source id and title of a
// quantity's path, CSV paste into periods, periods and judgements from what is typed,
// which of a hidden round's answers are masked, and words for a fit. No statistics: the
// fits, densities and p-values are the engine's.
import type { Family, Judgement, ObservedFit, ObservedMethod, Period } from "../../ipc";
import { isObj } from "../model";
import { percent, short, thousands } from "../../format/numbers";
import { pValue } from "../../format/text";

/** Segments of a slash path that name a list, not a thing: left out of a source id. */
const LIST_SEGMENTS = new Set(["journeys", "steps", "controls", "populations", "risk_signals", "sources"]);

/** The id parts of `path` (`journeys/login/steps/identify/abandon/*legitimate` →
 * `login`, `identify`, `abandon`, `legitimate`); `*` alone reads `everyone`. */
function idParts(path: string): string[] {
  return path
    .split("/")
    .filter((s) => s !== "" && !LIST_SEGMENTS.has(s))
    .map((s) => (s === "*" ? "everyone" : s.replace(/^\*/, "")));
}

/** A source id for evidence about the quantity at `path` (valid: a-z, 0-9, _ and -):
 * its ids joined by `_`, then `_counts` or `_experts`. */
export function defaultSourceId(path: string, kind: "counts" | "experts"): string {
  const base = idParts(path)
    .join("_")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  return `${base || "evidence"}_${kind}`;
}

/** A title for that source: `Observed counts: login / identify / abandon / customers`. */
export function defaultTitle(path: string, kind: "counts" | "experts"): string {
  return `${kind === "counts" ? "Observed counts" : "Expert judgement"}: ${idParts(path).join(" / ")}`;
}

/** Whether `id` is a valid source id (as the engine's ids). */
export function isValidId(id: string): boolean {
  return /^[a-z0-9_-]+$/.test(id);
}

/** A period as typed: text until it is fitted. */
export interface PeriodRow {
  label: string;
  n: string;
  k: string;
}

export const EMPTY_ROW: PeriodRow = { label: "", n: "", k: "" };

function whole(text: string): number | null {
  const t = text.trim().replace(/[,_ ]/g, "");
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** Rows pasted as CSV `label,n,k` (a header line naming `n` and `k` may come first and
 * may put the columns in any order; tabs and semicolons separate too). Returns the rows
 * and, per bad line, why. */
export function parsePeriodsCsv(text: string): { rows: PeriodRow[]; problems: string[] } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const split = (l: string) => l.split(/[,;\t]/).map((c) => c.trim());
  let cols = { label: 0, n: 1, k: 2 };
  const first = lines[0] ? split(lines[0]).map((c) => c.toLowerCase()) : [];
  if (first.includes("n") && first.includes("k")) {
    cols = { label: first.indexOf("label"), n: first.indexOf("n"), k: first.indexOf("k") };
    lines.shift();
  }
  const rows: PeriodRow[] = [];
  const problems: string[] = [];
  lines.forEach((line, i) => {
    const cells = split(line);
    const row = { label: cols.label >= 0 ? (cells[cols.label] ?? "") : "", n: cells[cols.n] ?? "", k: cells[cols.k] ?? "" };
    if (whole(row.n) === null || whole(row.k) === null) problems.push(`line ${i + 1}: “${line}” is not label, n, k with whole numbers`);
    else rows.push(row);
  });
  return { rows, problems };
}

/** The periods of `rows` (blank rows skipped), or why they cannot be fitted. */
export function periodsOf(rows: PeriodRow[]): { periods: Period[] } | { problem: string } {
  const periods: Period[] = [];
  for (const [i, row] of rows.entries()) {
    if (row.n.trim() === "" && row.k.trim() === "" && row.label.trim() === "") continue;
    const n = whole(row.n);
    const k = whole(row.k);
    const name = row.label.trim() || `row ${i + 1}`;
    if (n === null || n < 1) return { problem: `${name}: n (trials) must be a whole number of at least 1` };
    if (k === null) return { problem: `${name}: k (events) must be a whole number` };
    if (k > n) return { problem: `${name}: k (${thousands(k)}) is more than n (${thousands(n)})` };
    periods.push(row.label.trim() ? { n, k, label: row.label.trim() } : { n, k });
  }
  if (periods.length === 0) return { problem: "enter at least one period's n and k" };
  return { periods };
}

/** How a fit was made, in words. */
export const METHOD_WORDS: Record<ObservedMethod, string> = {
  jeffreys: "Jeffreys posterior of one period",
  pooled_jeffreys: "pooled Jeffreys posterior: the periods agree",
  beta_binomial: "beta-binomial: the periods drift, and the drift becomes uncertainty",
};

/** The homogeneity verdict in plain words (the engine's verdict follows it). */
export function homogeneityWords(fit: ObservedFit): string {
  if (fit.p_value === null) return "One period: no test of whether periods agree.";
  return fit.p_value < 0.05
    ? `The periods differ more than chance allows (p ${pValueText(fit.p_value)}).`
    : `The periods agree within chance (p ${pValueText(fit.p_value)}).`;
}

/** A p-value after "p": `= 0.412`, `< 0.0001`. */
export function pValueText(p: number): string {
  const text = pValue(p);
  return text.startsWith("<") ? text : `= ${text}`;
}

/** A Beta's shapes, three significant digits: `Beta(11.5, 124)`. */
export function betaText(a: number, b: number): string {
  return `Beta(${short(a)}, ${short(b)})`;
}

/** A quantile's probability as a column heading: `5 %`, `2.5 %`. */
export function quantileHeading(p: string): string {
  const x = Number(p);
  return percent(x, Number.isInteger(Math.round(x * 1e6) / 1e4) ? 0 : 1);
}

/** The default quantiles of a round: 5 %, 50 %, 95 %. */
export const DEFAULT_QUANTILES = ["0.05", "0.5", "0.95"];

/** A probability typed as a percentage (`25`, `2.5 %`) as a quantile key (`0.25`), or
 * null when it is not strictly between 0 and 100 or is already used. */
export function quantileKey(typed: string, used: string[]): string | null {
  const x = Number(typed.replace("%", "").trim());
  if (typed.trim() === "" || !Number.isFinite(x) || x <= 0 || x >= 100) return null;
  const key = String(Math.round(x * 1e4) / 1e6);
  return used.includes(key) ? null : key;
}

/** An expert as typed. */
export interface ExpertRow {
  name: string;
  /** One value per quantile of the round, as typed. */
  values: string[];
  rationale: string;
}

export function emptyExpert(quantiles: number): ExpertRow {
  return { name: "", values: Array.from({ length: quantiles }, () => ""), rationale: "" };
}

/** The name shown for expert `i` (`Expert 2` when none is typed). */
export function expertName(row: ExpertRow, i: number): string {
  return row.name.trim() || `Expert ${i + 1}`;
}

/** The judgements of `experts` over `quantiles` (keys in column order), or why not. The
 * engine checks the rest (increasing values, bounds of the family). */
export function judgementsOf(experts: ExpertRow[], quantiles: string[]): { judgements: Judgement[] } | { problem: string } {
  const order = quantiles.map((q, i) => [Number(q), i] as const).sort((a, b) => a[0] - b[0]);
  const judgements: Judgement[] = [];
  for (const [i, e] of experts.entries()) {
    const name = expertName(e, i);
    const values: Record<string, number> = {};
    for (const [, c] of order) {
      const text = (e.values[c] ?? "").trim();
      const v = Number(text);
      if (text === "" || !Number.isFinite(v)) return { problem: `${name}: the ${quantileHeading(quantiles[c]!)} quantile is not a number` };
      values[quantiles[c]!] = v;
    }
    const j: Judgement = { expert: name, quantiles: values };
    if (e.rationale.trim()) j.rationale = e.rationale.trim();
    judgements.push(j);
  }
  if (judgements.length === 0) return { problem: "add at least one expert" };
  const names = judgements.map((j) => j.expert);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) return { problem: `two experts are called “${twice}”: name each one` };
  return { judgements };
}

/** Whether expert `i`'s answers are masked: in a hidden round not yet revealed, every
 * expert's but the one being typed (`active`; none when nobody is typing). */
export function isMasked(i: number, round: { hidden: boolean; revealed: boolean; active: number | null }): boolean {
  return round.hidden && !round.revealed && round.active !== i;
}

/** The families a quantity's judgements can be fitted in: beta for a probability, PERT
 * or lognormal for an amount. */
export function familiesFor(probability: boolean): Family[] {
  return probability ? ["beta"] : ["pert", "lognormal"];
}

export const FAMILY_WORDS: Record<Family, string> = { beta: "Beta", pert: "PERT", lognormal: "lognormal" };

/** A fit's worst quantile error in words: `0.14 % of probability`. */
export function fitErrorText(error: number): string {
  return `${percent(error, error < 0.001 ? 3 : 2)} of probability`;
}

/** The evidence a quantity already cites: its source's id, title and the counts or
 * judgements kept there (null when it cites no source of the document). */
export function existingEvidence(
  doc: unknown,
  quantity: unknown,
): { id: string; title: string; observed?: Period[]; elicited?: Judgement[] } | null {
  const id = isObj(quantity) && typeof quantity.source === "string" ? quantity.source : null;
  const sources = isObj(doc) && Array.isArray(doc.sources) ? doc.sources : [];
  const source = id === null ? undefined : sources.find((s) => isObj(s) && s.id === id);
  if (!isObj(source) || id === null) return null;
  const periods = Array.isArray(source.observed)
    ? source.observed.filter((p): p is Period => isObj(p) && typeof p.n === "number" && typeof p.k === "number")
    : undefined;
  const judgements = Array.isArray(source.elicited)
    ? source.elicited.filter((j): j is Judgement => isObj(j) && typeof j.expert === "string" && isObj(j.quantiles))
    : undefined;
  return {
    id,
    title: typeof source.title === "string" ? source.title : "",
    ...(periods?.length ? { observed: periods } : {}),
    ...(judgements?.length ? { elicited: judgements } : {}),
  };
}

/** Whether `doc` has a source `id`. */
export function sourceExists(doc: unknown, id: string): boolean {
  return isObj(doc) && Array.isArray(doc.sources) && doc.sources.some((s) => isObj(s) && s.id === id);
}
