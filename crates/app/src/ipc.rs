//! The contract between the desktop shell and the UI, in one place: every command's
//! name, its arguments, its answer and the events it streams, as Rust types. The shell
//! (`src-tauri`) registers each [`Command`] as a Tauri command without knowing what it
//! does; the UI's types and command table are generated from here
//! (`ui/src/ipc/gen/`, see [`crate::bindings`]), so a renamed command, argument or field
//! fails to compile on both sides or fails the bindings test.
//!
//! Every command takes one argument object, `args` (`invoke(name, { args })`), answers
//! with its output or an [`ErrorPayload`](crate::ErrorPayload), and runs against the
//! [`Shell`] on a blocking worker.

use std::path::{Path, PathBuf};
use std::time::Duration;

use journeylab_charts::{ChartKind, Format};
use journeylab_store::ModelVersionRow;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::decisions::{DecisionRecordView, ScenarioStatus, WordRequest};
use crate::explorer::GateExploration;
use crate::quantity_view::{QuantityDomain, QuantityView};
use crate::runs::dashboard::RunDashboard;
use crate::runs::export::ExportFormat;
use crate::runs::history::{RunListItem, RunPairView};
use crate::runs::job::{RunProgress, RunRequest, WatchedProgress};
use crate::shell::Shell;
use crate::{
    AppError, ElicitationView, ExampleSummary, Issue, ModelView, ObservedFitView, PopulationFlows,
    PrecisionStatus, RoutesView, SavedModel, SensitivityView, WhatIf,
};

/// One IPC command.
pub trait Command {
    /// The name the UI invokes (`snake_case`, the Tauri command's function name).
    const NAME: &'static str;
    /// Its argument object.
    type Args: DeserializeOwned + TS + Send + 'static;
    /// Its answer.
    type Output: Serialize + TS + Send + 'static;
    /// What it streams while it works (`()`: nothing).
    type Event: Serialize + TS + Send + 'static;
    /// Runs the command; `emit` sends an event to the caller.
    fn run(
        shell: &Shell,
        args: Self::Args,
        emit: &(dyn Fn(Self::Event) + Sync),
    ) -> Result<Self::Output, AppError>;
}

/// Declares a command without events: a unit struct named `$ty`, invoked as `$name`,
/// taking `$args` and answering `$out`, whose body sees `$shell` and `$a`.
macro_rules! command {
    ($(#[$doc:meta])* $ty:ident = $name:literal ($shell:ident, $a:ident: $args:ty) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $ty;
        impl Command for $ty {
            const NAME: &'static str = $name;
            type Args = $args;
            type Output = $out;
            type Event = ();
            #[allow(unused_variables)]
            fn run(
                $shell: &Shell,
                $a: $args,
                _emit: &(dyn Fn(()) + Sync),
            ) -> Result<$out, AppError> $body
        }
    };
}

/// The argument object of a command that takes none.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NoArgs {}

/// A model file.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PathArgs {
    /// Its path.
    pub path: String,
}

/// A stored run.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct RunArgs {
    /// Its id.
    pub run_id: i64,
}

/// A model document being edited, as JSON text.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct DocumentArgs {
    /// The document (need not be valid).
    pub json: String,
}

/// Save the edited document to a file.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SaveArgs {
    /// Where.
    pub path: String,
    /// The document as JSON text.
    pub json: String,
}

/// One saved version of the model a file is recorded under.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct VersionArgs {
    /// The model file.
    pub path: String,
    /// Version number.
    pub version: u32,
}

/// The quick what-if of an unsaved document.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct WhatIfArgs {
    /// The document as JSON text.
    pub json: String,
    /// Expected-mode iterations.
    pub iterations: u64,
    /// Seed (keep it to compare edits on the same draws).
    #[serde(with = "crate::seed")]
    #[ts(type = "string")]
    pub seed: u64,
}

