//! Threshold explorer: one risk gate of an (unsaved) model document at chosen
//! thresholds — its headline numbers, the tradeoff curve of fraud loss against
//! legitimate friction around it, and every team's guardrails there.
//!
//! Everything runs in expected mode with one seed (common random numbers), so moving a
//! slider changes the numbers only through the thresholds, and a point of the curve is
//! the same number as the current point at the same thresholds. A few hundred
//! iterations answer the whole exploration in tens of milliseconds (see the timing test).

use std::time::Instant;

use journeylab_engine::sweep::{dominates, mark_pareto, sweep, SweepError, SweepPoint};
use journeylab_engine::{Mode, Sampling, Settings};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::guardrail_view::GuardrailView;
use crate::AppError;

mod cache;

pub use cache::{CurveCache, CURVES_KEPT};

/// The grid of `allow_below` values the tradeoff curve is drawn on (0.00, 0.05, …, 1.00).
/// Fixed, so the curve does not jump while the user drags a slider.
pub const CURVE_STEP: f64 = 0.05;

/// A risk gate of a document, as the explorer lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RiskGate {
    /// Journey id.
    pub journey: String,
    /// Journey name (the id when unnamed).
    pub journey_name: String,
    /// Step id.
    pub step: String,
    /// Step name (the id when unnamed).
    pub name: String,
    /// Risk signal id.
    pub signal: Option<String>,
    /// Current `allow_below`.
    pub allow_below: Option<f64>,
    /// Current `block_at_or_above`.
    pub block_at_or_above: Option<f64>,
}

/// The risk gates of every journey of a document, in document order (an invalid
/// document still lists what it can read).
pub fn risk_gates(document: &Value) -> Vec<RiskGate> {
    let mut out = Vec::new();
    for j in document["journeys"].as_array().into_iter().flatten() {
        let jid = j["id"].as_str().unwrap_or_default();
        for s in j["steps"].as_array().into_iter().flatten() {
            if s["kind"] != "risk_gate" {
                continue;
            }
            let sid = s["id"].as_str().unwrap_or_default();
            out.push(RiskGate {
                journey: jid.to_string(),
                journey_name: j["name"].as_str().unwrap_or(jid).to_string(),
                step: sid.to_string(),
                name: s["name"].as_str().unwrap_or(sid).to_string(),
                signal: s["signal"].as_str().map(str::to_string),
                allow_below: s["allow_below"].as_f64(),
                block_at_or_above: s["block_at_or_above"].as_f64(),
            });
        }
    }
    out
}

/// What the explorer shows for one position of the two sliders.
#[derive(Debug, Clone, Serialize, TS)]
pub struct GateExploration {
    /// `journey/step` of the gate.
    pub gate: String,
    /// The gate as it stands in the document (name, signal, the model's thresholds).
    pub info: RiskGate,
    /// Team deciding `risk_thresholds` (§9), who would propose a threshold change.
    pub deciding_team: Option<String>,
    /// Model currency (for money).
    pub currency: String,
    /// Iterations of every point.
    pub iterations: u64,
    /// The one seed of every point.
    #[serde(with = "crate::seed")]
    #[ts(type = "string")]
    pub seed: u64,
    /// Always expected.
    pub mode: Mode,
    /// The explored thresholds. `pareto`: no point of the curve beats it on both axes.
    pub point: SweepPoint,
    /// The document's own thresholds (what the headline changes are measured from).
    pub reference: SweepPoint,
    /// `allow_below` over the fixed grid (≤ the explored `block_at_or_above`) at the
    /// explored `block_at_or_above`, with its Pareto front.
    pub curve: Vec<SweepPoint>,
    /// Every guardrail at the explored thresholds, in document order.
    pub guardrails: Vec<GuardrailView>,
    /// Milliseconds the evaluation took in this process (the rest of a round trip is IPC).
    pub compute_ms: f64,
    /// Whether the curve came from the cache (only `allow_below` moved since last time).
    pub curve_cached: bool,
}

/// Evaluates the risk gate `gate` (`journey/step`) of `document` at `allow_below` /
/// `block_at_or_above`: the point, the model's own thresholds, the tradeoff curve over
/// `allow_below`, and the guardrails — all in expected mode with `iterations` and `seed`.
pub fn explore_gate(
    document: &Value,
    gate: &str,
    allow_below: f64,
    block_at_or_above: f64,
    iterations: u64,
    seed: u64,
) -> Result<GateExploration, AppError> {
    explore_gate_cached(
        &CurveCache::new(),
        document,
        gate,
        allow_below,
        block_at_or_above,
        iterations,
        seed,
    )
}

