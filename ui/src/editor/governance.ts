// Pure helpers for the risk signals and owners panels and for scenario paths (spec §4, §9).
import { isObj, journeys, stepsOf, type ModelDoc, type Obj } from "./model";

/** The decision areas of spec §9 a team can decide (the engine's vocabulary). */
import { DECISION_AREAS } from "../vocab";

export { DECISION_AREAS };

/** The Beta(a, b) parameters of a score entry, `undefined` if it is not a Beta. */
export function betaParams(entry: unknown): [number, number] | undefined {
  if (!isObj(entry) || !Array.isArray(entry.beta) || entry.beta.length !== 2) return undefined;
  const [a, b] = entry.beta as unknown[];
  return typeof a === "number" && typeof b === "number" ? [a, b] : undefined;
}

/** Whether Beta(a, b) has valid parameters (both > 0 and finite). */
export function validBeta(a: number, b: number): boolean {
  return Number.isFinite(a) && Number.isFinite(b) && a > 0 && b > 0;
}

/** The risk gates that use `signal`, as `{ journey, step }`. */
export function gatesUsing(doc: ModelDoc, signal: string): { journey: string; step: string }[] {
  return journeys(doc).flatMap((j) =>
    stepsOf(j)
      .filter((s) => isObj(s) && s.kind === "risk_gate" && s.signal === signal)
      .map((s) => ({ journey: j.id, step: s.id })),
  );
}

/** A fresh risk signal with an id not yet taken. */
export function newRiskSignal(doc: ModelDoc): Obj {
  const taken = new Set((Array.isArray(doc.risk_signals) ? doc.risk_signals : []).filter(isObj).map((s) => s.id));
  let n = 1;
  while (taken.has(`signal_${n}`)) n++;
  return { id: `signal_${n}`, name: "New risk signal", score: { "*legitimate": { beta: [2, 8] }, "*attacker": { beta: [6, 3] } } };
}

/** The model with the risk signal at `index` edited. */
export function updateSignal(doc: ModelDoc, index: number, edit: (s: Obj) => Obj): ModelDoc {
  return {
    ...doc,
    risk_signals: (Array.isArray(doc.risk_signals) ? doc.risk_signals : []).map((s, i) => (i === index && isObj(s) ? edit(s) : s)),
  };
}

/** Renames a risk signal and every gate that uses it. */
export function renameSignal(doc: ModelDoc, from: string, to: string): ModelDoc {
  if (from === to) return doc;
  const signals = (Array.isArray(doc.risk_signals) ? doc.risk_signals : []).map((s) => (isObj(s) && s.id === from ? { ...s, id: to } : s));
  const js = Array.isArray(doc.journeys)
    ? doc.journeys.map((j) =>
        isObj(j) && Array.isArray(j.steps) && j.steps.some((s) => isObj(s) && s.kind === "risk_gate" && s.signal === from)
          ? { ...j, steps: j.steps.map((s) => (isObj(s) && s.kind === "risk_gate" && s.signal === from ? { ...s, signal: to } : s)) }
          : j,
      )
    : doc.journeys;
  return { ...doc, risk_signals: signals, journeys: js };
}

/** The owners object of the model (empty when absent). */
export function ownersOf(doc: ModelDoc): { accountable: string; teams: Obj[] } {
  const o = isObj(doc.owners) ? doc.owners : {};
  return { accountable: typeof o.accountable === "string" ? o.accountable : "", teams: Array.isArray(o.teams) ? o.teams.filter(isObj) : [] };
}

/** The model with `owners` edited (created when absent). */
export function updateOwners(doc: ModelDoc, edit: (o: Obj) => Obj): ModelDoc {
  return { ...doc, owners: edit(isObj(doc.owners) ? doc.owners : { accountable: "", teams: [] }) };
}

/** Adds a team with a fresh id. */
export function addTeam(doc: ModelDoc): ModelDoc {
  const taken = new Set(ownersOf(doc).teams.map((t) => t.id));
  let n = 1;
  while (taken.has(`team_${n}`)) n++;
  return updateOwners(doc, (o) => ({ ...o, teams: [...(Array.isArray(o.teams) ? o.teams : []), { id: `team_${n}`, name: "New team", decides: [] }] }));
}

/** The model with the team at `index` edited. */
export function updateTeam(doc: ModelDoc, index: number, edit: (t: Obj) => Obj): ModelDoc {
  return updateOwners(doc, (o) => ({
    ...o,
    teams: (Array.isArray(o.teams) ? o.teams : []).map((t, i) => (i === index && isObj(t) ? edit(t) : t)),
  }));
}

/** Toggles one decision area of a team, keeping the spec's order. */
export function toggleDecides(team: Obj, area: string, on: boolean): Obj {
  const current = Array.isArray(team.decides) ? (team.decides as unknown[]).map(String) : [];
  const set = new Set(current);
  if (on) set.add(area);
  else set.delete(area);
  const known = DECISION_AREAS.filter((a) => set.has(a));
  const others = current.filter((a) => set.has(a) && !(DECISION_AREAS as readonly string[]).includes(a));
  return { ...team, decides: [...known, ...others] };
}

/** The model without the risk signal at `index` (gates that used it then fail validation). */
export function removeSignal(doc: ModelDoc, index: number): ModelDoc {
  return { ...doc, risk_signals: (Array.isArray(doc.risk_signals) ? doc.risk_signals : []).filter((_, i) => i !== index) };
}

/** The model without the team at `index`. */
export function removeTeam(doc: ModelDoc, index: number): ModelDoc {
  return updateOwners(doc, (o) => ({ ...o, teams: (Array.isArray(o.teams) ? o.teams : []).filter((_, i) => i !== index) }));
}
