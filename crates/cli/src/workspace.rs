//! `journeylab models …` and `journeylab runs …`: the local database.

use std::path::{Path, PathBuf};

use crate::{app_failure, emit, table, Failure, ShowFormat};
use anyhow::Context;
use clap::Subcommand;
use journeylab_app::store::{RunFilter, Store};
use journeylab_app::{
    compare_runs, describe_errors, model_key, open_workspace, result_csv, result_doc,
};
use journeylab_engine::format::{delta, thousands, value};
use journeylab_engine::vocab::{total_metric, Unit};

#[derive(Subcommand, Debug)]
pub enum ModelsCommand {
    /// List the models and their latest versions.
    List,
    /// Show a model's version history.
    Show {
        /// Model id or key.
        model: String,
    },
    /// Import a model file as a new version (the key is the file name without `.json`).
    Import {
        /// The model file.
        file: PathBuf,
        /// A note to keep with the version.
        #[arg(long)]
        note: Option<String>,
    },
    /// Write a model version's JSON.
    Export {
        /// Model id or key.
        model: String,
        /// Version number (default: latest).
        #[arg(long)]
        version: Option<u32>,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace `--out` if it exists (its permissions are kept).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum RunsCommand {
    /// List stored runs, newest first.
    List {
        /// Only runs of this model (id or key).
        #[arg(long)]
        model: Option<String>,
    },
    /// Show a stored run's results.
    Show {
        /// Run id.
        id: i64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
        format: ShowFormat,
    },
    /// Delete a stored run (its results and samples).
    Delete {
        /// Run id.
        id: i64,
    },
    /// Compare two runs' headline totals (paired per iteration when both ran the same model and seed).
    Compare {
        /// Run A.
        a: i64,
        /// Run B.
        b: i64,
        /// Scenario to compare.
        #[arg(long, default_value = "baseline")]
        scenario: String,
    },
}

pub fn report_interrupted(store: &Store) {
    for id in store.interrupted_at_open() {
        eprintln!("note: run {id} was interrupted (its process ended before it finished); it is marked failed");
    }
}

fn open(db: Option<&Path>) -> Result<Store, Failure> {
    let store = open_workspace(db).map_err(app_failure)?;
    report_interrupted(&store);
    Ok(store)
}

fn store_err(e: journeylab_app::store::StoreError) -> Failure {
    app_failure(e.into())
}

pub fn models(cmd: ModelsCommand, db: Option<&Path>) -> Result<(), Failure> {
    let store = open(db)?;
    match cmd {
        ModelsCommand::List => {
            crate::outln!(
                "{:>4}  {:<28} {:>7}  {:<20}  name",
                "id",
                "key",
                "version",
                "updated"
            );
            for m in store.list_models().map_err(store_err)? {
                crate::outln!(
                    "{:>4}  {:<28} {:>7}  {:<20}  {}",
                    m.id,
                    m.key,
                    m.latest_version,
                    m.updated_at,
                    m.name
                );
            }
        }
        ModelsCommand::Show { model } => {
            let m = store.get_model(&model).map_err(store_err)?;
            crate::outln!("model {} `{}` — {}", m.id, m.key, m.name);
            for v in store.model_versions(m.id).map_err(store_err)? {
                crate::outln!(
                    "  version {:>3}  {}  {}  {}",
                    v.version,
                    v.created_at,
                    &v.content_hash[..12.min(v.content_hash.len())],
                    v.note.unwrap_or_default()
                );
            }
        }
        ModelsCommand::Import { file, note } => {
            let loaded = journeylab_app::load_model(&file).map_err(crate::app_failure)?;
            if !loaded.validation.is_valid() {
                return Err(Failure {
                    code: 2,
                    error: anyhow::anyhow!(
                        "{} is not a valid model:\n{}",
                        file.display(),
                        describe_errors(&loaded.validation.issues)
                    ),
                });
            }
            let name = loaded.document["name"]
                .as_str()
                .unwrap_or("model")
                .to_string();
            let v = store
                .import_model(&model_key(&file), &name, &loaded.text, note.as_deref())
                .map_err(store_err)?;
            crate::outln!(
                "{} model {} `{}` version {}",
                if v.created {
                    "imported as"
                } else {
                    "unchanged:"
                },
                v.model_id,
                v.model_key,
                v.version
            );
        }
        ModelsCommand::Export {
            model,
            version,
            out,
            force,
        } => {
            if let Some(path) = out.as_deref().filter(|p| p.exists() && !force) {
                return Err(crate::usage(anyhow::anyhow!(
                    "{} exists; add --force to replace it",
                    path.display()
                )));
            }
            let m = store.get_model(&model).map_err(store_err)?;
            let v = store.model_version(m.id, version).map_err(store_err)?;
            emit(&v.json, out.as_deref())?;
        }
    }
    Ok(())
}

pub fn runs(cmd: RunsCommand, db: Option<&Path>) -> Result<(), Failure> {
    let store = open(db)?;
    match cmd {
        RunsCommand::List { model } => {
            let filter = match model {
                Some(m) => RunFilter::model(store.get_model(&m).map_err(store_err)?.id),
                None => RunFilter::default(),
            };
            crate::outln!(
                "{:>4}  {:<24} {:>3}  {:<9} {:>9} {:>20}  {:<10} started",
                "id",
                "model",
                "ver",
                "mode",
                "iter.",
                "seed",
                "status"
            );
            for r in store.list_runs(&filter).map_err(store_err)? {
                crate::outln!(
                    "{:>4}  {:<24} {:>3}  {:<9} {:>9} {:>20}  {:<10} {}",
                    r.id,
                    r.model_key,
                    r.model_version,
                    r.mode,
                    thousands(r.iterations as f64, 0),
                    r.seed,
                    r.status.as_str(),
                    r.started_at
                );
            }
        }
        RunsCommand::Show { id, format } => {
            let (_, doc) = result_doc(&store, id).map_err(app_failure)?;
            let text = match format {
                ShowFormat::Json => doc.to_pretty_json() + "\n",
                ShowFormat::Csv => result_csv(&doc),
                ShowFormat::Table => table::render(&doc, None),
            };
            emit(&text, None)?;
        }
        RunsCommand::Delete { id } => {
            journeylab_app::delete_run(&store, id).map_err(app_failure)?;
            crate::outln!("deleted run {id}");
        }
        RunsCommand::Compare { a, b, scenario } => {
            let c = compare_runs(&store, a, b, &scenario).map_err(app_failure)?;
            let currency = result_doc(&store, a)
                .map(|(_, d)| d.currency)
                .unwrap_or_else(|_| "USD".into());
            crate::outln!("Run {b} against run {a}, scenario `{scenario}`");
            crate::outln!(
                "{}",
                if c.paired {
                    format!(
                        "paired per iteration over {} iterations (same model and seed)",
                        thousands(c.iterations as f64, 0)
                    )
                } else {
                    "NOT paired (different model, seed or mode): difference of means, 90% interval from standard errors".to_string()
                }
            );
            crate::outln!(
                "  {:<30} {:>18} {:>18} {:>44}",
                "metric",
                "run A mean",
                "run B mean",
                "B − A: mean (P5 – P95)"
            );
            for m in &c.metrics {
                let (label, unit) = total_metric(&m.metric)
                    .map_or((m.metric.as_str(), Unit::Count), |d| (d.label, d.unit));
                let mean = |s: &Option<journeylab_engine::Summary>| {
                    s.map_or("n/a".to_string(), |s| value(s.mean, unit, &currency))
                };
                let d = m.delta.map_or("n/a".to_string(), |d| {
                    format!(
                        "{} ({} – {})",
                        delta(d.mean, unit, &currency),
                        delta(d.p5, unit, &currency),
                        delta(d.p95, unit, &currency)
                    )
                });
                crate::outln!(
                    "  {:<30} {:>18} {:>18} {:>44}",
                    label,
                    mean(&m.a),
                    mean(&m.b),
                    d
                );
            }
        }
    }
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct ChartArgs {
    /// Stored run id.
    run: i64,
    /// histogram | exceedance | compare | tradeoff | tornado | funnel
    #[arg(long)]
    kind: journeylab_app::charts_crate::ChartKind,
    /// Output metric (a model total; default fraud_loss).
    #[arg(long)]
    metric: Option<String>,
    /// x metric of a tradeoff chart (default legit_abandon_rate).
    #[arg(long)]
    x_metric: Option<String>,
    /// Scenario to show (repeatable; default: all, or baseline + first for histograms).
    #[arg(long = "scenario")]
    scenarios: Vec<String>,
    /// Journey of a funnel chart (default: the first).
    #[arg(long)]
    journey: Option<String>,
    /// Logarithmic x axis (exceedance).
    #[arg(long)]
    log: bool,
    /// Logical width in pixels (PNG is drawn at 2×).
    #[arg(long, default_value_t = 1200)]
    width: u32,
    /// Logical height in pixels.
    #[arg(long, default_value_t = 675)]
    height: u32,
    /// Output file: .svg or .png.
    #[arg(long)]
    out: PathBuf,
}

pub fn chart(args: ChartArgs, db: Option<&Path>) -> Result<(), Failure> {
    use journeylab_app::charts_crate::Format;
    let format = Format::from_path(&args.out.to_string_lossy()).ok_or_else(|| {
        Failure::from(anyhow::anyhow!(
            "--out must end in .svg or .png: {}",
            args.out.display()
        ))
    })?;
    let store = open(db)?;
    let req = journeylab_app::ChartRequest {
        kind: args.kind,
        metric: args.metric,
        x_metric: args.x_metric,
        scenarios: args.scenarios,
        journey: args.journey,
        log_scale: args.log,
        format,
        width: args.width,
        height: args.height,
    };
    let bytes = journeylab_app::render_run_chart(&store, args.run, &req).map_err(app_failure)?;
    crate::write_atomically(&args.out, &bytes)
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {}", args.out.display());
    Ok(())
}
