// Runs: starting and cancelling simulations, stored runs, their dashboards, charts and
// exports. Shapes mirror the serde output of `journeylab_app::{RunProgress, RunListItem,
// RunDashboard, …}`; commands are in src-tauri/src/runs.rs.
import { Channel, invoke } from "@tauri-apps/api/core";

import type { ErrorPayload } from "./types";
import { toErrorPayload } from "./types";

export type RunMode = "sampled" | "expected";
export type RunStatus = "running" | "finished" | "failed" | "cancelled";
export type MetricUnit = "rate" | "money" | "count" | "hours";
export type ChartKind = "histogram" | "exceedance" | "compare" | "tradeoff" | "tornado" | "funnel";
export type ExportFormat = "json" | "csv" | "png" | "svg";

export interface RunProgress {
  done: number;
  total: number;
  elapsed_ms: number;
  eta_ms: number | null;
}

export interface StartRunRequest {
  /** Path of the model file. */
  path: string;
  iterations: number;
  /** Decimal u64 (a JS number cannot hold every seed). */
  seed: string;
  mode: RunMode;
  /** Scenario ids besides the baseline; `null` runs them all. */
  scenarios: string[] | null;
  /** Stop on precision: `[metric, relative]` targets (then `iterations` is the maximum). */
  precision?: [string, number][] | null;
}

export interface RunRow {
  id: number;
  model_id: number;
  model_key: string;
  model_name: string;
  model_version: number;
  model_version_id: number;
  scenarios: string[];
  iterations: number;
  seed: string;
  mode: string;
  engine_version: string;
  status: RunStatus;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  pid: number | null;
}

export interface RunListItem extends RunRow {
  legit_success_rate: number | null;
  fraud_loss: number | null;
  net_value: number | null;
  currency: string | null;
  /** For a run asked to stop on precision: the maximum allowed (`iterations` = used). */
  max_iterations: number | null;
}

export interface HeadlineCard {
  metric: string;
  label: string;
  unit: MetricUnit;
  higher_is_better: boolean;
  mean: number;
  p5: number;
  p95: number;
  se: number;
}

export interface GuardrailView {
  id: string;
  owner: string;
  owner_name: string;
  metric: string;
  min: number | null;
  max: number | null;
  confidence: number;
  probability_met: number | null;
  met: boolean;
}

export interface TeamGuardrails {
  owner: string;
  owner_name: string;
  guardrails: GuardrailView[];
}

export interface BreakdownRow {
  journey: string;
  journey_name: string;
  population: string;
  outcome: string;
  mean: number;
  p5: number;
  p95: number;
  share: number | null;
}

export interface DeltaView {
  metric: string;
  label: string;
  unit: MetricUnit;
  mean: number;
  p5: number;
  p95: number;
  clear: boolean;
  better: boolean | null;
}

export interface ScenarioView {
  id: string;
  name: string;
  cards: HeadlineCard[];
  teams: TeamGuardrails[];
  breakdown: BreakdownRow[];
  deltas: DeltaView[];
  summary_line: string | null;
}

export interface RunDashboard {
  run: RunRow;
  model_name: string;
  currency: string;
  period: string;
  scenarios: ScenarioView[];
}

export interface RunPairRow {
  metric: string;
  label: string;
  unit: MetricUnit;
  a_mean: number | null;
  b_mean: number | null;
  delta_mean: number | null;
  delta_p5: number | null;
  delta_p95: number | null;
  clear: boolean;
}

export interface RunPairView {
  a: RunRow;
  b: RunRow;
  scenario: string;
  paired: boolean;
  iterations: number;
  rows: RunPairRow[];
}

export interface ChartOptions {
  metric?: string;
  scenarios?: string[];
  journey?: string;
}

/** One exit of one step (mirrors `journeylab_engine::flows::EdgeFlow`). */
export interface EdgeFlow {
  journey: string;
  step: string;
  /** `next`, `abandon`, `pass`, `fail`, `allow`, `challenge`, `block`, `resolved`, `unresolved` or `to[i]`. */
  exit: string;
  /** Step or outcome id it leads to. */
  target: string;
  /** Mean share of the population's entrants taking this exit (can exceed 1 on a loop). */
  share: number;
}

