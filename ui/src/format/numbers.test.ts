import { describe, expect, it } from "vitest";

import { FORMAT_CASES } from "../ipc/gen/formatCases";
import { formatCase } from "./numbers";

describe("the UI formats numbers as the engine does", () => {
  it("writes every case the engine generated exactly as the engine wrote it", () => {
    // The cases cover every kind and unit with edges: zero, negatives, rounding to zero,
    // exact ties (12.5, 99.5), tiny and huge values (crates/engine/src/format.rs).
    expect(FORMAT_CASES.length).toBeGreaterThan(500);
    const differing = FORMAT_CASES.map((c) => ({ ...c, ui: formatCase(c.kind, c.x, c.unit, c.arg, c.currency) })).filter((c) => c.ui !== c.text);
    expect(differing.slice(0, 10)).toEqual([]);
  });
});
