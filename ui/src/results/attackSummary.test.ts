// The dashboard's attack-surface summary against the engine's own routes views of the
// consumer identity fixture (gen/samples): baseline and the recovery fix.
import { describe, expect, it } from "vitest";

import { ROUTES_SAMPLE } from "../ipc/gen/samples";
import { share } from "../format/numbers";
import { attackerMainRoutes, capitalised, changeLines, findingCount } from "./attackSummary";

const { baseline, fixed } = ROUTES_SAMPLE;

describe("attack summary", () => {
  it("counts the engine's findings by severity", () => {
    const f = baseline.report.findings;
    const n = (s: string) => f.filter((x) => x.severity === s).length;
    expect(n("high")).toBeGreaterThan(0);
    const parts = [`${n("high")} high`, `${n("medium")} medium`].filter((p) => !p.startsWith("0 "));
    expect(findingCount(f)).toBe(`${f.length} findings: ${parts.join(", ")}${n("low") ? `, ${n("low")} low` : ""}`);
    expect(findingCount([])).toBe("No finding");
  });

  it("puts what the fix resolves first, then the attackers' routes it closes", () => {
    const lines = changeLines(fixed);
    expect(lines[0]?.kind).toBe("resolved");
    expect(lines[0]?.text).toMatch(/^Resolves: Account recovery grants the access of Sign-in at AAL1/);
    const closed = lines.filter((l) => l.kind === "closed");
    expect(closed.some((l) => l.text.startsWith("Closes the route “Reset code by SMS” of Account recovery for SIM-swappers"))).toBe(true);
    // Only attackers' route changes: customers' closed routes are in the view, not here.
    expect(fixed.changes.some((c) => c.population_kind === "legitimate")).toBe(true);
    expect(lines.some((l) => l.text.includes("for Customers"))).toBe(false);
    expect(changeLines(baseline)).toEqual([]);
  });

  it("says each attacker's main route with the engine's numbers", () => {
    const main = baseline.report.main_routes.find((m) => m.population === "sim_swappers");
    expect(main).toBeDefined();
    const line = attackerMainRoutes(baseline).find((m) => m.population === "sim_swappers");
    expect(line?.text).toContain(`“${main?.label}” (P ${share(main?.p ?? NaN)}, ${share(main?.share ?? NaN)} of their successes)`);
    expect(attackerMainRoutes(baseline).some((m) => m.population === "customers")).toBe(false);
  });

  it("capitalises a sentence", () => {
    expect(capitalised("route “x”")).toBe("Route “x”");
    expect(capitalised("")).toBe("");
  });
});
