// An in-memory analysis backend: a made-up sensitivity with one dominant input, and
// precision outcomes and export dialog answers set by the test.
import type { Backend } from "./backend";
import type { PrecisionStatus, SensitivityView, SwingView, Unit } from "./gen";
import { VOCABULARY } from "./gen/vocabularyValues";
import { totalMetric } from "./mockRuns";

/** The analysis commands (and the export dialog) of the backend. */
export type AnalysisBackend = Pick<Backend, "runSensitivity" | "runPrecision" | "pickExportPath">;

/** Options of the in-memory analysis backend. */
export interface MockAnalysisOptions {
  /** What the export Save dialog answers (`null`, the default: cancelled). */
  exportPath?: string | null;
  /** Precision outcome per run id (default: none). */
  precision?: Record<number, PrecisionStatus>;
}

/** An in-memory analysis backend: a made-up sensitivity with one dominant input. */
export function createMockAnalysisBackend(options: MockAnalysisOptions = {}): AnalysisBackend {
  return {
    async runSensitivity(runId, metric, scenario = "baseline") {
      if (!VOCABULARY.total_metrics.some((m) => m.id === metric)) throw { code: "run_failed", message: `unknown metric \`${metric}\`` };
      return mockSensitivity(runId, metric, scenario);
    },
    async runPrecision(runId) {
      return options.precision?.[runId] ?? null;
    },
    async pickExportPath() {
      return options.exportPath ?? null;
    },
  };
}

/** A plausible sensitivity view: 18 inputs, the first dominant. */
export function mockSensitivity(runId: number, metric: string, scenario = "baseline"): SensitivityView {
  const base = 180_000;
  const names = [
    "Credential-stuffing bots: volume",
    "Real-time phishers: loss per success",
    "SMS one-time code: pass rate (phishers)",
    "Password: pass rate (bots)",
    "Email one-time code: pass rate (phishers)",
    "Support desk: resolution rate (phishers)",
  ];
  const swings: SwingView[] = Array.from({ length: 18 }, (_, i) => {
    const half = (base * 0.6) / (i + 1) ** 1.4;
    return {
      input: `mock/input/${i}`,
      label: names[i] ?? `Mock input ${i + 1}: share`,
      input_unit: (i === 0 ? "count" : "rate") as Unit,
      input_low: i === 0 ? 1900 : 0.1,
      input_high: i === 0 ? 9100 : 0.3,
      output_low: base - half,
      output_high: base + half * (i % 3 === 2 ? -0.5 : 1),
      swing: 0,
    };
  }).map((s) => ({ ...s, swing: Math.abs(s.output_high - s.output_low) }));
  swings.sort((a, b) => b.swing - a.swing);
  return {
    run_id: runId,
    scenario,
    metric,
    label: totalMetric(metric).label,
    unit: totalMetric(metric).unit,
    currency: "USD",
    base,
    inputs: 18,
    swings: swings.slice(0, 15),
    iterations: 2000,
    run_iterations: 2000,
    noise_level: 2 / Math.sqrt(2000),
    rank_correlations: swings.map((s, i) => ({ input: s.input, label: s.label, rho: i === 0 ? 0.91 : 0.4 / (i + 1) })),
    drivers: [
      `${metric === "fraud_loss" ? "Fraud loss" : metric} is most sensitive to the volume of Credential-stuffing bots: from its P10 (1,900) to its P90 (9,100) it moves it from $72k to $288k (rank correlation +0.91 over the run).`,
      "Next comes the loss per success of Real-time phishers: from its P10 ($50) to its P90 ($400) it moves it from $140k to $220k.",
    ],
  };
}
