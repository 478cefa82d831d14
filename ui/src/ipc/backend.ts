// The UI's only way to reach the desktop shell. Its methods are the shell's commands
// (their argument and answer types are generated from Rust, in ./gen) plus the native
// file dialogs. Every method rejects with an `ErrorPayload` (`{code, message}`).
import type {
  Catalogue,
  ChartKind,
  CheckResult,
  DecisionRecordView,
  ElicitationView,
  Evidence,
  Family,
  FunnelImport,
  ExampleSummary,
  ExportFormat,
  GateExploration,
  Issue,
  ModelVersionRow,
  ModelView,
  ObservedFitView,
  Judgement,
  Period,
  PopulationFlows,
  PrecisionStatus,
  QuantityDomain,
  QuantityView,
  RunDashboard,
  RunListItem,
  RunPairView,
  RoutesView,
  RunProgress,
  RunRequest,
  SavedModel,
  ScenarioStatus,
  SensitivityView,
  WhatIf,
  WordRequest,
  Workshop,
  WorkshopSummary,
} from "./gen";

/** Options of a chart of a stored run (`run_chart`). */
export interface ChartOptions {
  metric?: string;
  scenarios?: string[];
  journey?: string;
}

export interface Backend {
  /** Which implementation this is: the real shell, or the in-browser mock. */
  readonly kind: "tauri" | "mock";

  // Models and the editor.
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
  /** Mean, P5–P95 and density of a Quantity being edited, from the engine. */
  describeQuantity(quantity: unknown, domain: QuantityDomain): Promise<QuantityView>;
  /** Quick what-if: the unsaved document's totals in expected mode (same seed, same draws). */
  whatIf(document: unknown, iterations: number, seed: string): Promise<WhatIf>;
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
    seed: string,
  ): Promise<GateExploration>;

  // Runs.
  /** Runs a model file; resolves with the stored run id, rejects with code `cancelled`. */
  startRun(request: RunRequest, onProgress: (progress: RunProgress) => void): Promise<number>;
  /** Asks the runs in progress to stop; resolves with how many were asked. */
  cancelRun(): Promise<number>;
  listRuns(path: string): Promise<RunListItem[]>;
  runDashboard(runId: number): Promise<RunDashboard>;
  /** A chart of a stored run as SVG text. */
  runChart(runId: number, kind: ChartKind, options?: ChartOptions): Promise<string>;
  /** Two stored runs on the headline totals of a scenario (default: baseline). */
  compareRuns(a: number, b: number, scenario?: string): Promise<RunPairView>;
  deleteRun(runId: number): Promise<void>;
  exportRun(runId: number, format: ExportFormat, path: string): Promise<void>;
  /** Per-exit shares of `population` in `journey` for a stored run (its model version and seed). */
  runFlows(runId: number, journey: string, population: string): Promise<PopulationFlows>;

  // Attack surface (spec §11).
  /** Routes, main routes, access table and findings of the edited document's `scenario` ("baseline" for the model), on the draws of `seed`. */
  documentRoutes(document: unknown, scenario: string, seed: string, iterations: number): Promise<RoutesView>;
  /** The same for `scenario` of a stored run (its model version and seed), with what the scenario changes against the baseline. */
  runRoutes(runId: number, scenario: string): Promise<RoutesView>;

  // Evidence (spec §12).
  /** The built-in control catalogue: standard controls with cited priors. */
  listCatalogue(): Promise<Catalogue>;
  /** A Beta from counts per period (Jeffreys, pooled, or beta-binomial), with its density. */
  fitObserved(periods: Period[]): Promise<ObservedFitView>;
  /** Each expert's fit, the equal-weight pool and its fit in `family`, with densities. */
  elicit(judgements: Judgement[], family: Family): Promise<ElicitationView>;
  /** The document with the quantity at `path` fitted from `evidence`, citing `sourceId` (JSON text). */
  applyEvidence(document: unknown, path: string, sourceId: string, title: string, evidence: Evidence): Promise<string>;
  /** Calibrates the document from a funnel CSV (`journey,step,exit,population,n,k[,period]`): the new document and what changed or did not match. */
  importFunnel(document: unknown, csv: string, prefix: string): Promise<FunnelImport>;
  /** Observed against simulated on stored run `runId`: CSV `journey,step,exit,population,n,k`. */
  checkRun(runId: number, csv: string): Promise<CheckResult[]>;
  /** The counts the run's model keeps in its sources, as the CSV `checkRun` takes. */
  runObservations(runId: number): Promise<string>;

  // Analysis of stored runs.
  /** Tornado, rank correlations and drivers of `metric` in `scenario` (default baseline) of a stored run. */
  runSensitivity(runId: number, metric: string, scenario?: string): Promise<SensitivityView>;
  /** How a run that stopped on precision ended; `null` for a run without targets. */
  runPrecision(runId: number): Promise<PrecisionStatus | null>;

  // Decisions (spec §10).
  /** Asks for a decision on `scenario` of stored run `runId`; the record as it then stands. */
  requestDecision(runId: number, scenario: string, name: string, note: string): Promise<DecisionRecordView>;
  /** Adds a team's or the owner's word to a record (checked by the backend). */
  recordDecisionWord(word: WordRequest): Promise<DecisionRecordView>;
  /** The decision record of `scenario` of the model file at `path`, with its status. */
  decisionRecord(path: string, scenario: string): Promise<DecisionRecordView>;
  /** The decision status of every scenario of the model file at `path`. */
  scenarioStatuses(path: string): Promise<ScenarioStatus[]>;
  /** Writes the decision pack (one HTML file) of `scenario` to `out`. */
  exportDecisionPack(path: string, scenario: string, out: string): Promise<void>;

  // Workshops (a facilitator's agenda of a model, resumable).
  /** The workshops of the model file at `path`, newest first. */
  listWorkshops(path: string): Promise<WorkshopSummary[]>;
  /** Saves a workshop (new when its id is null); the workshop with its id. */
  saveWorkshop(workshop: Workshop): Promise<Workshop>;
  /** A stored workshop. */
  getWorkshop(id: number): Promise<Workshop>;
  /** Deletes a workshop. */
  deleteWorkshop(id: number): Promise<void>;
  /** Writes a workshop's summary to `out` (and its decision packs beside it): the files written. */
  exportWorkshopSummary(id: number, out: string): Promise<string[]>;
  /** The native Save dialog for a workshop summary (HTML): the chosen path, `null` when cancelled. */
  pickSummaryPath(defaultName: string): Promise<string | null>;

  // Native dialogs.
  /** The native Open dialog for a model file: the chosen path, `null` when cancelled. */
  pickOpenPath(): Promise<string | null>;
  /** The native Save As dialog (starting at `defaultPath`): the chosen path, `null` when cancelled. */
  pickSavePath(defaultPath?: string): Promise<string | null>;
  /** The native Save dialog for an export of `format`: the chosen path, `null` when cancelled. */
  pickExportPath(defaultName: string, format: ExportFormat): Promise<string | null>;
  /** The native Save dialog for a decision pack (HTML): the chosen path, `null` when cancelled. */
  pickPackPath(defaultName: string): Promise<string | null>;
}
