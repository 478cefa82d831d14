// Analysis of stored runs: what drives an output (tornado + rank correlations) and how a
// run that stopped on precision ended; the native Save dialog for exports. Shapes mirror
// the serde output of `journeylab_app::{SensitivityView, PrecisionStatus}`; commands are in
// src-tauri/src/analysis.rs.
import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";

import type { ExportFormat, MetricUnit } from "./runs";
import { toErrorPayload } from "./types";

/** How an input's values read. */
export type InputUnit = "rate" | "money" | "count" | "seconds" | "minutes" | "number";

export interface SwingView {
  /** The quantity's path in the model (`controls/sms_otp/pass/*legitimate`). */
  input: string;
  /** Readable name (`SMS one-time code: pass rate (legitimate)`). */
  label: string;
  input_unit: InputUnit;
  input_low: number;
  input_high: number;
  /** The output with the input at its P10 (every other input at its median). */
  output_low: number;
  /** The output with the input at its P90. */
  output_high: number;
  swing: number;
}

export interface CorrelationView {
  input: string;
  label: string;
  /** Spearman ρ; `null` when undefined (the output never varied). */
  rho: number | null;
}

export interface SensitivityView {
  run_id: number;
  scenario: string;
  metric: string;
  label: string;
  unit: MetricUnit;
  currency: string;
  /** The output with every input at its median (expected mode). */
  base: number;
  /** Uncertain inputs in the model. */
  inputs: number;
  /** Largest swings first, at most 15. */
  swings: SwingView[];
  /** Iterations the correlations are computed over. */
  iterations: number;
  /** Iterations of the run (more than `iterations` when the correlations use its first 50,000). */
  run_iterations: number;
  /** |ρ| below this (2/√n) cannot be told from noise. */
  noise_level: number;
  rank_correlations: CorrelationView[];
  /** The top drivers in plain sentences. */
  drivers: string[];
}

export interface PrecisionTargetView {
  metric: string;
  label: string;
  /** Asked relative half-width of the 95 % interval (0.01 = ±1 %). */
  relative: number;
  /** Reached 1.96 × SE / |mean| in the least precise scenario. */
  achieved: number | null;
  met: boolean;
}

export interface PrecisionStatus {
  /** Iterations used per scenario. */
  iterations: number;
  max_iterations: number;
  stopped_early: boolean;
  met: boolean;
  targets: PrecisionTargetView[];
}

/** The analysis part of the backend. Every method rejects with an `ErrorPayload`. */
export interface AnalysisBackend {
  /** Tornado, rank correlations and drivers of `metric` in `scenario` (default baseline) of a stored run. */
  runSensitivity(runId: number, metric: string, scenario?: string): Promise<SensitivityView>;
  /** How a run that stopped on precision ended; `null` for a run without targets. */
  runPrecision(runId: number): Promise<PrecisionStatus | null>;
  /** The native Save dialog for an export of `format`: the chosen path, `null` when cancelled. */
  pickExportPath(defaultName: string, format: ExportFormat): Promise<string | null>;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toErrorPayload(error);
  }
}

const EXPORT_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  json: { name: "Result document (JSON)", extensions: ["json"] },
  csv: { name: "Summaries (CSV)", extensions: ["csv"] },
  png: { name: "Comparison chart (PNG)", extensions: ["png"] },
  svg: { name: "Comparison chart (SVG)", extensions: ["svg"] },
};

/** The analysis commands of the desktop shell. */
export const tauriAnalysisBackend: AnalysisBackend = {
  runSensitivity: (runId, metric, scenario) =>
    call<SensitivityView>("run_sensitivity", { runId, metric, scenario: scenario ?? null }),
  runPrecision: (runId) => call<PrecisionStatus | null>("run_precision", { runId }),
  pickExportPath: async (defaultName, format) => {
    try {
      return (await save({ defaultPath: defaultName, filters: [EXPORT_FILTERS[format]] })) ?? null;
    } catch (error) {
      throw toErrorPayload(error);
    }
  },
};

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
      if (!/^[a-z_]+$/.test(metric)) throw { code: "run_failed", message: `unknown metric \`${metric}\`` };
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
      input_unit: (i === 0 ? "count" : "rate") as InputUnit,
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
    label: metric === "fraud_loss" ? "Fraud loss" : metric.replace(/_/g, " "),
    unit: metric.endsWith("_rate") ? "rate" : metric.includes("loss") || metric.includes("cost") || metric.includes("value") ? "money" : "count",
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
