// Pure helpers for the risk signals and owners panels and for scenario paths (spec §4, §9).
import { findJourney, isObj, journeys, stepsOf, updateJourney, type ModelDoc, type Obj } from "./model";

/** The decision areas of spec §9 a team can decide (the engine's vocabulary). */
import { VOCABULARY } from "../ipc";
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

/** Toggles one decision area of a team, keeping the spec's order. Turning it on takes
 * away a veto on the same area (a team decides or vetoes an area, never both); turning
 * it off leaves a veto as it is. */
export function toggleDecides(team: Obj, area: string, on: boolean): Obj {
  if (on) return setCellState(team, area, "decides");
  return cellState(team, area) === "decides" ? setCellState(team, area, "none") : team;
}

// ---- the ownership matrix (teams × decision areas) -----------------------------------

/** What a team does about a decision area: nothing, decides it, or can block it (veto). */
export type CellState = "none" | "decides" | "veto";

/** The states of a matrix cell, in the order the cell offers them. */
export const CELL_STATES: readonly CellState[] = ["none", "decides", "veto"];

/** The journey kinds of spec §11, from the engine's vocabulary (validation checks them). */
export const JOURNEY_KINDS: readonly string[] = VOCABULARY.journey_kinds;

/** The strings of the list `team[key]` (`decides`, `veto`, `members`), `[]` when absent. */
export function listOf(team: Obj, key: string): string[] {
  return Array.isArray(team[key]) ? (team[key] as unknown[]).map(String) : [];
}

/** A team as people name it: its name, else its id. */
export function teamLabel(team: Obj): string {
  return typeof team.name === "string" && team.name.trim() !== "" ? team.name : String(team.id ?? "");
}

/** The state of one cell. A document that lists the area under both `decides` and `veto`
 * (written by hand) reads as `decides`; setting the cell makes it one or the other. */
export function cellState(team: Obj, area: string): CellState {
  if (listOf(team, "decides").includes(area)) return "decides";
  if (listOf(team, "veto").includes(area)) return "veto";
  return "none";
}

/** `list` with `area` in or out (no repeats): the vocabulary's areas in its order, then
 * any others in the order written. */
function withArea(list: readonly string[], area: string, on: boolean): string[] {
  const kept = unique(list).filter((a) => a !== area);
  const all = on ? [...kept, area] : kept;
  return [...DECISION_AREAS.filter((a) => all.includes(a)), ...all.filter((a) => !DECISION_AREAS.includes(a))];
}

function unique(list: readonly string[]): string[] {
  return list.filter((x, i) => list.indexOf(x) === i);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `team` with `key` set to `list`, or without `key` when `list` is empty (for the
 * optional lists `veto` and `members`; the other keys keep their order). */
function withOptionalList(team: Obj, key: string, list: string[]): Obj {
  if (list.length > 0) return { ...team, [key]: list };
  if (!(key in team)) return team;
  const rest = { ...team };
  delete rest[key];
  return rest;
}

/** The team with one cell set: the area is in `decides`, in `veto`, or in neither
 * (never both). `decides` stays (possibly `[]`: the spec requires it); an empty `veto`
 * is removed. Returns `team` itself when nothing changes. */
export function setCellState(team: Obj, area: string, state: CellState): Obj {
  const decides = listOf(team, "decides");
  const veto = listOf(team, "veto");
  const nextDecides = withArea(decides, area, state === "decides");
  const nextVeto = withArea(veto, area, state === "veto");
  if (sameList(decides, nextDecides) && sameList(veto, nextVeto)) return team;
  const next = { ...team, decides: nextDecides };
  // A `veto` that is not a list (hand-written) is left for validation to report.
  return nextVeto.length === 0 && "veto" in team && !Array.isArray(team.veto) ? next : withOptionalList(next, "veto", nextVeto);
}

/** The people or roles of a free-text list: one per comma or line. */
export function parseMembers(text: string): string[] {
  return cleanMembers(text.split(/[,\n]/));
}

/** Entries trimmed, empty ones and repeats left out. */
function cleanMembers(list: readonly string[]): string[] {
  return unique(list.map((m) => m.trim()).filter((m) => m !== ""));
}

/** The team with `members` set (entries trimmed, empty ones and repeats left out), or
 * without the key when none is left. Returns `team` itself when nothing changes. */
export function setMembers(team: Obj, members: readonly string[]): Obj {
  const list = cleanMembers(members);
  if (Array.isArray(team.members) && sameList(listOf(team, "members"), list)) return team;
  return withOptionalList(team, "members", list);
}

/** Per decision area (vocabulary order), the teams that decide it and those that can
 * veto it. */
export function areaCoverage(teams: readonly Obj[]): { area: string; decides: Obj[]; veto: Obj[] }[] {
  return DECISION_AREAS.map((area) => ({
    area,
    decides: teams.filter((t) => cellState(t, area) === "decides"),
    veto: teams.filter((t) => cellState(t, area) === "veto"),
  }));
}

/** The model with journey `journeyId` owned by team `teamId`, or without `owner` when
 * `teamId` is null. Returns `doc` itself when nothing changes. */
export function setJourneyOwner(doc: ModelDoc, journeyId: string, teamId: string | null): ModelDoc {
  return setJourneyKey(doc, journeyId, "owner", teamId);
}

/** The model with journey `journeyId` of kind `kind` (spec §10), or without `kind` when
 * `kind` is null. Returns `doc` itself when nothing changes. */
export function setJourneyKind(doc: ModelDoc, journeyId: string, kind: string | null): ModelDoc {
  return setJourneyKey(doc, journeyId, "kind", kind);
}

function setJourneyKey(doc: ModelDoc, journeyId: string, key: string, value: string | null): ModelDoc {
  const journey = findJourney(doc, journeyId);
  if (!journey || (value === null ? !(key in journey) : journey[key] === value)) return doc;
  return updateJourney(doc, journeyId, (j) => {
    if (value !== null) return { ...j, [key]: value };
    const rest = { ...j };
    delete rest[key];
    return rest;
  });
}

/** The model without the risk signal at `index` (gates that used it then fail validation). */
export function removeSignal(doc: ModelDoc, index: number): ModelDoc {
  return { ...doc, risk_signals: (Array.isArray(doc.risk_signals) ? doc.risk_signals : []).filter((_, i) => i !== index) };
}

/** The model without the team at `index`. */
export function removeTeam(doc: ModelDoc, index: number): ModelDoc {
  return updateOwners(doc, (o) => ({ ...o, teams: (Array.isArray(o.teams) ? o.teams : []).filter((_, i) => i !== index) }));
}
