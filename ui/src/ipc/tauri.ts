import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";

import { tauriAnalysisBackend } from "./analysis";
import type { Backend } from "./backend";
import { tauriRunsBackend } from "./runs";
import type { ExampleSummary, Issue, ModelVersionRow, ModelView, SavedModel, WhatIf } from "./types";
import { toErrorPayload } from "./types";
import type { GateExploration } from "./types";

/** Calls a command of the desktop shell; rejections become `ErrorPayload`s. */
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toErrorPayload(error);
  }
}

const MODEL_FILTERS = [{ name: "Journey Lab model", extensions: ["json"] }];

/** The backend that talks to `src-tauri` (commands in src-tauri/src/commands.rs). */
export const tauriBackend: Backend = {
  kind: "tauri",
  ...tauriRunsBackend,
  ...tauriAnalysisBackend,
  listExamples: () => call<ExampleSummary[]>("list_examples"),
  openModel: (path) => call<ModelView>("open_model", { path }),
  validateDocument: (json) => call<Issue[]>("validate_document", { json }),
  saveModelFile: (path, json) => call<SavedModel>("save_model_file", { path, json }),
  modelHistory: (path) => call<ModelVersionRow[]>("model_history", { path }),
  modelVersionText: (path, version) => call<string>("model_version_text", { path, version }),
  recentFiles: () => call<string[]>("recent_files"),
  recordRecentFile: (path) => call<string[]>("record_recent_file", { path }),
  whatIf: (document, iterations, seed) => call<WhatIf>("what_if", { json: JSON.stringify(document), iterations, seed }),
  exploreGate: (document, gate, allowBelow, blockAtOrAbove, iterations, seed) =>
    call<GateExploration>("explore_gate", { json: JSON.stringify(document), gate, allowBelow, blockAtOrAbove, iterations, seed }),
  pickOpenPath: async () => {
    try {
      const chosen = await open({ multiple: false, directory: false, filters: MODEL_FILTERS });
      return typeof chosen === "string" ? chosen : null;
    } catch (error) {
      throw toErrorPayload(error);
    }
  },
  pickSavePath: async (defaultPath) => {
    try {
      return (await save({ defaultPath, filters: MODEL_FILTERS })) ?? null;
    } catch (error) {
      throw toErrorPayload(error);
    }
  },
};
