import { describe, expect, it } from "vitest";

import { mockSensitivity } from "../ipc";
import { exportFileName, parseTolerance } from "./format";
import { formatInput, formatRho, formatShort, tornadoLayout, truncate, TORNADO } from "./sensitivityFormat";

describe("sensitivity formatting", () => {
  it("formats inputs by their unit", () => {
    expect(formatInput(0.625, "rate", "USD")).toBe("62.5 %");
    expect(formatInput(0.0042, "rate", "USD")).toBe("0.42 %");
    expect(formatInput(120, "money", "EUR")).toBe("€120");
    expect(formatInput(9100.4, "count", "USD")).toBe("9,100");
    expect(formatInput(4.25, "seconds", "USD")).toBe("4.3 s");
    expect(formatInput(12, "minutes", "USD")).toBe("12 min");
  });

  it("writes ρ with a sign and short output values", () => {
    expect(formatRho(0.8231)).toBe("+0.82");
    expect(formatRho(-0.1)).toBe("−0.10");
    expect(formatRho(0.001)).toBe("0.00");
    expect(formatRho(null)).toBe("n/a");
    expect(formatShort(1_234_567, "money", "USD")).toBe("$1.23M");
    expect(formatShort(-45_600, "money", "GBP")).toBe("-£45.6k");
    expect(formatShort(4_567, "money", "USD")).toBe("$4,567");
    expect(formatShort(0.0421, "rate", "USD")).toBe("4.21 %");
    expect(formatShort(250_000, "count", "USD")).toBe("250k");
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
