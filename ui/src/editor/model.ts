// The model document as the editor sees it: loose JSON (unknown keys are kept as they
// are) and pure, immutable edits on it. Every edit returns a new document and leaves the
// old one untouched, so the undo history is a list of documents.

import { share } from "../format/numbers";
import { VOCABULARY } from "../ipc";
import { DISTRIBUTION_DEFS, STEP_KIND_DEFS } from "../vocab";

/** Any JSON object. */
export type Obj = Record<string, unknown>;

export interface BranchEntry extends Obj {
  target?: string;
  p?: unknown;
}

export interface StepDoc extends Obj {
  id: string;
  kind: string;
  name?: string;
  next?: string;
  on?: Record<string, string>;
  to?: BranchEntry[];
}

export interface JourneyDoc extends Obj {
  id: string;
  name?: string;
  entry?: string;
  steps?: StepDoc[];
}

export interface ModelDoc extends Obj {
  journeys?: JourneyDoc[];
}

export interface Point {
  x: number;
  y: number;
}

/** `{"journeys": {"<journey id>": {"<step id>": {x, y}}}}` under the top-level key. */
export const LAYOUT_KEY = "x-journeylab-layout";

/** A step kind of spec §5 (the names are the engine's: editor.test.ts checks them
 * against the generated vocabulary). */
export type StepKind = "action" | "control" | "risk_gate" | "branch" | "support" | "outcome";

/** The step kinds, in the engine's palette order. */
export const STEP_KINDS = STEP_KIND_DEFS.map((k) => k.kind) as StepKind[];

/** The outcomes every journey has without declaring them (one per class). */
export const IMPLICIT_OUTCOMES: readonly string[] = VOCABULARY.outcome_classes;

/** One exit of a step: where a share of its users leaves to. */
export interface Exit {
  /** Handle id on the node: `next`, `on.pass`, `to.0`, … */
  handle: string;
  label: string;
  /** The target written in the document, if any. */
  target?: string;
  /** Where users go when the document gives no target (optional exits). */
  fallback?: string;
}

/** The exits under `on` of each step kind, with where users go when none is written
 * (an action's `next` and abandon, and a branch's `to` entries, are drawn apart). */
