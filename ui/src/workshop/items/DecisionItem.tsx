// The decision on a scenario, taken in the room: the dashboard's own decision panel
// (request, each team's word, the owner's acceptance — the same records in the same
// log), on the newest finished run that simulated the scenario. The audience sees the
// status and each required team's latest word.
import { useEffect, useState } from "react";
import { useStore } from "zustand";

import { DecisionPanel } from "../../results/DecisionPanel";
import { createDecisionStore, statusWords } from "../../results/decisionStore";
import { decisionSlide } from "../slides";
import type { ItemProps } from "./itemProps";

export function DecisionItem({ item, modelPath, backend, show }: ItemProps) {
  const scenario = item.what.kind === "decision" ? item.what.scenario : "";
  const [store] = useState(() => createDecisionStore(backend, modelPath));
  const [runId, setRunId] = useState<number | null | undefined>(undefined);
  const record = useStore(store, (s) => (s.record.status === "ready" && s.open === scenario ? s.record.data : null));
  useEffect(() => {
    let live = true;
    void store.getState().loadStatuses();
    void store.getState().openRecord(scenario);
    backend.listRuns(modelPath).then(
      (runs) => live && setRunId(runs.find((r) => r.status === "finished" && r.scenarios.includes(scenario))?.id ?? null),
      () => live && setRunId(null),
    );
    return () => {
      live = false;
    };
  }, [store, backend, modelPath, scenario]);
  useEffect(() => {
    if (!record) return;
    const words = record.words.filter((w) => w.word !== "request").map((w) => `${w.name}${w.detail.team ? ` (${w.detail.team})` : ""}: ${w.word}`);
    show(decisionSlide(record), `Decision on ${record.scenario_name}: ${statusWords(record.status)}${words.length ? ` — ${words.join("; ")}` : ""}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record]);
  if (runId === undefined) return <p className="meta">Reading the runs…</p>;
  if (runId === null)
    return (
      <p className="meta" data-testid="workshop-decision-norun">
        No finished run simulated scenario {scenario}: run the model with it first.
      </p>
    );
  return <DecisionPanel store={store} runId={runId} scenario={scenario} headingLevel={3} />;
}
