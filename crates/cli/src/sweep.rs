//! `journeylab sweep`: a risk gate's thresholds against fraud and friction.

use std::path::PathBuf;

use anyhow::Context;
use journeylab_app::charts_crate::{ChartOptions, Format, MetricInfo, TradeoffPoint, Unit};
use journeylab_app::load_model;
use journeylab_engine::sweep::{parse_range, Sweep};
use journeylab_engine::{Mode, Settings};

use crate::format::{thousands, value, Unit as FUnit};
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
    if !model.validation.is_valid() {
        return Err(Failure {
            code: 2,
            error: anyhow::anyhow!(
                "{} is not a valid model; run `journeylab validate`",
                args.model.display()
            ),
        });
    }
    let usage = |e: String| Failure {
        code: 2,
        error: anyhow::anyhow!(e),
    };
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
        threads: None,
    };
    let s = journeylab_engine::sweep::sweep(&model.document, &args.gate, &allow, &block, &settings)
        .map_err(|e| Failure {
            code: 1,
            error: anyhow::anyhow!(e),
        })?;
    let currency = model.document["currency"]
        .as_str()
        .unwrap_or("USD")
        .to_string();
    if let Some(path) = &args.chart {
        draw(
            &s,
            path,
            &currency,
            model.document["period"].as_str().unwrap_or("month"),
        )?;
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
        let t = |k: &str| p.totals.get(k).and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
        outln!(
            "  {:>6.3} {:>6.3}  {:>10} {:>10} {:>10} {:>14} {:>12} {:>10}  {}{}",
            p.allow_below,
            p.block_at_or_above,
            value(p.legit_challenge_rate, FUnit::Rate, cur),
            value(p.legit_friction, FUnit::Rate, cur),
            value(t("false_reject_rate"), FUnit::Rate, cur),
            value(p.fraud_loss, FUnit::Money, cur),
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

fn draw(s: &Sweep, path: &std::path::Path, currency: &str, period: &str) -> Result<(), Failure> {
    let format = Format::from_path(&path.to_string_lossy())
        .ok_or_else(|| Failure::from(anyhow::anyhow!("--chart must end in .svg or .png")))?;
    let points: Vec<TradeoffPoint> = s
        .points
        .iter()
        .map(|p| {
            TradeoffPoint::new(
                format!("{:.2}/{:.2}", p.allow_below, p.block_at_or_above),
                p.legit_friction,
                p.fraud_loss,
            )
        })
        .collect();
    let opts = ChartOptions {
        format,
        title: Some(format!(
            "Thresholds of {}: fraud loss against legitimate friction (allow/block)",
            s.gate
        )),
        currency: currency.to_string(),
        period: period.to_string(),
        iterations: s.iterations,
        ..ChartOptions::default()
    };
    let bytes = journeylab_app::charts_crate::tradeoff(
        &points,
        &MetricInfo::new("Legitimate friction (not completing)", Unit::Rate),
        &MetricInfo::for_total("fraud_loss")
            .unwrap_or_else(|| MetricInfo::new("Fraud loss", Unit::Money)),
        &opts,
    )
    .map_err(|e| Failure::from(anyhow::anyhow!("drawing the chart: {e}")))?;
    crate::write_atomically(path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct SensitivityArgs {
    /// The model file.
    model: PathBuf,
    /// The output: a model total (e.g. fraud_loss, legit_success_rate).
    #[arg(long, default_value = "fraud_loss")]
    metric: String,
    /// Iterations for the rank correlations.
    #[arg(long, short = 'n', default_value_t = 5_000)]
    iterations: u64,
    /// Seed (random when not given).
    #[arg(long)]
    seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

/// `journeylab sensitivity`: the tornado (P10/P90, others at medians) and the rank
/// correlation of every uncertain input with the output over a run's iterations.
pub fn sensitivity(args: SensitivityArgs) -> Result<(), Failure> {
    use journeylab_engine::metrics::TOTAL_METRICS;
    use journeylab_engine::sensitivity::{rank_correlations, tornado};
    let model = load_model(&args.model).map_err(app_failure)?;
    let Some(spec) = model.validation.spec.as_ref() else {
        return Err(Failure {
            code: 2,
            error: anyhow::anyhow!(
                "{} is not a valid model; run `journeylab validate`",
                args.model.display()
            ),
        });
    };
    let Some(m) = TOTAL_METRICS.iter().position(|x| *x == args.metric) else {
        return Err(Failure {
            code: 2,
            error: anyhow::anyhow!(
                "unknown metric `{}` (use one of: {})",
                args.metric,
                TOTAL_METRICS.join(", ")
            ),
        });
    };
    let t = tornado(spec, &args.metric)
        .map_err(|e| Failure::from(anyhow::anyhow!(e)))?
        .ok_or_else(|| Failure::from(anyhow::anyhow!("no such metric")))?;
    let settings = Settings {
        iterations: args.iterations,
        seed: args.seed.unwrap_or_else(random_seed),
        mode: Mode::Expected,
        threads: None,
    };
    let samples = journeylab_engine::simulate(spec, &settings, &journeylab_engine::NoProgress)
        .map_err(|e| Failure::from(anyhow::anyhow!(e)))?;
    let totals = journeylab_engine::metrics::totals(spec, &samples);
    let rc = rank_correlations(spec, &totals[m], settings.seed);
    if args.format == OutputFormat::Json {
        let doc = serde_json::json!({ "metric": args.metric, "seed": settings.seed, "iterations": settings.iterations, "tornado": t, "rank_correlations": rc });
        return emit(
            &(serde_json::to_string_pretty(&doc).context("serialising")? + "\n"),
            None,
        );
    }
    let cur = model.document["currency"].as_str().unwrap_or("USD");
    let unit = crate::format::unit_of(&args.metric);
    outln!(
        "What drives {} — {}",
        args.metric,
        model.document["name"].as_str().unwrap_or("")
    );
    outln!("Tornado: each uncertain input at its P10 and P90, every other at its median (expected mode); base {}", value(t.base, unit, cur));
    for s in t.swings.iter().take(15) {
        outln!(
            "  {:<52} {:>18} → {:<18} swing {}",
            s.input,
            value(s.output_low, unit, cur),
            value(s.output_high, unit, cur),
            value(s.size(), unit, cur)
        );
    }
    outln!();
    outln!("Rank correlation with {} over {} iterations (seed {}; input draws recomputed from their streams):", args.metric, thousands(settings.iterations as f64, 0), settings.seed);
    for (k, r) in rc.iter().take(15) {
        outln!("  {k:<52} {r:>+7.3}");
    }
    outln!(
        "  (|ρ| below about {:.3} = 2/√n is indistinguishable from noise)",
        2.0 / (settings.iterations as f64).sqrt()
    );
    let top: Vec<String> = t
        .swings
        .iter()
        .take(3)
        .map(|s| format!("{} (swing {})", s.input, value(s.size(), unit, cur)))
        .collect();
    if !top.is_empty() {
        outln!();
        outln!(
            "In words: {} depends most on {}.",
            args.metric,
            top.join(", then ")
        );
    }
    Ok(())
}
