import { describe, expect, it } from "vitest";

import { createMockBackend, type Backend, type GateExploration } from "../ipc";
import { mockExploreGate } from "../ipc/mockExplorer";
import { createExplorerStore, snap } from "./explorerStore";
import { gateDoc } from "./testDoc";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A backend whose answers wait until released, recording each request. */
function gated() {
  const calls: { allow: number; block: number; seed: string; iterations: number }[] = [];
  const waiting: (() => void)[] = [];
  const backend: Backend = {
    ...createMockBackend({ models: [] }),
    exploreGate(doc, gate, allow, block, iterations, seed) {
      calls.push({ allow, block, seed, iterations });
      return new Promise<GateExploration>((resolve, reject) => {
        waiting.push(() => {
          try {
            resolve(mockExploreGate(doc, gate, allow, block, iterations, seed));
          } catch (e) {
            reject(e);
          }
        });
      });
    },
  };
  const release = async () => {
    waiting.shift()?.();
    await flush();
  };
  return { backend, calls, release, pending: () => waiting.length };
}

describe("explorer store", () => {
  it("asks at the model's thresholds first, then coalesces a drag: one request in flight, the newest position next", async () => {
    const { backend, calls, release, pending } = gated();
    let clock = 0;
    const store = createExplorerStore(backend, { doc: gateDoc(), gate: "login/risk", allowBelow: 0.3, blockAtOrAbove: 0.9, seed: "5", now: () => clock });
    await flush();
    expect(calls).toEqual([{ allow: 0.3, block: 0.9, seed: "5", iterations: 300 }]);

    // A drag while the first answer is out: nothing more is sent yet.
    for (const a of [0.31, 0.32, 0.33, 0.34]) store.getState().setAllow(a);
    expect(calls).toHaveLength(1);
    expect(store.getState().allowBelow).toBe(0.34);
    clock = 10;
    await release();
    // The first answer is dropped (a newer position waits); only the newest is sent.
    expect(store.getState().result).toBeNull();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ allow: 0.34, block: 0.9, seed: "5" });
    expect(pending()).toBe(1);
    clock = 25;
    await release();
    const s = store.getState();
    expect(s.result?.point.allow_below).toBe(0.34);
    expect(s.answeredFor).toEqual({ allowBelow: 0.34, blockAtOrAbove: 0.9 });
    // Latency from the newest slider move (at clock 0) to its answer (at 25).
    expect(s.latencyMs).toBe(25);
    expect(s.latencies).toEqual([25]);
    expect(s.running).toBe(false);
  });

  it("keeps allow ≤ block: each slider pushes the other", async () => {
    const { backend, release } = gated();
    const store = createExplorerStore(backend, { doc: gateDoc(), gate: "login/risk", allowBelow: 0.3, blockAtOrAbove: 0.9, seed: "1" });
    store.getState().setAllow(0.95);
    expect([store.getState().allowBelow, store.getState().blockAtOrAbove]).toEqual([0.95, 0.95]);
    store.getState().setBlock(0.2);
    expect([store.getState().allowBelow, store.getState().blockAtOrAbove]).toEqual([0.2, 0.2]);
    store.getState().setThresholds(0.7, 0.4);
    expect([store.getState().allowBelow, store.getState().blockAtOrAbove]).toEqual([0.7, 0.7]);
    await release();
    await release();
    expect(store.getState().result?.point.block_at_or_above).toBe(0.7);
  });

  it("snaps to the slider grid", () => {
    expect(snap(0.1 + 0.2)).toBe(0.3);
    expect(snap(1.2)).toBe(1);
    expect(snap(-3)).toBe(0);
    expect(snap(Number.NaN)).toBe(0);
    expect(snap(0.256)).toBe(0.26);
  });

  it("shows the backend's error and recovers on the next move", async () => {
    const store = createExplorerStore(createMockBackend({ models: [] }), { doc: gateDoc(), gate: "login/nope", allowBelow: 0.3, blockAtOrAbove: 0.9 });
    await flush();
    await flush();
    expect(store.getState().error).toEqual({ code: "run_failed", message: "journey `login` has no risk gate `nope`" });
    expect(store.getState().result).toBeNull();
  });

  it("re-evaluates when the document changes and stops after dispose", async () => {
    const { backend, calls, release } = gated();
    const store = createExplorerStore(backend, { doc: gateDoc(), gate: "login/risk", allowBelow: 0.3, blockAtOrAbove: 0.9, seed: "1" });
    await flush();
    await release();
    store.getState().setDocument(gateDoc({ loss: 900 }));
    await flush();
    expect(calls).toHaveLength(2);
    store.getState().dispose();
    store.getState().setAllow(0.5);
    await release();
    expect(calls).toHaveLength(2);
  });
});