/// As [`explore_gate`], reusing the curve of the previous call when only `allow_below`
/// changed (same numbers: the curve does not depend on it).
pub fn explore_gate_cached(
    cache: &CurveCache,
    document: &Value,
    gate: &str,
    allow_below: f64,
    block_at_or_above: f64,
    iterations: u64,
    seed: u64,
) -> Result<GateExploration, AppError> {
    let started = Instant::now();
    let bad = |message: String| AppError::Run { message };
    for (name, x) in [
        ("allow_below", allow_below),
        ("block_at_or_above", block_at_or_above),
    ] {
        if !(0.0..=1.0).contains(&x) {
            return Err(bad(format!("{name} must be between 0 and 1 (got {x})")));
        }
    }
    if block_at_or_above < allow_below {
        return Err(bad(format!(
            "block_at_or_above ({block_at_or_above}) must not be below allow_below ({allow_below})"
        )));
    }
    let info = risk_gates(document)
        .into_iter()
        .find(|g| format!("{}/{}", g.journey, g.step) == gate)
        .ok_or_else(|| {
            bad(match gate.split_once('/') {
                None => format!("`{gate}`: name the gate as JOURNEY/STEP"),
                Some((j, s)) => format!("journey `{j}` has no risk gate `{s}`"),
            })
        })?;
    let settings = Settings {
        iterations: iterations.max(1),
        seed,
        mode: Mode::Expected,
        sampling: Sampling::Mc,
        threads: None,
    };
    let one = |allow: f64, block: f64| -> Result<SweepPoint, AppError> {
        sweep(document, gate, &[allow], &[block], &settings)
            .map_err(sweep_error)?
            .points
            .pop()
            .ok_or_else(|| bad(format!("no point at {allow} / {block}")))
    };
    let cached = cache.get(document, gate, block_at_or_above, &settings);
    let curve_cached = cached.is_some();
    let (curve, cached_reference) = match cached {
        Some((curve, reference)) => (curve, Some(reference)),
        None => {
            let grid: Vec<f64> = (0..=(1.0 / CURVE_STEP).round() as usize)
                .map(|k| (k as f64 * CURVE_STEP * 100.0).round() / 100.0)
                .filter(|a| *a <= block_at_or_above)
                .collect();
            let curve = parallel_sweep(document, gate, &grid, block_at_or_above, &settings)?;
            (curve, None)
        }
    };
    // A point on the grid is already computed (same seed, same numbers).
    let computed = |allow: f64, block: f64| {
        curve
            .iter()
            .find(|p| p.allow_below == allow && p.block_at_or_above == block)
            .cloned()
    };
    let mut point = match computed(allow_below, block_at_or_above) {
        Some(p) => p,
        None => one(allow_below, block_at_or_above)?,
    };
    // On the front of the curve: no grid point beats it on both axes.
    let on_front = |p: &SweepPoint| {
        !curve.iter().any(|q| {
            dominates(
                (q.legit_friction, q.fraud_loss),
                (p.legit_friction, p.fraud_loss),
            )
        })
    };
    point.pareto = on_front(&point);
    let model_allow = info.allow_below.unwrap_or(0.0);
    let model_block = info.block_at_or_above.unwrap_or(1.0);
    let mut reference = if let Some(r) = cached_reference {
        r
    } else if (model_allow, model_block) == (allow_below, block_at_or_above) {
        point.clone()
    } else {
        match computed(model_allow, model_block) {
            Some(p) => p,
            None => one(model_allow, model_block)?,
        }
    };
    reference.pareto = on_front(&reference);
    if !curve_cached {
        cache.put(
            document,
            gate,
            &settings,
            block_at_or_above,
            &curve,
            &reference,
        );
    }
    let guardrails = explored_guardrails(document, &point);
    Ok(GateExploration {
        gate: gate.to_string(),
        info,
        deciding_team: deciding_team(document, "risk_thresholds"),
        currency: document["currency"].as_str().unwrap_or("USD").to_string(),
        iterations: settings.iterations,
        seed,
        mode: settings.mode,
        point,
        reference,
        curve,
        guardrails,
        compute_ms: started.elapsed().as_secs_f64() * 1000.0,
        curve_cached,
    })
}

