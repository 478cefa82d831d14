import { describe, expect, it } from "vitest";

import { mockExploreGate } from "../ipc/mockExplorer";
import { addThresholdScenario, axisLimits, defaultScenarioName, guardrailsByTeam, headlineRows, scenarioId, share } from "./explorerModel";
import { compactMoney, niceTicks } from "./plotScale";
import { gateDoc } from "./testDoc";

describe("explorer model", () => {
  it("headlines carry the change against the model's thresholds, coloured by which way is better", () => {
    const x = mockExploreGate(gateDoc(), "login/risk", 0.5, 0.9, 300, 1);
    const rows = headlineRows(x.point, x.reference, "USD");
    expect(rows.map((r) => r.key)).toEqual([
      "legit_success_rate",
      "legit_abandon_rate",
      "false_reject_rate",
      "attack_success",
      "fraud_loss",
      "support_contacts",
    ]);
    const by = (k: string) => rows.find((r) => r.key === k)!;
    // Allowing more through: more fraud (worse), fewer customers challenged away (better).
    expect(by("fraud_loss").direction).toBe("worse");
    expect(by("fraud_loss").delta).toMatch(/^\+\$/);
    expect(by("legit_success_rate").direction).toBe("better");
    expect(by("legit_success_rate").delta).toMatch(/^\+.* pts$/);
    expect(by("false_reject_rate").direction).toBe("same");
    const same = headlineRows(x.reference, x.reference, "USD");
    expect(same.every((r) => r.direction === "same")).toBe(true);
    // A real but tiny change of a rate is not written as +0.00 pts.
    const nudged = { ...x.reference, totals: { ...x.reference.totals, false_reject_rate: x.reference.totals.false_reject_rate! + 2e-6 } };
    expect(headlineRows(nudged, x.reference, "USD").find((r) => r.key === "false_reject_rate")).toMatchObject({
      delta: "+<0.01 pts",
      direction: "worse",
    });
    expect([share(0), share(0.00004), share(0.0042), share(0.1234)]).toEqual(["0 %", "<0.01 %", "0.42 %", "12.3 %"]);
  });

  it("groups guardrails by owning team and says how each stood at the model's thresholds", () => {
    const x = mockExploreGate(gateDoc(), "login/risk", 0.3, 0.9, 300, 1);
    const teams = guardrailsByTeam(x.guardrails, x.reference);
    expect(teams.map((t) => [t.owner, t.ownerName, t.guardrails.map((g) => g.id)])).toEqual([
      ["identity", "Identity Platform", ["legit_success"]],
      ["fraud_risk", "Fraud & Risk", ["fraud_loss", "bot_success"]],
    ]);
    expect(teams[1]!.guardrails[0]!.wasMet).toBe(teams[1]!.guardrails[0]!.met);
  });

  it("puts the fraud-loss and legit-success limits on the chart's axes, each with its team", () => {
    const x = mockExploreGate(gateDoc(), "login/risk", 0.3, 0.9, 300, 1);
    expect(axisLimits(x.guardrails, "USD")).toEqual([
      { axis: "x", value: 1 - 0.9, label: "Identity Platform: success ≥ 90 %", met: x.guardrails[0]!.met },
      { axis: "y", value: 60000, label: "Fraud & Risk: fraud loss ≤ $60,000", met: x.guardrails[1]!.met },
    ]);
  });

  it("a saved scenario sets both thresholds by path, with a unique id and the deciding team", () => {
    const doc = gateDoc();
    const name = defaultScenarioName("login/risk", 0.25, 0.85);
    expect(name).toBe("Risk gate login/risk 0.25/0.85");
    const first = addThresholdScenario(doc, {
      journey: "login",
      step: "risk",
      allowBelow: 0.25,
      blockAtOrAbove: 0.85,
      name,
      proposedBy: "fraud_risk",
      was: { allowBelow: 0.3, blockAtOrAbove: 0.9 },
    });
    expect(first.id).toBe("risk_gate_login_risk_0_25_0_85");
    const added = (first.doc.scenarios as Record<string, unknown>[]).at(-1)!;
    expect(added).toMatchObject({
      id: "risk_gate_login_risk_0_25_0_85",
      name,
      proposed_by: "fraud_risk",
      changes: [
        { path: "journeys/login/steps/risk/allow_below", value: 0.25 },
        { path: "journeys/login/steps/risk/block_at_or_above", value: 0.85 },
      ],
    });
    expect(String(added.description)).toContain("the model has 0.30 / 0.90");
    expect(doc.scenarios).toHaveLength(1); // the input is not changed
    const second = addThresholdScenario(first.doc, { ...firstArgs(), proposedBy: null });
    expect(second.id).toBe("risk_gate_login_risk_0_25_0_85_2");
    expect((second.doc.scenarios as Record<string, unknown>[]).at(-1)).not.toHaveProperty("proposed_by");
    expect(scenarioId("  ", [])).toBe("scenario");
  });

  it("axis ticks are round and cover the range; money labels are short", () => {
    expect(niceTicks(0.031, 0.094, 6)).toEqual([0.04, 0.05, 0.06, 0.07, 0.08, 0.09]);
    expect(niceTicks(0.031, 0.094, 3)).toEqual([0.04, 0.06, 0.08]);
    expect(niceTicks(0, 1_240_000, 5)).toEqual([0, 200000, 400000, 600000, 800000, 1000000, 1200000]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(compactMoney(1_200_000, "USD")).toBe("$1.2M");
    expect(compactMoney(450_000, "EUR")).toBe("€450k");
    expect(compactMoney(80, "USD")).toBe("$80");
  });
});

function firstArgs() {
  return {
    journey: "login",
    step: "risk",
    allowBelow: 0.25,
    blockAtOrAbove: 0.85,
    name: "Risk gate login/risk 0.25/0.85",
    proposedBy: "fraud_risk" as string | null,
    was: { allowBelow: 0.3, blockAtOrAbove: 0.9 },
  };
}
