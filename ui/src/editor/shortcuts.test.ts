import { describe, expect, it, vi } from "vitest";

import { createMockBackend } from "../ipc";
import { createEditorStore } from "./editorStore";
import { newModelDocument, type ModelDoc } from "./model";
import { SHORTCUTS, onEditorKey } from "./shortcuts";

function storeWithSteps() {
  const doc = newModelDocument() as ModelDoc & { journeys: { steps: unknown[] }[] };
  doc.journeys[0]!.steps.push({ id: "second", kind: "action", next: "success" });
  return createEditorStore(createMockBackend(), doc, null);
}

/** Runs the editor's handler on a key pressed on `target` (the page when omitted). */
function press(store: ReturnType<typeof storeWithSteps>, key: string, target?: HTMLElement, help = () => {}) {
  const event = new KeyboardEvent("keydown", { key, cancelable: true, bubbles: true });
  const el = target ?? document.body;
  el.addEventListener("keydown", (e) => onEditorKey(e, store, help), { once: true });
  el.dispatchEvent(event);
  return event;
}

describe("editor shortcuts", () => {
  it("] and [ walk the steps, then the implicit outcomes, and wrap", () => {
    const store = storeWithSteps();
    press(store, "]");
    expect(store.getState().selection).toEqual(["start"]);
    press(store, "]");
    expect(store.getState().selection).toEqual(["second"]);
    press(store, "[");
    press(store, "[");
    // Before the first: the last implicit outcome.
    expect(store.getState().selection).toEqual(["blocked"]);
  });

  it("? opens the help; keys typed into a field are the field's", () => {
    const store = storeWithSteps();
    const help = vi.fn();
    expect(press(store, "?", undefined, help).defaultPrevented).toBe(true);
    expect(help).toHaveBeenCalledOnce();
    const input = document.createElement("input");
    document.body.append(input);
    expect(press(store, "]", input).defaultPrevented).toBe(false);
    expect(store.getState().selection).toEqual([]);
    input.remove();
  });

  it("lists every key it handles", () => {
    const keys = SHORTCUTS.map((s) => s.keys).join(" ");
    for (const k of ["?", "P", "]", "[", "E", "I", "Escape", "Ctrl+Z", "Ctrl+S", "Delete"]) expect(keys).toContain(k);
  });
});
