// What a screen reader says for the canvas: a step names its kind, name and exits with
// their targets; an edge its source, exit and target. Words only, from the same data the
// canvas draws (the overlay's share, when shown, is added to the edge).

import type { StepNodeData } from "./graph";
import { lookOf } from "./kinds";

/** `Control step “SMS code”, entry, 1 error. Exits: pass to Remember device, fail to blocked (default).` */
export function stepLabel(data: StepNodeData, nameOf: (id: string) => string): string {
  const kind = data.kind === "missing" ? "Missing target" : data.implicit ? "Implicit outcome" : `${lookOf(data.kind).label} step`;
  const parts = [`${kind} “${data.name ?? data.stepId}”`];
  if (data.kind === "outcome" && data.outcomeClass) parts.push(`class ${data.outcomeClass}`);
  if (data.entry) parts.push("entry");
  const errors = data.issues.filter((i) => i.severity === "error").length;
  const warnings = data.issues.length - errors;
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? "error" : "errors"}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? "warning" : "warnings"}`);
  const exits = data.exits.map((x) => {
    const to = x.target ?? x.fallback;
    return `${x.label} to ${to === undefined ? "nothing (not connected)" : nameOf(to)}${x.target === undefined && to !== undefined ? " (default)" : ""}`;
  });
  return `${parts.join(", ")}.${exits.length > 0 ? ` Exits: ${exits.join("; ")}.` : ""}`;
}

/** `Exit pass of “SMS code” to “Remember device”`, with the overlay's share after a comma. */
export function edgeLabel(source: string, exit: string, target: string, shown?: string): string {
  const base = `Exit ${exit} of “${source}” to “${target}”`;
  return shown && shown !== exit ? `${base}, ${shown}` : base;
}
