import { createStore, type StoreApi } from "zustand/vanilla";

import type { Backend, ErrorPayload, ExampleSummary, ModelView } from "./ipc";
import { toErrorPayload } from "./ipc";

/** A value that is fetched from the backend. */
export type Remote<T> =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "failed"; error: ErrorPayload };

export interface AppState {
  /** The backend every call goes through (the results screens make their own calls). */
  backend: Backend;
  /** The example models on the start screen. */
  examples: Remote<ExampleSummary[]>;
  /** The open model; `idle` means the start screen is shown. */
  model: Remote<ModelView>;
  /** The path being opened or shown, if any. */
  modelPath: string | null;
  loadExamples(): Promise<void>;
  openModel(path: string): Promise<void>;
  closeModel(): void;
}

export type AppStore = StoreApi<AppState>;

/** The app's state, with every backend call going through `backend`. */
export function createAppStore(backend: Backend): AppStore {
  // Only the latest request may write its answer (a slow answer must not replace a newer one).
  let examplesRequest = 0;
  let modelRequest = 0;

  return createStore<AppState>()((set) => ({
    backend,
    examples: { status: "idle" },
    model: { status: "idle" },
    modelPath: null,

    async loadExamples() {
      const request = ++examplesRequest;
      set({ examples: { status: "loading" } });
      try {
        const data = await backend.listExamples();
        if (request === examplesRequest) set({ examples: { status: "ready", data } });
      } catch (error) {
        if (request === examplesRequest) {
          set({ examples: { status: "failed", error: toErrorPayload(error) } });
        }
      }
    },

    async openModel(path) {
      const request = ++modelRequest;
      set({ model: { status: "loading" }, modelPath: path });
      try {
        const data = await backend.openModel(path);
        if (request === modelRequest) set({ model: { status: "ready", data } });
      } catch (error) {
        if (request === modelRequest) {
          set({ model: { status: "failed", error: toErrorPayload(error) } });
        }
      }
    },

    closeModel() {
      modelRequest++;
      set({ model: { status: "idle" }, modelPath: null });
    },
  }));
}
