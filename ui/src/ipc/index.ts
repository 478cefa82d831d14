// The backend seam: the only module tree that imports @tauri-apps/api.
import { isTauri } from "@tauri-apps/api/core";

import type { Backend } from "./backend";
import { createMockBackend } from "./mock";
import { tauriBackend } from "./tauri";

export type { Backend } from "./backend";
export type { ErrorPayload, ExampleSummary, Issue, JourneyView, ModelVersionRow, ModelView, SavedModel, WhatIf, WhatIfSummary } from "./types";
export { isErrorPayload, toErrorPayload } from "./types";
export type { ExploredGuardrail, GateExploration, RiskGate, SweepPoint } from "./types";
export { createMockBackend, sampleData, summarise } from "./mock";
export * from "./runs";
export * from "./analysis";
export type { MockData } from "./mock";

/** The real shell inside the desktop app; the mock backend in a plain browser. */
export function detectBackend(): Backend {
  return isTauri() ? tauriBackend : createMockBackend();
}