/// The sweep over `grid` at `block`, its points computed on every core: each point is
/// independent (same seed, its own run), so splitting the grid changes no number, and
/// with a few hundred iterations a point is too small for the engine's own parallelism
/// to keep two cores busy (19 points: ~40 ms in one sweep, ~23 ms split, in release).
fn parallel_sweep(
    document: &Value,
    gate: &str,
    grid: &[f64],
    block: f64,
    settings: &Settings,
) -> Result<Vec<SweepPoint>, AppError> {
    let parts = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let chunk = grid.len().div_ceil(parts).max(1);
    let results: Vec<Result<Vec<SweepPoint>, AppError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = grid
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    sweep(document, gate, part, &[block], settings)
                        .map(|s| s.points)
                        .map_err(sweep_error)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(AppError::Run {
                        message: "a sweep worker stopped unexpectedly".into(),
                    })
                })
            })
            .collect()
    });
    let mut points = Vec::with_capacity(grid.len());
    for part in results {
        points.extend(part?);
    }
    // Pareto flags over the whole curve, not per part.
    mark_pareto(&mut points);
    Ok(points)
}

fn sweep_error(e: SweepError) -> AppError {
    match e {
        SweepError::Invalid { issues, .. } => AppError::InvalidModel { message: issues },
        other => AppError::Run {
            message: other.to_string(),
        },
    }
}

/// The first team whose `decides` lists `area`.
fn deciding_team(document: &Value, area: &str) -> Option<String> {
    document["owners"]["teams"]
        .as_array()?
        .iter()
        .find(|t| {
            t["decides"]
                .as_array()
                .is_some_and(|d| d.iter().any(|x| x == area))
        })
        .and_then(|t| t["id"].as_str())
        .map(str::to_string)
}

