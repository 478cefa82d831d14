//! `journeylab sweep` (a risk gate's thresholds against fraud and friction) and
//! `journeylab sensitivity` (what drives a metric of a stored run), both through the
//! app's use cases: the same answers as the app's threshold explorer and sensitivity
//! section.

use std::path::{Path, PathBuf};

use anyhow::Context;
use journeylab_app::charts_crate::Format;
use journeylab_app::{
    load_model, model_key, open_workspace, parse_range, run_and_store, run_sensitivity,
    sweep_chart, sweep_gate, SensitivityView,
};
use journeylab_engine::format::{delta, thousands, value};
use journeylab_engine::sweep::Sweep;
use journeylab_engine::vocab::Unit;
use journeylab_engine::{Mode, Settings};

use crate::{app_failure, emit, outln, random_seed, Failure, ModeArg, OutputFormat};

#[derive(clap::Args, Debug)]
pub struct SweepArgs {
    /// The model file.
    model: PathBuf,
    /// The risk gate, as JOURNEY/STEP.
    #[arg(long)]
    gate: String,
    /// allow_below values, FROM:TO:STEP.
    #[arg(long)]
    allow: String,
    /// block_at_or_above values, FROM:TO:STEP (default: the model's value).
    #[arg(long)]
    block: Option<String>,
    /// Iterations per point.
    #[arg(long, short = 'n', default_value_t = 2_000)]
    iterations: u64,
    /// Seed shared by every point (random when not given).
    #[arg(long)]
    seed: Option<u64>,
    /// expected (default: exact, fast) or sampled.
    #[arg(long, value_enum, default_value_t = ModeArg::Expected)]
    mode: ModeArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Also draw the tradeoff chart (fraud loss against legitimate friction) to this
    /// .svg or .png file.
    #[arg(long)]
    chart: Option<PathBuf>,
}

