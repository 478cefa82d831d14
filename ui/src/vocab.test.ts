import { describe, expect, it } from "vitest";

import { SAMPLING_DEFS, samplingText } from "./vocab";

describe("samplings", () => {
  it("name a run's sampling from the engine's vocabulary, replicates included", () => {
    expect(SAMPLING_DEFS.map((d) => d.id)).toEqual(["mc", "rqmc"]);
    const rqmc = SAMPLING_DEFS.find((d) => d.id === "rqmc");
    expect(rqmc?.replicates).toBeGreaterThan(1);
    expect(samplingText("rqmc")).toBe(`quasi-random (${rqmc?.replicates} replicates)`);
    expect(samplingText("mc")).toBe("monte carlo");
  });
});