/** What one population does in a journey (mirrors `journeylab_engine::flows::PopulationFlows`). */
export interface PopulationFlows {
  population: string;
  /** Mean entrants per period. */
  entrants: number;
  edges: EdgeFlow[];
  /** Mean share of entrants ending at each outcome: `[id, class, share]`. */
  outcomes: [string, string, number][];
}

/** The run-related part of the backend. Every method rejects with an `ErrorPayload`. */
export interface RunsBackend {
  /** Runs a model file; resolves with the stored run id, rejects with code `cancelled`. */
  startRun(request: StartRunRequest, onProgress: (progress: RunProgress) => void): Promise<number>;
  /** Asks the runs in progress to stop; resolves with how many were asked. */
  cancelRun(): Promise<number>;
  listRuns(path: string): Promise<RunListItem[]>;
  runDashboard(runId: number): Promise<RunDashboard>;
  /** A chart of a stored run as SVG text. */
  runChart(runId: number, kind: ChartKind, options?: ChartOptions): Promise<string>;
  /** Two stored runs on the headline totals of a scenario (default: baseline). */
  compareRuns(a: number, b: number, scenario?: string): Promise<RunPairView>;
  deleteRun(runId: number): Promise<void>;
  exportRun(runId: number, format: ExportFormat, path: string): Promise<void>;
  /** Per-exit shares of `population` in `journey` for a stored run (its model version and seed). */
  runFlows(runId: number, journey: string, population: string): Promise<PopulationFlows>;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toErrorPayload(error);
  }
}

