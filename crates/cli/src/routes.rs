//! `journeylab routes`: how each population gets in (spec §11) — per journey and
//! population the routes by probability, the weakest and main routes, the access table
//! and the findings. Findings are warnings: they print, and the exit code stays 0.

use std::fmt::Write;
use std::path::PathBuf;

use anyhow::Context;
use journeylab_app::{model_routes, RoutesRequest, RoutesView, ROUTE_ITERATIONS};
use journeylab_engine::format::{share, thousands};
use journeylab_engine::routes::{FindingSeverity, JourneyRoutes, Route};

use crate::{app_failure, emit, load_valid_model, random_seed, usage, Failure, OutputFormat};

#[derive(clap::Args, Debug)]
pub struct RoutesArgs {
    /// The model file.
    model: PathBuf,
    /// Scenario to show (default: the baseline); its changes against the baseline follow.
    #[arg(long)]
    scenario: Option<String>,
    /// Only this population's routes (the access table, main routes and findings stay).
    #[arg(long)]
    population: Option<String>,
    /// Expected-mode iterations.
    #[arg(long, short = 'n', default_value_t = ROUTE_ITERATIONS)]
    iterations: u64,
    /// Seed of the draws (random and printed when not given; a run's seed gives its draws).
    #[arg(long)]
    seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn routes(args: RoutesArgs) -> Result<(), Failure> {
    let model = load_valid_model(&args.model)?;
    if let (Some(p), Some(spec)) = (&args.population, model.validation.spec.as_ref()) {
        if !spec.populations.iter().any(|x| &x.id == p) {
            let known: Vec<&str> = spec.populations.iter().map(|x| x.id.as_str()).collect();
            return Err(usage(anyhow::anyhow!(
                "no population `{p}` (the model has: {})",
                known.join(", ")
            )));
        }
    }
    let request = RoutesRequest {
        scenario: args.scenario.clone(),
        seed: args.seed.unwrap_or_else(random_seed),
        iterations: args.iterations,
    };
    let view = model_routes(&model, &request).map_err(app_failure)?;
    let text = match args.format {
        OutputFormat::Json => {
            serde_json::to_string_pretty(&view).context("serialising routes")? + "\n"
        }
        OutputFormat::Table => render(
            &view,
            args.population.as_deref(),
            &args.model.display().to_string(),
        ),
    };
    emit(&text, None)
}

/// The routes view as text.
pub fn render(v: &RoutesView, only: Option<&str>, path: &str) -> String {
    let mut t = String::new();
    let r = &v.report;
    let _ = writeln!(
        t,
        "Routes — {} ({}); expected mode, {} iterations, seed {}",
        v.scenario_name,
        v.scenario,
        thousands(v.iterations as f64, 0),
        v.seed
    );
    let _ = writeln!(
        t,
        "repeat with: journeylab routes {path} --seed {} --iterations {}{}",
        v.seed,
        v.iterations,
        if v.scenario == "baseline" {
            String::new()
        } else {
            format!(" --scenario {}", v.scenario)
        }
    );
    let _ = writeln!(
        t,
        "A route is a simple path from a journey's entry to success; P is the chance an entrant takes exactly it (each step's exits depend only on the population, not on the path: the Markov assumption)."
    );

    if !r.access.is_empty() {
        let _ = writeln!(t, "\nAccess to the account");
        let _ = writeln!(
            t,
            "  {:<24} {:<10} {:<12} {:<9} {:<36} attackers' successes / period",
            "journey", "kind", "restores", "required", "weakest route (AAL)"
        );
        for a in &r.access {
            let weakest = a
                .weakest
                .as_ref()
                .map_or("—".to_string(), |(_, label, aal)| {
                    format!("{label} (AAL{aal})")
                });
            let attackers = a
                .attackers
                .iter()
                .map(|(p, n, _)| format!("{p} {}", thousands(*n, 1)))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                t,
                "  {:<24} {:<10} {:<12} {:<9} {:<36} {}",
                a.name,
                a.kind.as_deref().unwrap_or("—"),
                a.restores.as_deref().unwrap_or("—"),
                a.required_aal.map_or("—".into(), |x| format!("AAL{x}")),
                weakest,
                if attackers.is_empty() {
                    "—".into()
                } else {
                    attackers
                }
            );
        }
    }

    for j in &r.journeys {
        journey(&mut t, j, only);
    }