pub fn sweep(args: SweepArgs) -> Result<(), Failure> {
    let model = load_model(&args.model).map_err(app_failure)?;
    let usage = |e: String| crate::usage(anyhow::anyhow!(e));
    let allow = parse_range(&args.allow).map_err(usage)?;
    let block = match &args.block {
        Some(b) => parse_range(b).map_err(usage)?,
        None => Vec::new(),
    };
    let settings = Settings {
        iterations: args.iterations,
        seed: args.seed.unwrap_or_else(random_seed),
        mode: match args.mode {
            ModeArg::Sampled => Mode::Sampled,
            ModeArg::Expected => Mode::Expected,
        },
        sampling: journeylab_engine::Sampling::Mc,
        threads: None,
    };
    let s = sweep_gate(&model, &args.gate, &allow, &block, &settings).map_err(app_failure)?;
    let currency = model.document["currency"]
        .as_str()
        .unwrap_or("USD")
        .to_string();
    if let Some(path) = &args.chart {
        let format = Format::from_path(&path.to_string_lossy())
            .ok_or_else(|| Failure::from(anyhow::anyhow!("--chart must end in .svg or .png")))?;
        let period = model.document["period"].as_str().unwrap_or("month");
        let bytes = sweep_chart(&s, &currency, period, format).map_err(app_failure)?;
        crate::write_atomically(path, &bytes)
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    match args.format {
        OutputFormat::Json => {
            let text = serde_json::to_string_pretty(&s).context("serialising the sweep")? + "\n";
            emit(&text, None)?;
        }
        OutputFormat::Table => table(&s, &currency, &args.model.display().to_string()),
    }
    Ok(())
}

fn table(s: &Sweep, cur: &str, model: &str) {
    outln!("Threshold sweep of {} — {} mode, {} iterations per point, seed {} (same draws at every point)", s.gate, s.mode, thousands(s.iterations as f64, 0), s.seed);
    outln!(
        "repeat with: journeylab sweep {model} --gate {} ... --iterations {} --seed {} --mode {}",
        s.gate,
        s.iterations,
        s.seed,
        s.mode
    );
    outln!();
    outln!(
        "  {:>6} {:>6}  {:>10} {:>10} {:>10} {:>14} {:>12} {:>10}  {}",
        "allow",
        "block",
        "challenge",
        "friction",
        "false rej",
        "fraud loss",
        "attacks",
        "support",
        "front / guardrails"
    );
    for p in &s.points {
        let t = |k: &str| p.totals.get(k).copied().unwrap_or(f64::NAN);
        outln!(
            "  {:>6.3} {:>6.3}  {:>10} {:>10} {:>10} {:>14} {:>12} {:>10}  {}{}",
            p.allow_below,
            p.block_at_or_above,
            value(p.legit_challenge_rate, Unit::Rate, cur),
            value(p.legit_friction, Unit::Rate, cur),
            value(t("false_reject_rate"), Unit::Rate, cur),
            value(p.fraud_loss, Unit::Money, cur),
            thousands(t("attack_success"), 1),
            thousands(t("support_contacts"), 0),
            if p.pareto { "◆ front" } else { "        " },
            if p.all_guardrails_met {
                "  all guardrails met"
            } else {
                ""
            }
        );
    }
    outln!();
    outln!("challenge: legitimate users at the gate who are challenged; friction: legitimate users who do not complete.");
    outln!("◆ front: no other point has both less friction and less fraud loss.");
}

#[derive(clap::Args, Debug)]
pub struct SensitivityArgs {
    /// A stored run's id (`journeylab runs list`), or a model file: then the model is
    /// run first (expected mode, stored) and that fresh run is analysed.
    target: String,
    /// The output: a model total (e.g. fraud_loss, legit_success_rate).
    #[arg(long, default_value = "fraud_loss")]
    metric: String,
    /// Scenario to analyse (default: the baseline).
    #[arg(long)]
    scenario: Option<String>,
    /// Iterations of the fresh run (a model file only).
    #[arg(long, short = 'n', default_value_t = 5_000)]
    iterations: u64,
    /// Seed of the fresh run (random when not given; a model file only).
    #[arg(long)]
    seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

/// `journeylab sensitivity RUN|MODEL`: the app's sensitivity of a stored run — tornado
/// (P10/P90, others at medians), the rank correlation of every uncertain input with the
/// output over the run's stored iterations, and the top drivers in words. Given a model
/// file, it first runs and stores it, and says so.
pub fn sensitivity(args: SensitivityArgs, db: Option<&Path>) -> Result<(), Failure> {
    let store = open_workspace(db).map_err(app_failure)?;
    crate::workspace::report_interrupted(&store);
    let stored_id = args
        .target
        .parse::<i64>()
        .ok()
        .filter(|_| !Path::new(&args.target).exists());
    let run_id = match stored_id {
        Some(id) => id,
        None => {
            let path = PathBuf::from(&args.target);
            let model = load_model(&path).map_err(app_failure)?;
            if !model.validation.is_valid() {
                return Err(Failure {
                    code: 2,
                    error: anyhow::anyhow!(
                        "{} is not a valid model; run `journeylab validate`",
                        path.display()
                    ),
                });
            }
            let settings = Settings {
                iterations: args.iterations,
                seed: args.seed.unwrap_or_else(random_seed),
                mode: Mode::Expected,
                sampling: journeylab_engine::Sampling::Mc,
                threads: None,
            };
            let scenarios: Vec<String> = args.scenario.iter().cloned().collect();
            let (id, _) = run_and_store(
                &store,
                &model_key(&path),
                &model,
                &settings,
                Some(&scenarios),
                None,
            )
            .map_err(app_failure)?;
            eprintln!(
                "ran {} (expected mode, {} iterations, seed {}) and stored it as run {id}; analyse it again with `journeylab sensitivity {id}`",
                path.display(),
                thousands(settings.iterations as f64, 0),
                settings.seed
            );
            id
        }
    };
    let view = run_sensitivity(&store, run_id, &args.metric, args.scenario.as_deref())
        .map_err(app_failure)?;
    match args.format {
        OutputFormat::Json => emit(
            &(serde_json::to_string_pretty(&view).context("serialising")? + "\n"),
            None,
        ),
        OutputFormat::Table => {
            sensitivity_table(&view);
            Ok(())
        }
    }
}

fn sensitivity_table(v: &SensitivityView) {
    let out = |x: f64| value(x, v.unit, &v.currency);
    outln!(
        "What drives {} — run {}, scenario `{}`",
        v.label.to_lowercase(),
        v.run_id,
        v.scenario
    );
    outln!(
        "Tornado: each uncertain input at its P10 and P90, every other at its median (expected mode); base {}",
        out(v.base)
    );
    for s in &v.swings {
        outln!(
            "  {:<60} {:>18} → {:<18} swing {}",
            s.label,
            out(s.output_low),
            out(s.output_high),
            delta(s.swing, v.unit, &v.currency)
        );
    }
    outln!();
    outln!(
        "Rank correlation with {} over {} of the run's {} iterations (input draws recomputed from their streams):",
        v.label.to_lowercase(),
        thousands(v.iterations as f64, 0),
        thousands(v.run_iterations as f64, 0)
    );
    for c in v.rank_correlations.iter().take(15) {
        let rho = c.rho.map_or("n/a".to_string(), |r| {
            format!("{}{:.3}", if r < 0.0 { '\u{2212}' } else { '+' }, r.abs())
        });
        outln!("  {:<60} {rho:>7}", c.label);
    }
    outln!(
        "  (|ρ| below about {} = 2/√n is indistinguishable from noise)",
        value(v.noise_level, Unit::Number, &v.currency)
    );
    if !v.drivers.is_empty() {
        outln!();
        for d in &v.drivers {
            outln!("{d}");
        }
    }
}