/** The run commands of the desktop shell. */
export const tauriRunsBackend: RunsBackend = {
  startRun(request, onProgress) {
    const channel = new Channel<RunProgress>();
    channel.onmessage = onProgress;
    return call<number>("start_run", {
      path: request.path,
      iterations: request.iterations,
      seed: request.seed,
      mode: request.mode,
      scenarios: request.scenarios,
      precision: request.precision ?? null,
      onProgress: channel,
    });
  },
  cancelRun: () => call<number>("cancel_run"),
  listRuns: (path) => call<RunListItem[]>("list_runs", { path }),
  runDashboard: (runId) => call<RunDashboard>("run_dashboard", { runId }),
  runChart: (runId, kind, options = {}) =>
    call<string>("run_chart", {
      runId,
      kind,
      metric: options.metric ?? null,
      scenarios: options.scenarios ?? null,
      journey: options.journey ?? null,
    }),
  compareRuns: (a, b, scenario) => call<RunPairView>("compare_runs", { a, b, scenario: scenario ?? null }),
  deleteRun: (runId) => call<void>("delete_run", { runId }),
  exportRun: (runId, format, path) => call<void>("export_run", { runId, format, path }),
  runFlows: (runId, journey, population) => call<PopulationFlows>("run_flows", { runId, journey, population }),
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Options of the in-memory runs backend. */
export interface MockRunsOptions {
  /** Milliseconds per 10 % of a run (default 0: runs finish at once). */
  stepMs?: number;
  /** When set, `startRun` rejects with it. */
  runError?: ErrorPayload;
}

/** An in-memory runs backend for the browser preview and tests: runs make up numbers. */
export function createMockRunsBackend(options: MockRunsOptions = {}): RunsBackend {
  const runs: RunListItem[] = [];
  const dashboards = new Map<number, RunDashboard>();
  let nextId = 1;
  let cancelled = false;
  let running = 0;
  return {
    async startRun(request, onProgress) {
      if (options.runError) throw options.runError;
      const id = nextId++;
      const row: RunListItem = {
        id,
        model_id: 1,
        model_key: request.path.split(/[\\/]/).pop()?.replace(/\.json$/, "") ?? "model",
        model_name: "Mock model",
        model_version: 1,
        model_version_id: 1,
        scenarios: ["baseline", ...(request.scenarios ?? ["stronger_mfa"])],
        iterations: request.iterations,
        seed: request.seed,
        mode: request.mode,
        engine_version: "mock",
        status: "running",
        error: null,
        started_at: new Date(Date.UTC(2026, 0, 1, 12, 0, id)).toISOString(),
        finished_at: null,
        pid: null,
        legit_success_rate: null,
        fraud_loss: null,
        net_value: null,
        currency: "USD",
        max_iterations: null,
      };
      runs.unshift(row);
      cancelled = false;
      running++;
      try {
        for (let step = 1; step <= 10; step++) {
          if (options.stepMs) await wait(options.stepMs);
          if (cancelled) {
            row.status = "cancelled";
            throw { code: "cancelled", message: "the run was cancelled" } satisfies ErrorPayload;
          }
          // Like the engine: the total counts the iterations of every scenario run.
          const total = request.iterations * (row.scenarios.length || 1);
          const done = Math.round((total * step) / 10);
          onProgress({
            done,
            total,
            elapsed_ms: step * (options.stepMs ?? 1),
            eta_ms: (10 - step) * (options.stepMs ?? 1),
          });
        }
      } finally {
        running--;
      }
      const dashboard = mockDashboard({ ...row, status: "finished" }, row.scenarios);
      const base = dashboard.scenarios[0]?.cards ?? [];
      const mean = (m: string) => base.find((c) => c.metric === m)?.mean ?? null;
      Object.assign(row, {
        status: "finished",
        finished_at: row.started_at,
        legit_success_rate: mean("legit_success_rate"),
        fraud_loss: mean("fraud_loss"),
        net_value: mean("net_value"),
        max_iterations: request.precision?.length ? request.iterations : null,
      });
      dashboards.set(id, dashboard);
      return id;
    },
    async cancelRun() {
      cancelled = true;
      return running;
    },
    async listRuns() {
      return runs.map((r) => ({ ...r }));
    },
    async runDashboard(runId) {
      const d = dashboards.get(runId);
      if (!d) throw { code: "run_failed", message: `run ${runId} has no result` };
      return d;
    },
    async runChart(runId, kind) {
      if (!dashboards.has(runId)) throw { code: "run_failed", message: `run ${runId} has no result` };
      return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text x="10" y="50">${kind} chart of run ${runId}</text></svg>`;
    },
    async compareRuns(a, b, scenario = "baseline") {
      const da = dashboards.get(a);
      const db = dashboards.get(b);
      if (!da || !db) throw { code: "run_failed", message: `runs ${a} and ${b} do not both have results` };
      const cards = (d: RunDashboard) => d.scenarios.find((s) => s.id === scenario)?.cards ?? [];
      const paired = da.run.seed === db.run.seed && da.run.mode === db.run.mode;
      return {
        a: da.run,
        b: db.run,
        scenario,
        paired,
        iterations: Math.min(da.run.iterations, db.run.iterations),
        rows: cards(da).map((ca) => {
          const cb = cards(db).find((c) => c.metric === ca.metric);
          const delta = cb ? cb.mean - ca.mean : null;
          return {
            metric: ca.metric,
            label: ca.label,
            unit: ca.unit,
            a_mean: ca.mean,
            b_mean: cb?.mean ?? null,
            delta_mean: delta,
            delta_p5: delta,
            delta_p95: delta,
            clear: delta !== null && delta !== 0,
          };
        }),
      };
    },
    async deleteRun(runId) {
      const i = runs.findIndex((r) => r.id === runId);
      if (i >= 0) runs.splice(i, 1);
      dashboards.delete(runId);
    },
    async exportRun(runId, _format, path) {
      if (!dashboards.has(runId)) throw { code: "run_failed", message: `run ${runId} has no result` };
      if (!path.trim()) throw { code: "io", message: "no path given" };
    },
    async runFlows(runId) {
      // The full mock backend (mock.ts) answers from the model document; runs alone have none.
      if (!dashboards.has(runId)) throw { code: "run_failed", message: `run ${runId} has no result` };
      throw { code: "run_failed", message: "the runs mock has no model document to trace flows in" };
    },
  };
}

/** A made-up dashboard with plausible numbers. */
export function mockDashboard(run: RunRow, scenarioIds: string[]): RunDashboard {
  const card = (
    metric: string,
    label: string,
    unit: MetricUnit,
    mean: number,
    higher = false,
  ): HeadlineCard => ({
    metric,
    label,
    unit,
    higher_is_better: higher,
    mean,
    p5: mean * 0.9,
    p95: mean * 1.1,
    se: mean * 0.002,
  });
  const scenarios: ScenarioView[] = scenarioIds.map((id, i) => ({
    id,
    name: id === "baseline" ? "Baseline" : id.replace(/_/g, " "),
    cards: [
      card("legit_success_rate", "Legitimate success rate", "rate", 0.9412 - i * 0.01, true),
      card("legit_abandon_rate", "Legitimate abandonment", "rate", 0.0421 + i * 0.018),
      card("false_reject_rate", "False rejects", "rate", 0.0167),
      card("attack_stopped_rate", "Attacks stopped", "rate", 0.82 + i * 0.05, true),
      card("fraud_loss", "Fraud loss", "money", 182_400 * (1 - i * 0.41)),
      card("support_contacts", "Support contacts", "count", 12_840 + i * 2300),
      card("support_cost", "Support cost", "money", 77_040 + i * 13_800),
      card("control_cost", "Control cost", "money", 21_300),
      card("net_value", "Net value", "money", 2_412_000 + i * 40_000, true),
    ],
    teams: [
      {
        owner: "fraud",
        owner_name: "Fraud operations",
        guardrails: [
          {
            id: "fraud_loss_cap",
            owner: "fraud",
            owner_name: "Fraud operations",
            metric: "fraud_loss",
            min: null,
            max: 150_000,
            confidence: 0.9,
            probability_met: i === 0 ? 0.12 : 0.97,
            met: i !== 0,
          },
        ],
      },
      {
        owner: "cx",
        owner_name: "Customer experience",
        guardrails: [
          {
            id: "abandon_cap",
            owner: "cx",
            owner_name: "Customer experience",
            metric: "legit_abandon_rate",
            min: null,
            max: 0.05,
            confidence: 0.9,
            probability_met: i === 0 ? 0.95 : 0.31,
            met: i === 0,
          },
        ],
      },
    ],
    breakdown: [
      { journey: "sign_in", journey_name: "Sign in", population: "customers", outcome: "signed_in", mean: 94_120, p5: 93_000, p95: 95_100, share: 0.9412 },
      { journey: "sign_in", journey_name: "Sign in", population: "customers", outcome: "abandoned", mean: 4210, p5: 3900, p95: 4500, share: 0.0421 },
      { journey: "sign_in", journey_name: "Sign in", population: "attackers", outcome: "blocked", mean: 8200, p5: 7600, p95: 8800, share: 0.82 },
    ],
    deltas:
      i === 0
        ? []
        : [
            { metric: "fraud_loss", label: "Fraud loss", unit: "money", mean: -74_784, p5: -90_000, p95: -60_000, clear: true, better: true },
            { metric: "legit_abandon_rate", label: "Legitimate abandonment", unit: "rate", mean: 0.018, p5: 0.012, p95: 0.024, clear: true, better: false },
            { metric: "support_contacts", label: "Support contacts", unit: "count", mean: 2300, p5: 1900, p95: 2700, clear: true, better: false },
            { metric: "net_value", label: "Net value", unit: "money", mean: 40_000, p5: -12_000, p95: 95_000, clear: false, better: null },
          ],
    summary_line:
      i === 0
        ? null
        : "41 % less fraud loss; 1.8 points more abandonment; 2,300 more support contacts a month",
  }));
  return { run, model_name: run.model_name, currency: "USD", period: "month", scenarios };
}
