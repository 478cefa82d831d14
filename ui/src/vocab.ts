// The engine's vocabulary as the UI reads it (generated: ipc/gen/vocabularyValues.ts):
// metric labels, units and directions, step kinds and their exits, decision areas,
// distributions. Nothing here is written out by hand.
import { VOCABULARY, type MetricDef, type Sampling } from "./ipc";

/** The catalogue entry of model total `id`. */
export function totalMetric(id: string): MetricDef | undefined {
  return VOCABULARY.total_metrics.find((m) => m.id === id);
}

/** Catalogue entries of the model totals `ids`, in that order (unknown ids left out). */
export function totalMetrics(ids: readonly string[]): MetricDef[] {
  return ids.map(totalMetric).filter((m): m is MetricDef => m !== undefined);
}

/** The decision areas of §9, in the owners panel's order. */
export const DECISION_AREAS: readonly string[] = VOCABULARY.decision_areas;

/** Step kinds in palette order. */
export const STEP_KIND_DEFS = VOCABULARY.step_kinds;

/** The samplings a run can use, the default first (labels, when to use them, replicates). */
export const SAMPLING_DEFS = VOCABULARY.samplings;

/** How a run drew its quantities, as its dashboard says it ("quasi-random (32 replicates)"). */
export function samplingText(id: Sampling): string {
  const def = SAMPLING_DEFS.find((d) => d.id === id);
  if (!def) return id;
  const label = def.label.toLowerCase();
  return def.replicates === null ? label : `${label} (${def.replicates} replicates)`;
}

/** Distribution keys and their parameter names. */
export const DISTRIBUTION_DEFS = VOCABULARY.distributions;

/** The totals the live analyses show (the what-if strip, the threshold explorer), in order. */
export const LIVE_HEADLINES: MetricDef[] = totalMetrics([
  "legit_success_rate",
  "legit_abandon_rate",
  "false_reject_rate",
  "attack_success",
  "fraud_loss",
  "support_contacts",
]);