/// One position of the threshold explorer's sliders.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ExploreGateArgs {
    /// The document as JSON text.
    pub json: String,
    /// The gate, `journey/step`.
    pub gate: String,
    /// `allow_below` explored.
    pub allow_below: f64,
    /// `block_at_or_above` explored.
    pub block_at_or_above: f64,
    /// Expected-mode iterations.
    pub iterations: u64,
    /// Seed of every point.
    #[serde(with = "crate::seed")]
    #[ts(type = "string")]
    pub seed: u64,
}

/// One output of a stored run to analyse.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SensitivityArgs {
    /// The run.
    pub run_id: i64,
    /// A model total.
    pub metric: String,
    /// Scenario (default: baseline).
    #[serde(default)]
    pub scenario: Option<String>,
}

/// A chart of a stored run.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ChartArgs {
    /// The run.
    pub run_id: i64,
    /// What to draw.
    pub kind: ChartKind,
    /// Output metric (default: fraud loss).
    #[serde(default)]
    pub metric: Option<String>,
    /// Scenarios (default: per kind).
    #[serde(default)]
    pub scenarios: Option<Vec<String>>,
    /// Journey of a funnel (default: the first).
    #[serde(default)]
    pub journey: Option<String>,
}

/// Two stored runs.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct CompareArgs {
    /// Run A.
    pub a: i64,
    /// Run B.
    pub b: i64,
    /// Scenario (default: baseline).
    #[serde(default)]
    pub scenario: Option<String>,
}

/// An export of a stored run.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ExportArgs {
    /// The run.
    pub run_id: i64,
    /// As what.
    pub format: ExportFormat,
    /// To which file.
    pub path: String,
}

/// One population's flow through a journey of a stored run.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct FlowsArgs {
    /// The run.
    pub run_id: i64,
    /// Journey id.
    pub journey: String,
    /// Population id.
    pub population: String,
}

/// A Quantity being edited.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct QuantityArgs {
    /// The Quantity as written in the model (a number or a one-distribution object).
    #[ts(type = "unknown")]
    pub quantity: serde_json::Value,
    /// Where it is used: a probability or a non-negative amount.
    pub domain: QuantityDomain,
}

fn path(text: &str) -> PathBuf {
    PathBuf::from(text)
}

command!(
    /// The example models of the start screen.
    ListExamples = "list_examples" (shell, _a: NoArgs) -> Vec<ExampleSummary> {
        crate::list_examples(&shell.examples)
    }
);

command!(
    /// Opens a model file for display (an invalid model still opens, with its issues).
    OpenModel = "open_model" (_shell, a: PathArgs) -> ModelView {
        crate::open_model(&path(&a.path))
    }
);

command!(
    /// Validates the document being edited: every issue with its path.
    ValidateDocument = "validate_document" (_shell, a: DocumentArgs) -> Vec<Issue> {
        Ok(crate::validate_document(&a.json))
    }
);

command!(
    /// Saves the edited document (whole or not at all) and records it as a model version.
    SaveModelFile = "save_model_file" (shell, a: SaveArgs) -> SavedModel {
        crate::save_model_file(&path(&a.path), &a.json, shell.store().ok())
    }
);

command!(
    /// The saved versions of the model a file is recorded under, newest first.
    ModelHistory = "model_history" (shell, a: PathArgs) -> Vec<ModelVersionRow> {
        crate::model_history(shell.store()?, &path(&a.path))
    }
);

command!(
    /// The JSON text of one saved version.
    ModelVersionText = "model_version_text" (shell, a: VersionArgs) -> String {
        crate::model_version_text(shell.store()?, &path(&a.path), a.version)
    }
);

command!(
    /// The recent model files, newest first.
    RecentFiles = "recent_files" (shell, _a: NoArgs) -> Vec<String> {
        Ok(shell
            .recent_files
            .as_deref()
            .map(crate::recent_files)
            .unwrap_or_default())
    }
);

command!(
    /// Puts a file first in the recent-files list; the new list.
    RecordRecentFile = "record_recent_file" (shell, a: PathArgs) -> Vec<String> {
        let list = shell.recent_files.as_deref().ok_or_else(|| AppError::Store {
            message: "there is no folder for the recent-files list".into(),
        })?;
        crate::record_recent_file(list, &path(&a.path))
    }
);

