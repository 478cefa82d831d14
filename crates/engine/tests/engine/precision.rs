//! Stop on precision: the run grows until the 95 % interval of each target's mean is
//! within the tolerance, and equals a plain run of the iterations it used.

use journeylab_engine::metrics::summarize;
use journeylab_engine::run::{precision_met, run_to_precision, PrecisionTarget};
use journeylab_engine::{run, Mode, NoProgress};

use crate::common::{fixtures, settings, valid};

#[test]
fn stops_when_the_tolerance_is_met_and_matches_a_plain_run() {
    let (_, doc) = fixtures()
        .into_iter()
        .find(|(n, _)| n == "consumer-sign-in.json")
        .unwrap();
    let v = valid(&doc);
    let targets = [PrecisionTarget {
        metric: "legit_success_rate".into(),
        relative: 0.002,
    }];
    let out = run_to_precision(
        &v,
        &settings(200_000, 4, Mode::Expected),
        None,
        &targets,
        &NoProgress,
    )
    .unwrap();
    let n = out.settings.iterations;
    assert!(
        n < 200_000,
        "a ±0.2 % target should not need the maximum (used {n})"
    );
    let m = journeylab_engine::vocab::total_index("legit_success_rate").unwrap();
    for s in &out.scenarios {
        let sum = summarize(s.totals[m].iter().copied()).unwrap();
        assert!(
            1.959964 * sum.se <= 0.002 * sum.mean,
            "{}: half-width {} vs {}",
            s.id,
            1.959964 * sum.se,
            0.002 * sum.mean
        );
    }
    // It did not stop later than needed: half the iterations would not have been enough
    // (batches double, so the previous stop point was n / 2).
    let half = run(&v, &settings(n / 2, 4, Mode::Expected), None, &NoProgress).unwrap();
    assert!(
        !precision_met(&half, &targets),
        "{n} iterations used, but {} were already enough",
        n / 2
    );
    let plain = run(&v, &settings(n, 4, Mode::Expected), None, &NoProgress).unwrap();
    for (a, b) in out.scenarios.iter().zip(&plain.scenarios) {
        assert_eq!(
            a.samples.data, b.samples.data,
            "{}: an extended run equals a plain run",
            a.id
        );
    }
}

#[test]
fn stops_at_the_maximum_and_rejects_unknown_metrics() {
    let (_, doc) = fixtures().remove(0);
    let v = valid(&doc);
    let targets = [PrecisionTarget {
        metric: "fraud_loss".into(),
        relative: 1e-9,
    }];
    let out = run_to_precision(
        &v,
        &settings(3_000, 1, Mode::Sampled),
        None,
        &targets,
        &NoProgress,
    )
    .unwrap();
    assert_eq!(out.settings.iterations, 3_000);
    let bad = [PrecisionTarget {
        metric: "fraud".into(),
        relative: 0.1,
    }];
    assert!(run_to_precision(
        &v,
        &settings(3_000, 1, Mode::Sampled),
        None,
        &bad,
        &NoProgress
    )
    .is_err());
}
