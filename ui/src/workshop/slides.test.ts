import { describe, expect, it } from "vitest";

import type { Judgement, PopulationFlows } from "../ipc";
import { elicitSlide, journeySlide } from "./slides";

const judgements: Judgement[] = [
  { expert: "Ana", quantiles: { "0.05": 0.005, "0.5": 0.012, "0.95": 0.03 }, rationale: "funnel" },
  { expert: "Ben", quantiles: { "0.05": 0.008, "0.5": 0.02, "0.95": 0.05 } },
];

describe("audience slides", () => {
  it("keeps an elicitation round's answers hidden until it is revealed", () => {
    const hidden = elicitSlide(judgements, false, null, true);
    expect(hidden.numbers).toEqual([{ label: "Estimates collected", value: "2" }]);
    expect(JSON.stringify(hidden)).not.toContain("Ana");
    expect(JSON.stringify(hidden)).not.toContain("1.20");
    const shown = elicitSlide(judgements, true, null, true);
    expect(shown.table?.rows[0]).toEqual(["Ana", "0.50 %", "1.20 %", "3.00 %", "funnel"]);
  });

  it("shows a journey's outcomes, busiest first, and its exits in words", () => {
    const flows: PopulationFlows = {
      population: "customers",
      entrants: 2_020_000,
      edges: [
        { journey: "login", step: "identify", exit: "next", target: "risk", share: 0.99 },
        { journey: "login", step: "risk", exit: "to[1]", target: "signed_in", share: 0.9 },
        { journey: "login", step: "risk", exit: "to[0]", target: "abandoned", share: 0.001 },
      ],
      outcomes: [
        ["abandoned", "abandoned", 0.1],
        ["signed_in", "success", 0.9],
      ],
    };
    const s = journeySlide(flows, { identify: "Enter email", risk: "Risk check" });
    expect(s.numbers.map((n) => [n.label, n.value])).toEqual([
      ["signed in (success)", "90.0 %"],
      ["abandoned (abandoned)", "10.0 %"],
    ]);
    expect(s.table?.rows).toEqual([
      ["Enter email", "next", "Risk check", "99.0 %"],
      ["Risk check", "branch", "signed in", "90.0 %"],
    ]);
  });
});