command!(
    /// The unsaved document's totals in expected mode (same seed: same draws).
    WhatIfCommand = "what_if" (_shell, a: WhatIfArgs) -> WhatIf {
        let document = crate::load_model_text(a.json).document;
        crate::what_if(&document, a.iterations, a.seed)
    }
);

command!(
    /// The threshold explorer at one slider position.
    ExploreGate = "explore_gate" (shell, a: ExploreGateArgs) -> GateExploration {
        let loaded = crate::load_model_text(a.json);
        if loaded.document.is_null() {
            // Not JSON at all: say where, rather than "no such gate".
            return Err(AppError::InvalidModel {
                message: crate::describe_errors(&loaded.validation.issues),
            });
        }
        crate::explore_gate_cached(
            &shell.curves,
            &loaded.document,
            &a.gate,
            a.allow_below,
            a.block_at_or_above,
            a.iterations,
            a.seed,
        )
    }
);

command!(
    /// Mean, P5–P95 and density of a Quantity being edited (the inspector's plot).
    DescribeQuantity = "describe_quantity" (_shell, a: QuantityArgs) -> QuantityView {
        Ok(crate::quantity_view::describe_quantity(&a.quantity, a.domain))
    }
);

command!(
    /// What drives an output of a stored run: tornado, rank correlations, sentences.
    RunSensitivity = "run_sensitivity" (shell, a: SensitivityArgs) -> SensitivityView {
        crate::run_sensitivity(shell.store()?, a.run_id, &a.metric, a.scenario.as_deref())
    }
);

command!(
    /// How a run that stopped on precision ended; `null` without targets.
    RunPrecision = "run_precision" (shell, a: RunArgs) -> Option<PrecisionStatus> {
        crate::run_precision(shell.store()?, a.run_id)
    }
);

/// Runs a model file and stores the run; streams progress about ten times a second;
/// answers the stored run's id. A cancelled run answers the error `cancelled` and is
/// stored as cancelled.
#[derive(Debug)]
pub struct StartRun;

impl Command for StartRun {
    const NAME: &'static str = "start_run";
    type Args = RunRequest;
    type Output = i64;
    type Event = RunProgress;
    fn run(
        shell: &Shell,
        args: RunRequest,
        emit: &(dyn Fn(RunProgress) + Sync),
    ) -> Result<i64, AppError> {
        let store = shell.store()?;
        let running = shell.start_run();
        let progress = WatchedProgress::new(running.flag.clone(), Duration::from_millis(100), emit);
        crate::run_model_file(store, &args, &progress)
    }
}

command!(
    /// Asks every run in progress to stop; how many were asked.
    CancelRun = "cancel_run" (shell, _a: NoArgs) -> usize {
        Ok(shell.cancel_runs())
    }
);

command!(
    /// The stored runs of a model file, newest first, with headline numbers.
    ListRuns = "list_runs" (shell, a: PathArgs) -> Vec<RunListItem> {
        crate::list_model_runs(shell.store()?, &crate::model_key(Path::new(&a.path)))
    }
);

command!(
    /// The dashboard of a finished run.
    RunDashboardCommand = "run_dashboard" (shell, a: RunArgs) -> RunDashboard {
        crate::run_dashboard(shell.store()?, a.run_id)
    }
);

command!(
    /// A chart of a stored run as SVG text.
    RunChart = "run_chart" (shell, a: ChartArgs) -> String {
        let req = crate::ChartRequest {
            kind: a.kind,
            metric: a.metric,
            x_metric: None,
            scenarios: a.scenarios.unwrap_or_default(),
            journey: a.journey,
            log_scale: false,
            format: Format::Svg,
            width: 760,
            height: 420,
        };
        let bytes = crate::render_run_chart(shell.store()?, a.run_id, &req)?;
        String::from_utf8(bytes).map_err(|e| AppError::Run {
            message: format!("the chart is not UTF-8: {e}"),
        })
    }
);

