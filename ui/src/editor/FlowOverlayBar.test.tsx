// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { createMockBackend } from "../ipc";
import { createEditorStore } from "./editorStore";
import { FlowControl, FlowDetails } from "./FlowOverlayBar";
import { NO_RUN, NO_RUN_UNSAVED, createFlowStore } from "./flowStore";
import type { ModelDoc } from "./model";

afterEach(cleanup);

const path = "mock/flow-bar.json";
const doc: ModelDoc = {
  format: "journeylab/1",
  name: "Flow bar",
  period: "month",
  populations: [
    { id: "customers", kind: "legitimate", name: "Customers" },
    { id: "bots", kind: "attacker", name: "Bots" },
  ],
  journeys: [
    {
      id: "login",
      entry: "identify",
      entrants: [
        { population: "customers", volume: 1000 },
        { population: "bots", volume: 200 },
      ],
      steps: [
        { id: "identify", kind: "action", next: "risk" },
        { id: "risk", kind: "risk_gate", on: { allow: "done", challenge: "blocked" } },
        { id: "done", kind: "outcome", class: "success" },
      ],
    },
  ],
};

function setup(savedPath: string | null) {
  const backend = createMockBackend({ models: [] });
  const store = createEditorStore(backend, doc, savedPath);
  const flow = createFlowStore(backend);
  return { backend, store, flow };
}

describe("flow overlay bar", () => {
  it("says plainly that an unsaved model, or one never run, has no flows", async () => {
    const unsaved = setup(null);
    render(<FlowControl store={unsaved.store} flow={unsaved.flow} />);
    expect((await screen.findByTestId("flow-no-run")).textContent).toBe(NO_RUN_UNSAVED);
    expect((screen.getByTestId("flow-population") as HTMLSelectElement).disabled).toBe(true);
    cleanup();
    const never = setup(path);
    render(<FlowControl store={never.store} flow={never.flow} />);
    expect((await screen.findByTestId("flow-no-run")).textContent).toBe(NO_RUN);
  });

  it("shows a population's outcomes from the newest run, and warns after an edit", async () => {
    const { backend, store, flow } = setup(path);
    await backend.saveModelFile(path, JSON.stringify(doc));
    await backend.startRun({ path, iterations: 100, seed: "3", mode: "sampled", sampling: "mc", scenarios: [], precision: [] }, () => undefined);
    render(
      <>
        <FlowControl store={store} flow={flow} />
        <FlowDetails store={store} flow={flow} />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId("flow-bar").getAttribute("data-status")).toBe("ready"));
    const select = screen.getByTestId("flow-population") as HTMLSelectElement;
    expect(select.disabled).toBe(false);
    expect([...select.options].map((o) => o.value)).toEqual(["", "customers", "bots"]);
    // Off: nothing over the canvas.
    expect(screen.queryByTestId("flow-details")).toBeNull();
    fireEvent.change(select, { target: { value: "customers" } });
    const run = await screen.findByTestId("flow-run");
    expect(run.getAttribute("data-run-id")).toBe("1");
    expect(run.textContent).toContain("seed 3");
    const success = await screen.findByTestId("flow-outcome-success");
    expect(Number(success.getAttribute("data-share"))).toBeGreaterThan(0.5);
    expect(screen.getByTestId("flow-bar").getAttribute("data-kind")).toBe("legitimate");
    expect(flow.getState().overlay?.edges.get("risk:on.allow")?.label).toMatch(/%$/);
    expect(screen.queryByTestId("flow-stale")).toBeNull();

    act(() => store.getState().apply((d) => ({ ...d, name: "Edited" })));
    expect((await screen.findByTestId("flow-stale")).textContent).toMatch(/Unsaved edits/);
    act(() => store.getState().undo());
    await waitFor(() => expect(screen.queryByTestId("flow-stale")).toBeNull());

    fireEvent.change(select, { target: { value: "bots" } });
    await waitFor(() => expect(screen.getByTestId("flow-bar").getAttribute("data-kind")).toBe("attacker"));
    await waitFor(() => expect(flow.getState().overlay?.kind).toBe("attacker"));
    expect(screen.getByTestId("flow-outcome-success").className).toContain("is-leak");

    fireEvent.change(select, { target: { value: "" } });
    await waitFor(() => expect(flow.getState().overlay).toBeNull());
    expect(screen.queryByTestId("flow-details")).toBeNull();
  });
});