/// The point's guardrail outcomes joined with their definitions and owners' names.
fn explored_guardrails(document: &Value, point: &SweepPoint) -> Vec<GuardrailView> {
    let defs = document["guardrails"].as_array();
    point
        .guardrails
        .iter()
        .map(|(id, probability_met, met)| {
            let def = defs
                .and_then(|ds| ds.iter().find(|d| d["id"] == id.as_str()))
                .unwrap_or(&Value::Null);
            GuardrailView {
                // Named by the sweep even if the definition could not be read.
                id: id.clone(),
                ..GuardrailView::of(def, document, *probability_met, *met)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::fixture_doc as fixture;

    fn total(p: &SweepPoint, name: &str) -> f64 {
        p.totals[name]
    }

    #[test]
    fn lists_the_risk_gates_with_their_thresholds() {
        let gates = risk_gates(&fixture("registration-bot-defence.json"));
        let ids: Vec<String> = gates
            .iter()
            .map(|g| format!("{}/{}", g.journey, g.step))
            .collect();
        assert_eq!(ids, ["register/bot_gate", "register/fraud_screen"]);
        assert_eq!(gates[1].allow_below, Some(0.35));
        assert_eq!(gates[1].block_at_or_above, Some(0.8));
        assert_eq!(gates[1].signal.as_deref(), Some("identity_risk"));
    }

    #[test]
    fn raising_allow_below_never_lowers_fraud_loss_on_the_curve() {
        let doc = fixture("consumer-sign-in.json");
        let x = explore_gate(&doc, "login/risk", 0.3, 0.9, 300, 7).expect("explores");
        // Grid 0.00..=0.90 at block 0.90.
        assert_eq!(x.curve.len(), 19);
        assert!(x
            .curve
            .iter()
            .all(|p| p.block_at_or_above == 0.9 && p.allow_below <= 0.9));
        for w in x.curve.windows(2) {
            assert!(w[1].allow_below > w[0].allow_below);
            // Letting more users past the gate unchallenged lets more attacks through
            // and challenges fewer customers (same draws at every point).
            assert!(
                w[1].fraud_loss >= w[0].fraud_loss - 1e-9,
                "fraud loss fell from {} to {} at allow {}",
                w[0].fraud_loss,
                w[1].fraud_loss,
                w[1].allow_below
            );
            assert!(w[1].legit_challenge_rate <= w[0].legit_challenge_rate + 1e-12);
        }
        assert!(x.curve.last().map(|p| p.fraud_loss) > x.curve.first().map(|p| p.fraud_loss));
        assert!(x.curve.iter().any(|p| p.pareto));
        assert_eq!(x.mode, Mode::Expected);
        assert_eq!(x.deciding_team.as_deref(), Some("fraud_risk"));
    }

    #[test]
    fn the_point_is_the_curves_point_at_the_same_thresholds() {
        let doc = fixture("consumer-sign-in.json");
        let on_grid = explore_gate(&doc, "login/risk", 0.25, 0.9, 200, 3).expect("explores");
        let same = on_grid
            .curve
            .iter()
            .find(|p| p.allow_below == 0.25)
            .expect("grid point");
        assert_eq!(on_grid.point.totals, same.totals);
        assert_eq!(on_grid.point.guardrails, same.guardrails);
        // Off the grid the point is computed on its own — with the same draws, so it
        // lies between its neighbours on the curve.
        let off = explore_gate(&doc, "login/risk", 0.27, 0.9, 200, 3).expect("explores");
        let loss = |a: f64| {
            off.curve
                .iter()
                .find(|p| p.allow_below == a)
                .map(|p| p.fraud_loss)
                .expect("grid point")
        };
        assert!(loss(0.25) <= off.point.fraud_loss && off.point.fraud_loss <= loss(0.3));
        // The reference is the model's own thresholds (0.3 / 0.9), on the grid.
        let model = off
            .curve
            .iter()
            .find(|p| p.allow_below == 0.3)
            .expect("grid point");
        assert_eq!(off.reference.totals, model.totals);
        assert_eq!(
            (off.reference.allow_below, off.reference.block_at_or_above),
            (0.3, 0.9)
        );
    }

    #[test]
    fn the_curve_is_the_engines_sweep() {
        let doc = fixture("b2b-admin-sign-in.json");
        let x =
            explore_gate(&doc, "admin_login/session_risk", 0.3, 0.9, 200, 11).expect("explores");
        let grid: Vec<f64> = x.curve.iter().map(|p| p.allow_below).collect();
        let settings = Settings {
            iterations: 200,
            seed: 11,
            mode: Mode::Expected,
            sampling: journeylab_engine::Sampling::Mc,
            threads: None,
        };
        let engine =
            sweep(&doc, "admin_login/session_risk", &grid, &[0.9], &settings).expect("sweeps");
        assert_eq!(x.curve, engine.points);
    }

    #[test]
    fn the_cache_reuses_curves_of_the_same_document_gate_block_and_seed() {
        let doc = fixture("consumer-sign-in.json");
        let cache = CurveCache::new();
        let run = |d: &Value, a: f64, b: f64, seed: u64| {
            explore_gate_cached(&cache, d, "login/risk", a, b, 200, seed).expect("explores")
        };
        let first = run(&doc, 0.3, 0.9, 4);
        assert!(!first.curve_cached);
        let moved = run(&doc, 0.42, 0.9, 4);
        assert!(moved.curve_cached);
        // Same numbers as computing everything afresh.
        let fresh = explore_gate(&doc, "login/risk", 0.42, 0.9, 200, 4).expect("explores");
        assert_eq!(moved.curve, fresh.curve);
        assert_eq!(moved.point, fresh.point);
        assert_eq!(moved.reference, fresh.reference);
        assert_eq!(moved.guardrails, fresh.guardrails);
        // Anything else moving recomputes.
        assert!(!run(&doc, 0.42, 0.95, 4).curve_cached);
        // Back to a block value seen before: its curve is still there.
        let back = run(&doc, 0.2, 0.9, 4);
        assert!(back.curve_cached);
        assert_eq!(back.curve, fresh.curve);
        assert!(!run(&doc, 0.42, 0.95, 5).curve_cached);
        let mut edited = doc.clone();
        edited["populations"][0]["value_per_success"] = serde_json::json!(1);
        assert!(!run(&edited, 0.42, 0.95, 5).curve_cached);
        // A new scenario leaves the baseline, and so the curves, as they are.
        edited["scenarios"] = serde_json::json!([]);
        assert!(run(&edited, 0.3, 0.95, 5).curve_cached);
        assert!(run(&edited, 0.1, 0.95, 5).curve_cached);
    }

    #[test]
    fn guardrails_carry_their_owners_and_limits() {
        let doc = fixture("consumer-sign-in.json");
        let x = explore_gate(&doc, "login/risk", 0.3, 0.9, 200, 1).expect("explores");
        assert_eq!(x.guardrails.len(), 6);
        let fraud = x
            .guardrails
            .iter()
            .find(|g| g.id == "phisher_success")
            .expect("guardrail");
        assert_eq!(fraud.owner, "fraud_risk");
        assert_eq!(fraud.owner_name, "Fraud & Risk");
        assert_eq!(fraud.metric, "success_rate");
        assert_eq!(fraud.population.as_deref(), Some("phishers"));
        assert_eq!(fraud.max, Some(0.25));
        assert_eq!(fraud.confidence, 0.9);
        for g in &x.guardrails {
            let p = g.probability_met.expect("measured");
            assert!((0.0..=1.0).contains(&p));
            assert_eq!(g.met, p >= g.confidence, "{}", g.id);
        }
        // Allowing everyone through: the fraud team's loss guardrail must not be better met.
        let open = explore_gate(&doc, "login/risk", 1.0, 1.0, 200, 1).expect("explores");
        assert!(total(&open.point, "fraud_loss") > total(&x.point, "fraud_loss"));
        assert!(total(&open.point, "legit_success_rate") >= total(&x.point, "legit_success_rate"));
    }

    #[test]
    fn bad_requests_are_clear_errors() {
        let doc = fixture("consumer-sign-in.json");
        let msg = |r: Result<GateExploration, AppError>| r.err().map(|e| e.to_string());
        assert_eq!(
            msg(explore_gate(&doc, "login/password", 0.3, 0.9, 10, 1)),
            Some("journey `login` has no risk gate `password`".into())
        );
        assert_eq!(
            msg(explore_gate(&doc, "risk", 0.3, 0.9, 10, 1)),
            Some("`risk`: name the gate as JOURNEY/STEP".into())
        );
        assert_eq!(
            msg(explore_gate(&doc, "login/risk", 0.6, 0.5, 10, 1)),
            Some("block_at_or_above (0.5) must not be below allow_below (0.6)".into())
        );
        assert_eq!(
            msg(explore_gate(&doc, "login/risk", -0.1, 0.5, 10, 1)),
            Some("allow_below must be between 0 and 1 (got -0.1)".into())
        );
        assert!(msg(explore_gate(&doc, "login/risk", f64::NAN, 0.5, 10, 1)).is_some());
        let mut broken = doc.clone();
        broken["populations"] = serde_json::json!([]);
        assert_eq!(
            explore_gate(&broken, "login/risk", 0.3, 0.9, 10, 1)
                .err()
                .map(|e| e.code()),
            Some("invalid_model")
        );
    }

    /// Wall time of one exploration per fixture gate, in release: a whole one (the block
    /// slider moved: the curve is swept) and one where only the allow slider moved (the
    /// curve comes from the cache).
    /// `cargo test --release -p journeylab-app explore_timing -- --ignored --nocapture`
    #[test]
    #[ignore = "timing; run in release"]
    fn explore_timing() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        let median = |mut t: Vec<f64>| {
            t.sort_by(f64::total_cmp);
            (t[t.len() / 2], t[t.len() - 1])
        };
        for name in names {
            let doc = fixture(&name);
            for g in risk_gates(&doc) {
                let gate = format!("{}/{}", g.journey, g.step);
                let (a, b) = (
                    g.allow_below.unwrap_or(0.0),
                    g.block_at_or_above.unwrap_or(1.0),
                );
                let cache = CurveCache::new();
                let (mut whole, mut allow_only) = (Vec::new(), Vec::new());
                let mut points = 0;
                for k in 0..10 {
                    // Afresh (as after a move of the block slider: the curve is swept) …
                    let t = Instant::now();
                    let x = explore_gate(&doc, &gate, a, b, 300, 1).expect("explores");
                    whole.push(t.elapsed().as_secs_f64() * 1000.0);
                    points = x.curve.len();
                    // … and a drag of the allow slider (the curve from the cache).
                    let allow = (a - 0.01 * k as f64).max(0.0);
                    let t = Instant::now();
                    let y = explore_gate_cached(&cache, &doc, &gate, allow, b, 300, 1)
                        .expect("explores");
                    allow_only.push(t.elapsed().as_secs_f64() * 1000.0);
                    assert_eq!(y.curve_cached, k > 0);
                }
                let (w, wmax) = median(whole);
                let (o, omax) = median(allow_only);
                println!(
                    "{name} {gate}: {points} curve points; whole {w:.1} ms (max {wmax:.1}), \
                     allow moved {o:.1} ms (max {omax:.1})"
                );
            }
        }
    }
}