command!(
    /// Two stored runs on the headline totals of a scenario.
    CompareRuns = "compare_runs" (shell, a: CompareArgs) -> RunPairView {
        crate::compare_two_runs(shell.store()?, a.a, a.b, a.scenario.as_deref())
    }
);

command!(
    /// Deletes a stored run with its results and samples.
    DeleteRun = "delete_run" (shell, a: RunArgs) -> () {
        crate::delete_run(shell.store()?, a.run_id)
    }
);

command!(
    /// Writes a stored run to a file (JSON, CSV, or the comparison chart).
    ExportRun = "export_run" (shell, a: ExportArgs) -> () {
        crate::export_run(shell.store()?, a.run_id, a.format, &path(&a.path))
    }
);

command!(
    /// Per-exit shares of a population in a journey, for a stored run.
    RunFlows = "run_flows" (shell, a: FlowsArgs) -> PopulationFlows {
        crate::run_flows(shell.store()?, a.run_id, &a.journey, &a.population)
    }
);

/// The attack surface of the document being edited.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct DocumentRoutesArgs {
    /// The document as JSON text (must be valid).
    pub json: String,
    /// Scenario (`baseline` for the model itself).
    pub scenario: String,
    /// Seed of the draws (a run's seed gives that run's draws).
    #[serde(with = "crate::seed")]
    #[ts(type = "string")]
    pub seed: u64,
    /// Expected-mode iterations.
    pub iterations: u64,
}

command!(
    /// Routes, main routes, access table and findings of the edited document (§11).
    DocumentRoutes = "document_routes" (_shell, a: DocumentRoutesArgs) -> RoutesView {
        let document = crate::load_model_text(a.json).document;
        crate::document_routes(
            &document,
            &crate::RoutesRequest {
                scenario: Some(a.scenario),
                seed: a.seed,
                iterations: a.iterations,
            },
        )
    }
);

/// The attack surface of one scenario of a stored run.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct RunRoutesArgs {
    /// The stored run.
    pub run_id: i64,
    /// Scenario (`baseline` for the model itself).
    pub scenario: String,
}

command!(
    /// Routes and findings of a stored run's model version and seed, with what the
    /// scenario changes against the baseline.
    RunRoutes = "run_routes" (shell, a: RunRoutesArgs) -> RoutesView {
        crate::run_routes(shell.store()?, a.run_id, Some(&a.scenario))
    }
);

/// Counts to fit a probability to.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct FitObservedArgs {
    /// One entry per period or segment.
    pub periods: Vec<journeylab_engine::evidence::Period>,
}

command!(
    /// A Beta from observed counts (§12): Jeffreys, pooled, or beta-binomial.
    FitObserved = "fit_observed" (_shell, a: FitObservedArgs) -> ObservedFitView {
        crate::observed_fit(&a.periods)
    }
);

/// Experts' judgements to fit and pool.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ElicitArgs {
    /// One per expert.
    pub judgements: Vec<journeylab_engine::evidence::Judgement>,
    /// The family allowed where the quantity is used.
    pub family: journeylab_engine::evidence::Family,
}

command!(
    /// Each expert's fit, the equal-weight pool and its fit (§12).
    Elicit = "elicit" (_shell, a: ElicitArgs) -> ElicitationView {
        crate::elicitation(&a.judgements, a.family)
    }
);

/// A fit to write into the document being edited.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ApplyEvidenceArgs {
    /// The document as JSON text.
    pub json: String,
    /// The quantity's slash path of ids (`controls/sms_otp/abandon/*legitimate`).
    pub path: String,
    /// The source to cite (created or updated with the evidence).
    pub source_id: String,
    /// Its title.
    pub title: String,
    /// The counts or judgements.
    pub evidence: crate::Evidence,
}

command!(
    /// The document with the quantity fitted and its source keeping the evidence, as
    /// JSON text (the editor applies it as one undoable edit).
    ApplyEvidence = "apply_evidence" (_shell, a: ApplyEvidenceArgs) -> String {
        let document = crate::load_model_text(a.json).document;
        let doc = crate::apply_evidence(&document, &a.path, &a.source_id, &a.title, &a.evidence)?;
        serde_json::to_string_pretty(&doc).map_err(|e| AppError::Run { message: e.to_string() })
    }
);

