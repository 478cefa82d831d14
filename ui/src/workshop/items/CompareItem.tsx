// The scenarios of a stored run against its baseline (the newest finished run when the
// item names none): the paired changes and the guardrails by team.
import { useEffect, useState } from "react";

import { toErrorPayload } from "../../ipc";
import { compareSlide } from "../slides";
import type { ItemProps } from "./itemProps";

export function CompareItem({ item, modelPath, backend, show }: ItemProps) {
  const runId = item.what.kind === "compare" ? item.what.run_id : null;
  const [note, setNote] = useState("Reading the run…");
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const id = runId ?? (await backend.listRuns(modelPath)).find((r) => r.status === "finished")?.id;
        if (id === undefined) {
          if (live) setNote("No finished run of this model yet: run it with its scenarios first.");
          return;
        }
        const d = await backend.runDashboard(id);
        if (!live) return;
        const content = compareSlide(d);
        show(content, `Run ${d.run.id} (seed ${d.run.seed}): ${content.table?.rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`).join("; ")}`);
        setNote(`Run ${d.run.id}: ${d.scenarios.length - 1} scenario(s) against the baseline.`);
      } catch (e) {
        if (live) setNote(`The run could not be read: ${toErrorPayload(e).message}`);
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runId, modelPath, backend]);
  return (
    <p className="meta" data-testid="workshop-compare-note">
      {note}
    </p>
  );
}
