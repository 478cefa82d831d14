//! `journeylab decisions …`: request, sign off, accept and pack a scenario's decision
//! from a terminal, on the same workspace as the app (a workshop can record words from
//! either).

use std::path::{Path, PathBuf};

use clap::Subcommand;
use journeylab_app::decisions::{
    decision_record, export_decision_pack, list_decisions, record_word, request_decision,
    DecisionRecordView, WordRequest,
};
use journeylab_app::store::{RiskAcceptance, Store, Word};
use journeylab_app::{model_key, open_workspace};
use journeylab_engine::format::delta;

use crate::{app_failure, outln, Failure};

#[derive(Subcommand, Debug)]
pub enum DecisionsCommand {
    /// Every decision record (of one model), with its status.
    List {
        /// Model key (or a model file: its stem).
        #[arg(long)]
        model: Option<String>,
    },
    /// A scenario's record: changes, required teams, numbers, words, status.
    Show(ScenarioRef),
    /// Ask for a decision on a scenario of a stored run.
    Request {
        /// The scenario.
        scenario: String,
        /// The stored run decided on.
        #[arg(long)]
        run: i64,
        /// Who asks.
        #[arg(long)]
        name: String,
        /// Why, or what to look at.
        #[arg(long = "because", default_value = "")]
        because: String,
    },
    /// A required team approves.
    Approve(TeamWord),
    /// A required team rejects.
    Reject(TeamWord),
    /// A remark (a team's, or anyone's).
    Comment(CommentWord),
    /// The accountable owner accepts, optionally with a risk acceptance.
    Accept(OwnerWord),
    /// The accountable owner declines.
    Decline(OwnerWord),
    /// Write the decision pack: one self-contained HTML file.
    Pack {
        #[command(flatten)]
        at: ScenarioRef,
        /// The HTML file.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(clap::Args, Debug)]
pub struct ScenarioRef {
    /// The scenario.
    scenario: String,
    /// Model key (or a model file: its stem). Needed when several models have the scenario.
    #[arg(long)]
    model: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct TeamWord {
    #[command(flatten)]
    at: ScenarioRef,
    /// The team speaking.
    #[arg(long)]
    team: String,
    /// Who (a member's name or role).
    #[arg(long)]
    name: String,
    /// Why.
    #[arg(long = "because")]
    because: String,
}

#[derive(clap::Args, Debug)]
pub struct CommentWord {
    #[command(flatten)]
    at: ScenarioRef,
    /// The team speaking, if any.
    #[arg(long)]
    team: Option<String>,
    /// Who.
    #[arg(long)]
    name: String,
    /// The comment.
    #[arg(long = "because")]
    because: String,
}

#[derive(clap::Args, Debug)]
pub struct OwnerWord {
    #[command(flatten)]
    at: ScenarioRef,
    /// Who (the accountable owner).
    #[arg(long)]
    name: String,
    /// Why.
    #[arg(long = "because", default_value = "")]
    because: String,
    /// Accept: the residual risk, in words (makes this a risk acceptance).
    #[arg(long)]
    residual: Option<String>,
    /// Accept: guardrails knowingly left unmet (repeatable).
    #[arg(long = "unmet")]
    unmet: Vec<String>,
    /// Accept: what voids the acceptance.
    #[arg(long = "voids", default_value = "")]
    voids: String,
    /// Accept: last day it holds, YYYY-MM-DD.
    #[arg(long)]
    expires: Option<String>,
}

/// The model key a `--model` names (a key, or a file whose stem is the key); without
/// one, the only model with a record of `scenario`.
fn model_of(store: &Store, model: Option<&str>, scenario: &str) -> Result<String, Failure> {
    if let Some(m) = model {
        let key = if m.ends_with(".json") {
            model_key(Path::new(m))
        } else {
            m.to_string()
        };
        return Ok(store
            .get_model(&journeylab_app::store::slugify(&key))
            .map_err(|e| app_failure(e.into()))?
            .key);
    }
    let keys: Vec<String> = list_decisions(store, None)
        .map_err(app_failure)?
        .into_iter()
        .filter(|d| d.scenario == scenario)
        .map(|d| d.model_key)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    match keys.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Failure::from(anyhow::anyhow!(
            "no model has a decision record of `{scenario}`: name the model with --model"
        ))),
        many => Err(Failure::from(anyhow::anyhow!(
            "several models have a record of `{scenario}` ({}): name one with --model",
            many.join(", ")
        ))),
    }
}

fn show(r: &DecisionRecordView) {
    outln!(
        "{} — {} ({}): {}",
        r.model_name,
        r.scenario_name,
        r.scenario,
        r.status.as_str().replace('_', " ")
    );
    outln!("accountable: {}", r.accountable);
    if let Some(q) = &r.request {
        outln!(
            "decided on run {} (model version {}, {}; seed {}, {} iterations, {}), requested by {} at {}",
            q.run_id,
            q.model_version,
            q.content_hash,
            q.seed,
            q.iterations,
            q.mode,
            q.requested_by,
            q.at
        );
    }
    outln!();
    outln!("changes:");
    for c in &r.changes {
        outln!(
            "  {}: {} → {}",
            c.path,
            c.before.as_deref().unwrap_or("(not set)"),
            c.after
        );
    }
    outln!("areas: {}", r.areas.join(", "));
    outln!("must sign off:");
    for t in &r.required {
        outln!(
            "  {:<22} {:<8} {:<40} {}",
            t.name,
            t.role,
            t.members.join(", "),
            match (&t.latest, &t.latest_by) {
                (Some(w), Some(by)) => format!("{} by {by}", w.as_str()),
                _ => "—".to_string(),
            }
        );
    }
    if !r.deltas.is_empty() {
        outln!("paired change vs baseline (90 % interval):");
        for d in &r.deltas {
            outln!(
                "  {:<32} {} ({} – {}){}",
                d.label,
                delta(d.mean, d.unit, &r.currency),
                delta(d.p5, d.unit, &r.currency),
                delta(d.p95, d.unit, &r.currency),
                if d.clear { "  clear" } else { "" }
            );
        }
    }
    if !r.words.is_empty() {
        outln!("record:");
        for e in &r.words {
            outln!(
                "  {}  {:<8} {:<24} {:<20} {}",
                e.at,
                e.word.as_str(),
                e.name,
                e.detail.team.as_deref().unwrap_or(""),
                e.detail.rationale
            );
        }
    }
    if let Some(a) = &r.risk_acceptance {
        outln!(
            "risk acceptance: {} (unmet: {}; void if: {}; expires {})",
            a.residual_risk,
            if a.unmet_guardrails.is_empty() {
                "none".to_string()
            } else {
                a.unmet_guardrails.join(", ")
            },
            a.voiding_conditions,
            a.expires.as_deref().unwrap_or("never")
        );
    }
}

pub fn decisions(cmd: DecisionsCommand, db: Option<&Path>) -> Result<(), Failure> {
    let store = open_workspace(db).map_err(app_failure)?;
    crate::workspace::report_interrupted(&store);
    let word = |at: &ScenarioRef,
                w: Word,
                team: Option<String>,
                name: String,
                why: String,
                risk: Option<RiskAcceptance>|
     -> Result<(), Failure> {
        let key = model_of(&store, at.model.as_deref(), &at.scenario)?;
        let r = record_word(
            &store,
            &WordRequest {
                model_key: key,
                scenario: at.scenario.clone(),
                word: w,
                team,
                name,
                rationale: why,
                risk_acceptance: risk,
            },
        )
        .map_err(app_failure)?;
        outln!(
            "{}: {} recorded; status {}",
            r.scenario,
            w.as_str(),
            r.status.as_str().replace('_', " ")
        );
        Ok(())
    };
    match cmd {
        DecisionsCommand::List { model } => {
            let key = match model {
                Some(m) => Some(model_of(&store, Some(&m), "")?),
                None => None,
            };
            outln!(
                "{:<28} {:<28} {:<10} {:>5} {:>6}  updated",
                "model",
                "scenario",
                "status",
                "run",
                "words"
            );
            for d in list_decisions(&store, key.as_deref()).map_err(app_failure)? {
                outln!(
                    "{:<28} {:<28} {:<10} {:>5} {:>6}  {}",
                    d.model_key,
                    d.scenario,
                    d.status.as_str(),
                    d.run_id.map_or("—".to_string(), |r| r.to_string()),
                    d.words,
                    d.updated_at
                );
            }
            Ok(())
        }
        DecisionsCommand::Show(at) => {
            let key = model_of(&store, at.model.as_deref(), &at.scenario)?;
            show(&decision_record(&store, &key, &at.scenario).map_err(app_failure)?);
            Ok(())
        }
        DecisionsCommand::Request {
            scenario,
            run,
            name,
            because,
        } => {
            let r =
                request_decision(&store, run, &scenario, &name, &because).map_err(app_failure)?;
            outln!(
                "requested a decision on `{}` of run {run}; must sign off: {}",
                r.scenario,
                r.required
                    .iter()
                    .map(|t| format!("{} ({})", t.name, t.role))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            Ok(())
        }
        DecisionsCommand::Approve(t) => {
            word(&t.at, Word::Approve, Some(t.team), t.name, t.because, None)
        }
        DecisionsCommand::Reject(t) => {
            word(&t.at, Word::Reject, Some(t.team), t.name, t.because, None)
        }
        DecisionsCommand::Comment(c) => word(&c.at, Word::Comment, c.team, c.name, c.because, None),
        DecisionsCommand::Accept(o) => {
            // Any part of a risk acceptance makes one (the residual risk is then required).
            let any = o.residual.is_some()
                || !o.unmet.is_empty()
                || !o.voids.is_empty()
                || o.expires.is_some();
            let risk = any.then(|| RiskAcceptance {
                residual_risk: o.residual.unwrap_or_default(),
                unmet_guardrails: o.unmet,
                voiding_conditions: o.voids,
                expires: o.expires,
            });
            word(&o.at, Word::Accept, None, o.name, o.because, risk)
        }
        DecisionsCommand::Decline(o) => word(&o.at, Word::Decline, None, o.name, o.because, None),
        DecisionsCommand::Pack { at, out } => {
            let key = model_of(&store, at.model.as_deref(), &at.scenario)?;
            export_decision_pack(&store, &key, &at.scenario, &out).map_err(app_failure)?;
            eprintln!("wrote {}", out.display());
            Ok(())
        }
    }
}
