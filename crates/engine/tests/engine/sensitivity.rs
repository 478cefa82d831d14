//! Quantiles of the distributions, and the tornado on a model with a known answer.

use journeylab_engine::quantity::Dist;
use journeylab_engine::sensitivity::tornado;
use journeylab_engine::validate;
use serde_json::json;

#[test]
fn quantiles_invert_the_distributions() {
    let lognormal = Dist::lognormal_from_percentiles(50.0, 5000.0);
    // The spec fixes z = 1.6448536 (8 digits) while the exact z95 is 1.64485362695…:
    // the percentiles come back to ~1e-7 relative, not to machine precision.
    assert!((lognormal.quantile(0.05) / 50.0 - 1.0).abs() < 1e-6);
    assert!((lognormal.quantile(0.95) / 5000.0 - 1.0).abs() < 1e-6);
    assert!((Dist::Uniform(2.0, 4.0).quantile(0.25) - 2.5).abs() < 1e-12);
    // Triangular(0, 0, 1): F(x) = 1 − (1 − x)², so the median is 1 − √0.5.
    assert!((Dist::Triangular(0.0, 0.0, 1.0).quantile(0.5) - (1.0 - 0.5f64.sqrt())).abs() < 1e-12);
    // Beta(2, 1): F(x) = x², so Q(q) = √q; PERT(0, 1, 1) is Beta(5, 1): Q(q) = q^(1/5).
    assert!((Dist::Beta(2.0, 1.0).quantile(0.49) - 0.7).abs() < 1e-9);
    assert!((Dist::Pert(0.0, 1.0, 1.0).quantile(0.5) - 0.5f64.powf(0.2)).abs() < 1e-9);
}

#[test]
fn tornado_ranks_the_dominant_input_first() {
    // Fraud loss = attackers × pass × loss. The attacker volume varies ×10, the loss
    // per success ×2, the pass rate barely: volume must come first, pass rate last.
    let doc = json!({
        "format": "journeylab/1", "name": "t",
        "populations": [ { "id": "bots", "kind": "attacker", "loss_per_success": { "uniform": [100, 200] } } ],
        "controls": [ { "id": "c", "name": "C", "factor": "other", "pass": { "uniform": [0.10, 0.11] } } ],
        "journeys": [ { "id": "j", "entry": "s", "entrants": [ { "population": "bots", "volume": { "uniform": [1000, 10000] } } ],
                        "steps": [ { "id": "s", "kind": "control", "control": "c", "on": { "pass": "success" } } ] } ]
    });
    let spec = validate(&doc).spec.expect("valid");
    let t = tornado(&spec, "fraud_loss").unwrap().unwrap();
    let order: Vec<&str> = t.swings.iter().map(|s| s.input.as_str()).collect();
    assert_eq!(
        order,
        [
            "journeys/j/entrants/bots/volume",
            "populations/bots/loss_per_success",
            "controls/c/pass"
        ]
    );
    // Base: medians 5500 × 0.105 × 150.
    assert!(
        (t.base - 5500.0 * 0.105 * 150.0).abs() < 1e-6,
        "base {}",
        t.base
    );
    let v = &t.swings[0];
    assert!(
        (v.output_low - 1900.0 * 0.105 * 150.0).abs() < 1e-6
            && (v.output_high - 9100.0 * 0.105 * 150.0).abs() < 1e-6
    );
    assert!(tornado(&spec, "no_such_metric").unwrap().is_none());
}

#[test]
fn rank_correlation_finds_the_driver_from_recomputed_draws() {
    use journeylab_engine::sensitivity::rank_correlations;
    use journeylab_engine::sim::Dimensions;
    use journeylab_engine::{run, Mode, NoProgress, Sampling, Settings};
    let doc = json!({
        "format": "journeylab/1", "name": "t",
        "populations": [ { "id": "bots", "kind": "attacker", "loss_per_success": { "uniform": [100, 110] } } ],
        "controls": [ { "id": "c", "name": "C", "factor": "other", "pass": { "uniform": [0.10, 0.11] } } ],
        "journeys": [ { "id": "j", "entry": "s", "entrants": [ { "population": "bots", "volume": { "uniform": [1000, 10000] } } ],
                        "steps": [ { "id": "s", "kind": "control", "control": "c", "on": { "pass": "success" } } ] } ]
    });
    let v = validate(&doc);
    let spec = v.spec.clone().unwrap();
    let dims = Dimensions::of(&spec);
    for sampling in [Sampling::Mc, Sampling::Rqmc] {
        let settings = Settings {
            iterations: 2000,
            seed: 9,
            mode: Mode::Expected,
            sampling,
            threads: None,
        };
        let out = run(&v, &settings, None, &NoProgress).unwrap();
        let m = journeylab_engine::vocab::total_index("fraud_loss").unwrap();
        let rc = rank_correlations(&spec, &out.scenarios[0].totals[m], 9, sampling, &dims);
        assert_eq!(rc[0].0, "journeys/j/entrants/bots/volume", "{sampling:?}");
        assert!(rc[0].1 > 0.9, "{sampling:?}: volume drives loss: {rc:?}");
        // Loss per success varies ±5 %, volume ×10: a weak but positive correlation.
        let loss = rc
            .iter()
            .find(|(k, _)| k == "populations/bots/loss_per_success")
            .unwrap()
            .1;
        assert!(loss > 0.0 && loss < rc[0].1, "{sampling:?}");
        // The entrants of expected mode are the volume draw itself: recomputed as the run
        // drew them, their rank correlation is exactly 1 (with the other sampling's draws
        // it would be about 0).
        let entrants = out.scenarios[0].samples.layout.blocks[0].entrants();
        let column: Vec<f64> = (0..2000)
            .map(|i| out.scenarios[0].samples.row(i)[entrants])
            .collect();
        let rc = rank_correlations(&spec, &column, 9, sampling, &dims);
        assert_eq!(rc[0].0, "journeys/j/entrants/bots/volume");
        assert!((rc[0].1 - 1.0).abs() < 1e-12, "{sampling:?}: {rc:?}");
    }
}
