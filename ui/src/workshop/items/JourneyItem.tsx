// A journey with a population's flow, from the model's newest finished run.
import { useEffect, useState } from "react";

import { journeys, stepsOf } from "../../editor/model";
import { toErrorPayload } from "../../ipc";
import { journeySlide } from "../slides";
import type { ItemProps } from "./itemProps";

export function JourneyItem({ item, doc, modelPath, backend, show }: ItemProps) {
  const what = item.what.kind === "journey" ? item.what : null;
  const [note, setNote] = useState("Reading the newest run…");
  useEffect(() => {
    if (!what) return;
    let live = true;
    const journey = journeys(doc).find((j) => j.id === what.journey);
    const names = Object.fromEntries(stepsOf(journey).map((s) => [s.id, s.name ?? s.id]));
    void (async () => {
      try {
        const run = (await backend.listRuns(modelPath)).find((r) => r.status === "finished");
        if (!live) return;
        if (!run || !what.population) {
          const steps = stepsOf(journey).map((s) => s.name ?? s.id);
          show({ numbers: [], lines: [`${steps.length} steps: ${steps.join(" → ")}`, "Run the model to see the flow."] }, `Journey ${what.journey} (no run yet)`);
          setNote(run ? "Pick a population to draw its flow." : "No finished run of this model yet: the audience sees the steps only.");
          return;
        }
        const flows = await backend.runFlows(run.id, what.journey, what.population);
        if (!live) return;
        const content = journeySlide(flows, names);
        const top = content.numbers.map((n) => `${n.label} ${n.value}`).join(", ");
        show(content, `${journey?.name ?? what.journey}, ${what.population}: ${top} (run ${run.id}, seed ${run.seed})`);
        setNote(`Flow of ${what.population} in run ${run.id} (seed ${run.seed}, ${run.mode}).`);
      } catch (e) {
        if (live) setNote(`The flow could not be read: ${toErrorPayload(e).message}`);
      }
    })();
    return () => {
      live = false;
    };
    // The item's journey and population decide what is read; `show` is stable per item.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [what?.journey, what?.population, modelPath, backend, doc]);
  return (
    <p className="meta" data-testid="workshop-journey-note">
      {note}
    </p>
  );
}
