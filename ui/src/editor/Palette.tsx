// The palette beside the canvas: one item per step kind and per control of the library,
// added by a click or dragged onto the canvas.

import { useReactFlow } from "@xyflow/react";
import type { DragEvent } from "react";
import { useStore } from "zustand";

import type { EditorStore } from "./editorStore";
import { NODE_HEIGHT, NODE_WIDTH } from "./graph";
import { KINDS } from "./kinds";
import { STEP_KINDS, idsOf, type StepKind } from "./model";
import { KindIcon } from "./nodes";
import { DRAG_TYPE, addFromPalette, nextFreeSpot } from "./paletteActions";

export function Palette({ store }: { store: EditorStore }) {
  const doc = useStore(store, (s) => s.doc);
  const { screenToFlowPosition } = useReactFlow();
  const controls = idsOf(doc, "controls");
  const add = (kind: StepKind, control?: string) => {
    const { journeyId, selection } = store.getState();
    if (!journeyId) return;
    // Right of the selected step, else in the middle of what the canvas shows.
    const pane = window.document.querySelector(".canvas")?.getBoundingClientRect();
    const centre = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : undefined;
    const at = nextFreeSpot(store.getState().doc, journeyId, selection[0], centre && { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 });
    addFromPalette(store, journeyId, kind, control, at);
  };
  const onDragStart = (e: DragEvent, payload: string) => {
    e.dataTransfer.setData(DRAG_TYPE, payload);
    e.dataTransfer.effectAllowed = "copy";
  };
  return (
    <aside className="palette" data-testid="palette">
      <h3>Steps</h3>
      {STEP_KINDS.map((kind) => {
        const look = KINDS[kind]!;
        return (
          <button
            key={kind}
            type="button"
            className="palette-item"
            draggable
            data-testid={`palette-${kind}`}
            title={`Exits: ${look.exits}. Click to add, or drag onto the canvas.`}
            onDragStart={(e) => onDragStart(e, JSON.stringify({ kind }))}
            onClick={() => add(kind)}
            style={{ borderColor: look.colour }}
          >
            <KindIcon kind={kind} /> {look.label}
          </button>
        );
      })}
      {controls.length > 0 && (
        <>
          <h3>Control library</h3>
          {controls.map((c) => (
            <button
              key={c.id}
              type="button"
              className="palette-item palette-control"
              draggable
              data-testid={`palette-control-${c.id}`}
              title="Drag onto the canvas (or click) to add a step with this control"
              onDragStart={(e) => onDragStart(e, JSON.stringify({ kind: "control", control: c.id }))}
              onClick={() => add("control", c.id)}
            >
              <KindIcon kind="control" size={13} /> {c.name ?? c.id}
            </button>
          ))}
        </>
      )}
    </aside>
  );
}
