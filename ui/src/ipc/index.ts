// The backend seam: the only module tree that imports @tauri-apps/api. Every type that
// crosses it is generated from Rust (./gen); this module adds the seam itself.
import { isTauri } from "@tauri-apps/api/core";

import type { Backend } from "./backend";
import { createMockBackend } from "./mock";
import { tauriBackend } from "./tauri";

export type * from "./gen";
export { VOCABULARY } from "./gen/vocabularyValues";
export type { Backend, ChartOptions } from "./backend";
export { isErrorPayload, toErrorPayload } from "./errors";
export { createMockBackend, mockDescribeQuantity, sampleData, summarise } from "./mock";
export type { MockData } from "./mock";
export { createMockRunsBackend, mockDashboard } from "./mockRuns";
export type { MockRunsOptions, RunsBackend } from "./mockRuns";
export { createMockAnalysisBackend, mockSensitivity } from "./mockAnalysis";
export type { AnalysisBackend, MockAnalysisOptions } from "./mockAnalysis";
export { createMockDecisionsBackend } from "./mockDecisions";
export { createMockRoutesBackend, ROUTES_SAMPLE_MODEL } from "./mockRoutes";
export { createMockEvidenceBackend } from "./mockEvidence";
export type { EvidenceBackend } from "./mockEvidence";
export type { RoutesBackend } from "./mockRoutes";
export type { DecisionsBackend, MockDecisionsOptions } from "./mockDecisions";
export { createMockWorkshopsBackend } from "./mockWorkshops";
export type { WorkshopsBackend } from "./mockWorkshops";
export { audienceLink, isAudienceWindow, presenterLink } from "./audience";
export type { AudienceLink, AudienceRequest, PresenterLink, Slide, SlideNumber } from "./audience";

/** The real shell inside the desktop app; the mock backend in a plain browser. */
export function detectBackend(): Backend {
  return isTauri() ? tauriBackend : createMockBackend();
}
