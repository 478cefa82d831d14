//! `journeylab`: validate and simulate Journey Lab models from the command line.
//!
//! Exit codes (spec §8): 0 success, 2 invalid model, 1 any other failure.

mod decisions;
mod evidence;
mod progress;
mod routes;
mod sweep;
mod table;
mod workshops;
mod workspace;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use journeylab_app::{
    load_model, model_key, open_workspace, run_and_store_with, run_model_with, AppError,
};
use journeylab_engine::run::PrecisionTarget;
use journeylab_engine::{result_doc, Mode, Sampling, Settings};

#[derive(Parser, Debug)]
#[command(
    name = "journeylab",
    version,
    about = "Simulate customer-identity journeys: fraud prevented against abandonment and support load"
)]
struct Cli {
    /// The local database (default: $JOURNEYLAB_DB, else ~/.local/share/journeylab/journeylab.db).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a model file and list every problem (exit 2 if there is an error).
    Validate {
        /// The model file (journeylab/1 JSON).
        model: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Simulate a model: the baseline and its scenarios. The run is stored.
    Run(RunArgs),
    /// Models in the local database.
    #[command(subcommand)]
    Models(workspace::ModelsCommand),
    /// Stored runs.
    #[command(subcommand)]
    Runs(workspace::RunsCommand),
    /// Draw a chart of a stored run to SVG or PNG (by the file extension).
    Chart(workspace::ChartArgs),
    /// Sweep a risk gate's thresholds (common random numbers) and find the tradeoff front.
    Sweep(sweep::SweepArgs),
    /// Decisions: request, sign off, accept, and the decision pack (spec §10).
    #[command(subcommand)]
    Decisions(decisions::DecisionsCommand),
    /// Workshops prepared in the app: list them, export a summary (HTML) with its packs.
    #[command(subcommand)]
    Workshops(workshops::WorkshopsCommand),
    /// What drives a metric of a stored run (or of a fresh run of a model file): tornado,
    /// rank correlations and the top drivers in words — the app's sensitivity section.
    Sensitivity(sweep::SensitivityArgs),
    /// How each population gets in (spec §11): routes to success by probability, the
    /// weakest and main routes, the access table and the findings (warnings: exit 0).
    Routes(routes::RoutesArgs),
    /// A Quantity from evidence (spec §12): `fit beta --n N --k K`, `fit --periods FILE.csv`
    /// (`label,n,k`), `fit --elicited FILE.json --family beta|pert|lognormal`.
    Fit(evidence::FitArgs),
    /// A model against observed exits (CSV `journey,step,exit,population,n,k`): observed
    /// rate, simulated P5–P95 and the posterior predictive p-value; flags below 0.05.
    Check(evidence::CheckArgs),
}

#[derive(clap::Args, Debug)]
struct RunArgs {
    /// The model file (journeylab/1 JSON).
    model: PathBuf,
    /// Monte Carlo iterations.
    #[arg(long, short = 'n', default_value_t = 10_000)]
    iterations: u64,
    /// Seed (random and printed when not given).
    #[arg(long)]
    seed: Option<u64>,
    /// `sampled` (random counts) or `expected` (exact expectations per iteration).
    #[arg(long, value_enum, default_value_t = ModeArg::Sampled)]
    mode: ModeArg,
    /// How uncertain quantities are drawn: `mc` (independent random draws) or `rqmc`
    /// (scrambled Sobol points in 32 replicates; the standard error is their spread).
    #[arg(long, value_enum, default_value_t = SamplingArg::Mc)]
    sampling: SamplingArg,
    /// Scenario to run besides the baseline (repeatable; default: all).
    #[arg(long = "scenario")]
    scenarios: Vec<String>,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long)]
    threads: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Write the output to this file (atomically) instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Do not store the run in the local database.
    #[arg(long)]
    no_store: bool,
    /// Stop once the 95 % interval of a model total's mean is within ±REL of it, in
    /// every scenario (repeatable; --iterations is then the maximum). E.g.
    /// `--precision fraud_loss=0.02`.
    #[arg(long = "precision", value_parser = parse_precision)]
    precision: Vec<PrecisionTarget>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum OutputFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum ShowFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ModeArg {
    Sampled,
    Expected,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum SamplingArg {
    Mc,
    Rqmc,
}

impl From<SamplingArg> for Sampling {
    fn from(s: SamplingArg) -> Sampling {
        match s {
            SamplingArg::Mc => Sampling::Mc,
            SamplingArg::Rqmc => Sampling::Rqmc,
        }
    }
}

/// A failure with its exit code.
pub(crate) struct Failure {
    code: u8,
    error: anyhow::Error,
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure { code: 1, error }
    }
}

