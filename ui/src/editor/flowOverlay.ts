// Flow on the canvas after a run: the engine's per-exit shares of one population
// (`PopulationFlows`) turned into what the canvas draws — a label, a stroke width and a
// colour per edge, a "drop" badge per action step (its abandon exit has no edge), a
// summary of the outcomes, and whether the document still matches the run. Pure.

import type { Edge } from "@xyflow/react";

import { share, thousands } from "../format/numbers";
import type { EdgeFlow, PopulationFlows, RunListItem } from "../ipc";
import { findJourney, isObj, type ModelDoc } from "./model";

export type PopulationKind = "legitimate" | "attacker";

/** How one canvas edge is drawn while the overlay is on. */
export interface EdgeOverlay {
  /** Share of the population's entrants taking the exit (can exceed 1 on a loop). */
  share: number;
  /** Where the exit led in the run's model version (drawn only if the canvas agrees). */
  target: string;
  label: string;
  /** Stroke width in px. */
  width: number;
  colour: string;
  /** Why the edge matters: an attacker getting through, or customers dropping out. */
  emphasis: "leak" | "drop" | null;
}

/** An action step's abandon exit (implicit, no edge): shown as a badge on the node. */
export interface DropBadge {
  step: string;
  share: number;
  label: string;
}

export interface Overlay {
  kind: PopulationKind;
  /** By canvas edge id (`<step>:<handle>`). */
  edges: Map<string, EdgeOverlay>;
  drops: DropBadge[];
}

export const MIN_WIDTH = 1;
export const MAX_WIDTH = 10;
/** Narrowest stroke of an attacker edge into a success outcome. */
export const LEAK_MIN_WIDTH = 3;

/** Edge colours: customers blue (amber where they drop out), attackers slate (red where they get through). */
export const FLOW_COLOURS = {
  legitimate: "#2563eb",
  drop: "#d97706",
  attacker: "#475569",
  leak: "#dc2626",
} as const;

/**
 * The editor's handle for an engine exit: `next` → `next`, `to[i]` → `to.i`, every named
 * exit → `on.<name>`; `null` for an action step's `abandon`, which has no handle (users go
 * to the implicit `abandoned` outcome). `action` says the step is an action step.
 */
export function handleOf(exit: string, action: boolean): string | null {
  if (exit === "next") return "next";
  if (exit === "abandon" && action) return null;
  const branch = /^to\[(\d+)\]$/.exec(exit);
  if (branch) return `to.${branch[1]}`;
  return `on.${exit}`;
}

/**
 * Stroke width for a share. Square root, not linear: the exits worth seeing are often
 * small (a 2 % drop-out, a 1 % attacker leak) and would be indistinguishable from an unused
 * exit at 1 px on a linear scale, while the main path still draws thickest. Shares above
 * 1 (loops) draw at the maximum.
 */
export function strokeWidth(share: number): number {
  const s = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
  return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * Math.sqrt(s);
}


/** The population's kind as the document says (`attacker`, else legitimate). */
export function populationKind(doc: ModelDoc, population: string): PopulationKind {
  const pops = Array.isArray(doc.populations) ? doc.populations : [];
  const p = pops.find((x): x is Record<string, unknown> => isObj(x) && x.id === population);
  return p?.kind === "attacker" ? "attacker" : "legitimate";
}

/** The populations that enter journey `journeyId`, with their kind and name, in document order. */
export function enteringPopulations(doc: ModelDoc, journeyId: string): { id: string; name: string; kind: PopulationKind }[] {
  const journey = findJourney(doc, journeyId);
  const entrants = Array.isArray(journey?.entrants) ? journey.entrants : [];
  const ids = new Set(entrants.filter(isObj).map((e) => e.population).filter((p): p is string => typeof p === "string"));
  const pops = (Array.isArray(doc.populations) ? doc.populations : []).filter(isObj);
  return pops
    .filter((p): p is Record<string, unknown> & { id: string } => typeof p.id === "string" && ids.has(p.id))
    .map((p) => ({ id: p.id, name: typeof p.name === "string" ? p.name : p.id, kind: p.kind === "attacker" ? "attacker" : "legitimate" }));
}

/** The overlay for `flows` of a population of `kind`. */
export function buildOverlay(flows: PopulationFlows, kind: PopulationKind): Overlay {
  const classOf = new Map(flows.outcomes.map(([id, cls]) => [id, cls]));
  // An action step is the only kind with a `next` exit.
  const actions = new Set(flows.edges.filter((e) => e.exit === "next").map((e) => e.step));
  const edges = new Map<string, EdgeOverlay>();
  const drops: DropBadge[] = [];
  for (const e of flows.edges) {
    const handle = handleOf(e.exit, actions.has(e.step));
    if (handle === null) {
      if (e.share > 0) drops.push({ step: e.step, share: e.share, label: `↘ ${share(e.share)} drop` });
      continue;
    }
    edges.set(`${e.step}:${handle}`, edgeOverlay(e, kind, classOf.get(e.target)));
  }
  return { kind, edges, drops };
}

