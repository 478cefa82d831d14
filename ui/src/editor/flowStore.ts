// The flow overlay's state: which stored run it reads (the newest finished run of the
// model file), the model version that run used, the chosen population and its flows in
// the current journey. The bar writes it; the canvas reads `overlay`.

import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";

import type { Backend, ErrorPayload, PopulationFlows, RunListItem } from "../ipc";
import { toErrorPayload } from "../ipc";
import { buildOverlay, newestFinished, type Overlay, type PopulationKind } from "./flowOverlay";

export type RunState =
  | { status: "idle" | "loading" }
  /** No run to read: `reason` says why (never saved, or no finished run). */
  | { status: "none"; reason: string }
  | { status: "ready"; run: RunListItem }
  | { status: "error"; error: ErrorPayload };

export interface FlowState {
  run: RunState;
  /** The document of the model version the run used; `undefined` until known (or unreadable). */
  runDoc: unknown;
  /** The chosen population; `null` = Off. */
  population: string | null;
  flows: PopulationFlows | null;
  error: ErrorPayload | null;
  loading: boolean;
  /** What the canvas draws, for journey `overlayJourney`; `null` when off. */
  overlay: Overlay | null;
  overlayJourney: string | null;
  /** Finds the newest finished run of the model file at `path` (none for an unsaved model). */
  loadRun(path: string | null): Promise<void>;
  choose(population: string | null): void;
  /** Fetches the flows of `population` (of `kind`) in `journey` from the run; `null` clears. */
  show(journey: string, population: string | null, kind: PopulationKind): Promise<void>;
}

export type FlowStore = StoreApi<FlowState>;

export const NO_RUN_UNSAVED = "Save the model and run a simulation to see flows.";
export const NO_RUN = "Run a simulation to see flows.";

export function createFlowStore(backend: Backend): FlowStore {
  let runRequest = 0;
  let flowRequest = 0;
  let shown = "";
  return createStore<FlowState>()((set, get) => ({
    run: { status: "idle" },
    runDoc: undefined,
    population: null,
    flows: null,
    error: null,
    loading: false,
    overlay: null,
    overlayJourney: null,

    async loadRun(path) {
      const mine = ++runRequest;
      shown = "";
      if (!path) {
        set({ run: { status: "none", reason: NO_RUN_UNSAVED }, runDoc: undefined, overlay: null, flows: null });
        return;
      }
      set({ run: { status: "loading" } });
      try {
        const run = newestFinished(await backend.listRuns(path));
        if (mine !== runRequest) return;
        if (!run) {
          set({ run: { status: "none", reason: NO_RUN }, runDoc: undefined, overlay: null, flows: null });
          return;
        }
        let runDoc: unknown;
        try {
          runDoc = JSON.parse(await backend.modelVersionText(path, run.model_version)) as unknown;
        } catch {
          // Unknown version text: the warning then only covers unsaved edits.
          runDoc = undefined;
        }
        if (mine !== runRequest) return;
        set({ run: { status: "ready", run }, runDoc });
      } catch (error) {
        if (mine !== runRequest) return;
        set({ run: { status: "error", error: toErrorPayload(error) }, overlay: null, flows: null });
      }
    },

    choose(population) {
      set({ population });
    },

    async show(journey, population, kind) {
      const state = get().run;
      if (population === null || state.status !== "ready") {
        flowRequest++;
        shown = "";
        set({ overlay: null, overlayJourney: null, flows: null, error: null, loading: false });
        return;
      }
      const key = `${state.run.id}|${journey}|${population}|${kind}`;
      if (key === shown) return;
      shown = key;
      const mine = ++flowRequest;
      set({ loading: true, error: null });
      try {
        const flows = await backend.runFlows(state.run.id, journey, population);
        if (mine !== flowRequest) return;
        set({ flows, overlay: buildOverlay(flows, kind), overlayJourney: journey, loading: false });
      } catch (error) {
        if (mine !== flowRequest) return;
        shown = "";
        set({ error: toErrorPayload(error), flows: null, overlay: null, overlayJourney: null, loading: false });
      }
    },
  }));
}
/** The overlay the canvas of `journeyId` draws (`null` while off or for another journey). */
export function useFlowOverlay(flow: FlowStore, journeyId: string): Overlay | null {
  return useStore(flow, (s) => (s.overlayJourney === journeyId ? s.overlay : null));
}
