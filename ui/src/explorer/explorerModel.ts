// Pure helpers of the threshold explorer: the headline rows with their change against
// the model's own thresholds, guardrails grouped by owning team, and the scenario that
// "Save as scenario" adds to the document.

import type { GuardrailView, MetricDef, SweepPoint } from "../ipc";
import { formatDelta, formatValue, money, percent } from "../format/numbers";
import { LIVE_HEADLINES } from "../vocab";
import { isObj, type ModelDoc } from "../editor/model";

/** The headline numbers, in order (labels, units and which way is better from the catalogue). */
export const EXPLORER_HEADLINES: MetricDef[] = LIVE_HEADLINES;

export interface HeadlineRow {
  key: string;
  label: string;
  mean: number;
  value: string;
  /** Change against the model's thresholds (`null` when it has no value there). */
  delta: string | null;
  /** `better` / `worse` / `same` against the model's thresholds. */
  direction: "better" | "worse" | "same";
}

/** Headline rows of `point` against `reference` (absent totals left out). */
export function headlineRows(point: SweepPoint, reference: SweepPoint | null, currency: string): HeadlineRow[] {
  const out: HeadlineRow[] = [];
  for (const h of EXPLORER_HEADLINES) {
    const now = point.totals[h.id];
    if (now === undefined) continue;
    const before = reference?.totals[h.id];
    const diff = before === undefined ? 0 : now - before;
    // Below display precision is "no change" (e.g. 1e-13 from summing in another order).
    const tiny = Math.abs(diff) <= 1e-9 * Math.max(1, Math.abs(now));
    out.push({
      key: h.id,
      label: h.label,
      mean: now,
      value: formatValue(now, h.unit, currency),
      delta: before === undefined ? null : formatDelta(tiny ? 0 : diff, h.unit, currency),
      direction: tiny ? "same" : diff > 0 === (h.higher_is_better ?? false) ? "better" : "worse",
    });
  }
  return out;
}

export { share } from "../format/numbers";

/** A guardrail limit drawn on the chart: friction at most `value` (x) or fraud loss at
 * most `value` (y); the side beyond it is shaded. */
export interface AxisLimit {
  axis: "x" | "y";
  value: number;
  label: string;
  /** Met at the current point. */
  met: boolean;
}

export interface TeamRows {
  owner: string;
  ownerName: string;
  guardrails: (GuardrailView & { wasMet: boolean | null; wasProbability: number | null })[];
}

/** Guardrails grouped by owning team (first appearance order), each with how it stood
 * at the model's own thresholds. */
export function guardrailsByTeam(guardrails: GuardrailView[], reference: SweepPoint | null): TeamRows[] {
  const teams: TeamRows[] = [];
  for (const g of guardrails) {
    const before = reference?.guardrails.find(([id]) => id === g.id);
    const row = { ...g, wasMet: before ? before[2] : null, wasProbability: before ? before[1] : null };
    const team = teams.find((t) => t.owner === g.owner);
    if (team) team.guardrails.push(row);
    else teams.push({ owner: g.owner, ownerName: g.owner_name, guardrails: [row] });
  }
  return teams;
}

/** The guardrails that are lines on the tradeoff chart: a model-wide fraud-loss maximum
 * (y) and a legitimate-success minimum (x, as friction = 1 − success), each labelled
 * with its team. Others (false rejects, support load, scoped ones) are in the list. */
export function axisLimits(guardrails: GuardrailView[], currency: string): AxisLimit[] {
  const out: AxisLimit[] = [];
  for (const g of guardrails) {
    if (g.journey !== null || g.population !== null) continue;
    if (g.metric === "fraud_loss" && g.max !== null) {
      out.push({ axis: "y", value: g.max, label: `${g.owner_name}: fraud loss ≤ ${money(g.max, currency)}`, met: g.met });
    } else if (g.metric === "legit_success_rate" && g.min !== null) {
      out.push({ axis: "x", value: 1 - g.min, label: `${g.owner_name}: success ≥ ${percent(g.min, 0)}`, met: g.met });
    }
  }
  return out;
}

/** `0.3` → `0.30`. */
export function threshold(x: number): string {
  return x.toFixed(2);
}

/** The name offered when saving: `Risk gate login/risk 0.25/0.85`. */
export function defaultScenarioName(gate: string, allowBelow: number, blockAtOrAbove: number): string {
  return `Risk gate ${gate} ${threshold(allowBelow)}/${threshold(blockAtOrAbove)}`;
}

/** A scenario id from its name (`a-z0-9_-`), unique among `taken`. */
export function scenarioId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "") || "scenario";
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
  return id;
}

export interface ThresholdScenario {
  journey: string;
  step: string;
  allowBelow: number;
  blockAtOrAbove: number;
  name: string;
  /** Team deciding `risk_thresholds`, if the model names one. */
  proposedBy: string | null;
  /** The model's thresholds now (for the description). */
  was: { allowBelow: number | null; blockAtOrAbove: number | null };
}

/** The document with a new scenario setting the gate's two thresholds; its id too. */
export function addThresholdScenario(doc: ModelDoc, s: ThresholdScenario): { doc: ModelDoc; id: string } {
  const scenarios = Array.isArray(doc.scenarios) ? doc.scenarios : [];
  const id = scenarioId(
    s.name,
    scenarios.filter(isObj).map((x) => String(x.id)),
  );
  const base = `journeys/${s.journey}/steps/${s.step}`;
  const was =
    s.was.allowBelow !== null && s.was.blockAtOrAbove !== null
      ? ` (the model has ${threshold(s.was.allowBelow)} / ${threshold(s.was.blockAtOrAbove)})`
      : "";
  const scenario: Record<string, unknown> = {
    id,
    name: s.name.trim() || id,
    description: `Risk gate ${s.journey}/${s.step}: allow below ${threshold(s.allowBelow)}, block at or above ${threshold(s.blockAtOrAbove)}${was}. Saved from the threshold explorer.`,
  };
  if (s.proposedBy) scenario.proposed_by = s.proposedBy;
  scenario.changes = [
    { path: `${base}/allow_below`, value: s.allowBelow },
    { path: `${base}/block_at_or_above`, value: s.blockAtOrAbove },
  ];
  return { doc: { ...doc, scenarios: [...scenarios, scenario] }, id };
}
