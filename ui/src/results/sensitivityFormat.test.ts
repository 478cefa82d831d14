import { describe, expect, it } from "vitest";

import { mockSensitivity } from "../ipc";
import { exportFileName, parseTolerance } from "./format";
import { formatRho, tornadoLayout, truncate, TORNADO } from "./sensitivityFormat";

describe("sensitivity formatting", () => {
  it("writes ρ with a sign", () => {
    expect(formatRho(0.8231)).toBe("+0.82");
    expect(formatRho(-0.1)).toBe("−0.10");
    expect(formatRho(0.001)).toBe("0.00");
    expect(formatRho(null)).toBe("n/a");
  });

  it("truncates long input names", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("Credential-stuffing bots (breached passwords): volume", 20)).toBe("Credential-stuffing…");
  });

  it("lays out at most the given bars around the base, ends at the extreme outputs", () => {
    const view = mockSensitivity(1, "fraud_loss");
    const layout = tornadoLayout(view.swings, view.base);
    expect(layout.bars).toHaveLength(15);
    expect(layout.height).toBe(TORNADO.top + 15 * TORNADO.rowHeight + TORNADO.bottom);
    expect(layout.baseX).toBeGreaterThan(layout.plotLeft);
    expect(layout.baseX).toBeLessThan(layout.plotRight);
    for (const b of layout.bars) {
      expect(b.leftX).toBeGreaterThanOrEqual(layout.plotLeft - 1e-9);
      expect(b.rightX).toBeLessThanOrEqual(layout.plotRight + 1e-9);
      expect(b.leftValue).toBeLessThanOrEqual(b.rightValue);
      // Each half starts at the base line.
      expect(Math.min(b.lowX, b.highX)).toBeLessThanOrEqual(layout.baseX);
    }
    // The largest swing spans the widest bar.
    const widths = layout.bars.map((b) => b.rightX - b.leftX);
    expect(Math.max(...widths)).toBe(widths[0]);
    // Nothing varies: a band around the base, no division by zero.
    const flat = tornadoLayout([{ ...view.swings[0]!, output_low: 5, output_high: 5 }], 5);
    expect(Number.isFinite(flat.bars[0]!.leftX)).toBe(true);
  });

  it("reads a relative tolerance in per cent and names export files", () => {
    expect(parseTolerance("1")).toEqual({ value: 0.01 });
    expect(parseTolerance("±2 %")).toEqual({ value: 0.02 });
    expect(parseTolerance("0,5")).toEqual({ value: 0.005 });
    expect(parseTolerance("")).toHaveProperty("problem");
    expect(parseTolerance("0")).toHaveProperty("problem");
    expect(parseTolerance("80")).toHaveProperty("problem");
    expect(exportFileName("consumer-sign-in", 12, "csv")).toBe("consumer-sign-in-run-12.csv");
    expect(exportFileName("My model/ä", 3, "png")).toBe("My-model-run-3.png");
    expect(exportFileName("", 3, "json")).toBe("model-run-3.json");
  });
});
