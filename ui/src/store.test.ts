import { describe, expect, it } from "vitest";

import { createMockBackend, sampleData, type Backend, type ModelView } from "./ipc";
import { createAppStore } from "./store";

describe("app store", () => {
  it("loads the examples sorted by file name", async () => {
    const store = createAppStore(createMockBackend());
    expect(store.getState().examples.status).toBe("idle");
    const loading = store.getState().loadExamples();
    expect(store.getState().examples.status).toBe("loading");
    await loading;
    const examples = store.getState().examples;
    expect(examples.status).toBe("ready");
    if (examples.status !== "ready") return;
    expect(examples.data.map((e) => e.file_name)).toEqual([
      "broken-recovery.json",
      "consumer-sign-in.json",
    ]);
    expect(examples.data.map((e) => e.valid)).toEqual([false, true]);
  });

  it("keeps a listing error's code and message", async () => {
    const backend = createMockBackend({
      models: [],
      listError: { code: "io", message: "fixtures: No such file or directory" },
    });
    const store = createAppStore(backend);
    await store.getState().loadExamples();
    expect(store.getState().examples).toEqual({
      status: "failed",
      error: { code: "io", message: "fixtures: No such file or directory" },
    });
  });

  it("turns a non-payload rejection into an ipc error", async () => {
    const backend: Backend = {
      ...createMockBackend(),
      kind: "mock",
      listExamples: () => Promise.reject(new Error("channel closed")),
      openModel: () => Promise.reject("nope"),
    };
    const store = createAppStore(backend);
    await store.getState().loadExamples();
    expect(store.getState().examples).toEqual({
      status: "failed",
      error: { code: "ipc", message: "channel closed" },
    });
    await store.getState().openModel("x.json");
    expect(store.getState().model).toEqual({
      status: "failed",
      error: { code: "ipc", message: "nope" },
    });
  });

  it("opens a model and closes it again", async () => {
    const store = createAppStore(createMockBackend());
    await store.getState().openModel("mock/consumer-sign-in.json");
    const model = store.getState().model;
    expect(model.status).toBe("ready");
    if (model.status === "ready") {
      expect(model.data.journeys.map((j) => j.id)).toEqual(["sign_in", "change_email"]);
    }
    expect(store.getState().modelPath).toBe("mock/consumer-sign-in.json");
    store.getState().closeModel();
    expect(store.getState().model.status).toBe("idle");
    expect(store.getState().modelPath).toBeNull();
  });

  it("lets only the latest open request write its answer", async () => {
    const [first, second] = sampleData().models as [ModelView, ModelView];
    const pending = new Map<string, (m: ModelView) => void>();
    const backend: Backend = {
      ...createMockBackend(),
      kind: "mock",
      listExamples: () => Promise.resolve([]),
      openModel: (path) => new Promise((resolve) => pending.set(path, resolve)),
    };
    const store = createAppStore(backend);
    const slow = store.getState().openModel(first.path);
    const fast = store.getState().openModel(second.path);
    pending.get(second.path)?.(second);
    await fast;
    pending.get(first.path)?.(first);
    await slow;
    const model = store.getState().model;
    expect(model.status === "ready" && model.data.name).toBe(second.name);
  });

  it("ignores an answer that arrives after the model was closed", async () => {
    let resolve: (m: ModelView) => void = () => {};
    const backend: Backend = {
      ...createMockBackend(),
      kind: "mock",
      listExamples: () => Promise.resolve([]),
      openModel: () => new Promise((r) => (resolve = r)),
    };
    const store = createAppStore(backend);
    const opening = store.getState().openModel("a.json");
    store.getState().closeModel();
    resolve((sampleData().models as [ModelView])[0]);
    await opening;
    expect(store.getState().model.status).toBe("idle");
  });
});
