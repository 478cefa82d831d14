// Shapes that cross the IPC boundary. They mirror the serde output of
// `journeylab_app::{ExampleSummary, ModelView, JourneyView, ErrorPayload}` and
// `journeylab_engine::Issue` (snake_case field names, as serialised).

/** Every command error: branch on `code`, show `message`. */
export interface ErrorPayload {
  code: string;
  message: string;
}

export interface ExampleSummary {
  path: string;
  file_name: string;
  name: string;
  description: string | null;
  journey_count: number;
  valid: boolean;
}

export interface Issue {
  severity: "error" | "warning";
  path: string;
  message: string;
  hint?: string;
  line?: number;
  column?: number;
}

export interface JourneyView {
  id: string;
  name: string;
  owner: string | null;
  sensitive: boolean;
  step_count: number;
  populations: string[];
}

export interface ModelView {
  path: string;
  name: string;
  description: string | null;
  currency: string;
  period: string;
  journeys: JourneyView[];
  issues: Issue[];
  document: unknown;
}

/** What `save_model_file` did (mirrors `journeylab_app::SavedModel`). */
export interface SavedModel {
  path: string;
  version: number | null;
  model_key: string | null;
  version_error: string | null;
}

/** One saved version of a model (mirrors `journeylab_store::ModelVersionRow`). */
export interface ModelVersionRow {
  id: number;
  model_id: number;
  model_key: string;
  version: number;
  content_hash: string;
  note: string | null;
  created_at: string;
}

/** True when `value` has the `{code, message}` shape of an [`ErrorPayload`]. */
export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ErrorPayload).code === "string" &&
    typeof (value as ErrorPayload).message === "string"
  );
}

/** Turns anything a command rejected with into an [`ErrorPayload`]. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (isErrorPayload(error)) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: "ipc", message: error.message };
  return { code: "ipc", message: String(error) };
}

/** A summary over iterations (the engine's `Summary`). */
export interface WhatIfSummary {
  mean: number;
  sd: number;
  se: number;
  p5: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/** A quick expected-mode look at an unsaved document (`journeylab_app::WhatIf`). */
export interface WhatIf {
  seed: number;
  iterations: number;
  /** Model total name → summary. */
  totals: [string, WhatIfSummary][];
}

/** One threshold pair of a risk gate (the engine's `SweepPoint`). */
export interface SweepPoint {
  allow_below: number;
  block_at_or_above: number;
  /** Share of legitimate users reaching the gate who are challenged. */
  legit_challenge_rate: number;
  /** Share of legitimate users reaching the gate who are blocked there. */
  legit_gate_block_rate: number;
  /** Share of attackers reaching the gate who are blocked there. */
  attack_gate_block_rate: number;
  /** Model total name → mean over the iterations. */
  totals: Record<string, number>;
  /** 1 − legitimate success rate. */
  legit_friction: number;
  fraud_loss: number;
  /** [guardrail id, probability met, met]. */
  guardrails: [string, number | null, boolean][];
  all_guardrails_met: boolean;
  /** No other point of the curve has both less friction and less fraud loss. */
  pareto: boolean;
}

/** A risk gate of a document (`journeylab_app::RiskGate`). */
export interface RiskGate {
  journey: string;
  journey_name: string;
  step: string;
  name: string;
  signal: string | null;
  allow_below: number | null;
  block_at_or_above: number | null;
}

/** A guardrail at the explored thresholds (`journeylab_app::GuardrailView`, as the dashboard's guardrails). */
export interface ExploredGuardrail {
  id: string;
  owner: string;
  owner_name: string;
  metric: string;
  journey: string | null;
  population: string | null;
  min: number | null;
  max: number | null;
  confidence: number;
  probability_met: number | null;
  met: boolean;
}

/** The threshold explorer's answer for one slider position (`journeylab_app::GateExploration`). */
export interface GateExploration {
  gate: string;
  info: RiskGate;
  /** Team deciding `risk_thresholds`, who would propose a change. */
  deciding_team: string | null;
  currency: string;
  iterations: number;
  seed: number;
  mode: string;
  /** The explored thresholds. */
  point: SweepPoint;
  /** The document's own thresholds. */
  reference: SweepPoint;
  /** allow_below over a fixed grid at the explored block_at_or_above. */
  curve: SweepPoint[];
  guardrails: ExploredGuardrail[];
  /** Milliseconds of computation in the backend. */
  compute_ms: number;
  /** The curve came from the backend's cache (only allow_below moved). */
  curve_cached: boolean;
}
