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

describe("editor shortcuts on controls that take no text", () => {
  it("a checkbox does not swallow the editor's keys; Ctrl+S saves from a text field", () => {
    const store = storeWithSteps();
    const box = document.createElement("input");
    box.type = "checkbox";
    document.body.append(box);
    expect(press(store, "]", box).defaultPrevented).toBe(true);
    expect(store.getState().selection).toEqual(["start"]);
    box.remove();
    const field = document.createElement("input");
    document.body.append(field);
    const save = new KeyboardEvent("keydown", { key: "s", ctrlKey: true, cancelable: true, bubbles: true });
    field.addEventListener("keydown", (e) => onEditorKey(e, store, () => {}), { once: true });
    field.dispatchEvent(save);
    expect(save.defaultPrevented).toBe(true);
    // A new model has no file yet: the save says so (and focus goes to the file field).
    expect(store.getState().saveError?.code).toBe("no_path");
    field.remove();
  });
});