/// Observed exits to check a stored run against.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct CheckRunArgs {
    /// The stored run.
    pub run_id: i64,
    /// CSV text: `journey,step,exit,population,n,k`.
    pub csv: String,
}

command!(
    /// Observed against simulated: each observation's rate, the simulated P5–P95 and the
    /// posterior predictive p-value on the run's model version and seed.
    CheckRun = "check_run" (shell, a: CheckRunArgs) -> Vec<journeylab_engine::evidence::CheckResult> {
        let observations = crate::parse_observations(&a.csv)?;
        crate::run_check(shell.store()?, a.run_id, &observations)
    }
);

command!(
    /// The counts that the sources of a stored run's model version keep for its step
    /// exits, as the CSV `check_run` takes.
    RunObservations = "run_observations" (shell, a: RunArgs) -> String {
        crate::run_observations(shell.store()?, a.run_id)
    }
);

/// A funnel of counts to calibrate the document being edited with.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ImportFunnelArgs {
    /// The document as JSON text.
    pub json: String,
    /// CSV text: `journey,step,exit,population,n,k[,period]`.
    pub csv: String,
    /// Prefix of the sources created (`<prefix>_<journey>_<step>_<exit>_<population>`).
    pub prefix: String,
}

command!(
    /// Calibrates every matching per-population probability from the counts; what changed
    /// and what could not be matched, and why.
    ImportFunnel = "import_funnel" (_shell, a: ImportFunnelArgs) -> crate::FunnelImport {
        let document = crate::load_model_text(a.json).document;
        crate::import_funnel(&document, &a.csv, &a.prefix)
    }
);

command!(
    /// The built-in control catalogue: standard controls with cited priors.
    ListCatalogue = "list_catalogue" (_shell, _a: NoArgs) -> crate::Catalogue {
        crate::catalogue()
    }
);

/// A decision to request on a stored run.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct RequestDecisionArgs {
    /// The stored run decided on.
    pub run_id: i64,
    /// The scenario.
    pub scenario: String,
    /// Who asks.
    pub name: String,
    /// Why, or what to look at.
    #[serde(default)]
    pub note: String,
}

/// A scenario of the model recorded for a file.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ScenarioArgs {
    /// The model file.
    pub path: String,
    /// The scenario.
    pub scenario: String,
}

/// Where to write a scenario's decision pack.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PackArgs {
    /// The model file.
    pub path: String,
    /// The scenario.
    pub scenario: String,
    /// The HTML file to write.
    pub out: String,
}

/// The workspace's key of the model recorded for the file at `path`.
fn key_of(path: &str) -> String {
    journeylab_store::slugify(&crate::model_key(Path::new(path)))
}

command!(
    /// Asks for a decision on a scenario of a stored run.
    RequestDecision = "request_decision" (shell, a: RequestDecisionArgs) -> DecisionRecordView {
        crate::decisions::request_decision(shell.store()?, a.run_id, &a.scenario, &a.name, &a.note)
    }
);

command!(
    /// Adds a team's or the owner's word to a decision record.
    RecordDecisionWord = "record_decision_word" (shell, a: WordRequest) -> DecisionRecordView {
        crate::decisions::record_word(shell.store()?, &a)
    }
);

command!(
    /// A scenario's decision record with its derived status.
    DecisionRecord = "decision_record" (shell, a: ScenarioArgs) -> DecisionRecordView {
        crate::decisions::decision_record(shell.store()?, &key_of(&a.path), &a.scenario)
    }
);

command!(
    /// The decision status of every scenario of the model recorded for a file.
    ScenarioStatuses = "scenario_statuses" (shell, a: PathArgs) -> Vec<ScenarioStatus> {
        match shell.store()?.get_model(&key_of(&a.path)) {
            Ok(_) => crate::decisions::scenario_statuses(shell.store()?, &key_of(&a.path)),
            Err(journeylab_store::StoreError::NotFound { .. }) => Ok(Vec::new()),
            Err(e) => Err(e.into()),
        }
    }
);