/// `println!` that ends the process quietly when standard output is closed (`| head`),
/// as Unix tools do, instead of panicking.
#[macro_export]
macro_rules! outln {
    () => {
        $crate::outln!("")
    };
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!($($arg)*);
        if writeln!(std::io::stdout(), "{}", $crate::terminal_safe(&line)).is_err() {
            std::process::exit(0);
        }
    }};
}

/// `text` with every control character but newline and tab written as `\u{..}`: names
/// and ids come from model files, and an escape sequence in one must not reach the
/// terminal raw (it could recolour, retitle or rewrite what the user sees).
pub(crate) fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Exit code of a usage error (sysexits' EX_USAGE): a bad flag or value, told apart from
/// 2, an invalid model.
pub(crate) const EXIT_USAGE: u8 = 64;

/// A usage error: what was asked cannot mean anything (an unknown id, a malformed range).
pub(crate) fn usage(error: anyhow::Error) -> Failure {
    Failure {
        code: EXIT_USAGE,
        error,
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output with success; every other parse
            // failure is a usage error.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    progress::catch_interrupts();
    let db = cli.db.as_deref();
    let result = match cli.command {
        Command::Validate { model, format } => validate(&model, format),
        Command::Run(args) => run(args, db),
        Command::Models(cmd) => workspace::models(cmd, db),
        Command::Runs(cmd) => workspace::runs(cmd, db),
        Command::Chart(args) => workspace::chart(args, db),
        Command::Sweep(args) => sweep::sweep(args),
        Command::Sensitivity(args) => sweep::sensitivity(args, db),
        Command::Decisions(cmd) => decisions::decisions(cmd, db),
        Command::Workshops(cmd) => workshops::workshops(cmd, db),
        Command::Routes(args) => routes::routes(args),
        Command::Fit(args) => evidence::fit(args),
        Command::Check(args) => evidence::check_model(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("error: {}", terminal_safe(&format!("{:#}", f.error)));
            ExitCode::from(f.code)
        }
    }
}

fn validate(path: &Path, format: OutputFormat) -> Result<(), Failure> {
    let model = load_model(path).map_err(app_failure)?;
    let issues = &model.validation.issues;
    let errors = issues.iter().filter(|i| i.is_error()).count();
    match format {
        OutputFormat::Json => outln!(
            "{}",
            serde_json::to_string_pretty(issues).context("serialising issues")?
        ),
        OutputFormat::Table => {
            for i in issues {
                outln!("{}: {i}", path.display());
            }
            if errors == 0 {
                let v = &model.validation;
                let spec = v.spec.as_ref();
                outln!(
                    "{}: valid — {} journeys, {} populations, {} scenarios{}",
                    path.display(),
                    spec.map_or(0, |s| s.journeys.len()),
                    spec.map_or(0, |s| s.populations.len()),
                    v.scenarios.len(),
                    if issues.is_empty() {
                        String::new()
                    } else {
                        format!(", {} warnings", issues.len())
                    }
                );
            }
        }
    }
    if errors > 0 {
        return Err(Failure {
            code: 2,
            error: anyhow::anyhow!("{}: {errors} error(s)", path.display()),
        });
    }
    Ok(())
}

pub(crate) fn app_failure(e: AppError) -> Failure {
    let code = if matches!(e, AppError::InvalidModel { .. }) {
        2
    } else {
        1
    };
    Failure {
        code,
        error: anyhow::Error::new(e),
    }
}

fn parse_precision(text: &str) -> Result<PrecisionTarget, String> {
    let (metric, rel) = text
        .split_once('=')
        .ok_or_else(|| format!("expected METRIC=REL, got `{text}`"))?;
    let relative: f64 = rel
        .parse()
        .map_err(|_| format!("`{rel}` is not a number"))?;
    if !(relative > 0.0 && relative.is_finite()) {
        return Err(format!(
            "the tolerance must be a positive number, got {rel}"
        ));
    }
    Ok(PrecisionTarget {
        metric: metric.to_string(),
        relative,
    })
}

pub(crate) fn random_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    // std seeds each RandomState from the operating system's random source.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish() >> 11 // keep seeds exactly representable in JSON numbers read as doubles
}

/// Reads a model file that must be valid: every error on standard error and exit code 2
/// otherwise (1 when it cannot be read).
pub(crate) fn load_valid_model(path: &Path) -> Result<journeylab_app::LoadedModel, Failure> {
    let model = load_model(path).map_err(app_failure)?;
    if !model.validation.is_valid() {
        for i in model.validation.errors() {
            eprintln!("{}", terminal_safe(&format!("{}: {i}", path.display())));
        }
        return Err(Failure {
            code: 2,
            error: anyhow::anyhow!("{} is not a valid model", path.display()),
        });
    }
    Ok(model)
}

fn run(args: RunArgs, db: Option<&Path>) -> Result<(), Failure> {
    let model = load_valid_model(&args.model)?;
    let settings = Settings {
        iterations: args.iterations,
        seed: args.seed.unwrap_or_else(random_seed),
        mode: match args.mode {
            ModeArg::Sampled => Mode::Sampled,
            ModeArg::Expected => Mode::Expected,
        },
        sampling: args.sampling.into(),
        threads: args.threads,
    };
    let scenarios = (!args.scenarios.is_empty()).then_some(args.scenarios.as_slice());
    let bar = progress::Bar::new(
        settings
            .iterations
            .saturating_mul(1 + scenario_count(&model, scenarios)),
    );
    let stored = if args.no_store {
        run_model_with(&model, &settings, scenarios, &args.precision, Some(&bar))
            .map(|out| (None, out))
    } else {
        let store = open_workspace(db).map_err(app_failure)?;
        workspace::report_interrupted(&store);
        let key = model_key(&args.model);
        run_and_store_with(
            &store,
            &key,
            &model,
            &settings,
            scenarios,
            &args.precision,
            Some(&bar),
        )
        .map(|(id, out)| (Some(id), out))
    };
    bar.finish();
    // Results that could not be stored are still written where they were asked for:
    // the computation is not thrown away with the database's failure.
    let (run_id, out, not_stored) = match stored {
        Ok((id, out)) => (id, out, None),
        Err(AppError::NotStored {
            run_id,
            reason,
            output,
        }) => (None, *output, Some((run_id, reason))),
        Err(AppError::Cancelled) => {
            return Err(Failure {
                code: progress::EXIT_INTERRUPTED,
                error: anyhow::anyhow!(
                    "the run was cancelled{}",
                    if args.no_store {
                        ""
                    } else {
                        " (it is stored as cancelled)"
                    }
                ),
            });
        }
        Err(e) => return Err(app_failure(e)),
    };
    let mut doc = result_doc(&out);
    doc.run_id = run_id;
    let text = match args.format {
        OutputFormat::Json => doc.to_pretty_json() + "\n",
        OutputFormat::Table => table::render(&doc, Some(&args.model.display().to_string())),
    };
    emit(&text, args.out.as_deref())?;
    if let Some((id, reason)) = not_stored {
        return Err(Failure::from(anyhow::anyhow!(
            "the results above are complete but run {id} was not stored: {reason} (free disk space, or check that the database and its folder are writable, then run again)"
        )));
    }
    if let (Some(id), Some(_)) = (run_id, &args.out) {
        eprintln!("stored as run {id}");
    }
    Ok(())
}

/// Writes output to a file (atomically) or to standard output.
pub(crate) fn emit(text: &str, out: Option<&Path>) -> Result<(), Failure> {
    match out {
        Some(path) => write_atomically(path, text.as_bytes())
            .with_context(|| format!("writing {}", path.display()))?,
        None => {
            if std::io::stdout()
                .write_all(terminal_safe(text).as_bytes())
                .is_err()
            {
                std::process::exit(0); // the reader went away (`| head`)
            }
        }
    }
    Ok(())
}

fn scenario_count(model: &journeylab_app::LoadedModel, chosen: Option<&[String]>) -> u64 {
    match chosen {
        Some(ids) => ids.iter().filter(|id| id.as_str() != "baseline").count() as u64,
        None => model.validation.scenarios.len() as u64,
    }
}

pub(crate) use journeylab_app::write_atomically;