function edgeOverlay(e: EdgeFlow, kind: PopulationKind, targetClass: string | undefined): EdgeOverlay {
  const leak = kind === "attacker" && targetClass === "success" && e.share > 0;
  const drop = kind === "legitimate" && (targetClass === "abandoned" || targetClass === "blocked") && e.share > 0;
  return {
    share: e.share,
    target: e.target,
    label: share(e.share),
    // An attacker's way through is often a sliver of a percent: never drawn hairline-thin.
    width: leak ? Math.max(LEAK_MIN_WIDTH, strokeWidth(e.share)) : strokeWidth(e.share),
    colour: leak ? FLOW_COLOURS.leak : drop ? FLOW_COLOURS.drop : kind === "attacker" ? FLOW_COLOURS.attacker : FLOW_COLOURS.legitimate,
    emphasis: leak ? "leak" : drop ? "drop" : null,
  };
}

/** Share of entrants ending in each outcome class, in the order success, abandoned, blocked. */
export function outcomeSummary(flows: PopulationFlows): { cls: string; share: number; label: string }[] {
  const by = new Map<string, number>();
  for (const [, cls, share] of flows.outcomes) by.set(cls, (by.get(cls) ?? 0) + share);
  return ["success", "abandoned", "blocked"].map((cls) => ({ cls, share: by.get(cls) ?? 0, label: share(by.get(cls) ?? 0) }));
}

/** The newest run of the list that finished (lists come newest first). */
export function newestFinished(runs: RunListItem[]): RunListItem | null {
  return runs.find((r) => r.status === "finished") ?? null;
}

/** `#12 · 2026-11-28 04:40 UTC · model v3 · 2,000 iterations · seed 7`. */
export function describeRun(run: RunListItem): string {
  const when = (run.finished_at ?? run.started_at).replace("T", " ").slice(0, 16);
  return `run #${run.id} · ${when} UTC · model v${run.model_version} · ${thousands(run.iterations)} iterations · seed ${run.seed}`;
}

/** JSON equality that ignores the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}

/**
 * Why the flows may not match what the canvas shows, or `null` when they do. `runDoc` is
 * the model version the run used (`undefined` while unknown: then only unsaved edits are
 * detected).
 */
export function staleNote(doc: ModelDoc, dirty: boolean, run: RunListItem, runDoc: unknown): string | null {
  const differs = runDoc === undefined ? dirty : !sameJson(doc, runDoc);
  if (!differs) return null;
  return dirty
    ? `Unsaved edits: these flows are for model v${run.model_version} as stored by run #${run.id}, not for the canvas as edited.`
    : `The model has changed since run #${run.id} (model v${run.model_version}): run a simulation to see flows for this version.`;
}

/**
 * A canvas edge drawn with the overlay: the share as its label, its width and colour.
 * Edges the run does not know (added or re-pointed since) are faded and unlabelled.
 */
export function decorateEdge<E extends Edge>(edge: E, overlay: Overlay | null): E {
  if (!overlay) return edge;
  const o = overlay.edges.get(edge.id);
  if (!o || o.target !== edge.target) {
    return { ...edge, label: undefined, style: { opacity: 0.3 }, className: `${edge.className ?? ""} edge-flow-unknown`.trim() };
  }
  return {
    ...edge,
    label: o.label,
    animated: o.emphasis === "leak",
    className: `${edge.className ?? ""} edge-flow${o.emphasis ? ` edge-flow-${o.emphasis}` : ""}`.trim(),
    // Drop-outs dashed and attackers getting through animated (moving dashes): the line's
    // pattern says it as well as its colour.
    style: { stroke: o.colour, strokeWidth: o.width, opacity: o.share > 0 ? 0.9 : 0.35, ...(o.emphasis === "drop" ? { strokeDasharray: "7 4" } : {}) },
    // The label's text in a darker amber where the line's amber would read below 4.5:1
    // (axe does not check SVG text).
    labelStyle: { fontSize: 11, fontWeight: 650, fill: o.emphasis === "drop" ? "#92400e" : o.colour },
    labelBgStyle: { fill: "#ffffff", fillOpacity: 0.92, stroke: o.colour, strokeWidth: 0.6 },
    labelBgPadding: [4, 2] as [number, number],
    labelBgBorderRadius: 3,
    // The exact share, for tests and tooltips (the label is rounded).
    domAttributes: { "data-share": String(o.share) } as E["domAttributes"],
  };
}
