// The attack surface panel's state: the settings of the computation (seed, scenario,
// iterations), the engine's answer for the edited document, the chosen population and the
// selected route (which the canvas of its journey highlights). Answers to older requests
// are ignored, so a slow answer never replaces a newer one.

import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";

import type { Backend, ErrorPayload, RoutesView } from "../ipc";
import { toErrorPayload } from "../ipc";
import { ATTACK_ITERATIONS, DEFAULT_SEED, findRoute, populationChoices, routeHighlight, type RouteHighlight } from "./attackSurface";
import type { ModelDoc } from "./model";

/** Where the seed came from: the default, the newest finished run of the file, or typed. */
export type SeedSource = { from: "default" } | { from: "run"; runId: number } | { from: "typed" };

export interface SelectedRoute {
  journey: string;
  key: string;
}

export interface AttackState {
  seed: string;
  seedSource: SeedSource;
  iterations: number;
  scenario: string;
  /** The scenarios of the model (id, name), baseline first, from the latest answer. */
  scenarios: [string, string][];
  population: string | null;
  /** The latest answer (cleared by an error: the numbers would be for another document). */
  view: RoutesView | null;
  error: ErrorPayload | null;
  loading: boolean;
  selected: SelectedRoute | null;
  setSeed(seed: string, source: SeedSource): void;
  setScenario(scenario: string): void;
  setPopulation(population: string): void;
  /** Selects a route (`null` deselects). */
  select(route: SelectedRoute | null): void;
  /** Asks the engine for the routes of `doc` with the current settings. */
  compute(doc: ModelDoc): Promise<void>;
}

export type AttackStore = StoreApi<AttackState>;

export function createAttackStore(backend: Backend): AttackStore {
  let request = 0;
  return createStore<AttackState>()((set, get) => ({
    seed: DEFAULT_SEED,
    seedSource: { from: "default" },
    iterations: ATTACK_ITERATIONS,
    scenario: "baseline",
    scenarios: [["baseline", "Baseline"]],
    population: null,
    view: null,
    error: null,
    loading: false,
    selected: null,

    setSeed(seed, seedSource) {
      set({ seed, seedSource });
    },
    setScenario(scenario) {
      set({ scenario });
    },
    setPopulation(population) {
      set({ population });
    },
    select(selected) {
      set({ selected });
    },

    async compute(doc) {
      const mine = ++request;
      const { scenario, seed, iterations } = get();
      set({ loading: true });
      try {
        const view = await backend.documentRoutes(doc, scenario, seed.trim(), iterations);
        if (mine !== request) return;
        const choices = populationChoices(view);
        const population = choices.some((p) => p.id === get().population) ? get().population : (choices[0]?.id ?? null);
        set({ view, scenarios: view.scenarios, population, error: null, loading: false });
      } catch (error) {
        if (mine !== request) return;
        set({ view: null, error: toErrorPayload(error), loading: false });
      }
    },
  }));
}

/**
 * What the canvas of `journeyId` draws for the selected route: `null` when nothing is
 * selected, the route is in another journey, or the latest answer does not list it.
 */
export function highlightOf(state: Pick<AttackState, "view" | "selected">, doc: ModelDoc, journeyId: string): RouteHighlight | null {
  const { view, selected } = state;
  if (!view || !selected || selected.journey !== journeyId) return null;
  const route = findRoute(view, selected.journey, selected.key);
  return route ? routeHighlight(doc, route) : null;
}

/** The selected route's key in journey `journeyId` (the canvas memoises on it). */
export function useSelectedRoute(attack: AttackStore): SelectedRoute | null {
  return useStore(attack, (s) => s.selected);
}
