// The run dashboard's attack-surface summary (spec §11), from the engine's routes view:
// findings counted by severity, the lines a scenario's comparison shows (findings resolved
// and introduced first, then attackers' routes closed and opened), and each attacker's
// main route in a sentence. Pure: numbers formatted by the shared policy.

import { share } from "../format/numbers";
import type { Finding, FindingSeverity, RoutesView } from "../ipc";

export const SEVERITY_WORDS: Record<FindingSeverity, string> = { high: "High", medium: "Medium", low: "Low" };

/** "3 findings: 1 high, 2 medium" / "No finding". */
export function findingCount(findings: Finding[]): string {
  if (findings.length === 0) return "No finding";
  const by = (["high", "medium", "low"] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return `${findings.length} finding${findings.length === 1 ? "" : "s"}: ${by.join(", ")}`;
}

/** A sentence starts with a capital. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ChangeLine {
  kind: "resolved" | "introduced" | "closed" | "opened" | "reduced" | "increased";
  text: string;
}

/** What a scenario changes for attackers, most important first. */
export function changeLines(view: RoutesView): ChangeLine[] {
  const lines: ChangeLine[] = [
    ...view.finding_changes.resolved.map((f): ChangeLine => ({ kind: "resolved", text: `Resolves: ${f.message}` })),
    ...view.finding_changes.introduced.map((f): ChangeLine => ({ kind: "introduced", text: `Introduces: ${f.message}` })),
  ];
  for (const c of view.changes) {
    if (c.population_kind === "attacker") lines.push({ kind: c.kind, text: capitalised(c.sentence) });
  }
  return lines;
}

/** Each attacker population's main route across journeys, in a sentence. */
export function attackerMainRoutes(view: RoutesView): { population: string; text: string }[] {
  const journeyName = (id: string) => view.report.journeys.find((j) => j.journey === id)?.name ?? id;
  const populationName = (id: string) =>
    view.report.journeys.flatMap((j) => j.populations).find((p) => p.population === id)?.name ?? id;
  return view.report.main_routes
    .filter((m) => m.kind === "attacker")
    .map((m) => ({
      population: m.population,
      text: `${populationName(m.population)} get in mostly by ${journeyName(m.journey)} “${m.label}” (P ${share(m.p)}, ${share(m.share)} of their successes)`,
    }));
}
