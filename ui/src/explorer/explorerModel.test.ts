import { describe, expect, it } from "vitest";

import { EXPLORE_SAMPLE } from "../ipc/gen/samples";
import { EXPLORER_HEADLINES, addThresholdScenario, axisLimits, defaultScenarioName, guardrailsByTeam, headlineRows, scenarioId, share } from "./explorerModel";
import { niceTicks } from "./plotScale";
import { gateDoc } from "./testDoc";

describe("explorer model", () => {
  // The app's real answer (generated from consumer sign-in: allow 0.5 / block 0.9 against
  // the model's 0.3 / 0.9), so these helpers are tested on what the engine says.
  const x = EXPLORE_SAMPLE.exploration;

  it("headlines carry the change against the model's thresholds, coloured by which way is better", () => {
    expect(x.info.allow_below).toBe(0.3);
    const rows = headlineRows(x.point, x.reference, "USD");
    expect(rows.map((r) => r.key)).toEqual([
      "legit_success_rate",
      "legit_abandon_rate",
      "false_reject_rate",
      "attack_success",
      "fraud_loss",
      "support_contacts",
    ]);
    expect(rows.map((r) => r.label)).toEqual(EXPLORER_HEADLINES.map((h) => h.label));
    const by = (k: string) => rows.find((r) => r.key === k)!;
    // Allowing more through: more fraud (worse), fewer customers challenged away (better).
    expect(by("fraud_loss").direction).toBe("worse");
    expect(by("fraud_loss").delta).toMatch(/^\+\$/);
    expect(by("legit_success_rate").direction).toBe("better");
    expect(by("legit_success_rate").delta).toMatch(/^\+.* pts$/);
    // False rejects barely move (the block threshold is the same): a real but tiny change
    // is not written as −0.00 pts.
    expect(by("false_reject_rate").delta).toBe("−<0.01 pts");
    const same = headlineRows(x.reference, x.reference, "USD");
    expect(same.every((r) => r.direction === "same")).toBe(true);
    expect([share(0), share(0.00004), share(0.0042), share(0.1234)]).toEqual(["0 %", "<0.01 %", "0.42 %", "12.3 %"]);
  });

  it("groups guardrails by owning team and says how each stood at the model's thresholds", () => {
    const teams = guardrailsByTeam(x.guardrails, x.reference);
    expect(teams.map((t) => [t.owner, t.ownerName, t.guardrails.map((g) => g.id)])).toEqual([
      ["identity_platform", "Identity Platform", ["legit_success", "false_rejects"]],
      ["fraud_risk", "Fraud & Risk", ["fraud_loss", "phisher_success", "bot_success"]],
      ["customer_care", "Customer Care", ["support_load"]],
    ]);
    for (const g of teams.flatMap((t) => t.guardrails)) {
      const before = x.reference.guardrails.find(([id]) => id === g.id)!;
      expect([g.wasProbability, g.wasMet]).toEqual([before[1], before[2]]);
    }
  });

  it("puts the fraud-loss and legit-success limits on the chart's axes, each with its team", () => {
    const met = (id: string) => x.guardrails.find((g) => g.id === id)!.met;
    expect(axisLimits(x.guardrails, "USD")).toEqual([
      { axis: "x", value: 1 - 0.75, label: "Identity Platform: success ≥ 75 %", met: met("legit_success") },
      { axis: "y", value: 500000, label: "Fraud & Risk: fraud loss ≤ $500,000", met: met("fraud_loss") },
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

  it("axis ticks are round and cover the range", () => {
    expect(niceTicks(0.031, 0.094, 6)).toEqual([0.04, 0.05, 0.06, 0.07, 0.08, 0.09]);
    expect(niceTicks(0.031, 0.094, 3)).toEqual([0.04, 0.06, 0.08]);
    expect(niceTicks(0, 1_240_000, 5)).toEqual([0, 200000, 400000, 600000, 800000, 1000000, 1200000]);
    expect(niceTicks(3, 3)).toEqual([3]);
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
