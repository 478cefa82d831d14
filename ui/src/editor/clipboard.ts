// Copy and paste of steps (Ctrl+C, Ctrl+V): the copied steps and their positions, kept
// for the session, pasted into any journey as fresh copies.

import type { EditorStore } from "./editorStore";
import { journeyFlow } from "./graph";
import { addStep, copySteps, findJourney, stepsOf, type Point, type StepDoc } from "./model";

/** Steps copied with Ctrl+C, pasted into any journey with Ctrl+V. */
let clipboard: { steps: StepDoc[]; positions: Record<string, Point> } | null = null;

export function copySelection(store: EditorStore) {
  const { doc, journeyId, selection } = store.getState();
  if (!journeyId || selection.length === 0) return;
  const flow = journeyFlow(doc, journeyId);
  const steps = stepsOf(findJourney(doc, journeyId)).filter((s) => selection.includes(s.id));
  const positions: Record<string, Point> = {};
  for (const n of flow.nodes) if (selection.includes(n.id)) positions[n.id] = n.position;
  clipboard = { steps: structuredClone(steps), positions };
}

export function paste(store: EditorStore) {
  const { doc, journeyId } = store.getState();
  if (!journeyId || !clipboard || clipboard.steps.length === 0) return;
  const copies = copySteps(doc, journeyId, clipboard.steps);
  const source = clipboard;
  store.getState().apply((d) => {
    let next = d;
    copies.forEach((copy, i) => {
      const from = source.positions[source.steps[i]!.id] ?? { x: 0, y: 0 };
      next = addStep(next, journeyId, copy, { x: from.x + 40, y: from.y + 60 });
    });
    return next;
  });
  store.getState().select(copies.map((c) => c.id));
}
