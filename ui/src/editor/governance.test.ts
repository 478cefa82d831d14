import { describe, expect, it } from "vitest";

import { QUANTITY_SAMPLES } from "../ipc/gen/samples";
import { densityPath } from "./density";
import {
  addTeam,
  areaCoverage,
  cellState,
  DECISION_AREAS,
  gatesUsing,
  newRiskSignal,
  ownersOf,
  parseMembers,
  removeSignal,
  removeTeam,
  renameSignal,
  setCellState,
  setJourneyKind,
  setJourneyOwner,
  setMembers,
  toggleDecides,
  updateTeam,
} from "./governance";
import { findJourney, newModelDocument, renameStep, type ModelDoc, type Obj } from "./model";

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

describe("ownership matrix", () => {
  const security = (): Obj => ({ id: "security", name: "Security", decides: ["consent"], "x-note": "keep me" });

  it("uses the engine's decision areas", () => {
    expect(DECISION_AREAS).toContain("assurance");
    expect(DECISION_AREAS).toContain("risk_thresholds");
  });

  it("sets a cell to veto, decides and back to none, one state at a time, keeping other keys", () => {
    const team = security();
    const vetoed = setCellState(team, "assurance", "veto");
    expect(cellState(vetoed, "assurance")).toBe("veto");
    expect(vetoed).toEqual({ ...team, veto: ["assurance"] });
    const decided = setCellState(vetoed, "assurance", "decides");
    expect(cellState(decided, "assurance")).toBe("decides");
    // Vocabulary order (assurance before consent), and the emptied veto list is gone.
    expect(decided).toEqual({ id: "security", name: "Security", decides: ["assurance", "consent"], "x-note": "keep me" });
    expect("veto" in decided).toBe(false);
    const cleared = setCellState(decided, "assurance", "none");
    expect(cellState(cleared, "assurance")).toBe("none");
    expect(cleared).toEqual(team);
    expect(Object.keys(cleared)).toEqual(Object.keys(team));
    expect(team).toEqual(security());
  });

  it("keeps `decides` (required) but drops an empty `veto`", () => {
    const t = setCellState(setCellState({ id: "t" }, "controls", "veto"), "controls", "none");
    expect(t).toEqual({ id: "t", decides: [] });
  });

  it("never leaves an area both decided and vetoed", () => {
    const both: Obj = { id: "t", decides: ["assurance"], veto: ["assurance", "consent"] };
    expect(cellState(both, "assurance")).toBe("decides");
    expect(setCellState(both, "assurance", "veto")).toEqual({ id: "t", decides: [], veto: ["assurance", "consent"] });
    expect(setCellState(both, "assurance", "decides")).toEqual({ id: "t", decides: ["assurance"], veto: ["consent"] });
    for (const area of DECISION_AREAS) {
      for (const state of ["none", "decides", "veto"] as const) {
        const t = setCellState(both, area, state);
        expect(cellState(t, area)).toBe(state);
        const d = t.decides as string[];
        const v = (t.veto as string[] | undefined) ?? [];
        expect(d.includes(area) && v.includes(area)).toBe(false);
      }
    }
  });

  it("checking decides clears a veto; unchecking it leaves a veto alone", () => {
    const vetoed = setCellState(security(), "assurance", "veto");
    const on = toggleDecides(vetoed, "assurance", true);
    expect(cellState(on, "assurance")).toBe("decides");
    expect("veto" in on).toBe(false);
    expect(toggleDecides(vetoed, "assurance", false)).toBe(vetoed);
  });

  it("returns the same team when a cell does not change (no undo step)", () => {
    const team = security();
    expect(setCellState(team, "consent", "decides")).toBe(team);
    expect(setCellState(team, "assurance", "none")).toBe(team);
  });

  it("keeps unknown areas, and a `veto` that is not a list", () => {
    const t: Obj = { id: "t", decides: ["pricing"], veto: ["legal_hold"] };
    expect(setCellState(t, "consent", "veto")).toEqual({ id: "t", decides: ["pricing"], veto: ["consent", "legal_hold"] });
    expect(setCellState(t, "consent", "decides")).toEqual({ id: "t", decides: ["consent", "pricing"], veto: ["legal_hold"] });
    const odd: Obj = { id: "t", decides: [], veto: "assurance" };
    expect(setCellState(odd, "consent", "decides")).toEqual({ id: "t", decides: ["consent"], veto: "assurance" });
  });

  it("reads members by comma or line and removes an empty list", () => {
    expect(parseMembers(" Alice, Head of Fraud\nBob ,,\n\nAlice ")).toEqual(["Alice", "Head of Fraud", "Bob"]);
    expect(parseMembers("  ")).toEqual([]);
    const team = security();
    const withMembers = setMembers(team, ["Alice ", "", "Bob", "Alice"]);
    expect(withMembers).toEqual({ ...team, members: ["Alice", "Bob"] });
    expect(setMembers(withMembers, ["Alice", "Bob"])).toBe(withMembers);
    const without = setMembers(withMembers, [" "]);
    expect(without).toEqual(team);
    expect("members" in without).toBe(false);
    expect(setMembers(team, [])).toBe(team);
  });

  it("says per area who decides it and who can veto it", () => {
    const teams: Obj[] = [
      { id: "a", decides: ["controls", "assurance"] },
      { id: "b", decides: ["controls"], veto: ["assurance"] },
    ];
    const byArea = Object.fromEntries(areaCoverage(teams).map((c) => [c.area, c]));
    expect(areaCoverage(teams).map((c) => c.area)).toEqual([...DECISION_AREAS]);
    expect(byArea.controls!.decides.map((t) => t.id)).toEqual(["a", "b"]);
    expect(byArea.assurance!.decides.map((t) => t.id)).toEqual(["a"]);
    expect(byArea.assurance!.veto.map((t) => t.id)).toEqual(["b"]);
    expect(byArea.consent!.decides).toEqual([]);
  });

  it("sets and clears a journey's owner and kind, leaving the rest as it was", () => {
    const doc: ModelDoc = { ...withGate(), journeys: [...withGate().journeys!, { id: "recover", name: "Recover", "x-extra": 1 }] };
    const owned = setJourneyOwner(doc, "recover", "security");
    expect(findJourney(owned, "recover")).toEqual({ id: "recover", name: "Recover", "x-extra": 1, owner: "security" });
    expect(findJourney(owned, "login")).toBe(findJourney(doc, "login"));
    expect(setJourneyOwner(owned, "recover", "security")).toBe(owned);
    const kinded = setJourneyKind(owned, "recover", "recovery");
    expect(findJourney(kinded, "recover")!.kind).toBe("recovery");
    const back = setJourneyKind(setJourneyOwner(kinded, "recover", null), "recover", null);
    expect(findJourney(back, "recover")).toEqual({ id: "recover", name: "Recover", "x-extra": 1 });
    expect(Object.keys(findJourney(back, "recover")!)).toEqual(["id", "name", "x-extra"]);
    expect(setJourneyOwner(doc, "recover", null)).toBe(doc);
    expect(setJourneyKind(doc, "nowhere", "sign_in")).toBe(doc);
    expect(findJourney(doc, "recover")).toEqual({ id: "recover", name: "Recover", "x-extra": 1 });
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
