// The attack surface (spec §11) as the editor's panel and canvas show it: the engine's
// `RoutesView` turned into what a person reads — the populations to choose from
// (attackers first), one population's routes ranked across every journey it enters, the
// mass no listed route carries, the scenario's changes, the access table, and the canvas
// edges of a route. Pure: every number comes from the engine; only its arrangement is here.

import type { Edge } from "@xyflow/react";

import { share, thousands } from "../format/numbers";
import type { AccessRow, Finding, JourneyRoutes, PopulationRoutes, Route, RouteChange, RouteOdds, RoutesView } from "../ipc";
import { handleOf } from "./flowOverlay";
import { exitsOf, findJourney, stepsOf, type ModelDoc } from "./model";

/** Expected-mode iterations of the panel (the app's `ROUTE_ITERATIONS`). */
export const ATTACK_ITERATIONS = 1000;
/** The seed when no finished run of the file names one. */
export const DEFAULT_SEED = "1";
/** How many of a scenario's route changes show before "N more". */
export const CHANGES_SHOWN = 8;
/**
 * A mean probability at or below this is no route at all: the engine's
 * `routes::POSSIBLE` ("P > 0" in §11; floating-point dust of 1e-17 is not a way in).
 */
export const POSSIBLE = 1e-12;

export type PopulationKind = "attacker" | "legitimate";

export interface PopulationChoice {
  id: string;
  name: string;
  kind: PopulationKind;
}

const kindOf = (kind: string): PopulationKind => (kind === "attacker" ? "attacker" : "legitimate");

/**
 * Every population entering some journey, attackers first, each group in the model's
 * order (the order of `main_routes`, which follows the model's populations; a population
 * without a possible route follows, in the order it first enters a journey).
 */
