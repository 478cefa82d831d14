import { describe, expect, it } from "vitest";

import { CATALOGUE_SAMPLE } from "../ipc/gen/samples";
import { addFromCatalogue, describeQuantity, freeControlId } from "./catalogue";
import type { ModelDoc } from "./model";

const sms = CATALOGUE_SAMPLE.controls.find((c) => c.id === "sms_otp");

describe("control catalogue", () => {
  it("lists the standard controls with a source for every number", () => {
    const ids = CATALOGUE_SAMPLE.controls.map((c) => c.id);
    for (const want of ["password", "sms_otp", "email_otp", "email_link", "totp", "push", "passkey_synced", "passkey_device_bound", "security_key", "captcha", "invisible_bot_score", "kba", "document_idv", "support_desk_verification"]) {
      expect(ids).toContain(want);
    }
    for (const c of CATALOGUE_SAMPLE.controls) {
      expect(c.numbers.length).toBeGreaterThan(3);
      for (const n of c.numbers) expect(n.source).not.toMatch(/unknown source/);
    }
  });

  it("copies a control with its sources, under a free id, sources not duplicated", () => {
    expect(sms).toBeDefined();
    if (!sms) return;
    const doc: ModelDoc = { controls: [{ id: "sms_otp" }], sources: [{ id: "evidence_base", title: "ours" }] };
    expect(freeControlId(doc, "sms_otp")).toBe("sms_otp_2");
    const out = addFromCatalogue(doc, sms);
    const controls = out.controls as { id: string }[];
    expect(controls.map((c) => c.id)).toEqual(["sms_otp", "sms_otp_2"]);
    const sources = out.sources as { id: string; title: string }[];
    expect(sources.filter((s) => s.id === "evidence_base")).toEqual([{ id: "evidence_base", title: "ours" }]);
    for (const s of sms.sources as { id: string }[]) expect(sources.some((x) => x.id === s.id)).toBe(true);
  });

  it("writes a quantity as a room reads it", () => {
    expect(describeQuantity({ pert: [0.5, 0.75, 0.9], source: "x" })).toBe("pert 0.5 / 0.75 / 0.9");
    expect(describeQuantity(0)).toBe("0");
  });
});

describe("a catalogue control dropped on the canvas", () => {
  it("copies the control with its sources and adds a step using it, as one undoable edit", async () => {
    const { createEditorStore } = await import("./editorStore");
    const { addCatalogueStep } = await import("./paletteActions");
    const { createMockBackend } = await import("../ipc");
    expect(sms).toBeDefined();
    if (!sms) return;
    const doc: ModelDoc = { journeys: [{ id: "login", entry: "a", steps: [{ id: "a", kind: "outcome", class: "success" }] }], controls: [], sources: [] };
    const store = createEditorStore(createMockBackend({ models: [] }), doc, null);
    addCatalogueStep(store, "login", sms, { x: 100, y: 40 });
    const after = store.getState().doc;
    const controls = after.controls as { id: string }[];
    expect(controls.map((c) => c.id)).toEqual(["sms_otp"]);
    const steps = (after.journeys as { steps: { id: string; kind: string; control?: string }[] }[])[0]!.steps;
    expect(steps.find((s) => s.control === "sms_otp")?.kind).toBe("control");
    expect(store.getState().selection).toEqual([steps.find((s) => s.control === "sms_otp")?.id]);
    for (const s of sms.sources as { id: string }[]) expect((after.sources as { id: string }[]).some((x) => x.id === s.id)).toBe(true);
    store.getState().undo();
    expect(store.getState().doc).toEqual(doc);
  });
});
