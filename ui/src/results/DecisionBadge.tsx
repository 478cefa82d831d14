// A scenario's decision status, in words (never colour alone), wherever the scenario
// appears: the dashboard's tabs and comparison, the history, the run panel.
import type { DecisionStatus } from "../ipc";
import { statusWords } from "./decisionStore";

export function DecisionBadge({ status, testid }: { status: DecisionStatus; testid?: string }) {
  const mark = status === "approved" ? "✓ " : status === "rejected" || status === "expired" ? "✗ " : status === "stale" ? "⟳ " : "";
  return (
    <span className={`badge decision-${status}`} data-testid={testid} data-status={status} title={`Decision: ${statusWords(status)}`}>
      {mark}
      {statusWords(status)}
    </span>
  );
}
