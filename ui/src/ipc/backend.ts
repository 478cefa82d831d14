import type { AnalysisBackend } from "./analysis";
import type { RunsBackend } from "./runs";
import type { GateExploration } from "./types";
import type { ExampleSummary, Issue, ModelVersionRow, ModelView, SavedModel, WhatIf } from "./types";

/**
 * The UI's only way to reach the desktop shell. Every method rejects with an
 * `ErrorPayload` (`{code, message}`) on failure.
 */
export interface Backend extends RunsBackend, AnalysisBackend {
  /** Which implementation this is: the real shell, or the in-browser mock. */
  readonly kind: "tauri" | "mock";
  listExamples(): Promise<ExampleSummary[]>;
  openModel(path: string): Promise<ModelView>;
  /** Validates a model document (JSON text): every issue with its path (editor). */
  validateDocument(json: string): Promise<Issue[]>;
  /** Writes the document to `path` and records it as a model version (editor). */
  saveModelFile(path: string, json: string): Promise<SavedModel>;
  /** The saved versions of the model recorded for the file at `path`, newest first. */
  modelHistory(path: string): Promise<ModelVersionRow[]>;
  /** The JSON text of one saved version. */
  modelVersionText(path: string, version: number): Promise<string>;
  /** The recent model files, newest first. */
  recentFiles(): Promise<string[]>;
  /** Puts `path` first in the recent-files list (after an open or a save); the new list. */
  recordRecentFile(path: string): Promise<string[]>;
  /** The native Open dialog for a model file: the chosen path, `null` when cancelled. */
  pickOpenPath(): Promise<string | null>;
  /** The native Save As dialog (starting at `defaultPath`): the chosen path, `null` when cancelled. */
  pickSavePath(defaultPath?: string): Promise<string | null>;
  /** Quick what-if: the unsaved document's totals in expected mode (same seed, same draws). */
  whatIf(document: unknown, iterations: number, seed: number): Promise<WhatIf>;
  /**
   * Threshold explorer: the risk gate `gate` (`journey/step`) of the unsaved document at
   * `allowBelow` / `blockAtOrAbove` — the point, the model's own thresholds, the tradeoff
   * curve and the guardrails (expected mode, one seed).
   */
  exploreGate(
    document: unknown,
    gate: string,
    allowBelow: number,
    blockAtOrAbove: number,
    iterations: number,
    seed: number,
  ): Promise<GateExploration>;
}
