// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { createMockBackend } from "../ipc";
import { createEditorStore } from "../editor/editorStore";
import { Inspector } from "../editor/Inspector";
import { ThresholdExplorer } from "./ThresholdExplorer";
import { gateDoc } from "./testDoc";

afterEach(cleanup);

const mean = (key: string) => Number(screen.getByTestId(`explorer-${key}`).dataset.mean);

function open() {
  const backend = createMockBackend({ models: [] });
  const editor = createEditorStore(backend, gateDoc(), "/tmp/gate.json");
  const onClose = vi.fn();
  render(<ThresholdExplorer backend={backend} editor={editor} journeyId="login" stepId="risk" onClose={onClose} seed="9" />);
  return { editor, onClose };
}

describe("threshold explorer panel", () => {
  it("the Inspector offers it on a risk gate only", () => {
    const editor = createEditorStore(createMockBackend({ models: [] }), gateDoc(), null);
    const onExplore = vi.fn();
    editor.getState().select(["otp"]);
    const { rerender } = render(<Inspector store={editor} onExploreGate={onExplore} />);
    expect(screen.queryByTestId("explore-thresholds")).toBeNull();
    editor.getState().select(["risk"]);
    rerender(<Inspector store={editor} onExploreGate={onExplore} />);
    fireEvent.click(screen.getByTestId("explore-thresholds"));
    expect(onExplore).toHaveBeenCalledWith("login", "risk");
  });

  it("starts at the model's thresholds, follows the sliders and shows the latency", async () => {
    open();
    await waitFor(() => expect(screen.getByTestId("explorer-fraud_loss")).toBeTruthy());
    expect(screen.getByTestId("slider-allow-value").textContent).toBe("0.30");
    expect(screen.getByTestId("slider-block-value").textContent).toBe("0.90");
    expect(screen.getByTestId("explorer-fraud_loss-delta").textContent).toBe("as the model");
    const before = mean("fraud_loss");
    const successBefore = mean("legit_success_rate");

    fireEvent.change(screen.getByTestId("slider-allow"), { target: { value: "0.6" } });
    expect(screen.getByTestId("slider-allow-value").textContent).toBe("0.60");
    await waitFor(() => expect(screen.getByTestId("explorer-headlines").dataset.allow).toBe("0.6"));
    expect(mean("fraud_loss")).toBeGreaterThan(before);
    expect(mean("legit_success_rate")).toBeGreaterThan(successBefore);
    expect(screen.getByTestId("explorer-fraud_loss-delta").className).toContain("is-worse");
    expect(screen.getByTestId("explorer-fraud_loss-delta").textContent).toMatch(/^\+\$.* vs model$/);
    expect(screen.getByTestId("explorer-latency").textContent).toMatch(/^updated in \d+ ms$/);
    expect(Number(screen.getByTestId("explorer-latency").dataset.count)).toBeGreaterThanOrEqual(2);

    // The chart: one mark per grid point up to block, the current point, the model's point.
    expect(screen.getAllByTestId(/^curve-point-/)).toHaveLength(19);
    expect(screen.getByTestId("current-point")).toBeTruthy();
    expect(screen.getByTestId("reference-point")).toBeTruthy();
    expect(screen.getAllByTestId("x-tick").length).toBeGreaterThan(2);
    // The fraud team's loss limit and the identity team's success floor as lines.
    expect(screen.getAllByTestId("guardrail-limit").map((g) => g.textContent)).toEqual([
      "Identity Platform: success ≥ 90 %Identity Platform: success ≥ 90 %",
      "Fraud & Risk: fraud loss ≤ $60,000Fraud & Risk: fraud loss ≤ $60,000",
    ]);
    // Clicking a curve point moves the allow slider there.
    fireEvent.click(screen.getByTestId("curve-point-0.10"));
    expect(screen.getByTestId("slider-allow-value").textContent).toBe("0.10");

    // Pushing block below allow drags allow along.
    fireEvent.change(screen.getByTestId("slider-block"), { target: { value: "0.05" } });
    expect(screen.getByTestId("slider-allow-value").textContent).toBe("0.05");
    await waitFor(() => expect(screen.getByTestId("explorer-headlines").dataset.block).toBe("0.05"));
    expect(screen.getAllByTestId(/^curve-point-/)).toHaveLength(2);
  });

  it("lists each team's guardrails with met / not met and probability", async () => {
    open();
    await waitFor(() => expect(screen.getByTestId("explorer-guardrails")).toBeTruthy());
    const fraud = screen.getByTestId("explorer-team-fraud_risk");
    expect(fraud.textContent).toContain("Fraud & Risk");
    const row = screen.getByTestId("explorer-guardrail-fraud_loss");
    expect(row.textContent).toMatch(/fraud_loss ≤ \$60,000/);
    expect(row.textContent).toMatch(/P\(met\) [\d.]+ %/);
    // Letting every score through fails the fraud team's loss guardrail.
    fireEvent.change(screen.getByTestId("slider-allow"), { target: { value: "1" } });
    await waitFor(() => expect(screen.getByTestId("explorer-headlines").dataset.allow).toBe("1"));
    expect(screen.getByTestId("explorer-guardrail-fraud_loss").dataset.met).toBe("false");
    expect(screen.getByTestId("explorer-guardrail-fraud_loss").textContent).toContain("not met");
  });

  it("saves the thresholds as a new scenario through the editor's undoable apply", async () => {
    const { editor, onClose } = open();
    await waitFor(() => expect(screen.getByTestId("explorer-save-scenario")).toBeTruthy());
    fireEvent.change(screen.getByTestId("slider-allow"), { target: { value: "0.25" } });
    fireEvent.change(screen.getByTestId("slider-block"), { target: { value: "0.85" } });
    fireEvent.click(screen.getByTestId("explorer-save-scenario"));
    const name = screen.getByTestId("explorer-scenario-name") as HTMLInputElement;
    expect(name.value).toBe("Risk gate login/risk 0.25/0.85");
    fireEvent.click(screen.getByTestId("explorer-scenario-add"));
    const scenarios = editor.getState().doc.scenarios as Record<string, unknown>[];
    expect(scenarios).toHaveLength(2);
    expect(scenarios[1]).toMatchObject({
      id: "risk_gate_login_risk_0_25_0_85",
      proposed_by: "fraud_risk",
      changes: [
        { path: "journeys/login/steps/risk/allow_below", value: 0.25 },
        { path: "journeys/login/steps/risk/block_at_or_above", value: 0.85 },
      ],
    });
    expect(screen.getByTestId("explorer-saved-note").dataset.id).toBe("risk_gate_login_risk_0_25_0_85");
    // The gate itself is unchanged: the scenario proposes, the baseline stays.
    expect(editor.getState().doc.journeys?.[0]?.steps?.[0]?.allow_below).toBe(0.3);
    editor.getState().undo();
    expect(editor.getState().doc.scenarios).toHaveLength(1);
    fireEvent.keyDown(window, { key: "Escape" });
    expect(onClose).toHaveBeenCalled();
  });

  it("shows the engine's error instead of numbers for an invalid model", async () => {
    const backend = {
      ...createMockBackend({ models: [] }),
      exploreGate: () => Promise.reject({ code: "invalid_model", message: "journeys[login].steps[otp].next: `nowhere` names no step" }),
    };
    const editor = createEditorStore(backend, gateDoc(), null);
    render(<ThresholdExplorer backend={backend} editor={editor} journeyId="login" stepId="risk" onClose={() => undefined} />);
    const error = await screen.findByTestId("explorer-error");
    expect(error.dataset.code).toBe("invalid_model");
    expect(error.textContent).toContain("names no step");
    expect(screen.queryByTestId("explorer-headlines")).toBeNull();
    expect(screen.queryByTestId("explorer-save-scenario")).toBeNull();
  });
});
