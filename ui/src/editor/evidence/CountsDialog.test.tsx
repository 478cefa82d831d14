// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { EVIDENCE_SAMPLE } from "../../ipc/gen/samples";
import { Inspector } from "../Inspector";
import { QuantityEditor } from "../QuantityEditor";
import { EvidenceButtons } from "./EvidenceButtons";
import { renderInEditor } from "./testing";

afterEach(cleanup);

const PATH = "journeys/journey/steps/start/abandon/*legitimate";

function enterSamplePeriods() {
  EVIDENCE_SAMPLE.periods.forEach((p, i) => {
    if (i > 0) fireEvent.click(screen.getByTestId("evidence-period-add"));
    fireEvent.change(screen.getByTestId(`evidence-period-${i}-label`), { target: { value: p.label } });
    fireEvent.change(screen.getByTestId(`evidence-period-${i}-n`), { target: { value: String(p.n) } });
    fireEvent.change(screen.getByTestId(`evidence-period-${i}-k`), { target: { value: String(p.k) } });
  });
}

describe("from observed counts", () => {
  it("is offered on the inspector's probabilities with the quantity's slash path", () => {
    renderInEditor((store) => {
      store.getState().select(["start"]);
      return <Inspector store={store} />;
    });
    const paths = screen.getAllByTestId("evidence-counts-open").map((b) => b.dataset.path);
    expect(paths).toEqual(["journeys/journey/steps/start/abandon/*legitimate", "journeys/journey/steps/start/abandon/*"]);
    // Seconds are an amount: experts only.
    expect(screen.getAllByTestId("elicit-open").map((b) => b.dataset.path)).toContain("journeys/journey/steps/start/seconds");
  });

  it("is not offered outside an editor", () => {
    render(<QuantityEditor value={0.2} onChange={() => {}} probability sources={[]} testid="q" path="controls/x/pass" />);
    expect(screen.queryByTestId("evidence-counts-open")).toBeNull();
  });

  it("shows the engine's fit of the periods with their rates, then applies it as one undoable edit", async () => {
    const { store, applied } = renderInEditor(() => <EvidenceButtons path={PATH} value={0.01} probability />);
    fireEvent.click(screen.getByTestId("evidence-counts-open"));
    const dialog = screen.getByTestId("evidence-counts");
    expect(dialog.getAttribute("role")).toBe("dialog");
    // Focus moves into the dialog: its first field.
    expect(document.activeElement).toBe(screen.getByTestId("evidence-period-0-label"));
    expect((screen.getByTestId("evidence-source-id") as HTMLInputElement).value).toBe("journey_start_abandon_legitimate_counts");
    enterSamplePeriods();
    fireEvent.click(screen.getByTestId("evidence-fit"));
    const result = await screen.findByTestId("evidence-fit-result");
    const fit = EVIDENCE_SAMPLE.observed.fit;
    expect(Number(result.dataset.a)).toBe(fit.a);
    expect(Number(result.dataset.b)).toBe(fit.b);
    expect(result.dataset.method).toBe("beta_binomial");
    expect(result.textContent).toContain("Beta(11.5, 124)");
    expect(result.textContent).toContain("The periods differ more than chance allows");
    expect(result.textContent).toContain("beta-binomial");
    const plot = screen.getByTestId("evidence-counts-plot");
    expect(plot.dataset.marks).toBe("3");
    expect(within(plot).getByTestId("evidence-counts-plot-mark-1").dataset.x).toBe(String(fit.rates[1]));
    expect(within(plot).getByTestId("evidence-counts-plot-mark-0").textContent).toBe("2026-07 8.00 %");

    const before = store.getState().past.length;
    fireEvent.click(screen.getByTestId("evidence-apply"));
    await waitFor(() => expect(screen.queryByTestId("evidence-counts")).toBeNull());
    expect(applied).toEqual([
      {
        path: PATH,
        sourceId: "journey_start_abandon_legitimate_counts",
        title: "Observed counts: journey / start / abandon / legitimate",
        evidence: { kind: "observed", periods: EVIDENCE_SAMPLE.periods },
      },
    ]);
    expect(store.getState().doc.sources).toEqual([{ id: "journey_start_abandon_legitimate_counts", title: "Observed counts: journey / start / abandon / legitimate" }]);
    expect(store.getState().past.length).toBe(before + 1);
    store.getState().undo();
    expect(store.getState().doc.sources).toBeUndefined();
  });

  it("reads pasted CSV, says why counts cannot be fitted, and closes on Escape", async () => {
    renderInEditor(() => <EvidenceButtons path={PATH} value={0.01} probability />);
    fireEvent.click(screen.getByTestId("evidence-counts-open"));
    fireEvent.change(screen.getByTestId("evidence-paste"), { target: { value: "label,n,k\nJuly,100,120" } });
    fireEvent.click(screen.getByTestId("evidence-paste-use"));
    expect((screen.getByTestId("evidence-period-0-n") as HTMLInputElement).value).toBe("100");
    fireEvent.click(screen.getByTestId("evidence-fit"));
    expect(screen.getByTestId("evidence-error").textContent).toBe("July: k (120) is more than n (100)");
    expect((screen.getByTestId("evidence-apply") as HTMLButtonElement).disabled).toBe(true);
    // Counts the preview's engine sample does not know: the backend's reason is shown.
    fireEvent.change(screen.getByTestId("evidence-period-0-k"), { target: { value: "12" } });
    fireEvent.click(screen.getByTestId("evidence-fit"));
    await waitFor(() => expect(screen.getByTestId("evidence-error").textContent).toMatch(/use the desktop app/));
    fireEvent.keyDown(screen.getByTestId("evidence-period-0-k"), { key: "Escape" });
    expect(screen.queryByTestId("evidence-counts")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("evidence-counts-open"));
  });
});
