import { describe, expect, it } from "vitest";

import {
  createMockAnalysisBackend,
  createMockRoutesBackend,
  createMockRunsBackend,
  type MockAnalysisOptions,
  type RunProgress,
  type RunRequest,
} from "../ipc";
import { createResultsStore, scenariosOf, sensitivityKey } from "./resultsStore";

/** The runs, analysis and routes mocks: what the results store needs. */
function mockBackend(analysis: MockAnalysisOptions = {}) {
  const runs = createMockRunsBackend();
  const modelOf = async (id: number) => (await runs.listRuns("")).find((r) => r.id === id)?.model_key;
  return { ...runs, ...createMockAnalysisBackend(analysis), ...createMockRoutesBackend(modelOf) };
}

/** Routes for stores whose runs never ask for them. */
const noRoutes = createMockRoutesBackend(async () => undefined);

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
    const store = createResultsStore(mockBackend(), "m.json", scenarios, () => 0.5);
    const s = store.getState();
    expect(s.chosen).toEqual(["stronger_mfa", "no_sms"]);
    expect(s.iterations).toBe("10,000");
    expect(s.seed).toBe(((2n ** 31n) << 32n | 2n ** 31n).toString());
    expect(s.problem()).toBeNull();
    s.setSeed("x");
    expect(store.getState().problem()).toMatch(/seed/);
  });

  it("runs with the chosen settings, streams progress, then shows the dashboard and history", async () => {
    const backend = mockBackend();
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
    store.getState().setSampling("rqmc");
    store.getState().toggleScenario("stronger_mfa");
    await store.getState().startRun();
    expect(seen.request).toEqual({
      path: "m.json",
      iterations: 2000,
      seed: "42",
      mode: "expected",
      sampling: "rqmc",
      scenarios: ["no_sms"],
      precision: [],
    });
    expect(seen.progress.at(-1)).toMatchObject({ done: 4000, total: 4000 });
    const s = store.getState();
    expect(s.run).toMatchObject({ status: "finished", runId: 1, progress: { done: 4000, total: 4000 }, scenarios: 2 });
    expect(s.dashboard.status).toBe("ready");
    expect(s.history.status === "ready" && s.history.data.map((r) => r.status)).toEqual(["finished"]);
  });

  it("cancels a run and lists it as cancelled", async () => {
    const store = createResultsStore({ ...createMockRunsBackend({ stepMs: 5 }), ...createMockAnalysisBackend(), ...noRoutes }, "m.json", scenarios);
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
      { ...createMockRunsBackend({ runError: { code: "invalid_model", message: "bad" } }), ...createMockAnalysisBackend(), ...noRoutes },
      "m.json",
      [],
    );
    await store.getState().startRun();
    expect(store.getState().run).toEqual({ status: "failed", error: { code: "invalid_model", message: "bad" } });
  });

  it("compares two ticked runs, older as A", async () => {
    const store = createResultsStore(mockBackend(), "m.json", scenarios);
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
    const store = createResultsStore(mockBackend(), "m.json", scenarios);
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

  it("stops on precision: sends the target, checks the tolerance, and reads how the run ended", async () => {
    const status = {
      iterations: 4000,
      max_iterations: 200000,
      stopped_early: true,
      met: true,
      targets: [{ metric: "fraud_loss", label: "Fraud loss", relative: 0.02, achieved: 0.017, met: true }],
    };
    const backend = mockBackend({ precision: { 1: status } });
    let request: RunRequest | null = null;
    const store = createResultsStore(
      { ...backend, startRun: (r, p) => ((request = r), backend.startRun(r, p)) },
      "m.json",
      [],
    );
    const s = store.getState();
    s.setIterations("200,000");
    s.setPrecisionOn(true);
    s.setPrecisionTolerance("abc");
    expect(store.getState().problem()).toMatch(/per cent/);
    await store.getState().startRun();
    expect(request).toBeNull();
    s.setPrecisionTolerance("±2 %");
    s.setPrecisionMetric("fraud_loss");
    expect(store.getState().problem()).toBeNull();
    await store.getState().startRun();
    expect(request).toMatchObject({ iterations: 200000, precision: [["fraud_loss", 0.02]] });
    const run = store.getState().run;
    expect(run.status === "finished" && run.stopsEarly).toBe(true);
    expect(store.getState().precision).toEqual({ status: "ready", data: status });

    // Switched off: no targets are sent and a plain run has no precision outcome.
    store.getState().setPrecisionOn(false);
    store.getState().setPrecisionTolerance("");
    expect(store.getState().problem()).toBeNull();
    await store.getState().startRun();
    expect(request).toMatchObject({ precision: [] });
    expect(store.getState().precision).toEqual({ status: "ready", data: null });
  });

  it("loads a sensitivity view once per run, scenario and metric, and keeps failures", async () => {
    const backend = mockBackend();
    let calls = 0;
    const store = createResultsStore(
      { ...backend, runSensitivity: (...a) => (calls++, backend.runSensitivity(...a)) },
      "m.json",
      [],
    );
    await store.getState().loadSensitivity(1, "fraud_loss", "baseline");
    await store.getState().loadSensitivity(1, "fraud_loss", "baseline");
    expect(calls).toBe(1);
    const view = store.getState().sensitivity[sensitivityKey(1, "baseline", "fraud_loss")];
    expect(view?.status === "ready" && view.data.swings.length).toBe(15);
    await store.getState().loadSensitivity(1, "Not a metric", "baseline");
    expect(store.getState().sensitivity[sensitivityKey(1, "baseline", "Not a metric")]?.status).toBe("failed");
  });

  it("exports through the native Save dialog with a default name, and a cancelled dialog does nothing", async () => {
    const backend = mockBackend({ exportPath: "/home/me/chosen.csv" });
    const asked: [string, string][] = [];
    let exported: string | null = null;
    const store = createResultsStore(
      {
        ...backend,
        pickExportPath: (name, format) => (asked.push([name, format]), backend.pickExportPath(name, format)),
        exportRun: (id, format, path) => ((exported = path), backend.exportRun(id, format, path)),
      },
      "/models/consumer-sign-in.json",
      [],
    );
    await store.getState().startRun();
    store.getState().setExportFormat("csv");
    await store.getState().chooseExportPath();
    expect(asked).toEqual([["consumer-sign-in-run-1.csv", "csv"]]);
    expect(exported).toBe("/home/me/chosen.csv");
    expect(store.getState().exportState).toEqual({ status: "ready", data: "/home/me/chosen.csv" });

    const cancelling = createResultsStore(mockBackend(), "m.json", []);
    await cancelling.getState().startRun();
    await cancelling.getState().chooseExportPath();
    expect(cancelling.getState().exportState.status).toBe("idle");
    expect(cancelling.getState().exportPath).toBe("");
  });
});
