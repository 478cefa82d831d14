//! `journeylab fit` (a Quantity from counts or from experts, to paste into a model) and
//! `journeylab check` (a model against observed exits: the posterior predictive check of
//! spec §12). The fits are the app's, so the CLI and the app agree to the last digit.

use std::path::PathBuf;

use anyhow::Context;
use journeylab_app::{elicitation, observed_fit, parse_observations};
use journeylab_engine::evidence::{check, observations_in_sources, Family, Judgement, Period};
use journeylab_engine::format::{share, thousands};

use crate::{app_failure, emit, load_valid_model, random_seed, usage, Failure, OutputFormat};

#[derive(clap::Args, Debug)]
pub struct FitArgs {
    /// `beta` with --n and --k: the Jeffreys posterior of one observation.
    what: Option<String>,
    /// Trials (with `beta`).
    #[arg(long)]
    n: Option<u64>,
    /// Events among them (with `beta`).
    #[arg(long)]
    k: Option<u64>,
    /// Counts per period: a CSV `label,n,k` (header optional).
    #[arg(long)]
    periods: Option<PathBuf>,
    /// Experts' judgements: a JSON list of `{"expert", "quantiles": {"0.05": x, …}, "rationale"?}`.
    #[arg(long)]
    elicited: Option<PathBuf>,
    /// The family of an elicited fit: beta (probabilities), pert or lognormal (amounts).
    #[arg(long, value_enum, default_value_t = FamilyArg::Beta)]
    family: FamilyArg,
    /// Output format (`json`: the whole fit).
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FamilyArg {
    Beta,
    Pert,
    Lognormal,
}

pub fn fit(args: FitArgs) -> Result<(), Failure> {
    let sources = [
        args.what.is_some(),
        args.periods.is_some(),
        args.elicited.is_some(),
    ];
    if sources.iter().filter(|x| **x).count() != 1 {
        return Err(usage(anyhow::anyhow!(
            "give one of: `beta --n N --k K`, `--periods FILE.csv`, `--elicited FILE.json`"
        )));
    }
    let text = if let Some(what) = &args.what {
        if what != "beta" {
            return Err(usage(anyhow::anyhow!(
                "`{what}`: only `fit beta --n N --k K` is known"
            )));
        }
        let (Some(n), Some(k)) = (args.n, args.k) else {
            return Err(usage(anyhow::anyhow!("`fit beta` needs --n and --k")));
        };
        observed(&[Period { n, k, label: None }], args.format)?
    } else if let Some(path) = &args.periods {
        let csv =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        observed(
            &parse_periods(&csv).map_err(|e| usage(anyhow::anyhow!("{}: {e}", path.display())))?,
            args.format,
        )?
    } else {
        let path = args
            .elicited
            .as_ref()
            .ok_or_else(|| usage(anyhow::anyhow!("no input")))?;
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let judgements: Vec<Judgement> = serde_json::from_str(&text).map_err(|e| {
            usage(anyhow::anyhow!(
                "{}: not a list of judgements: {e}",
                path.display()
            ))
        })?;
        let family = match args.family {
            FamilyArg::Beta => Family::Beta,
            FamilyArg::Pert => Family::Pert,
            FamilyArg::Lognormal => Family::Lognormal,
        };
        let v = elicitation(&judgements, family).map_err(app_failure)?;
        match args.format {
            OutputFormat::Json => {
                serde_json::to_string_pretty(&v.elicitation).context("serialising")? + "\n"
            }
            OutputFormat::Table => {
                let mut t = String::new();
                for e in &v.elicitation.experts {
                    t += &format!(
                        "{}: {} (worst quantile error {:.2e})\n",
                        e.expert, e.fit.quantity, e.fit.fit_error
                    );
                }
                t += &format!(
                    "pool of {} experts, equal weights, refitted (worst quantile error {:.2e}):\n{}\n",
                    v.elicitation.experts.len(),
                    v.elicitation.pool.fit_error,
                    v.elicitation.pool.quantity
                );
                t
            }
        }
    };
    emit(&text, None)
}

/// Reads `label,n,k` lines (a header line is skipped when its n is not a number).
fn parse_periods(csv: &str) -> Result<Vec<Period>, String> {
    let mut out = Vec::new();
    for (i, line) in csv
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        if cells.len() != 3 {
            return Err(format!("line {}: expected `label,n,k`", i + 1));
        }
        match (cells[1].parse::<u64>(), cells[2].parse::<u64>()) {
            (Ok(n), Ok(k)) => out.push(Period {
                n,
                k,
                label: (!cells[0].is_empty()).then(|| cells[0].to_string()),
            }),
            _ if i == 0 => {} // a header
            _ => return Err(format!("line {}: n and k must be whole numbers", i + 1)),
        }
    }
    Ok(out)
}

