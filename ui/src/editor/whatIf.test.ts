import { describe, expect, it } from "vitest";

import { createMockBackend, type Backend, type WhatIf } from "../ipc";
import { createWhatIfStore, headlines } from "./whatIf";

const summary = (mean: number) => ({ mean, sd: 0, se: 0, p5: mean, p50: mean, p95: mean, min: mean, max: mean });
const result = (loss: number, rate = 0.9): WhatIf => ({
  seed: "7",
  iterations: 300,
  totals: [
    ["legit_success_rate", summary(rate)],
    ["fraud_loss", summary(loss)],
  ],
});

/** A backend whose whatIf answers from a document field `loss` and records its calls. */
function recording() {
  const calls: { doc: unknown; iterations: number; seed: string }[] = [];
  const backend: Backend = {
    ...createMockBackend(),
    async whatIf(doc, iterations, seed) {
      calls.push({ doc, iterations, seed });
      const loss = (doc as { loss?: number }).loss;
      if (loss === undefined) throw { code: "invalid_model", message: "format: unknown" };
      return result(loss);
    },
  };
  return { backend, calls };
}

const lossOf = (w: WhatIf | null | undefined) => w?.totals.find(([n]) => n === "fraud_loss")?.[1].mean;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("what-if store", () => {
  it("runs at once when switched on, keeps the seed and sends each edit at once", async () => {
    const { backend, calls } = recording();
    let next = 41;
    let clock = 1000;
    const store = createWhatIfStore(backend, { newSeed: () => String(++next), now: () => clock });
    store.getState().setOn(true, { loss: 100 });
    await flush();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ iterations: 300, seed: "42" });
    expect(lossOf(store.getState().baseline)).toBe(100);

    // An edit is sent without waiting, with the same seed; the latency runs from the edit.
    store.getState().docChanged({ loss: 130 });
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ doc: { loss: 130 }, seed: "42" });
    clock += 12;
    await flush();
    const s = store.getState();
    expect(lossOf(s.current)).toBe(130);
    expect(lossOf(s.baseline)).toBe(100);
    expect(s.latencyMs).toBe(12);

    // Invalid model: the error shows, the baseline stays.
    store.getState().docChanged({});
    await flush();
    expect(store.getState().error).toEqual({ code: "invalid_model", message: "format: unknown" });
    store.getState().docChanged({ loss: 90 });
    await flush();
    expect(store.getState().error).toBeNull();
    expect(lossOf(store.getState().current)).toBe(90);

    // Off: no more calls; on again: a new seed and a new baseline.
    store.getState().setOn(false, { loss: 90 });
    store.getState().docChanged({ loss: 1 });
    await flush();
    expect(calls).toHaveLength(4);
    expect(store.getState().current).toBeNull();
    expect(store.getState().latencyMs).toBeNull();
    store.getState().setOn(true, { loss: 5 });
    await flush();
    expect(calls[4]?.seed).toBe("43");
    expect(lossOf(store.getState().baseline)).toBe(5);
  });

  it("keeps one request in flight and sends only the newest edit made meanwhile", async () => {
    const calls: unknown[] = [];
    const waiting: ((r: WhatIf) => void)[] = [];
    const backend: Backend = {
      ...createMockBackend(),
      whatIf: (doc) => {
        calls.push(doc);
        return new Promise<WhatIf>((resolve) => waiting.push(resolve));
      },
    };
    const store = createWhatIfStore(backend);
    store.getState().setOn(true, { loss: 1 });
    store.getState().docChanged({ loss: 2 });
    store.getState().docChanged({ loss: 3 });
    store.getState().docChanged({ loss: 4 });
    expect(calls).toEqual([{ loss: 1 }]);
    waiting.shift()?.(result(1));
    await flush();
    // The answer to the first is superseded (an edit is pending), so it is not shown;
    // only the newest of the three edits goes next.
    expect(calls).toEqual([{ loss: 1 }, { loss: 4 }]);
    expect(store.getState().current).toBeNull();
    expect(store.getState().running).toBe(true);
    waiting.shift()?.(result(4));
    await flush();
    expect(lossOf(store.getState().current)).toBe(4);
    expect(store.getState().running).toBe(false);
  });

  it("ignores an answer from before the toggle was switched off and on", async () => {
    let release: (r: WhatIf) => void = () => undefined;
    const backend: Backend = {
      ...createMockBackend(),
      whatIf: (doc) =>
        (doc as { slow?: boolean }).slow ? new Promise<WhatIf>((resolve) => (release = resolve)) : Promise.resolve(result(2)),
    };
    const store = createWhatIfStore(backend);
    store.getState().setOn(true, { slow: true });
    store.getState().setOn(false, {});
    store.getState().setOn(true, {});
    await flush();
    release(result(1));
    await flush();
    expect(lossOf(store.getState().current)).toBe(2);
  });

  it("formats the headlines with the model currency and the change", () => {
    const rows = headlines(result(1000, 0.9), result(1500.5, 0.88), "EUR");
    expect(rows.map((r) => [r.label, r.value, r.delta])).toEqual([
      ["Legitimate success rate", "88.00 %", "−2.00 pts"],
      // An exact tie (1,500.5) rounds to even, as the engine's formatter writes it.
      ["Fraud loss", "€1,500", "+€500"],
    ]);
  });

  it("the mock backend answers and rejects an invalid model", async () => {
    const backend = createMockBackend();
    const a = await backend.whatIf({ format: "journeylab/1", x: 1 }, 300, "1");
    const b = await backend.whatIf({ format: "journeylab/1", x: 2 }, 300, "1");
    expect(a.totals.find(([n]) => n === "fraud_loss")?.[1].mean).not.toBe(b.totals.find(([n]) => n === "fraud_loss")?.[1].mean);
    await expect(backend.whatIf({ format: "nope" }, 300, "1")).rejects.toMatchObject({ code: "invalid_model" });
  });
});
