import { describe, expect, it } from "vitest";

import { edgeLabel, stepLabel } from "./a11yLabels";
import type { StepNodeData } from "./graph";

const names: Record<string, string> = { otp: "SMS code", remember: "Remember device" };
const nameOf = (id: string) => names[id] ?? id;

describe("screen-reader names", () => {
  it("a step says its kind, name, state and each exit's target", () => {
    const data: StepNodeData = {
      stepId: "otp",
      kind: "control",
      name: "SMS code",
      implicit: false,
      entry: true,
      exits: [
        { handle: "on.pass", label: "pass", target: "remember" },
        { handle: "on.fail", label: "fail", fallback: "blocked" },
        { handle: "on.abandon", label: "abandon" },
      ],
      issues: [{ severity: "error", path: "x", message: "m" }],
    } as StepNodeData;
    expect(stepLabel(data, nameOf)).toBe(
      "Control step “SMS code”, entry, 1 error. Exits: pass to Remember device; fail to blocked (default); abandon to nothing (not connected).",
    );
  });

  it("an implicit outcome says so and has no exits", () => {
    const data = { stepId: "success", kind: "outcome", name: "Success", outcomeClass: "success", implicit: true, entry: false, exits: [], issues: [] } as StepNodeData;
    expect(stepLabel(data, nameOf)).toBe("Implicit outcome “Success”, class success.");
  });

  it("an edge says its source, exit and target, and the overlay's share when shown", () => {
    expect(edgeLabel("SMS code", "pass", "Remember device")).toBe("Exit pass of “SMS code” to “Remember device”");
    expect(edgeLabel("SMS code", "pass", "Remember device", "42 %")).toBe("Exit pass of “SMS code” to “Remember device”, 42 %");
    expect(edgeLabel("SMS code", "pass", "Remember device", "pass")).toBe("Exit pass of “SMS code” to “Remember device”");
  });
});