fn observed(periods: &[Period], format: OutputFormat) -> Result<String, Failure> {
    let v = observed_fit(periods).map_err(app_failure)?;
    Ok(match format {
        OutputFormat::Json => serde_json::to_string_pretty(&v.fit).context("serialising")? + "\n",
        OutputFormat::Table => {
            let f = &v.fit;
            let mut t = format!("{}\n", f.verdict);
            if periods.len() > 1 {
                let rates: Vec<String> = f.rates.iter().map(|r| share(*r)).collect();
                t += &format!(
                    "rates per period: {}; pooled {}\n",
                    rates.join(", "),
                    share(f.pooled_rate)
                );
            }
            if let (Some(mean), Some(p5), Some(p95)) = (v.view.mean, v.view.p5, v.view.p95) {
                t += &format!(
                    "mean {} (P5–P95 {} – {})\n",
                    share(mean),
                    share(p5),
                    share(p95)
                );
            }
            t += &format!("{}\n", v.quantity);
            t
        }
    })
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The model file.
    model: PathBuf,
    /// Observed exits: a CSV `journey,step,exit,population,n,k`. Without it, the counts
    /// the model's sources keep for its step exits (spec §12).
    #[arg(long)]
    observed: Option<PathBuf>,
    /// Expected-mode iterations of the model's draws.
    #[arg(long, short = 'n', default_value_t = 1_000)]
    iterations: u64,
    /// Seed of the draws (random and printed when not given; a run's seed gives its draws).
    #[arg(long)]
    seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn check_model(args: CheckArgs) -> Result<(), Failure> {
    let model = load_valid_model(&args.model)?;
    let spec = model
        .validation
        .spec
        .as_ref()
        .ok_or_else(|| usage(anyhow::anyhow!("the model is not valid")))?;
    let observations = match &args.observed {
        Some(path) => {
            let csv = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            parse_observations(&csv).map_err(|e| usage(anyhow::anyhow!("{e}")))?
        }
        None => {
            let kept = observations_in_sources(&model.document);
            if kept.is_empty() {
                return Err(usage(anyhow::anyhow!(
                    "no --observed file given, and no source of the model keeps counts (`observed`) for a step exit of one population"
                )));
            }
            kept
        }
    };
    let seed = args.seed.unwrap_or_else(random_seed);
    let results = check(spec, seed, args.iterations, &observations)
        .map_err(|e| usage(anyhow::anyhow!("{e}")))?;
    let text = match args.format {
        OutputFormat::Json => serde_json::to_string_pretty(&results).context("serialising")? + "\n",
        OutputFormat::Table => {
            let mut t = format!(
                "Observed against simulated — expected mode, {} iterations, seed {seed}\n",
                thousands(args.iterations as f64, 0)
            );
            t += &format!(
                "  {:<40} {:>10} {:>22} {:>10}\n",
                "journey/step.exit (population)", "observed", "simulated P5 – P95", "p-value"
            );
            for r in &results {
                let o = &r.observation;
                t += &format!(
                    "  {:<40} {:>10} {:>22} {:>10}{}\n",
                    format!("{}/{}.{} ({})", o.journey, o.step, o.exit, o.population),
                    share(r.observed_rate),
                    format!("{} – {}", share(r.simulated.p5), share(r.simulated.p95)),
                    format!("{:.3}", r.p_value),
                    if r.flagged {
                        "  FLAGGED: the model disagrees with what was observed"
                    } else {
                        ""
                    }
                );
            }
            t
        }
    };
    emit(&text, None)
}
