import { createStore, type StoreApi } from "zustand/vanilla";

import type {
  AnalysisBackend,
  ChartKind,
  ErrorPayload,
  ExportFormat,
  PrecisionStatus,
  RunDashboard,
  RunListItem,
  Mode,
  Sampling,
  RunPairView,
  RunProgress,
  RoutesBackend,
  RoutesView,
  RunsBackend,
  SensitivityView,
} from "../ipc";
import { toErrorPayload, type MetricDef } from "../ipc";
import { totalMetrics } from "../vocab";
import type { Remote } from "../store";
import { exportFileName, parseIterations, parseTolerance, randomSeed, seedProblem } from "./format";

/** What the results screens need of the backend. */
export type ResultsBackend = RunsBackend & AnalysisBackend & RoutesBackend;

/** Where the current (or last) run of the panel is. */
export type RunState =
  | { status: "idle" }
  | { status: "running"; progress: RunProgress | null; cancelling: boolean; scenarios: number; stopsEarly: boolean }
  | { status: "finished"; runId: number; progress: RunProgress | null; scenarios: number; stopsEarly: boolean }
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
  mode: Mode;
  /** How quantities are drawn: plain Monte Carlo (the default) or quasi-random. */
  sampling: Sampling;
  /** Scenario ids ticked. */
  chosen: string[];
  /** Stop when precise enough: iterations become the maximum. */
  precisionOn: boolean;
  /** Model total whose 95 % interval must be narrow enough. */
  precisionMetric: string;
  /** Relative half-width in per cent, as typed (`1` = ±1 %). */
  precisionTolerance: string;
  run: RunState;
  history: Remote<RunListItem[]>;
  /** The run shown in the dashboard. */
  shownRunId: number | null;
  dashboard: Remote<RunDashboard>;
  /** How the shown run's precision targets ended (`null`: it had none). */
  precision: Remote<PrecisionStatus | null>;
  /** Sensitivity views per `${runId}:${scenario}:${metric}`. */
  sensitivity: Record<string, Remote<SensitivityView>>;
  /** Attack-surface views (routes and findings, spec §11) per `${runId}:${scenario}`. */
  routes: Record<string, Remote<RoutesView>>;
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
  setMode(mode: Mode): void;
  setSampling(sampling: Sampling): void;
  toggleScenario(id: string): void;
  setPrecisionOn(on: boolean): void;
  setPrecisionMetric(metric: string): void;
  setPrecisionTolerance(text: string): void;
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
  loadSensitivity(runId: number, metric: string, scenario: string): Promise<void>;
  /** Reads the routes and findings of `scenario` of a run (once per run and scenario). */
  loadRoutes(runId: number, scenario: string): Promise<void>;
  setExportPath(path: string): void;
  setExportFormat(format: ExportFormat): void;
  exportRun(): Promise<void>;
  /** The native Save dialog (default `<model>-run-<id>.<ext>`), then the export; cancelling does nothing. */
  chooseExportPath(): Promise<void>;
}

export type ResultsStore = StoreApi<ResultsState>;

/** Model totals a run can stop on (the dashboard's headline metrics; labels from the catalogue). */
export const PRECISION_METRICS: MetricDef[] = totalMetrics([
  "fraud_loss",
  "legit_success_rate",
  "legit_abandon_rate",
  "false_reject_rate",
  "attack_stopped_rate",
  "support_contacts",
  "support_cost",
  "control_cost",
  "net_value",
]);

