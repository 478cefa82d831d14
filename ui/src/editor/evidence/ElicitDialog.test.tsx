// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { EVIDENCE_SAMPLE } from "../../ipc/gen/samples";
import { EvidenceButtons } from "./EvidenceButtons";
import { renderInEditor } from "./testing";

afterEach(cleanup);

const PATH = "journeys/journey/steps/start/abandon/*legitimate";
const KEYS = ["0.05", "0.5", "0.95"];

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement;

/** Types expert `i` of the sample as a person would: focus, then each field. */
function typeExpert(i: number) {
  const j = EVIDENCE_SAMPLE.judgements[i]!;
  fireEvent.focus(field(`elicit-expert-${i}-name`));
  fireEvent.change(field(`elicit-expert-${i}-name`), { target: { value: j.expert } });
  KEYS.forEach((k, c) => {
    fireEvent.focus(field(`elicit-expert-${i}-q${c}`));
    fireEvent.change(field(`elicit-expert-${i}-q${c}`), { target: { value: String(j.quantiles[k]) } });
  });
  if (j.rationale) fireEvent.change(field(`elicit-expert-${i}-rationale`), { target: { value: j.rationale } });
}

describe("an elicitation round", () => {
  it("hides the others' answers while each expert types, reveals them, fits and pools, and applies the pool once", async () => {
    const { store, applied } = renderInEditor(() => <EvidenceButtons path={PATH} value={0.01} probability />);
    fireEvent.click(screen.getByTestId("elicit-open"));
    expect(screen.getByTestId("evidence-elicit").getAttribute("aria-modal")).toBe("true");
    expect(screen.getByTestId("elicit-family").dataset.family).toBe("beta");
    fireEvent.click(screen.getByTestId("elicit-hidden"));
    typeExpert(0);
    // Expert 0 is typing: their values show.
    expect(field("elicit-expert-0-q1").value).toBe("0.06");
    typeExpert(1);
    // Expert 1 is typing now: expert 0's values and rationale are masked, the names are not.
    expect(field("elicit-expert-0-q1").value).toBe("");
    expect(field("elicit-expert-0-q1").dataset.masked).toBe("true");
    expect(field("elicit-expert-0-rationale").value).toBe("");
    expect(field("elicit-expert-0-name").value).toBe("Fraud analyst");
    expect(field("elicit-expert-1-q2").value).toBe("0.2");
    typeExpert(2);
    expect([0, 1].map((i) => field(`elicit-expert-${i}-q0`).value)).toEqual(["", ""]);
    // Not fitted while hidden.
    expect((screen.getByTestId("elicit-fit") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId("elicit-reveal"));
    expect([0, 1, 2].map((i) => field(`elicit-expert-${i}-q0`).value)).toEqual(["0.02", "0.04", "0.01"]);
    fireEvent.click(screen.getByTestId("elicit-fit"));
    const pool = await screen.findByTestId("elicit-pool");
    const sample = EVIDENCE_SAMPLE.elicitation.elicitation;
    expect(Number(pool.dataset.fitError)).toBe(sample.pool.fit_error);
    expect(Number(screen.getByTestId("elicit-expert-1-fit").dataset.fitError)).toBe(sample.experts[1]!.fit.fit_error);
    const plot = screen.getByTestId("elicit-plot");
    expect(plot.dataset.curves).toBe("4");
    expect(screen.getByTestId("elicit-plot-legend-0").textContent).toContain("Fraud analyst");
    expect(screen.getByTestId("elicit-plot-legend-3").textContent).toContain("Pool (equal weights)");
    expect(screen.getByTestId("elicit-plot-legend-3").className).toContain("evidence-legend-pool");

    const before = store.getState().past.length;
    fireEvent.click(screen.getByTestId("elicit-apply"));
    await waitFor(() => expect(screen.queryByTestId("evidence-elicit")).toBeNull());
    expect(applied).toEqual([
      {
        path: PATH,
        sourceId: "journey_start_abandon_legitimate_experts",
        title: "Expert judgement: journey / start / abandon / legitimate",
        evidence: { kind: "elicited", judgements: EVIDENCE_SAMPLE.judgements, family: "beta" },
      },
    ]);
    expect(store.getState().past.length).toBe(before + 1);
  });

  it("offers PERT or lognormal for an amount, and a further quantile", () => {
    renderInEditor(() => <EvidenceButtons path="journeys/journey/steps/start/seconds" value={5} probability={false} />);
    expect(screen.queryByTestId("evidence-counts-open")).toBeNull();
    fireEvent.click(screen.getByTestId("elicit-open"));
    const family = screen.getByTestId("elicit-family") as HTMLSelectElement;
    expect([...family.options].map((o) => o.value)).toEqual(["pert", "lognormal"]);
    fireEvent.change(screen.getByTestId("elicit-quantile-new"), { target: { value: "25" } });
    fireEvent.click(screen.getByTestId("elicit-quantile-add"));
    expect(screen.getByTestId("elicit-expert-0-q3").getAttribute("aria-label")).toBe("Expert 1: 25 % quantile");
    fireEvent.click(screen.getByTestId("elicit-fit"));
    expect(screen.getByTestId("evidence-error").textContent).toBe("Expert 1: the 5 % quantile is not a number");
  });
});