command!(
    /// Writes a scenario's decision pack (one self-contained HTML file).
    ExportDecisionPack = "export_decision_pack" (shell, a: PackArgs) -> () {
        crate::decisions::export_decision_pack(
            shell.store()?,
            &key_of(&a.path),
            &a.scenario,
            Path::new(&a.out),
        )
    }
);

/// A workshop to save (its `model_key` is derived from `model_path`).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SaveWorkshopArgs {
    /// The workshop.
    pub workshop: crate::Workshop,
}

/// A stored workshop.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct WorkshopArgs {
    /// Its id.
    pub id: i64,
}

/// Where to write a workshop's summary.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct WorkshopSummaryArgs {
    /// The workshop.
    pub id: i64,
    /// The HTML file to write (decision packs go beside it).
    pub out: String,
}

command!(
    /// The workshops of the model recorded for a file, newest first.
    ListWorkshops = "list_workshops" (shell, a: PathArgs) -> Vec<crate::WorkshopSummary> {
        crate::list_workshops(shell.store()?, Some(&key_of(&a.path)))
    }
);

command!(
    /// Saves a workshop (new or existing) and returns it with its id.
    SaveWorkshop = "save_workshop" (shell, a: SaveWorkshopArgs) -> crate::Workshop {
        let mut w = a.workshop;
        w.model_key = key_of(&w.model_path);
        crate::save_workshop(shell.store()?, w)
    }
);

command!(
    /// A stored workshop, to resume.
    GetWorkshop = "get_workshop" (shell, a: WorkshopArgs) -> crate::Workshop {
        crate::load_workshop(shell.store()?, a.id)
    }
);

command!(
    /// Deletes a workshop (the decisions it recorded stay in the log).
    DeleteWorkshop = "delete_workshop" (shell, a: WorkshopArgs) -> () {
        Ok(shell.store()?.delete_workshop(a.id)?)
    }
);

command!(
    /// Writes a workshop's summary (one HTML file) and its decision items' packs beside
    /// it; returns every file written, the summary first.
    ExportWorkshopSummary = "export_workshop_summary" (shell, a: WorkshopSummaryArgs) -> Vec<String> {
        let files = crate::export_workshop_summary(shell.store()?, a.id, Path::new(&a.out))?;
        Ok(files.iter().map(|f| f.display().to_string()).collect())
    }
);

/// One command as the bindings write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// Command name.
    pub name: &'static str,
    /// TypeScript type of its argument object.
    pub args: String,
    /// TypeScript type of its answer.
    pub output: String,
    /// TypeScript type of its events (`null`: none).
    pub event: String,
}

/// Lists every command once, as `name => Type` (the name is the command's
/// [`Command::NAME`]; the shell checks so at compile time), `with events` for those
/// that stream [`Command::Event`]s: `$m! { ... }` receives the list. The shell registers
/// them, the bindings describe them.
#[macro_export]
macro_rules! for_each_command {
    ($m:ident) => {
        $m! {
            list_examples => ListExamples,
            open_model => OpenModel,
            validate_document => ValidateDocument,
            save_model_file => SaveModelFile,
            model_history => ModelHistory,
            model_version_text => ModelVersionText,
            recent_files => RecentFiles,
            record_recent_file => RecordRecentFile,
            what_if => WhatIfCommand,
            explore_gate => ExploreGate,
            describe_quantity => DescribeQuantity,
            run_sensitivity => RunSensitivity,
            run_precision => RunPrecision,
            start_run => StartRun with events,
            cancel_run => CancelRun,
            list_runs => ListRuns,
            run_dashboard => RunDashboardCommand,
            run_chart => RunChart,
            compare_runs => CompareRuns,
            delete_run => DeleteRun,
            export_run => ExportRun,
            run_flows => RunFlows,
            document_routes => DocumentRoutes,
            run_routes => RunRoutes,
            fit_observed => FitObserved,
            elicit => Elicit,
            apply_evidence => ApplyEvidence,
            check_run => CheckRun,
            run_observations => RunObservations,
            list_catalogue => ListCatalogue,
            import_funnel => ImportFunnel,
            request_decision => RequestDecision,
            record_decision_word => RecordDecisionWord,
            decision_record => DecisionRecord,
            scenario_statuses => ScenarioStatuses,
            export_decision_pack => ExportDecisionPack,
            list_workshops => ListWorkshops,
            save_workshop => SaveWorkshop,
            get_workshop => GetWorkshop,
            delete_workshop => DeleteWorkshop,
            export_workshop_summary => ExportWorkshopSummary
        }
    };
}

