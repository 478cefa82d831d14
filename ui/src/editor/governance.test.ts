import { describe, expect, it } from "vitest";

import { QUANTITY_SAMPLES } from "../ipc/gen/samples";
import { densityPath } from "./density";
import { addTeam, gatesUsing, newRiskSignal, ownersOf, removeSignal, removeTeam, renameSignal, toggleDecides, updateTeam } from "./governance";
import { newModelDocument, renameStep, type ModelDoc } from "./model";

const withGate = (): ModelDoc => ({
  ...newModelDocument(),
  risk_signals: [{ id: "ip_risk", name: "IP risk", score: { "*": { beta: [2, 5] } } }],
  journeys: [
    {
      id: "login",
      entry: "risk",
      entrants: [],
      steps: [
        { id: "risk", kind: "risk_gate", signal: "ip_risk", allow_below: 0.3, block_at_or_above: 0.8, on: { allow: "success", challenge: "otp" } },
        { id: "otp", kind: "action", next: "success" },
      ],
    },
  ],
  scenarios: [
    {
      id: "tighter",
      name: "Tighter",
      changes: [
        { path: "journeys/login/steps/risk/allow_below", value: 0.2 },
        { path: "journeys/login/steps/riskier", value: {} },
        { path: "journeys/other/steps/risk/allow_below", value: 0.1 },
      ],
    },
  ],
});

describe("risk signals", () => {
  it("plots the engine's Beta density on [0, 1]", () => {
    const view = QUANTITY_SAMPLES.find((s) => JSON.stringify(s.quantity) === JSON.stringify({ beta: [2, 6] }))!.view;
    expect(view.mean).toBeCloseTo(0.25, 12);
    const path = densityPath(view, 100, 40);
    expect(path.startsWith("M0,40 L")).toBe(true);
    expect(path.endsWith("L100,40 Z")).toBe(true);
    // Beta(2, 6) peaks at (a − 1)/(a + b − 2) = 1/6: the highest point is near x ≈ 17.
    const points = [...path.matchAll(/L([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const top = points.reduce((best, p) => (p[1] < best[1] ? p : best));
    expect(top[0]).toBeGreaterThan(12);
    expect(top[0]).toBeLessThan(22);
    expect(densityPath({ ...view, valid: false }, 100, 40)).toBe("");
  });

  it("lists the gates that use a signal and renames the signal in them", () => {
    const doc = withGate();
    expect(gatesUsing(doc, "ip_risk")).toEqual([{ journey: "login", step: "risk" }]);
    const renamed = renameSignal(doc, "ip_risk", "ip");
    expect(gatesUsing(renamed, "ip")).toEqual([{ journey: "login", step: "risk" }]);
    expect((renamed.risk_signals as { id: string }[])[0]!.id).toBe("ip");
    expect(doc.risk_signals).toEqual(withGate().risk_signals);
  });

  it("gives new signals a free id and a score for both kinds", () => {
    const doc = { ...withGate(), risk_signals: [{ id: "signal_1" }] };
    const s = newRiskSignal(doc);
    expect(s.id).toBe("signal_2");
    expect(Object.keys(s.score as object)).toEqual(["*legitimate", "*attacker"]);
  });
});

describe("owners and teams", () => {
  it("adds a team and toggles its decision areas in the spec's order", () => {
    let doc = addTeam(newModelDocument());
    const before = ownersOf(doc).teams.length;
    doc = addTeam(doc);
    const teams = ownersOf(doc).teams;
    expect(teams.length).toBe(before + 1);
    const i = teams.length - 1;
    expect(teams[i]!.id).not.toBe(teams[i - 1]!.id);
    doc = updateTeam(doc, i, (t) => toggleDecides(t, "consent", true));
    doc = updateTeam(doc, i, (t) => toggleDecides(t, "risk_thresholds", true));
    expect(ownersOf(doc).teams[i]!.decides).toEqual(["risk_thresholds", "consent"]);
    doc = updateTeam(doc, i, (t) => toggleDecides(t, "consent", false));
    expect(ownersOf(doc).teams[i]!.decides).toEqual(["risk_thresholds"]);
  });

  it("removes a team and a risk signal", () => {
    const doc = addTeam(withGate());
    const n = ownersOf(doc).teams.length;
    expect(ownersOf(removeTeam(doc, n - 1)).teams.length).toBe(n - 1);
    expect(removeSignal(withGate(), 0).risk_signals).toEqual([]);
  });

  it("keeps unknown decision areas when toggling", () => {
    expect(toggleDecides({ id: "t", decides: ["pricing"] }, "assurance", true).decides).toEqual(["assurance", "pricing"]);
  });
});

describe("renaming a step", () => {
  it("updates the scenario change paths that name it, and only those", () => {
    const doc = withGate();
    const next = renameStep(doc, "login", "risk", "gate");
    const paths = (next.scenarios as { changes: { path: string }[] }[])[0]!.changes.map((c) => c.path);
    expect(paths).toEqual(["journeys/login/steps/gate/allow_below", "journeys/login/steps/riskier", "journeys/other/steps/risk/allow_below"]);
    expect(doc.scenarios).toEqual(withGate().scenarios);
  });

  it("leaves the scenarios untouched when no path names the step", () => {
    const doc = withGate();
    expect(renameStep(doc, "login", "otp", "code").scenarios).toBe(doc.scenarios);
  });
});
