// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { BackendContext } from "../backendContext";
import { createMockBackend, type Backend, type FunnelImport } from "../ipc";
import { createEditorStore } from "./editorStore";
import { FunnelDialog } from "./FunnelDialog";

afterEach(cleanup);

const answer: FunnelImport = {
  json: JSON.stringify({ format: "journeylab/1", name: "calibrated", journeys: [] }),
  changed: [
    {
      exit: "login/identify.abandon (customers)",
      path: "journeys/login/steps/identify/abandon/customers",
      source: "funnel_login_identify_abandon_customers",
      periods: 2,
      verdict: "the 2 periods agree",
      before: 0.01,
      after: { beta: [320.5, 21730.5], source: "funnel_login_identify_abandon_customers" },
      note: null,
    },
  ],
  unmatched: ["login/otp.pass (customers): control `sms_otp` takes up to 3 attempts"],
};

describe("funnel import", () => {
  it("previews what changes and what does not match, then applies it as one undoable edit", async () => {
    const base = createMockBackend();
    const importFunnel = vi.fn(async () => answer);
    const backend: Backend = { ...base, importFunnel };
    const store = createEditorStore(backend, { format: "journeylab/1", name: "before", journeys: [] }, null);
    const onClose = vi.fn();
    render(
      <BackendContext.Provider value={backend}>
        <FunnelDialog store={store} onClose={onClose} />
      </BackendContext.Provider>,
    );
    fireEvent.change(screen.getByTestId("funnel-csv"), { target: { value: "journey,step,exit,population,n,k\nlogin,identify,abandon,customers,1000,15" } });
    fireEvent.click(screen.getByTestId("funnel-preview"));
    const result = await screen.findByTestId("funnel-result");
    expect(result.dataset.changed).toBe("1");
    expect(result.dataset.unmatched).toBe("1");
    expect(result.textContent).toContain("0.01 → beta 320.5 / 21730.5");
    expect(importFunnel).toHaveBeenCalledWith(expect.objectContaining({ name: "before" }), expect.stringContaining("identify"), "funnel");
    fireEvent.click(screen.getByTestId("funnel-apply"));
    expect(store.getState().doc.name).toBe("calibrated");
    store.getState().undo();
    expect(store.getState().doc.name).toBe("before");
    expect(onClose).toHaveBeenCalled();
  });
});