/** The key of a sensitivity view in `sensitivity`. */
export function sensitivityKey(runId: number, scenario: string, metric: string): string {
  return `${runId}:${scenario}:${metric}`;
}

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
  backend: ResultsBackend,
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
    sampling: "mc",
    chosen: scenarioChoices.map((s) => s.id),
    precisionOn: false,
    precisionMetric: "fraud_loss",
    precisionTolerance: "1",
    run: { status: "idle" },
    history: { status: "idle" },
    shownRunId: null,
    dashboard: { status: "idle" },
    precision: { status: "idle" },
    sensitivity: {},
    routes: {},
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
    setSampling: (sampling) => set({ sampling }),
    toggleScenario(id) {
      const chosen = get().chosen;
      set({
        chosen: chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id],
      });
    },
    setPrecisionOn: (precisionOn) => set({ precisionOn }),
    setPrecisionMetric: (precisionMetric) => set({ precisionMetric }),
    setPrecisionTolerance: (precisionTolerance) => set({ precisionTolerance }),
    problem() {
      const it = parseIterations(get().iterations);
      if ("problem" in it) return it.problem;
      if (get().precisionOn) {
        const tol = parseTolerance(get().precisionTolerance);
        if ("problem" in tol) return tol.problem;
      }
      return seedProblem(get().seed);
    },

    async startRun() {
      const state = get();
      if (state.run.status === "running") return;
      const it = parseIterations(state.iterations);
      if ("problem" in it || state.problem() !== null) return;
      const tol = parseTolerance(state.precisionTolerance);
      const precision: [string, number][] =
        state.precisionOn && "value" in tol ? [[state.precisionMetric, tol.value]] : [];
      const stopsEarly = precision.length > 0;
      // Keep the file order of the scenarios.
      const scenarios = state.scenarioChoices.map((s) => s.id).filter((id) => state.chosen.includes(id));
      set({ run: { status: "running", progress: null, cancelling: false, scenarios: scenarios.length + 1, stopsEarly } });
      try {
        const runId = await backend.startRun(
          { path: state.path, iterations: it.value, seed: state.seed.trim(), mode: state.mode, sampling: state.sampling, scenarios, precision },
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
            stopsEarly,
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
      set({
        shownRunId: runId,
        dashboard: { status: "loading" },
        precision: { status: "loading" },
        exportState: { status: "idle" },
      });
      const precision = backend.runPrecision(runId).then(
        (data) => {
          if (request === dashboardRequest) set({ precision: { status: "ready", data } });
        },
        (error: unknown) => {
          if (request === dashboardRequest) set({ precision: { status: "failed", error: toErrorPayload(error) } });
        },
      );
      try {
        const data = await backend.runDashboard(runId);
        if (request === dashboardRequest) set({ dashboard: { status: "ready", data } });
      } catch (error) {
        if (request === dashboardRequest) {
          set({ dashboard: { status: "failed", error: toErrorPayload(error) } });
        }
      }
      await precision;
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
        set({ shownRunId: null, dashboard: { status: "idle" }, precision: { status: "idle" } });
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

    async loadSensitivity(runId, metric, scenario) {
      const key = sensitivityKey(runId, scenario, metric);
      const existing = get().sensitivity[key];
      if (existing && existing.status !== "failed") return;
      set({ sensitivity: { ...get().sensitivity, [key]: { status: "loading" } } });
      try {
        const data = await backend.runSensitivity(runId, metric, scenario);
        set({ sensitivity: { ...get().sensitivity, [key]: { status: "ready", data } } });
      } catch (error) {
        set({ sensitivity: { ...get().sensitivity, [key]: { status: "failed", error: toErrorPayload(error) } } });
      }
    },

    async loadRoutes(runId, scenario) {
      const key = `${runId}:${scenario}`;
      const existing = get().routes[key];
      if (existing && existing.status !== "failed") return;
      set({ routes: { ...get().routes, [key]: { status: "loading" } } });
      try {
        const data = await backend.runRoutes(runId, scenario);
        set({ routes: { ...get().routes, [key]: { status: "ready", data } } });
      } catch (error) {
        set({ routes: { ...get().routes, [key]: { status: "failed", error: toErrorPayload(error) } } });
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
        set({
          exportState: {
            status: "failed",
            error: { code: "io", message: "Choose Save as… or type the path of the file to write." },
          },
        });
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
    async chooseExportPath() {
      const { shownRunId, exportFormat, exportPath, dashboard } = get();
      if (shownRunId === null) return;
      const key = dashboard.status === "ready" ? dashboard.data.run.model_key : "model";
      let chosen: string | null;
      try {
        chosen = await backend.pickExportPath(exportPath.trim() || exportFileName(key, shownRunId, exportFormat), exportFormat);
      } catch (error) {
        set({ exportState: { status: "failed", error: toErrorPayload(error) } });
        return;
      }
      if (chosen === null) return;
      set({ exportPath: chosen });
      await get().exportRun();
    },
  }));
}