const ON_EXITS: Record<string, { key: string; fallback?: string }[]> = Object.fromEntries(
  STEP_KIND_DEFS.filter((k) => k.kind !== "action" && k.exits.length > 0).map((k) => [
    k.kind,
    k.exits.map((e) => (e.default_target === null ? { key: e.key } : { key: e.key, fallback: e.default_target })),
  ]),
);

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The exits of a step, in the order the spec lists them. */
export function exitsOf(step: StepDoc): Exit[] {
  if (step.kind === "action") return [{ handle: "next", label: "next", target: str(step.next) }];
  const on = ON_EXITS[step.kind];
  if (on) {
    const map = isObj(step.on) ? step.on : {};
    return on.map(({ key, fallback }) => ({
      handle: `on.${key}`,
      label: key,
      target: str(map[key]),
      fallback,
    }));
  }
  if (step.kind === "branch") {
    const entries = Array.isArray(step.to) ? step.to : [];
    return entries.map((entry, i) => ({
      handle: `to.${i}`,
      label: shareLabel(entry),
      target: str(entry?.target),
    }));
  }
  return [];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** "rest" for the remainder entry, else its share: a fixed share as the app writes
 * shares, an uncertain one by its distribution (`pert share`; its mean is the
 * inspector's, from the engine), a per-population map as such. */
export function shareLabel(entry: BranchEntry): string {
  if (!isObj(entry) || entry.p === undefined) return "rest";
  const p = entry.p;
  if (typeof p === "number") return share(p);
  if (isObj(p)) {
    if (typeof p.fixed === "number") return share(p.fixed);
    const dist = Object.keys(p).find((k) => DISTRIBUTION_DEFS.some((d) => d.key === k));
    return dist ? `${dist} share` : "per population";
  }
  return "p";
}

export function journeys(doc: ModelDoc): JourneyDoc[] {
  return Array.isArray(doc.journeys) ? doc.journeys.filter(isObj) : [];
}

export function findJourney(doc: ModelDoc, journeyId: string): JourneyDoc | undefined {
  return journeys(doc).find((j) => j.id === journeyId);
}

export function stepsOf(journey: JourneyDoc | undefined): StepDoc[] {
  return journey && Array.isArray(journey.steps) ? journey.steps.filter(isObj) : [];
}

/** Declared outcome ids plus the implicit ones not redeclared, each with its class. */
export function outcomesOf(journey: JourneyDoc | undefined): { id: string; cls: string; implicit: boolean }[] {
  const declared = stepsOf(journey)
    .filter((s) => s.kind === "outcome")
    .map((s) => ({ id: s.id, cls: String(s.class ?? ""), implicit: false }));
  const implicit = IMPLICIT_OUTCOMES.filter((id) => !declared.some((d) => d.id === id)).map((id) => ({
    id,
    cls: id,
    implicit: true,
  }));
  return [...declared, ...implicit];
}

/** Ids of the ids collection of the top-level list `key` (`controls`, `sources`, …). */
export function idsOf(doc: ModelDoc, key: string): { id: string; name?: string }[] {
  const list = doc[key];
  if (!Array.isArray(list)) return [];
  return list
    .filter(isObj)
    .filter((item) => typeof item.id === "string")
    .map((item) => ({ id: item.id as string, name: typeof item.name === "string" ? item.name : undefined }));
}

export function populationsOf(doc: ModelDoc): { id: string; kind: string }[] {
  const list = doc.populations;
  if (!Array.isArray(list)) return [];
  return list
    .filter(isObj)
    .filter((p) => typeof p.id === "string")
    .map((p) => ({ id: p.id as string, kind: String(p.kind ?? "") }));
}

// ---- layout ---------------------------------------------------------------------------

export function storedLayout(doc: ModelDoc, journeyId: string): Record<string, Point> {
  const layout = doc[LAYOUT_KEY];
  if (!isObj(layout) || !isObj(layout.journeys)) return {};
  const journey = layout.journeys[journeyId];
  if (!isObj(journey)) return {};
  const out: Record<string, Point> = {};
  for (const [id, p] of Object.entries(journey)) {
    if (isObj(p) && typeof p.x === "number" && typeof p.y === "number") out[id] = { x: p.x, y: p.y };
  }
  return out;
}

/** Stores positions (merged over the journey's stored ones), rounded to whole pixels. */
export function setPositions(doc: ModelDoc, journeyId: string, positions: Record<string, Point>): ModelDoc {
  const layout = isObj(doc[LAYOUT_KEY]) ? (doc[LAYOUT_KEY] as Obj) : {};
  const all = isObj(layout.journeys) ? layout.journeys : {};
  const current = isObj(all[journeyId]) ? (all[journeyId] as Obj) : {};
  const next: Obj = { ...current };
  for (const [id, p] of Object.entries(positions)) next[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  return { ...doc, [LAYOUT_KEY]: { ...layout, journeys: { ...all, [journeyId]: next } } };
}

function dropPositions(doc: ModelDoc, journeyId: string, ids: Set<string>, rename?: [string, string]): ModelDoc {
  const layout = doc[LAYOUT_KEY];
  if (!isObj(layout) || !isObj(layout.journeys) || !isObj(layout.journeys[journeyId])) return doc;
  const current = layout.journeys[journeyId] as Obj;
  const next: Obj = {};
  for (const [id, p] of Object.entries(current)) {
    if (ids.has(id)) continue;
    next[rename && id === rename[0] ? rename[1] : id] = p;
  }
  return { ...doc, [LAYOUT_KEY]: { ...layout, journeys: { ...layout.journeys, [journeyId]: next } } };
}

// ---- edits ----------------------------------------------------------------------------

/** Replaces journey `journeyId` by `edit(journey)`. */
export function updateJourney(doc: ModelDoc, journeyId: string, edit: (j: JourneyDoc) => JourneyDoc): ModelDoc {
  const list = Array.isArray(doc.journeys) ? doc.journeys : [];
  return { ...doc, journeys: list.map((j) => (isObj(j) && j.id === journeyId ? edit(j) : j)) };
}

export function updateStep(
  doc: ModelDoc,
  journeyId: string,
  stepId: string,
  edit: (s: StepDoc) => StepDoc,
): ModelDoc {
  return updateJourney(doc, journeyId, (j) => ({
    ...j,
    steps: (j.steps ?? []).map((s) => (isObj(s) && s.id === stepId ? edit(s) : s)),
  }));
}

/** Sets (or, with `undefined`, removes) the field at `path` (keys) of a step. */
export function setStepField(doc: ModelDoc, journeyId: string, stepId: string, path: string[], value: unknown): ModelDoc {
  return updateStep(doc, journeyId, stepId, (s) => setIn(s, path, value) as StepDoc);
}

export function setIn(obj: Obj, path: string[], value: unknown): Obj {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  if (rest.length === 0) {
    const next = { ...obj };
    if (value === undefined) delete next[head];
    else next[head] = value;
    return next;
  }
  const child = isObj(obj[head]) ? (obj[head] as Obj) : {};
  return { ...obj, [head]: setIn(child, rest, value) };
}

/** A new step of `kind` with a fresh id, filled with the defaults of its kind. */
export function newStep(doc: ModelDoc, journeyId: string, kind: StepKind): StepDoc {
  const taken = new Set(stepsOf(findJourney(doc, journeyId)).map((s) => s.id));
  IMPLICIT_OUTCOMES.forEach((o) => taken.add(o));
  let n = 1;
  while (taken.has(`${kind}_${n}`)) n++;
  const id = `${kind}_${n}`;
  const name = `New ${kind.replace("_", " ")}`;
  switch (kind) {
    case "action":
      return { id, kind, name, seconds: 5 };
    case "control":
      return { id, kind, name, control: idsOf(doc, "controls")[0]?.id ?? "", on: {} };
    case "risk_gate":
      return {
        id,
        kind,
        name,
        signal: idsOf(doc, "risk_signals")[0]?.id ?? "",
        allow_below: 0.3,
        block_at_or_above: 0.8,
        on: {},
      };
    case "branch":
      return { id, kind, name, to: [] };
    case "support":
      return { id, kind, name, resolve: 0.5, on: {} };
    case "outcome":
      return { id, kind, name, class: "success" };
  }
}

/** Adds `step` to the journey (at `position` when given); the first step becomes the entry. */
export function addStep(doc: ModelDoc, journeyId: string, step: StepDoc, position?: Point): ModelDoc {
  let next = updateJourney(doc, journeyId, (j) => ({
    ...j,
    ...(j.entry === undefined && step.kind !== "outcome" ? { entry: step.id } : {}),
    steps: [...(j.steps ?? []), step],
  }));
  if (position) next = setPositions(next, journeyId, { [step.id]: position });
  return next;
}

/** Points exit `handle` of step `stepId` at `target`; `undefined` removes it. */
export function connect(
  doc: ModelDoc,
  journeyId: string,
  stepId: string,
  handle: string,
  target: string | undefined,
): ModelDoc {
  return updateStep(doc, journeyId, stepId, (s) => {
    if (handle === "next") return setIn(s, ["next"], target) as StepDoc;
    if (handle.startsWith("on.")) return setIn(s, ["on", handle.slice(3)], target) as StepDoc;
    if (handle === "to.new" || handle.startsWith("to.")) {
      const entries = Array.isArray(s.to) ? [...s.to] : [];
      const index = handle === "to.new" ? entries.length : Number(handle.slice(3));
      if (target === undefined) entries.splice(index, 1);
      else if (index >= entries.length) entries.push(entries.some((e) => isObj(e) && e.p === undefined) ? { target, p: 0 } : { target });
      else entries[index] = { ...entries[index], target };
      return { ...s, to: entries };
    }
    return s;
  });
}

/** Removes steps and every exit that pointed at them (their positions too). */
export function deleteSteps(doc: ModelDoc, journeyId: string, ids: string[]): ModelDoc {
  const gone = new Set(ids);
  const next = updateJourney(doc, journeyId, (j) => ({
    ...j,
    steps: (j.steps ?? []).filter((s) => !(isObj(s) && gone.has(s.id))).map((s) => retarget(s, (t) => (gone.has(t) ? undefined : t))),
  }));
  return dropPositions(next, journeyId, gone);
}

/** Renames a step and every reference to it: exits, entry, layout, scenario change paths. */
export function renameStep(doc: ModelDoc, journeyId: string, from: string, to: string): ModelDoc {
  if (from === to) return doc;
  const next = updateJourney(doc, journeyId, (j) => ({
    ...j,
    ...(j.entry === from ? { entry: to } : {}),
    steps: (j.steps ?? []).map((s) => {
      const renamed = isObj(s) && s.id === from ? { ...s, id: to } : s;
      return retarget(renamed, (t) => (t === from ? to : t));
    }),
  }));
  return renameStepInScenarios(dropPositions(next, journeyId, new Set(), [from, to]), journeyId, from, to);
}

/**
 * Scenario change paths with a renamed step: `journeys/<journey>/steps/<from>[/…]` becomes
 * `journeys/<journey>/steps/<to>[/…]`. Returns the model unchanged when no path names it.
 */
export function renameStepInScenarios(doc: ModelDoc, journeyId: string, from: string, to: string): ModelDoc {
  if (from === to || !Array.isArray(doc.scenarios)) return doc;
  const prefix = `journeys/${journeyId}/steps/${from}`;
  const renamePath = (path: string) =>
    path === prefix || path.startsWith(`${prefix}/`) ? `journeys/${journeyId}/steps/${to}${path.slice(prefix.length)}` : path;
  let changed = false;
  const scenarios = doc.scenarios.map((sc) => {
    if (!isObj(sc) || !Array.isArray(sc.changes)) return sc;
    let touched = false;
    const changes = sc.changes.map((c) => {
      if (!isObj(c) || typeof c.path !== "string") return c;
      const p = renamePath(c.path);
      if (p === c.path) return c;
      touched = true;
      return { ...c, path: p };
    });
    if (!touched) return sc;
    changed = true;
    return { ...sc, changes };
  });
  return changed ? { ...doc, scenarios } : doc;
}

/** The step with every exit target mapped through `map` (`undefined` removes the exit). */
function retarget(step: StepDoc, map: (target: string) => string | undefined): StepDoc {
  if (!isObj(step)) return step;
  let out = step;
  if (typeof step.next === "string" && map(step.next) !== step.next) out = setIn(out, ["next"], map(step.next)) as StepDoc;
  if (isObj(step.on)) {
    for (const [key, target] of Object.entries(step.on)) {
      if (typeof target === "string" && map(target) !== target) out = setIn(out, ["on", key], map(target)) as StepDoc;
    }
  }
  if (Array.isArray(step.to)) {
    const entries = step.to
      .map((e) => (isObj(e) && typeof e.target === "string" ? { e, t: map(e.target) } : { e, t: e?.target }))
      .filter(({ t }) => t !== undefined)
      .map(({ e, t }) => (isObj(e) && e.target !== t ? { ...e, target: t } : e));
    if (entries.length !== step.to.length || entries.some((e, i) => e !== step.to![i])) out = { ...out, to: entries };
  }
  return out;
}

/** Copies steps for pasting: fresh ids, exits between copied steps kept, others dropped. */
export function copySteps(doc: ModelDoc, journeyId: string, steps: StepDoc[]): StepDoc[] {
  const taken = new Set(stepsOf(findJourney(doc, journeyId)).map((s) => s.id));
  IMPLICIT_OUTCOMES.forEach((o) => taken.add(o));
  const renames = new Map<string, string>();
  for (const s of steps) {
    let n = 1;
    let id = `${s.id}_copy`;
    while (taken.has(id)) id = `${s.id}_copy${++n}`;
    taken.add(id);
    renames.set(s.id, id);
  }
  const outcomeIds = new Set(outcomesOf(findJourney(doc, journeyId)).map((o) => o.id));
  return steps.map((s) =>
    retarget({ ...structuredClone(s), id: renames.get(s.id)! }, (t) => renames.get(t) ?? (outcomeIds.has(t) ? t : undefined)),
  );
}

/** A minimal valid model: one population, one journey with one step. */
export function newModelDocument(): ModelDoc {
  return {
    format: "journeylab/1",
    name: "New model",
    populations: [{ id: "customers", name: "Customers", kind: "legitimate", value_per_success: 1 }],
    journeys: [
      {
        id: "journey",
        name: "New journey",
        entrants: [{ population: "customers", volume: 1000 }],
        entry: "start",
        steps: [{ id: "start", kind: "action", name: "Start", seconds: 5, next: "success" }],
      },
    ],
  };
}

/** Which step of which journey an issue path concerns (`journeys[a].steps[b]…`). */
export function issueTarget(path: string): { journey: string; step?: string } | undefined {
  const m = /^journeys\[([^\]]+)\](?:\.steps\[([^\]]+)\])?/.exec(path);
  if (!m) return undefined;
  return { journey: m[1]!, step: m[2] };
}

/** Which entry of a per-population map a population uses: its id, its kind's wildcard, `*`. */
export function resolveEntry(map: Obj, population: { id: string; kind: string }): string | undefined {
  for (const key of [population.id, `*${population.kind}`, "*"]) if (key in map) return key;
  return undefined;
}