    let _ = writeln!(
        t,
        "\nMain routes (most of a population's successes, across journeys)"
    );
    for m in r
        .main_routes
        .iter()
        .filter(|m| only.is_none_or(|p| p == m.population))
    {
        let _ = writeln!(
            t,
            "  {:<16} {:<10} {} “{}”: P {}, {} successes, {} of theirs",
            m.population,
            m.kind,
            m.journey,
            m.label,
            share(m.p),
            thousands(m.successes, 1),
            share(m.share)
        );
    }

    let _ = writeln!(t, "\nFindings ({})", r.findings.len());
    if r.findings.is_empty() {
        let _ = writeln!(t, "  none");
    }
    for f in &r.findings {
        let sev = match f.severity {
            FindingSeverity::High => "HIGH",
            FindingSeverity::Medium => "MEDIUM",
            FindingSeverity::Low => "LOW",
        };
        let _ = writeln!(t, "  {sev:<6} {}: {}", f.journey, f.message);
        let _ = writeln!(t, "         why: {}", f.why);
    }

    if v.scenario != "baseline" {
        let _ = writeln!(t, "\nAgainst the baseline (same draws)");
        if v.changes.is_empty()
            && v.finding_changes.resolved.is_empty()
            && v.finding_changes.introduced.is_empty()
        {
            let _ = writeln!(t, "  no route closes, opens, halves or doubles");
        }
        for c in v
            .changes
            .iter()
            .filter(|c| only.is_none_or(|p| p == c.population))
        {
            let _ = writeln!(t, "  {}", c.sentence);
        }
        for f in &v.finding_changes.resolved {
            let _ = writeln!(t, "  resolves: {}", f.message);
        }
        for f in &v.finding_changes.introduced {
            let _ = writeln!(t, "  introduces: {}", f.message);
        }
    }
    t
}

fn journey(t: &mut String, j: &JourneyRoutes, only: Option<&str>) {
    let mut traits = Vec::new();
    if let Some(k) = &j.kind {
        traits.push(k.clone());
    }
    if let Some(a) = j.required_aal {
        traits.push(format!("requires AAL{a}"));
    }
    if let Some(r) = &j.restores {
        traits.push(format!("restores {r}"));
    }
    if j.sensitive {
        traits.push("sensitive".into());
    }
    let _ = writeln!(
        t,
        "\n{} ({}) — {} routes{}{}",
        j.name,
        j.journey,
        j.enumerated,
        if j.complete {
            String::new()
        } else {
            ", enumeration stopped at the cap: others not examined".into()
        },
        if traits.is_empty() {
            String::new()
        } else {
            format!("; {}", traits.join(", "))
        }
    );
    if let Some(w) = j.weakest() {
        let _ = writeln!(t, "  weakest route: “{}” at AAL{}", w.label, w.aal);
    }
    for pop in j
        .populations
        .iter()
        .filter(|p| only.is_none_or(|o| o == p.population))
    {
        let _ = writeln!(
            t,
            "  {} ({}, {}): P(success) {} (P5–P95 {} – {}), {} successes per period",
            pop.name,
            pop.population,
            pop.kind,
            share(pop.p_success.mean),
            share(pop.p_success.p5),
            share(pop.p_success.p95),
            thousands(pop.successes, 1)
        );
        let mut ranked: Vec<(&Route, f64)> = j
            .routes
            .iter()
            .filter_map(|r| r.odds_of(&pop.population).map(|o| (r, o.p.mean)))
            .filter(|(_, p)| *p > journeylab_engine::routes::POSSIBLE)
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (k, (route, _)) in ranked.iter().enumerate() {
            let Some(o) = route.odds_of(&pop.population) else {
                continue;
            };
            let mut badges = vec![format!("AAL{}", route.aal)];
            if route.phishing_resistant {
                badges.push("phishing-resistant".into());
            }
            if route.pstn_only {
                badges.push("PSTN".into());
            }
            if route.desk {
                badges.push("desk".into());
            }
            if pop.main_route.as_deref() == Some(route.key.as_str()) {
                badges.push("main".into());
            }
            let _ = writeln!(
                t,
                "    {:>2}. {:<44} P {:>8} ({} – {})  {:>7} of successes  [{}]",
                k + 1,
                route.label,
                share(o.p.mean),
                share(o.p.p5),
                share(o.p.p95),
                share(o.share),
                badges.join(", ")
            );
        }
        let mut rest = vec![format!("other routes {}", share(pop.unlisted))];
        if let Some(l) = pop.through_loops {
            rest.push(format!("through loops {}", share(l)));
        }
        let _ = writeln!(t, "        {}", rest.join(", "));
    }
}
