// An in-memory runs backend for the browser preview and tests: runs make up numbers.
// Its answers have the generated types of the real commands (./gen), so the preview and
// the tests type-check against the contract.
import type { Backend } from "./backend";
import type { DeltaView, ErrorPayload, HeadlineCard, MetricDef, RunDashboard, RunListItem, RunRow, ScenarioView } from "./gen";
import { VOCABULARY } from "./gen/vocabularyValues";

/** The catalogue entry of model total `id` (the mock only uses known ones). */
export function totalMetric(id: string): MetricDef {
  const def = VOCABULARY.total_metrics.find((m) => m.id === id);
  if (!def) throw new Error(`unknown model total ${id}`);
  return def;
}

/** The run commands of the backend. */
export type RunsBackend = Pick<
  Backend,
  "startRun" | "cancelRun" | "listRuns" | "runDashboard" | "runChart" | "compareRuns" | "deleteRun" | "exportRun" | "runFlows"
>;

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
  // Labels, units and directions from the engine's catalogue, as the real dashboard.
  const card = (metric: string, mean: number): HeadlineCard => {
    const def = totalMetric(metric);
    return {
      metric,
      label: def.label,
      unit: def.unit,
      higher_is_better: def.higher_is_better,
      mean,
      p5: mean * 0.9,
      p95: mean * 1.1,
      se: mean * 0.002,
    };
  };
  const delta = (metric: string, mean: number, p5: number, p95: number, better: boolean | null): DeltaView => {
    const def = totalMetric(metric);
    return { metric, label: def.label, unit: def.unit, mean, p5, p95, clear: p5 > 0 || p95 < 0, better };
  };
  const scenarios: ScenarioView[] = scenarioIds.map((id, i) => ({
    id,
    name: id === "baseline" ? "Baseline" : id.replace(/_/g, " "),
    cards: [
      card("legit_success_rate", 0.9412 - i * 0.01),
      card("legit_abandon_rate", 0.0421 + i * 0.018),
      card("false_reject_rate", 0.0167),
      card("attack_stopped_rate", 0.82 + i * 0.05),
      card("fraud_loss", 182_400 * (1 - i * 0.41)),
      card("support_contacts", 12_840 + i * 2300),
      card("support_cost", 77_040 + i * 13_800),
      card("control_cost", 21_300),
      card("net_value", 2_412_000 + i * 40_000),
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
            journey: null,
            population: null,
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
            journey: null,
            population: null,
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
            delta("fraud_loss", -74_784, -90_000, -60_000, true),
            delta("legit_abandon_rate", 0.018, 0.012, 0.024, false),
            delta("support_contacts", 2300, 1900, 2700, false),
            delta("net_value", 40_000, -12_000, 95_000, null),
          ],
    summary_line:
      i === 0
        ? null
        : "41 % less fraud loss; 1.8 points more abandonment; 2,300 more support contacts a month",
  }));
  return { run, model_name: run.model_name, currency: "USD", period: "month", scenarios, sampling: "mc" };
}
