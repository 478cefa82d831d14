// Adding a step from the palette, by a click (next to the selection or in the middle of
// the canvas) or by a drop on the canvas: shared by Palette and Canvas. Pure of React.

import type { CatalogueControl } from "../ipc";
import { addFromCatalogue } from "./catalogue";
import type { EditorStore } from "./editorStore";
import { NODE_HEIGHT, NODE_WIDTH, journeyFlow } from "./graph";
import { addStep, findJourney, idsOf, newStep, stepsOf, type ModelDoc, type Point, type StepKind } from "./model";

/** The drag-and-drop data type of a palette item (JSON `{ kind, control? }`, or
 * `{ kind: "control", catalogue }` for a control of the built-in catalogue). */
export const DRAG_TYPE = "application/x-journeylab-step";

/** Adds a step of `kind` (at `position`, else right of the selection) and selects it. */
export function addFromPalette(store: EditorStore, journeyId: string, kind: StepKind, control?: string, position?: Point) {
  const s = store.getState();
  const step = newStep(s.doc, journeyId, kind);
  if (control) {
    step.control = control;
    step.id = uniqueId(s.doc, journeyId, control);
    const name = idsOf(s.doc, "controls").find((c) => c.id === control)?.name;
    if (name) step.name = name;
  }
  const at = position ?? nextFreeSpot(s.doc, journeyId, s.selection[0]);
  s.apply((d) => addStep(d, journeyId, step, at));
  s.select([step.id]);
}

/** A catalogue control dropped on the canvas: the control copied into the library with
 * its sources (under a free id) and a step using it at `position`, as one undoable edit;
 * the new step is selected. */
export function addCatalogueStep(store: EditorStore, journeyId: string, entry: CatalogueControl, position: Point) {
  const s = store.getState();
  let stepId: string | null = null;
  s.apply((d) => {
    const withControl = addFromCatalogue(d, entry);
    const controls = idsOf(withControl, "controls");
    const control = controls[controls.length - 1];
    if (!control) return d;
    const step = newStep(withControl, journeyId, "control");
    step.control = control.id;
    step.id = uniqueId(withControl, journeyId, control.id);
    if (control.name) step.name = control.name;
    stepId = step.id;
    return addStep(withControl, journeyId, step, position);
  });
  if (stepId) s.select([stepId]);
}

function uniqueId(doc: ModelDoc, journeyId: string, base: string): string {
  const taken = new Set(stepsOf(findJourney(doc, journeyId)).map((s) => s.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

export function nextFreeSpot(doc: ModelDoc, journeyId: string, near?: string, centre?: Point): Point {
  const nodes = journeyFlow(doc, journeyId).nodes;
  const anchor = nodes.find((n) => n.id === near);
  const maxX = Math.max(0, ...nodes.filter((n) => !n.data.implicit).map((n) => n.position.x));
  const spot = anchor
    ? { x: anchor.position.x + 250, y: anchor.position.y }
    : centre
      ? { ...centre }
      : { x: maxX + 250, y: Math.min(0, ...nodes.map((n) => n.position.y)) };
  // Step down until the spot overlaps no node.
  const overlaps = (p: Point) =>
    nodes.some((n) => Math.abs(n.position.x - p.x) < NODE_WIDTH + 20 && Math.abs(n.position.y - p.y) < NODE_HEIGHT + 40);
  for (let i = 0; i < 200 && overlaps(spot); i++) spot.y += 40;
  return spot;
}
