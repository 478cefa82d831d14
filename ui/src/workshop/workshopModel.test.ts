import { describe, expect, it } from "vitest";

import type { ModelDoc } from "../editor/model";
import { clock, moveItem, newItem, newWorkshop, removeItem, riskGates } from "./workshopModel";

const doc: ModelDoc = {
  populations: [
    { id: "bots", kind: "attacker" },
    { id: "customers", kind: "legitimate" },
  ],
  scenarios: [{ id: "passkeys_first", name: "Passkeys first" }],
  journeys: [
    {
      id: "login",
      name: "Sign in",
      steps: [
        { id: "identify", kind: "action", name: "Enter email" },
        { id: "risk", kind: "risk_gate", name: "Risk check" },
      ],
    },
  ],
};

describe("workshop agenda", () => {
  it("fills a new item from the model", () => {
    expect(newItem("journey", doc).what).toEqual({ kind: "journey", journey: "login", population: "customers" });
    expect(newItem("journey", doc).title).toBe("Sign in — customers");
    expect(newItem("thresholds", doc).what).toEqual({ kind: "thresholds", journey: "login", step: "risk" });
    expect(newItem("thresholds", doc).title).toBe("Thresholds of Sign in / Risk check");
    expect(newItem("elicit", doc).what).toEqual({ kind: "elicit", path: "journeys/login/steps/identify/abandon/*legitimate", family: "beta" });
    expect(newItem("decision", doc).title).toBe("Decide: Passkeys first");
    expect(riskGates(doc)).toEqual([{ journey: "login", step: "risk", name: "Sign in / Risk check" }]);
  });

  it("moves and removes items, the current item following its item", () => {
    const w = { ...newWorkshop("/m.json", "W"), items: ["journey", "thresholds", "decision"].map((k) => newItem(k as "journey", doc)), current: 1 };
    const moved = moveItem(w, 1, -1);
    expect(moved.items.map((i) => i.what.kind)).toEqual(["thresholds", "journey", "decision"]);
    expect(moved.current).toBe(0);
    expect(moveItem(w, 2, 5).items.map((i) => i.what.kind)).toEqual(["journey", "thresholds", "decision"]);
    const removed = removeItem(w, 0);
    expect(removed.items.map((i) => i.what.kind)).toEqual(["thresholds", "decision"]);
    expect(removed.current).toBe(0);
    expect(removeItem({ ...w, current: 2 }, 2).current).toBe(1);
  });

  it("says the time left in a time box, and by how much it ran over", () => {
    expect(clock(10, 0)).toBe("10:00 left");
    expect(clock(5, 299)).toBe("0:01 left");
    expect(clock(5, 380)).toBe("over by 1:20");
  });
});
