import { createStore, type StoreApi } from "zustand/vanilla";

import type {
  ChartKind,
  ErrorPayload,
  ExportFormat,
  RunDashboard,
  RunListItem,
  RunMode,
  RunPairView,
  RunProgress,
  RunsBackend,
} from "../ipc";
import { toErrorPayload } from "../ipc";
import type { Remote } from "../store";
import { parseIterations, randomSeed, seedProblem } from "./format";

/** Where the current (or last) run of the panel is. */
export type RunState =
  | { status: "idle" }
  | { status: "running"; progress: RunProgress | null; cancelling: boolean; scenarios: number }
  | { status: "finished"; runId: number; progress: RunProgress | null; scenarios: number }
  | { status: "cancelled" }
  | { status: "failed"; error: ErrorPayload };

export interface ScenarioChoice {
  id: string;
  name: string;
}

export interface ResultsState {
  /** The model file the panel runs. */
  path: string;
  /** Scenarios of the model (besides the baseline). */
  scenarioChoices: ScenarioChoice[];
  iterations: string;
  seed: string;
  mode: RunMode;
  /** Scenario ids ticked. */
  chosen: string[];
  run: RunState;
  history: Remote<RunListItem[]>;
  /** The run shown in the dashboard. */
  shownRunId: number | null;
  dashboard: Remote<RunDashboard>;
  /** SVG text per `${runId}:${kind}:${metric}`. */
  charts: Record<string, Remote<string>>;
  /** Runs ticked for comparison (at most two, oldest pick dropped first). */
  compareIds: number[];
  pair: Remote<RunPairView>;
  exportPath: string;
  exportFormat: ExportFormat;
  exportState: Remote<string>;
  setIterations(text: string): void;
  setSeed(text: string): void;
  newSeed(): void;
  setMode(mode: RunMode): void;
  toggleScenario(id: string): void;
  /** Why the settings cannot run, or `null`. */
  problem(): string | null;
  startRun(): Promise<void>;
  cancelRun(): Promise<void>;
  loadHistory(): Promise<void>;
  showRun(runId: number): Promise<void>;
  deleteRun(runId: number): Promise<void>;
  toggleCompare(runId: number): void;
  compareRuns(): Promise<void>;
  loadChart(runId: number, kind: ChartKind, metric?: string): Promise<void>;
  setExportPath(path: string): void;
  setExportFormat(format: ExportFormat): void;
  exportRun(): Promise<void>;
}

export type ResultsStore = StoreApi<ResultsState>;

/** The key of a chart in `charts`. */
export function chartKey(runId: number, kind: ChartKind, metric?: string): string {
  return `${runId}:${kind}:${metric ?? ""}`;
}

/** Scenario ids and names listed in a model document. */
export function scenariosOf(document: unknown): ScenarioChoice[] {
  const list = (document as { scenarios?: unknown } | null)?.scenarios;
  if (!Array.isArray(list)) return [];
  return list
    .filter((s): s is { id: string; name?: unknown } => typeof s?.id === "string")
    .map((s) => ({ id: s.id, name: typeof s.name === "string" ? s.name : s.id }));
}

