import type { ExampleSummary, ModelView } from "./types";

/**
 * The UI's only way to reach the desktop shell. Every method rejects with an
 * `ErrorPayload` (`{code, message}`) on failure.
 */
export interface Backend {
  /** Which implementation this is: the real shell, or the in-browser mock. */
  readonly kind: "tauri" | "mock";
  listExamples(): Promise<ExampleSummary[]>;
  openModel(path: string): Promise<ModelView>;
}
