import { describe, expect, it } from "vitest";

import { createMockRunsBackend, type RunProgress } from "../ipc";
import { createResultsStore, scenariosOf } from "./resultsStore";

const scenarios = [
  { id: "stronger_mfa", name: "Stronger MFA" },
  { id: "no_sms", name: "No SMS" },
];

describe("results store", () => {
  it("reads scenario choices from a model document", () => {
    expect(scenariosOf({ scenarios: [{ id: "a", name: "A" }, { id: "b" }, { x: 1 }] })).toEqual([
      { id: "a", name: "A" },
      { id: "b", name: "b" },
    ]);
    expect(scenariosOf(null)).toEqual([]);
  });

  it("starts with every scenario ticked, 10,000 iterations and a random seed", () => {
    const store = createResultsStore(createMockRunsBackend(), "m.json", scenarios, () => 0.5);
    const s = store.getState();
    expect(s.chosen).toEqual(["stronger_mfa", "no_sms"]);
    expect(s.iterations).toBe("10,000");
    expect(s.seed).toBe(((2n ** 31n) << 32n | 2n ** 31n).toString());
    expect(s.problem()).toBeNull();
    s.setSeed("x");
    expect(store.getState().problem()).toMatch(/seed/);
  });

  it("runs with the chosen settings, streams progress, then shows the dashboard and history", async () => {
    const backend = createMockRunsBackend();
    const seen: { request: unknown; progress: RunProgress[] } = { request: null, progress: [] };
    const store = createResultsStore(
      {
        ...backend,
        startRun: (request, onProgress) => {
          seen.request = request;
          return backend.startRun(request, (p) => {
            seen.progress.push(p);
            onProgress(p);
          });
        },
      },
      "m.json",
      scenarios,
    );
    store.getState().setIterations("2,000");
    store.getState().setSeed("42");
    store.getState().setMode("expected");
    store.getState().toggleScenario("stronger_mfa");
    await store.getState().startRun();
    expect(seen.request).toEqual({
      path: "m.json",
      iterations: 2000,
      seed: "42",
      mode: "expected",
      scenarios: ["no_sms"],
    });
    expect(seen.progress.at(-1)).toMatchObject({ done: 4000, total: 4000 });
    const s = store.getState();
    expect(s.run).toMatchObject({ status: "finished", runId: 1, progress: { done: 4000, total: 4000 }, scenarios: 2 });
    expect(s.dashboard.status).toBe("ready");
    expect(s.history.status === "ready" && s.history.data.map((r) => r.status)).toEqual(["finished"]);
  });

  it("cancels a run and lists it as cancelled", async () => {
    const store = createResultsStore(createMockRunsBackend({ stepMs: 5 }), "m.json", scenarios);
    const running = store.getState().startRun();
    expect(store.getState().run.status).toBe("running");
    await store.getState().cancelRun();
    await running;
    const s = store.getState();
    expect(s.run).toEqual({ status: "cancelled" });
    expect(s.history.status === "ready" && s.history.data[0]?.status).toBe("cancelled");
    expect(s.dashboard.status).toBe("idle");
  });

  it("reports a failed run with its code", async () => {
    const store = createResultsStore(
      createMockRunsBackend({ runError: { code: "invalid_model", message: "bad" } }),
      "m.json",
      [],
    );
    await store.getState().startRun();
    expect(store.getState().run).toEqual({ status: "failed", error: { code: "invalid_model", message: "bad" } });
  });

  it("compares two ticked runs, older as A", async () => {
    const store = createResultsStore(createMockRunsBackend(), "m.json", scenarios);
    store.getState().setSeed("5");
    await store.getState().startRun();
    await store.getState().startRun();
    await store.getState().startRun();
    store.getState().toggleCompare(3);
    store.getState().toggleCompare(1);
    store.getState().toggleCompare(2);
    expect(store.getState().compareIds).toEqual([1, 2]);
    await store.getState().compareRuns();
    const pair = store.getState().pair;
    expect(pair.status === "ready" && [pair.data.a.id, pair.data.b.id, pair.data.paired]).toEqual([1, 2, true]);
    await store.getState().deleteRun(2);
    expect(store.getState().compareIds).toEqual([1]);
    expect(store.getState().pair.status).toBe("idle");
  });

  it("deletes the shown run and exports to a path", async () => {
    const store = createResultsStore(createMockRunsBackend(), "m.json", scenarios);
    await store.getState().startRun();
    await store.getState().exportRun();
    expect(store.getState().exportState.status).toBe("failed");
    store.getState().setExportPath("/tmp/run.json");
    store.getState().setExportFormat("csv");
    expect(store.getState().exportPath).toBe("/tmp/run.csv");
    await store.getState().exportRun();
    expect(store.getState().exportState).toEqual({ status: "ready", data: "/tmp/run.csv" });
    await store.getState().deleteRun(1);
    const s = store.getState();
    expect(s.shownRunId).toBeNull();
    expect(s.dashboard.status).toBe("idle");
    expect(s.history.status === "ready" && s.history.data).toEqual([]);
  });
});