/** The results state of one model file. */
export function createResultsStore(
  backend: RunsBackend,
  path: string,
  scenarioChoices: ScenarioChoice[],
  random: () => number = Math.random,
): ResultsStore {
  let dashboardRequest = 0;
  return createStore<ResultsState>()((set, get) => ({
    path,
    scenarioChoices,
    iterations: "10,000",
    seed: randomSeed(random),
    mode: "sampled",
    chosen: scenarioChoices.map((s) => s.id),
    run: { status: "idle" },
    history: { status: "idle" },
    shownRunId: null,
    dashboard: { status: "idle" },
    charts: {},
    compareIds: [],
    pair: { status: "idle" },
    exportPath: "",
    exportFormat: "json",
    exportState: { status: "idle" },

    setIterations: (iterations) => set({ iterations }),
    setSeed: (seed) => set({ seed }),
    newSeed: () => set({ seed: randomSeed(random) }),
    setMode: (mode) => set({ mode }),
    toggleScenario(id) {
      const chosen = get().chosen;
      set({
        chosen: chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id],
      });
    },
    problem() {
      const it = parseIterations(get().iterations);
      if ("problem" in it) return it.problem;
      return seedProblem(get().seed);
    },

    async startRun() {
      const state = get();
      if (state.run.status === "running") return;
      const it = parseIterations(state.iterations);
      if ("problem" in it || seedProblem(state.seed)) return;
      // Keep the file order of the scenarios.
      const scenarios = state.scenarioChoices.map((s) => s.id).filter((id) => state.chosen.includes(id));
      set({ run: { status: "running", progress: null, cancelling: false, scenarios: scenarios.length + 1 } });
      try {
        const runId = await backend.startRun(
          { path: state.path, iterations: it.value, seed: state.seed.trim(), mode: state.mode, scenarios },
          (progress) => {
            const run = get().run;
            if (run.status === "running") set({ run: { ...run, progress } });
          },
        );
        const last = get().run;
        set({
          run: {
            status: "finished",
            runId,
            progress: last.status === "running" ? last.progress : null,
            scenarios: scenarios.length + 1,
          },
        });
        await Promise.all([get().loadHistory(), get().showRun(runId)]);
      } catch (error) {
        const payload = toErrorPayload(error);
        set({
          run: payload.code === "cancelled" ? { status: "cancelled" } : { status: "failed", error: payload },
        });
        await get().loadHistory();
      }
    },

    async cancelRun() {
      const run = get().run;
      if (run.status !== "running") return;
      set({ run: { ...run, cancelling: true } });
      try {
        await backend.cancelRun();
      } catch {
        // The run ends on its own; nothing to undo.
      }
    },

    async loadHistory() {
      if (get().history.status !== "ready") set({ history: { status: "loading" } });
      try {
        set({ history: { status: "ready", data: await backend.listRuns(get().path) } });
      } catch (error) {
        set({ history: { status: "failed", error: toErrorPayload(error) } });
      }
    },

    async showRun(runId) {
      const request = ++dashboardRequest;
      set({ shownRunId: runId, dashboard: { status: "loading" }, exportState: { status: "idle" } });
      try {
        const data = await backend.runDashboard(runId);
        if (request === dashboardRequest) set({ dashboard: { status: "ready", data } });
      } catch (error) {
        if (request === dashboardRequest) {
          set({ dashboard: { status: "failed", error: toErrorPayload(error) } });
        }
      }
    },

    async deleteRun(runId) {
      try {
        await backend.deleteRun(runId);
      } catch (error) {
        set({ history: { status: "failed", error: toErrorPayload(error) } });
        return;
      }
      set({ compareIds: get().compareIds.filter((i) => i !== runId) });
      const pair = get().pair;
      if (pair.status === "ready" && (pair.data.a.id === runId || pair.data.b.id === runId)) {
        set({ pair: { status: "idle" } });
      }
      if (get().shownRunId === runId) {
        dashboardRequest++;
        set({ shownRunId: null, dashboard: { status: "idle" } });
      }
      await get().loadHistory();
    },

    toggleCompare(runId) {
      const ids = get().compareIds;
      set({ compareIds: ids.includes(runId) ? ids.filter((i) => i !== runId) : [...ids, runId].slice(-2) });
    },

    async compareRuns() {
      const ids = get().compareIds;
      if (ids.length !== 2) return;
      // Older run as A, newer as B: deltas read "what changed since".
      const [a, b] = [...ids].sort((x, y) => x - y) as [number, number];
      set({ pair: { status: "loading" } });
      try {
        set({ pair: { status: "ready", data: await backend.compareRuns(a, b) } });
      } catch (error) {
        set({ pair: { status: "failed", error: toErrorPayload(error) } });
      }
    },

    async loadChart(runId, kind, metric) {
      const key = chartKey(runId, kind, metric);
      const existing = get().charts[key];
      if (existing && existing.status !== "failed") return;
      set({ charts: { ...get().charts, [key]: { status: "loading" } } });
      try {
        const svg = await backend.runChart(runId, kind, metric ? { metric } : {});
        set({ charts: { ...get().charts, [key]: { status: "ready", data: svg } } });
      } catch (error) {
        set({ charts: { ...get().charts, [key]: { status: "failed", error: toErrorPayload(error) } } });
      }
    },

    setExportPath: (exportPath) => set({ exportPath }),
    setExportFormat(exportFormat) {
      // Keep the file name in step with the format when it has a known extension.
      const p = get().exportPath;
      const exportPath = /\.(json|csv|png|svg)$/i.test(p) ? p.replace(/\.[a-z]+$/i, `.${exportFormat}`) : p;
      set({ exportFormat, exportPath });
    },
    async exportRun() {
      const { shownRunId, exportPath, exportFormat } = get();
      if (shownRunId === null) return;
      if (!exportPath.trim()) {
        set({ exportState: { status: "failed", error: { code: "io", message: "Type the path of the file to write." } } });
        return;
      }
      set({ exportState: { status: "loading" } });
      try {
        await backend.exportRun(shownRunId, exportFormat, exportPath.trim());
        set({ exportState: { status: "ready", data: exportPath.trim() } });
      } catch (error) {
        set({ exportState: { status: "failed", error: toErrorPayload(error) } });
      }
    },
  }));
}
