// Words of the observed-vs-simulated check (the numbers are the engine's CheckResult).
import { compact, thousands } from "../format/numbers";
import { pValue } from "../format/text";
import type { CheckResult, Observation } from "../ipc";

/** The CSV header the check reads (any column order). */
export const CHECK_HEADER = "journey,step,exit,population,n,k";

/** `login / otp → pass, customers`. */
export function observationName(o: Observation): string {
  return `${o.journey} / ${o.step} → ${o.exit}, ${o.population}`;
}

/** How many observations a CSV from `runObservations` holds (lines after the header). */
export function sourcedRows(csv: string): number {
  return Math.max(0, csv.split("\n").filter((l) => l.trim() !== "").length - 1);
}

/** Why a flagged observation is flagged, in one line. */
export function checkWhy(r: CheckResult): string {
  const side = r.observed_rate < r.simulated.mean ? "lower" : "higher";
  return (
    `The model disagrees with what was observed: ${compact(r.observed_rate, "rate", "")} is ${side} than the model allows ` +
    `for ${thousands(r.observation.n)} users (simulated mean ${compact(r.simulated.mean, "rate", "")}, p ${r.p_value < 0.0001 ? "" : "= "}${pValue(r.p_value)}).`
  );
}