export function populationChoices(view: RoutesView): PopulationChoice[] {
  const seen = new Map<string, PopulationChoice>();
  for (const j of view.report.journeys) {
    for (const p of j.populations) {
      if (!seen.has(p.population)) seen.set(p.population, { id: p.population, name: p.name, kind: kindOf(p.kind) });
    }
  }
  const order = (id: string) => {
    const i = view.report.main_routes.findIndex((m) => m.population === id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const all = [...seen.values()].map((p, appearance) => ({ p, key: order(p.id), appearance }));
  all.sort((a, b) => (a.p.kind === b.p.kind ? 0 : a.p.kind === "attacker" ? -1 : 1) || a.key - b.key || a.appearance - b.appearance);
  return all.map((x) => x.p);
}

/** One route of a population, ranked across journeys. */
export interface RankedRoute {
  journey: string;
  journeyName: string;
  /** The route's place in its journey's list (the engine's order): part of its test id. */
  index: number;
  route: Route;
  odds: RouteOdds;
  /** Share of the population's successes across every journey it enters. */
  share: number;
  /** True for the population's main route across the model. */
  main: boolean;
}

/** The population's mean successes per period summed over the journeys it enters. */
export function totalSuccesses(view: RoutesView, population: string): number {
  let total = 0;
  for (const j of view.report.journeys) {
    const p = j.populations.find((x) => x.population === population);
    if (p) total += p.successes;
  }
  return total;
}

/**
 * The population's possible routes in every journey it enters, most successes first
 * (successes are counts, volume × P, so journeys of different sizes compare; ties: the
 * more likely route), each with its share of the population's successes across journeys.
 */
export function rankedRoutes(view: RoutesView, population: string): RankedRoute[] {
  const total = totalSuccesses(view, population);
  const main = view.report.main_routes.find((m) => m.population === population) ?? null;
  const rows: RankedRoute[] = [];
  for (const j of view.report.journeys) {
    j.routes.forEach((route, index) => {
      const odds = route.odds.find((o) => o.population === population);
      if (!odds || odds.p.mean <= POSSIBLE) return;
      rows.push({
        journey: j.journey,
        journeyName: j.name,
        index,
        route,
        odds,
        share: total > 0 ? odds.successes / total : 0,
        main: main !== null && main.journey === j.journey && main.route === route.key,
      });
    });
  }
  return rows.sort((a, b) => b.odds.successes - a.odds.successes || b.odds.p.mean - a.odds.p.mean);
}

/** The badges of a route, as words (colour is never the only signal). */
export function routeBadges(route: Route, main: boolean): string[] {
  const badges = [`AAL${route.aal}`];
  if (route.phishing_resistant) badges.push("phishing-resistant");
  if (route.pstn_only) badges.push("PSTN");
  if (route.desk) badges.push("desk");
  if (main) badges.push("main");
  return badges;
}

/** `50.5 % (P5–P95 40.6 % – 60.8 %)`. */
export function bandText(p: { mean: number; p5: number; p95: number }): string {
  return `${share(p.mean)} (P5–P95 ${share(p.p5)} – ${share(p.p95)})`;
}

/** What a population's success in one journey is made of beyond its listed routes. */
export interface JourneyMass {
  journey: string;
  name: string;
  population: PopulationRoutes;
  /** False when enumeration stopped at a cap: "other routes" then holds everything not examined. */
  complete: boolean;
  enumerated: number;
  /** Mean successes per period through listed routes that pass a support desk. */
  deskSuccesses: number;
  /** The lines to show: P(success), other routes, through loops, through the desk. */
  lines: string[];
}

/** Per journey the population enters: its chance of success and the mass lines. */
export function journeyMasses(view: RoutesView, population: string, period: string): JourneyMass[] {
  const out: JourneyMass[] = [];
  for (const j of view.report.journeys) {
    const p = j.populations.find((x) => x.population === population);
    if (!p) continue;
    const deskSuccesses = j.routes
      .filter((r) => r.desk)
      .reduce((sum, r) => sum + (r.odds.find((o) => o.population === population)?.successes ?? 0), 0);
    const lines = [
      `P(success) ${bandText(p.p_success)}, ${thousands(p.successes, p.successes < 10 ? 1 : 0)} successes a ${period} of ${thousands(p.entrants)} entrants`,
      `other routes ${share(p.unlisted)}` +
        (p.through_loops === null ? ", through loops not separated (enumeration capped)" : `, through loops ${share(p.through_loops)}`),
    ];
    if (p.through_desk > POSSIBLE) {
      lines.push(`through the desk ${share(p.through_desk)} of entrants (${thousands(deskSuccesses, deskSuccesses < 10 ? 1 : 0)} a ${period})`);
    } else {
      lines.push("through the desk 0 %");
    }
    if (!j.complete) lines.push(`enumeration capped at ${thousands(j.enumerated)} routes: the list is not every route`);
    out.push({ journey: j.journey, name: j.name, population: p, complete: j.complete, enumerated: j.enumerated, deskSuccesses, lines });
  }
  return out;
}

/** The journey of the report with id `id`. */
export function journeyOf(view: RoutesView, id: string): JourneyRoutes | null {
  return view.report.journeys.find((j) => j.journey === id) ?? null;
}

/** A journey's display name (its id when the report does not know it). */
export function journeyName(view: RoutesView, id: string): string {
  return journeyOf(view, id)?.name ?? id;
}

/** The listed route `key` of journey `journey`, if the report has it. */
export function findRoute(view: RoutesView, journey: string, key: string): Route | null {
  return journeyOf(view, journey)?.routes.find((r) => r.key === key) ?? null;
}

/** A population's display name (its id when no journey lists it). */
export function populationName(view: RoutesView, id: string): string {
  for (const j of view.report.journeys) {
    const p = j.populations.find((x) => x.population === id);
    if (p) return p.name;
  }
  return id;
}

/** The scenario's route changes to show: attackers first (the engine's order within), at most `cap`. */
export function changeLines(view: RoutesView, cap = CHANGES_SHOWN): { shown: RouteChange[]; more: number } {
  const attackers = view.changes.filter((c) => c.population_kind === "attacker");
  const others = view.changes.filter((c) => c.population_kind !== "attacker");
  const all = [...attackers, ...others];
  return { shown: all.slice(0, cap), more: Math.max(0, all.length - cap) };
}

/** `HIGH`, `MEDIUM`, `LOW`: a severity in words. */
export function severityWord(f: Finding): string {
  return f.severity.toUpperCase();
}

/** One row of the "Access to the account" table, in words. */
export interface AccessLine {
  journey: string;
  name: string;
  kind: string;
  restores: string;
  requiredAal: string;
  weakest: string;
  weakestAal: number | null;
  /**
   * Why the weakest route falls short, when it does: below the restored journey's bar (its
   * weakest route or required AAL, whichever is higher: the engine's recovery-weaker rule)
   * or below the journey's own required AAL.
   */
  weaker: string | null;
  attackers: { id: string; name: string; successes: string; p: string }[];
}

/** The access table with names instead of ids; `weaker` says why a weakest route falls short. */
export function accessLines(view: RoutesView): AccessLine[] {
  const byJourney = new Map(view.report.access.map((a) => [a.journey, a]));
  const floor = (a: AccessRow | undefined): number | null => {
    if (!a) return null;
    const levels = [a.required_aal, a.weakest?.[2]].filter((x): x is number => typeof x === "number");
    return levels.length ? Math.max(...levels) : null;
  };
  return view.report.access.map((a) => {
    const aal = a.weakest?.[2] ?? null;
    const restored = a.restores ? floor(byJourney.get(a.restores)) : null;
    const required = a.required_aal ?? null;
    const weaker =
      aal === null
        ? null
        : restored !== null && aal < restored
          ? `weaker than ${journeyName(view, a.restores!)} (AAL${restored})`
          : required !== null && aal < required
            ? `below the required AAL${required}`
            : null;
    return {
      journey: a.journey,
      name: a.name,
      kind: a.kind ?? "—",
      restores: a.restores ? journeyName(view, a.restores) : "—",
      requiredAal: required !== null ? `AAL${required}` : "—",
      weakest: a.weakest ? a.weakest[1] : "no route",
      weakestAal: aal,
      weaker,
      attackers: a.attackers.map(([id, successes, p]) => ({
        id,
        name: populationName(view, id),
        successes: thousands(successes, successes < 10 ? 1 : 0),
        p: share(p),
      })),
    };
  });
}

/** How the canvas draws a selected route. */
export interface RouteHighlight {
  journey: string;
  key: string;
  /** Canvas edge id (`<step>:<handle>`) → the step or outcome the route's hop leads to. */
  edges: Map<string, string>;
  /** Steps and the outcome on the route. */
  nodes: Set<string>;
}

/**
 * The canvas edge id of each hop of `route`: `<step>:<handle>` with the handle of the
 * engine's exit (`handleOf`; a step is an action when the document says so), the hop's
 * target with it. The last hop, into the success outcome, is an edge too.
 */
export function routeEdges(doc: ModelDoc, route: Route): { id: string; target: string }[] {
  const steps = stepsOf(findJourney(doc, route.journey));
  const actions = new Set(steps.filter((s) => s.kind === "action").map((s) => s.id));
  const out: { id: string; target: string }[] = [];
  for (const hop of route.hops) {
    const handle = handleOf(hop.exit, actions.has(hop.step));
    if (handle !== null) out.push({ id: `${hop.step}:${handle}`, target: hop.target });
  }
  return out;
}

/** The highlight of `route` on the canvas of its journey. */
export function routeHighlight(doc: ModelDoc, route: Route): RouteHighlight {
  const edges = new Map(routeEdges(doc, route).map((e) => [e.id, e.target]));
  const nodes = new Set(route.hops.map((h) => h.step));
  nodes.add(route.outcome);
  return { journey: route.journey, key: route.key, edges, nodes };
}

/**
 * The route as a person reads it: each step's name (its id when unnamed) with the exit
 * taken where it says something (`pass`, `fail`, `allow`, `resolved`; not an action's
 * `next` or a branch's share), then the outcome.
 */
export function routeSteps(doc: ModelDoc, route: Route): { step: string; name: string; exit: string | null }[] {
  const steps = new Map(stepsOf(findJourney(doc, route.journey)).map((s) => [s.id, s]));
  const nameOf = (id: string) => {
    const name = steps.get(id)?.name;
    return typeof name === "string" && name !== "" ? name : id;
  };
  const out: { step: string; name: string; exit: string | null }[] = route.hops.map((h) => ({
    step: h.step,
    name: nameOf(h.step),
    exit: h.exit === "next" || /^to\[\d+\]$/.test(h.exit) ? null : h.exit,
  }));
  out.push({ step: route.outcome, name: nameOf(route.outcome), exit: null });
  return out;
}

/** Route colour on the canvas: violet, apart from the flow overlay's blue, amber and red. */
export const ROUTE_COLOUR = "#7c3aed";
export const ROUTE_WIDTH = 5;

/**
 * A canvas edge while a route is selected: the route's edges thick and violet (marked
 * `data-route-edge="true"`; attack.css keeps the width constant on screen at any zoom),
 * every other edge dimmed. An edge of the route that leads
 * elsewhere on the canvas than in the routes' model (a scenario re-points it) is drawn
 * dashed and marked `changed`.
 */
export function decorateRouteEdge<E extends Edge>(edge: E, highlight: RouteHighlight | null): E {
  if (!highlight) return edge;
  const target = highlight.edges.get(edge.id);
  if (target === undefined) {
    return { ...edge, style: { ...edge.style, opacity: 0.25 }, className: `${edge.className ?? ""} edge-route-dim`.trim() };
  }
  const same = target === edge.target;
  return {
    ...edge,
    animated: false,
    zIndex: 10,
    className: `${edge.className ?? ""} edge-route${same ? "" : " edge-route-changed"}`.trim(),
    style: { stroke: ROUTE_COLOUR, strokeWidth: ROUTE_WIDTH, opacity: 1, ...(same ? {} : { strokeDasharray: "8 5" }) },
    labelStyle: { fontSize: 11, fontWeight: 650, fill: ROUTE_COLOUR },
    domAttributes: { "data-route-edge": same ? "true" : "changed" } as E["domAttributes"],
  };
}

/**
 * How many of the route's hops lead elsewhere in the document than on the route (or have
 * no edge): the canvas shows the model, while a scenario's route runs over its changes.
 */
export function hopsElsewhere(doc: ModelDoc, route: Route): number {
  const steps = new Map(stepsOf(findJourney(doc, route.journey)).map((s) => [s.id, s]));
  const targets = new Map<string, string | undefined>();
  for (const s of steps.values()) for (const e of exitsOf(s)) targets.set(`${s.id}:${e.handle}`, e.target ?? e.fallback);
  return routeEdges(doc, route).filter((e) => targets.get(e.id) !== e.target).length;
}

/** A seed the engine takes: a decimal u64. */
export function seedProblem(seed: string): string | null {
  if (!/^\d+$/.test(seed.trim())) return "The seed is a whole number (0 or more).";
  if (BigInt(seed.trim()) > 18446744073709551615n) return "The seed is at most 18446744073709551615.";
  return null;
}
