// The editor's keyboard shortcuts: one list, shown by the help overlay (`?`, ShortcutsHelp)
// and acted on by `onEditorKey`. A journey can be built without a pointer: add steps from
// the palette, walk the steps, connect exits in the inspector, delete, undo and save.
// Keys typed into a field belong to the field (Escape aside), and nothing here acts while
// a dialog or the threshold explorer is open.

import { copySelection, paste } from "./clipboard";
import type { EditorStore } from "./editorStore";
import { findJourney, outcomesOf, stepsOf } from "./model";

export interface Shortcut {
  keys: string;
  what: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: "?", what: "Show these shortcuts" },
  { keys: "Tab, Shift+Tab", what: "Move between the toolbar, palette, steps, edges and the inspector" },
  { keys: "P", what: "Go to the palette (Enter adds the step kind focused, selected and right of the selection)" },
  { keys: "] and [", what: "Select the next or previous step and focus it on the canvas" },
  { keys: "Enter, Space", what: "Select the focused step or edge" },
  { keys: "Arrow keys (Shift: 4× farther)", what: "Move the selected step" },
  { keys: "E", what: "Go to the selected step's exits in the inspector: choose a target to connect (a branch: add a share)" },
  { keys: "I", what: "Go to the inspector's first field" },
  { keys: "Escape", what: "From the inspector or palette, back to the selected step" },
  { keys: "Delete, Backspace", what: "Delete the selected steps or edges" },
  { keys: "Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y", what: "Undo, redo" },
  { keys: "Ctrl+C, Ctrl+V", what: "Copy, paste steps" },
  { keys: "Ctrl+S", what: "Save (a new model: go to the file field, where Enter saves)" },
];

/** Handles a key pressed anywhere in the editor; `openHelp` shows the shortcuts. */
export function onEditorKey(e: KeyboardEvent, store: EditorStore, openHelp: () => void): void {
  const target = e.target instanceof HTMLElement ? e.target : null;
  if (target?.closest('[role="dialog"], .modal-backdrop, [data-testid="threshold-explorer"]')) return;
  const typing = isTyping(target);
  const s = store.getState();
  if (e.ctrlKey || e.metaKey) {
    const key = e.key.toLowerCase();
    // Saving works from anywhere (fields write to the document as they change); the rest
    // leave a field's own undo, copy and paste alone.
    if (e.altKey || (typing && key !== "s")) return;
    if (key === "z" && !e.shiftKey) s.undo();
    else if ((key === "z" && e.shiftKey) || key === "y") s.redo();
    else if (key === "c") copySelection(store);
    else if (key === "v") paste(store);
    else if (key === "s") {
      if (!s.path) focusTestid("editor-path");
      void s.save();
    } else return;
    e.preventDefault();
    return;
  }
  if (e.key === "Escape" && target?.closest(".inspector, .palette")) {
    focusStep(s.selection[0] ?? stepOrder(store)[0]);
    e.preventDefault();
    return;
  }
  if (typing || e.altKey) return;
  switch (e.key) {
    case "?":
      openHelp();
      break;
    case "p":
    case "P":
      focusFirst(".palette button");
      break;
    case "]":
    case "[": {
      const order = stepOrder(store);
      if (order.length === 0) return;
      const at = order.indexOf(s.selection[0] ?? "");
      const next = at < 0 ? 0 : (at + (e.key === "]" ? 1 : order.length - 1)) % order.length;
      const id = order[next]!;
      s.select([id]);
      // The node is on the page already: only its selected state changes.
      focusStep(id);
      break;
    }
    case "e":
    case "E":
      focusFirst('.inspector [data-testid^="exit-select-"]', '.inspector [data-testid="branch-add-share"]', ".inspector fieldset.exits select");
      break;
    case "i":
    case "I":
      focusFirst('.inspector input, .inspector select, .inspector textarea, .inspector button');
      break;
    default:
      return;
  }
  e.preventDefault();
}

/** Inputs that take no text, so the editor's keys still apply on them. */
const NOT_TYPED = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "file", "color"]);

/** Whether keys pressed on `el` are its own: text fields, text areas and selects (type-ahead). */
function isTyping(el: HTMLElement | null): boolean {
  if (!el) return false;
  if (el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable) return true;
  return el.tagName === "INPUT" && !NOT_TYPED.has((el as HTMLInputElement).type);
}

/** The current journey's steps in document order, then its implicit outcomes. */
function stepOrder(store: EditorStore): string[] {
  const { doc, journeyId } = store.getState();
  const journey = journeyId ? findJourney(doc, journeyId) : undefined;
  return [
    ...stepsOf(journey).map((s) => s.id),
    ...outcomesOf(journey)
      .filter((o) => o.implicit)
      .map((o) => o.id),
  ];
}

/** Focuses step `id`'s node on the canvas (React Flow pans to a node focused by keyboard). */
function focusStep(id: string | undefined): void {
  if (id === undefined) return;
  // Inside a quoted attribute value only quotes and backslashes need escaping.
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id.replace(/["\\]/g, "\\$&")}"]`)?.focus();
}

/** Focuses the first element matching the first of `selectors` that matches any. */
function focusFirst(...selectors: string[]): void {
  for (const selector of selectors) {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.focus();
      return;
    }
  }
}

function focusTestid(id: string): void {
  focusFirst(`[data-testid="${id}"]`);
}