/// Every command's signature, in registration order.
pub fn signatures(cfg: &ts_rs::Config) -> Vec<Signature> {
    macro_rules! collect {
        ($($name:ident => $ty:ident $(with $ev:ident)?),*) => {
            vec![$(signature::<$ty>(cfg)),*]
        };
    }
    for_each_command!(collect)
}

/// Every command's name, in registration order.
pub fn command_names() -> Vec<&'static str> {
    macro_rules! names {
        ($($name:ident => $ty:ident $(with $ev:ident)?),*) => {
            vec![$(<$ty as Command>::NAME),*]
        };
    }
    for_each_command!(names)
}

fn signature<C: Command>(cfg: &ts_rs::Config) -> Signature {
    Signature {
        name: C::NAME,
        args: <C::Args as TS>::name(cfg),
        output: <C::Output as TS>::name(cfg),
        event: <C::Event as TS>::name(cfg),
    }
}

/// Visits the argument, answer and event types of every command (for the bindings).
pub fn visit_types(visitor: &mut impl ts_rs::TypeVisitor) {
    macro_rules! visit {
        ($($name:ident => $ty:ident $(with $ev:ident)?),*) => {{
            $(
                visitor.visit::<<$ty as Command>::Args>();
                visitor.visit::<<$ty as Command>::Output>();
                visitor.visit::<<$ty as Command>::Event>();
            )*
        }};
    }
    for_each_command!(visit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_names_are_unique_snake_case() {
        let names = command_names();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
    }

    #[test]
    fn commands_run_against_a_shell_and_say_what_is_wrong() {
        let (dir, store) = crate::test_support::temp_workspace("ipc");
        let shell = Shell::with_store(store, crate::test_support::fixtures_dir(), None);
        let none = |_: ()| {};
        let examples = ListExamples::run(&shell, NoArgs {}, &none).expect("examples");
        assert!(examples.len() >= 5);
        let opened = OpenModel::run(
            &shell,
            PathArgs {
                path: examples[0].path.clone(),
            },
            &none,
        )
        .expect("open");
        assert_eq!(opened.name, examples[0].name);
        let args: RunArgs = serde_json::from_str(r#"{"run_id": 999}"#).expect("args");
        let err = RunDashboardCommand::run(&shell, args, &none).expect_err("no such run");
        assert_eq!(err.code(), "store");
        let bad: Result<WhatIfArgs, _> =
            serde_json::from_str(r#"{"json": "{}", "iterations": 10, "seed": "x"}"#);
        assert!(bad.is_err_and(|e| e.to_string().contains("the seed must be")));
        let missing = OpenModel::run(
            &shell,
            PathArgs {
                path: dir.join("no-such-model.json").display().to_string(),
            },
            &none,
        )
        .expect_err("missing");
        assert!(missing.code() == "io" && missing.to_string().contains("no-such-model"));
        std::fs::write(dir.join("broken.json"), "{ not json").expect("write");
        let broken = OpenModel::run(
            &shell,
            PathArgs {
                path: dir.join("broken.json").display().to_string(),
            },
            &none,
        )
        .expect_err("not json");
        assert_eq!(broken.code(), "invalid_model");
        let err = RecordRecentFile::run(
            &shell,
            PathArgs {
                path: "x.json".into(),
            },
            &none,
        )
        .expect_err("no list");
        assert!(err.to_string().contains("recent-files"));
        std::fs::remove_dir_all(&dir).ok();
    }
}
