// Generated from the Rust crates by crates/app/src/bindings.rs: do not edit.
// Regenerate: JOURNEYLAB_BLESS=1 cargo test -p journeylab-app --test bindings
import type { ApplyEvidenceArgs } from "./ApplyEvidenceArgs";
import type { Catalogue } from "./Catalogue";
import type { ChartArgs } from "./ChartArgs";
import type { CheckResult } from "./CheckResult";
import type { CheckRunArgs } from "./CheckRunArgs";
import type { CompareArgs } from "./CompareArgs";
import type { DecisionRecordView } from "./DecisionRecordView";
import type { DocumentArgs } from "./DocumentArgs";
import type { DocumentRoutesArgs } from "./DocumentRoutesArgs";
import type { ElicitArgs } from "./ElicitArgs";
import type { ElicitationView } from "./ElicitationView";
import type { ExampleSummary } from "./ExampleSummary";
import type { ExploreGateArgs } from "./ExploreGateArgs";
import type { ExportArgs } from "./ExportArgs";
import type { FitObservedArgs } from "./FitObservedArgs";
import type { FlowsArgs } from "./FlowsArgs";
import type { FunnelImport } from "./FunnelImport";
import type { GateExploration } from "./GateExploration";
import type { ImportFunnelArgs } from "./ImportFunnelArgs";
import type { Issue } from "./Issue";
import type { ModelVersionRow } from "./ModelVersionRow";
import type { ModelView } from "./ModelView";
import type { NoArgs } from "./NoArgs";
import type { ObservedFitView } from "./ObservedFitView";
import type { PackArgs } from "./PackArgs";
import type { PathArgs } from "./PathArgs";
import type { PopulationFlows } from "./PopulationFlows";
import type { PrecisionStatus } from "./PrecisionStatus";
import type { QuantityArgs } from "./QuantityArgs";
import type { QuantityView } from "./QuantityView";
import type { RequestDecisionArgs } from "./RequestDecisionArgs";
import type { RoutesView } from "./RoutesView";
import type { RunArgs } from "./RunArgs";
import type { RunDashboard } from "./RunDashboard";
import type { RunListItem } from "./RunListItem";
import type { RunPairView } from "./RunPairView";
import type { RunProgress } from "./RunProgress";
import type { RunRequest } from "./RunRequest";
import type { RunRoutesArgs } from "./RunRoutesArgs";
import type { SaveArgs } from "./SaveArgs";
import type { SaveWorkshopArgs } from "./SaveWorkshopArgs";
import type { SavedModel } from "./SavedModel";
import type { ScenarioArgs } from "./ScenarioArgs";
import type { ScenarioStatus } from "./ScenarioStatus";
import type { SensitivityArgs } from "./SensitivityArgs";
import type { SensitivityView } from "./SensitivityView";
import type { VersionArgs } from "./VersionArgs";
import type { WhatIf } from "./WhatIf";
import type { WhatIfArgs } from "./WhatIfArgs";
import type { WordRequest } from "./WordRequest";
import type { Workshop } from "./Workshop";
import type { WorkshopArgs } from "./WorkshopArgs";
import type { WorkshopSummary } from "./WorkshopSummary";
import type { WorkshopSummaryArgs } from "./WorkshopSummaryArgs";

/** Every command of the desktop shell: its argument object, answer and streamed event. */
export interface Commands {
  list_examples: { args: NoArgs; output: Array<ExampleSummary>; event: null };
  open_model: { args: PathArgs; output: ModelView; event: null };
  validate_document: { args: DocumentArgs; output: Array<Issue>; event: null };
  save_model_file: { args: SaveArgs; output: SavedModel; event: null };
  model_history: { args: PathArgs; output: Array<ModelVersionRow>; event: null };
  model_version_text: { args: VersionArgs; output: string; event: null };
  recent_files: { args: NoArgs; output: Array<string>; event: null };
  record_recent_file: { args: PathArgs; output: Array<string>; event: null };
  what_if: { args: WhatIfArgs; output: WhatIf; event: null };
  explore_gate: { args: ExploreGateArgs; output: GateExploration; event: null };
  describe_quantity: { args: QuantityArgs; output: QuantityView; event: null };
  run_sensitivity: { args: SensitivityArgs; output: SensitivityView; event: null };
  run_precision: { args: RunArgs; output: PrecisionStatus | null; event: null };
  start_run: { args: RunRequest; output: number; event: RunProgress };
  cancel_run: { args: NoArgs; output: number; event: null };
  list_runs: { args: PathArgs; output: Array<RunListItem>; event: null };
  run_dashboard: { args: RunArgs; output: RunDashboard; event: null };
  run_chart: { args: ChartArgs; output: string; event: null };
  compare_runs: { args: CompareArgs; output: RunPairView; event: null };
  delete_run: { args: RunArgs; output: null; event: null };
  export_run: { args: ExportArgs; output: null; event: null };
  run_flows: { args: FlowsArgs; output: PopulationFlows; event: null };
  document_routes: { args: DocumentRoutesArgs; output: RoutesView; event: null };
  run_routes: { args: RunRoutesArgs; output: RoutesView; event: null };
  fit_observed: { args: FitObservedArgs; output: ObservedFitView; event: null };
  elicit: { args: ElicitArgs; output: ElicitationView; event: null };
  apply_evidence: { args: ApplyEvidenceArgs; output: string; event: null };
  check_run: { args: CheckRunArgs; output: Array<CheckResult>; event: null };
  run_observations: { args: RunArgs; output: string; event: null };
  list_catalogue: { args: NoArgs; output: Catalogue; event: null };
  import_funnel: { args: ImportFunnelArgs; output: FunnelImport; event: null };
  request_decision: { args: RequestDecisionArgs; output: DecisionRecordView; event: null };
  record_decision_word: { args: WordRequest; output: DecisionRecordView; event: null };
  decision_record: { args: ScenarioArgs; output: DecisionRecordView; event: null };
  scenario_statuses: { args: PathArgs; output: Array<ScenarioStatus>; event: null };
  export_decision_pack: { args: PackArgs; output: null; event: null };
  list_workshops: { args: PathArgs; output: Array<WorkshopSummary>; event: null };
  save_workshop: { args: SaveWorkshopArgs; output: Workshop; event: null };
  get_workshop: { args: WorkshopArgs; output: Workshop; event: null };
  delete_workshop: { args: WorkshopArgs; output: null; event: null };
  export_workshop_summary: { args: WorkshopSummaryArgs; output: Array<string>; event: null };
}

/** A command's name. */
export type CommandName = keyof Commands;

/** Every command, in registration order. */
export const COMMAND_NAMES = [
  "list_examples",
  "open_model",
  "validate_document",
  "save_model_file",
  "model_history",
  "model_version_text",
  "recent_files",
  "record_recent_file",
  "what_if",
  "explore_gate",
  "describe_quantity",
  "run_sensitivity",
  "run_precision",
  "start_run",
  "cancel_run",
  "list_runs",
  "run_dashboard",
  "run_chart",
  "compare_runs",
  "delete_run",
  "export_run",
  "run_flows",
  "document_routes",
  "run_routes",
  "fit_observed",
  "elicit",
  "apply_evidence",
  "check_run",
  "run_observations",
  "list_catalogue",
  "import_funnel",
  "request_decision",
  "record_decision_word",
  "decision_record",
  "scenario_statuses",
  "export_decision_pack",
  "list_workshops",
  "save_workshop",
  "get_workshop",
  "delete_workshop",
  "export_workshop_summary",
] as const satisfies readonly CommandName[];
