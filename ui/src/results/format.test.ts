import { describe, expect, it } from "vitest";

import { formatDelta, formatValue, money, percent, thousands } from "../format/numbers";
import { duration, guardrailLimits, parseIterations, randomSeed, seedProblem, timestamp } from "./format";

describe("result formatting", () => {
  it("writes thousands separators, money in the model currency and percentages", () => {
    expect(thousands(1234567.8)).toBe("1,234,568");
    expect(money(182400, "USD")).toBe("$182,400");
    expect(money(-74784.4, "EUR")).toBe("-€74,784");
    expect(money(12.5, "CHF")).toBe("CHF 12.50");
    expect(percent(0.94123)).toBe("94.12 %");
    expect(formatValue(0.0421, "rate", "USD")).toBe("4.21 %");
    expect(formatValue(12840.2, "count", "USD")).toBe("12,840");
    expect(formatValue(1500, "money", "GBP")).toBe("£1,500");
  });

  it("signs deltas and writes rate deltas in points", () => {
    expect(formatDelta(0.018, "rate", "USD")).toBe("+1.80 pts");
    expect(formatDelta(-74784, "money", "USD")).toBe("−$74,784");
    expect(formatDelta(2300, "count", "USD")).toBe("+2,300");
  });

  it("writes guardrail limits in the metric's unit", () => {
    expect(guardrailLimits(null, 500000, "fraud_loss", "USD")).toBe("fraud_loss ≤ $500,000");
    expect(guardrailLimits(0.75, null, "legit_success_rate", "USD")).toBe("legit_success_rate ≥ 75.00 %");
    expect(guardrailLimits(10, 2000, "support_contacts", "EUR")).toBe("10 ≤ support_contacts ≤ 2,000");
  });

  it("writes durations and stored timestamps", () => {
    expect(duration(42_000)).toBe("0:42");
    expect(duration(3_723_000)).toBe("1:02:03");
    expect(timestamp("2026-01-01T12:00:05Z")).toBe("2026-01-01 12:00:05");
  });

  it("checks iterations and seeds", () => {
    expect(parseIterations("10,000")).toEqual({ value: 10000 });
    expect(parseIterations("0")).toHaveProperty("problem");
    expect(parseIterations("1.5")).toHaveProperty("problem");
    expect(parseIterations("20000000")).toHaveProperty("problem");
    expect(seedProblem("18446744073709551615")).toBeNull();
    expect(seedProblem("18446744073709551616")).not.toBeNull();
    expect(seedProblem("-1")).not.toBeNull();
    const seed = randomSeed(() => 0.999999);
    expect(seedProblem(seed)).toBeNull();
    expect(BigInt(seed) > 2n ** 53n).toBe(true);
  });
});
