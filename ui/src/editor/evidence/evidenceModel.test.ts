import { describe, expect, it } from "vitest";

import { EVIDENCE_SAMPLE } from "../../ipc/gen/samples";
import {
  defaultSourceId,
  defaultTitle,
  emptyExpert,
  existingEvidence,
  homogeneityWords,
  isMasked,
  judgementsOf,
  parsePeriodsCsv,
  periodsOf,
  quantileHeading,
  quantileKey,
  sourceExists,
} from "./evidenceModel";
import { sharedRange, ticks } from "./plotScale";

describe("default source id and title", () => {
  it("joins the ids of the path, leaving out the lists and the wildcard's star", () => {
    expect(defaultSourceId("journeys/login/steps/identify/abandon/customers", "counts")).toBe("login_identify_abandon_customers_counts");
    expect(defaultSourceId("controls/sms_otp/abandon/*legitimate", "experts")).toBe("sms_otp_abandon_legitimate_experts");
    expect(defaultSourceId("controls/sms_otp/pass/*", "counts")).toBe("sms_otp_pass_everyone_counts");
    expect(defaultSourceId("populations/customers/value_per_success", "experts")).toBe("customers_value_per_success_experts");
    expect(defaultSourceId("journeys/Login.EU/steps/a b/abandon", "counts")).toBe("login_eu_a_b_abandon_counts");
    expect(defaultTitle("journeys/login/steps/identify/abandon/customers", "counts")).toBe("Observed counts: login / identify / abandon / customers");
  });
});

describe("periods", () => {
  it("reads pasted CSV with or without a header, in any column order", () => {
    expect(parsePeriodsCsv("2026-07,1200,96\n2026-08, 1350 ,148\n\n").rows).toEqual([
      { label: "2026-07", n: "1200", k: "96" },
      { label: "2026-08", n: "1350", k: "148" },
    ]);
    const headed = parsePeriodsCsv("k;n;label\r\n96;1200;July\n");
    expect(headed.rows).toEqual([{ label: "July", n: "1200", k: "96" }]);
    expect(headed.problems).toEqual([]);
    const bad = parsePeriodsCsv("July,1200,96\nAugust,lots,3");
    expect(bad.rows).toHaveLength(1);
    expect(bad.problems[0]).toMatch(/line 2: “August,lots,3”/);
  });

  it("turns typed rows into the engine's periods, or says what is wrong", () => {
    expect(periodsOf([{ label: "", n: "2,000", k: "30" }, { label: "", n: "", k: "" }, { label: "Aug", n: "2500", k: "41" }])).toEqual({
      periods: [{ n: 2000, k: 30 }, { n: 2500, k: 41, label: "Aug" }],
    });
    expect(periodsOf([{ label: "July", n: "10", k: "11" }])).toEqual({ problem: "July: k (11) is more than n (10)" });
    expect(periodsOf([{ label: "", n: "0", k: "0" }])).toEqual({ problem: "row 1: n (trials) must be a whole number of at least 1" });
    expect(periodsOf([{ label: "", n: "", k: "" }])).toEqual({ problem: "enter at least one period's n and k" });
  });

  it("puts the engine's verdict in words", () => {
    expect(homogeneityWords(EVIDENCE_SAMPLE.observed.fit)).toBe("The periods differ more than chance allows (p < 0.0001).");
  });
});

describe("a round of judgements", () => {
  it("builds the sample's judgements from what was typed, quantile keys as written", () => {
    const typed = EVIDENCE_SAMPLE.judgements.map((j) => ({
      name: j.expert,
      values: ["0.05", "0.5", "0.95"].map((q) => String(j.quantiles[q])),
      rationale: j.rationale ?? "",
    }));
    const read = judgementsOf(typed, ["0.05", "0.5", "0.95"]);
    expect(read).toEqual({ judgements: EVIDENCE_SAMPLE.judgements });
    // Same key order as the engine's sample (the mock compares the JSON).
    if ("judgements" in read) expect(JSON.stringify(read.judgements)).toBe(JSON.stringify(EVIDENCE_SAMPLE.judgements));
  });

  it("says which value is missing and refuses two experts of one name", () => {
    const a = { ...emptyExpert(3), name: "Ann", values: ["0.1", "", "0.3"] };
    expect(judgementsOf([a], ["0.05", "0.5", "0.95"])).toEqual({ problem: "Ann: the 50 % quantile is not a number" });
    const b = { name: "Bo", values: ["1", "2", "3"], rationale: "" };
    expect(judgementsOf([b, b], ["0.05", "0.5", "0.95"])).toEqual({ problem: "two experts are called “Bo”: name each one" });
    expect(judgementsOf([{ ...b, name: " " }], ["0.05", "0.5", "0.95"])).toEqual({ judgements: [{ expert: "Expert 1", quantiles: { "0.05": 1, "0.5": 2, "0.95": 3 } }] });
  });

  it("adds a quantile typed as a percentage, once", () => {
    expect(quantileKey("25", ["0.05"])).toBe("0.25");
    expect(quantileKey("2.5 %", [])).toBe("0.025");
    expect(quantileKey("5", ["0.05"])).toBeNull();
    expect(quantileKey("100", [])).toBeNull();
    expect(quantileHeading("0.025")).toBe("2.5 %");
    expect(quantileHeading("0.5")).toBe("50 %");
  });

  it("masks every expert's answers but the one being typed while the round is hidden", () => {
    const round = { hidden: true, revealed: false, active: 1 };
    expect([0, 1, 2].map((i) => isMasked(i, round))).toEqual([true, false, true]);
    expect([0, 1, 2].map((i) => isMasked(i, { ...round, active: null }))).toEqual([true, true, true]);
    expect([0, 1, 2].map((i) => isMasked(i, { ...round, revealed: true }))).toEqual([false, false, false]);
    expect([0, 1, 2].map((i) => isMasked(i, { ...round, hidden: false }))).toEqual([false, false, false]);
  });
});

describe("the evidence a quantity already cites", () => {
  const doc = {
    sources: [
      { id: "otp_counts", title: "OTP logs", observed: [{ n: 10, k: 2 }] },
      { id: "plain", title: "A paper" },
    ],
  };
  it("reads the counts of its source", () => {
    expect(existingEvidence(doc, { beta: [2.5, 8.5], source: "otp_counts" })).toEqual({ id: "otp_counts", title: "OTP logs", observed: [{ n: 10, k: 2 }] });
    expect(existingEvidence(doc, { beta: [1, 1], source: "plain" })).toEqual({ id: "plain", title: "A paper" });
    expect(existingEvidence(doc, 0.3)).toBeNull();
    expect(sourceExists(doc, "plain")).toBe(true);
    expect(sourceExists(doc, "other")).toBe(false);
  });
});

describe("plot scale", () => {
  it("covers every curve and mark, within a probability's bounds", () => {
    const view = EVIDENCE_SAMPLE.observed.view;
    const range = sharedRange([view], [0.3], { from: 0, to: 1 })!;
    expect(range.from).toBeGreaterThanOrEqual(0);
    expect(range.to).toBeGreaterThan(0.3);
    const t = ticks({ from: 0.013, to: 0.021 });
    expect(t.step).toBeCloseTo(0.002);
    expect(t.values.map((v) => v.toFixed(3))).toEqual(["0.014", "0.016", "0.018", "0.020"]);
  });
});
