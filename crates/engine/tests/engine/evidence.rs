//! Evidence (spec §12): fits from counts and from experts, and the predictive check.
//! Statistical checks use fixed seeds; their tolerances are stated where they are made.

use std::collections::BTreeMap;

use journeylab_engine::evidence::{
    check, elicit, fit_observed, predictive_p, Family, Judgement, Observation, ObservedMethod,
    Period,
};
use journeylab_engine::quantity::Dist;
use rand::{Rng, SeedableRng};
use rand_distr::{Beta, Binomial, Distribution};

use crate::common::{fixtures, valid};

fn period(n: u64, k: u64) -> Period {
    Period { n, k, label: None }
}

#[test]
fn one_period_gives_the_jeffreys_posterior_exactly() {
    let f = fit_observed(&[period(200, 30)]).unwrap();
    assert_eq!(
        (f.a, f.b, f.method),
        (30.5, 170.5, ObservedMethod::Jeffreys)
    );
    assert!(fit_observed(&[]).is_err());
    let e = fit_observed(&[period(10, 11)]).unwrap_err().to_string();
    assert!(e.contains("period 1") && e.contains("exceeds"), "{e}");
}

#[test]
fn homogeneous_periods_are_pooled() {
    let f = fit_observed(&[period(1000, 100), period(1000, 103), period(1000, 98)]).unwrap();
    assert_eq!(f.method, ObservedMethod::PooledJeffreys);
    assert_eq!((f.a, f.b), (301.5, 2699.5)); // Σk = 301 of Σn = 3,000
    assert!(f.p_value.unwrap() > 0.05 && f.df == Some(2));
}

/// Periods drawn from a beta-binomial with known α = 20, β = 180 (mean 0.1): over 60
/// seeded data sets of 150 periods, the moment estimates' mean lies within 3 standard
/// errors (sd / √60) of the truth.
#[test]
fn a_beta_binomial_recovers_its_parameters() {
    let (alpha, beta) = (20.0, 180.0);
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(2026);
    let truth = Beta::new(alpha, beta).unwrap();
    let mut estimates = Vec::new();
    for _ in 0..60 {
        let periods: Vec<Period> = (0..150)
            .map(|_| {
                let n = rng.random_range(500..3000u64);
                let p = truth.sample(&mut rng);
                let k = Binomial::new(n, p).unwrap().sample(&mut rng);
                period(n, k)
            })
            .collect();
        let f = fit_observed(&periods).unwrap();
        assert_eq!(f.method, ObservedMethod::BetaBinomial, "drift is detected");
        estimates.push((f.a, f.b));
    }
    for (k, want) in [(0usize, alpha), (1, beta)] {
        let xs: Vec<f64> = estimates
            .iter()
            .map(|e| if k == 0 { e.0 } else { e.1 })
            .collect();
        let n = xs.len() as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
        let se = sd / n.sqrt();
        assert!(
            (mean - want).abs() <= 3.0 * se,
            "{mean} vs {want} (se {se})"
        );
    }
}

fn judgement(expert: &str, d: &Dist, ps: &[f64]) -> Judgement {
    Judgement {
        expert: expert.into(),
        quantiles: ps
            .iter()
            .map(|&p| (p.to_string(), d.quantile(p)))
            .collect::<BTreeMap<_, _>>(),
        rationale: None,
    }
}

#[test]
fn a_judgement_taken_from_a_known_distribution_is_recovered() {
    let ps = [0.05, 0.5, 0.95];
    for (d, family) in [
        (Dist::Beta(3.0, 17.0), Family::Beta),
        (Dist::Pert(2.0, 5.0, 20.0), Family::Pert),
        (
            Dist::lognormal_from_percentiles(10.0, 1000.0),
            Family::Lognormal,
        ),
    ] {
        let e = elicit(&[judgement("A", &d, &ps)], family).unwrap();
        let fit = &e.experts[0].fit;
        assert!(
            fit.fit_error < 1e-6,
            "{family:?}: worst quantile error {}",
            fit.fit_error
        );
        // The refitted pool of one expert is that expert.
        assert!(
            e.pool.fit_error < 1e-6,
            "{family:?} pool: {}",
            e.pool.fit_error
        );
    }
}

#[test]
fn pooling_two_identical_experts_equals_one() {
    let d = Dist::Beta(4.0, 12.0);
    let ps = [0.1, 0.5, 0.9];
    let one = elicit(&[judgement("A", &d, &ps)], Family::Beta).unwrap();
    let two = elicit(
        &[judgement("A", &d, &ps), judgement("B", &d, &ps)],
        Family::Beta,
    )
    .unwrap();
    let params = |v: &serde_json::Value| -> Vec<f64> {
        v["beta"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect()
    };
    for (a, b) in params(&one.pool.quantity)
        .iter()
        .zip(params(&two.pool.quantity))
    {
        assert!((a - b).abs() <= 1e-6 * a.abs(), "{a} vs {b}");
    }
    assert_eq!(two.experts.len(), 2);
}

#[test]
fn judgements_that_cannot_be_fitted_say_why() {
    let mut q = BTreeMap::new();
    q.insert("0.5".to_string(), 0.3);
    q.insert("0.9".to_string(), 0.2);
    q.insert("0.1".to_string(), 0.1);
    let j = Judgement {
        expert: "C".into(),
        quantiles: q,
        rationale: None,
    };
    let e = elicit(&[j], Family::Beta).unwrap_err().to_string();
    assert!(e.contains("C: values must increase"), "{e}");
}

/// Under the model, the predictive p-value is (close to) uniform: over 4,000 seeded
/// observations drawn from the model's own exit probabilities, the share below 0.05 is
/// 5 ± 1.5 % (binomial sd of the share at 4,000 is 0.34 points; the rest allows for the
/// discreteness of the binomial). A grossly wrong observation gets a tiny p-value.
#[test]
fn the_predictive_p_value_is_uniform_under_the_model_and_small_when_wrong() {
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7);
    let prior = Beta::new(20.0, 180.0).unwrap();
    let ps: Vec<f64> = (0..400).map(|_| prior.sample(&mut rng)).collect();
    let n = 1000;
    let mut below = 0;
    let trials = 4000;
    for _ in 0..trials {
        let p = ps[rng.random_range(0..ps.len())];
        let k = Binomial::new(n, p).unwrap().sample(&mut rng);
        if predictive_p(n, k, &ps).2 < 0.05 {
            below += 1;
        }
    }
    let share = below as f64 / trials as f64;
    assert!(
        (0.035..=0.065).contains(&share),
        "share below 0.05: {share}"
    );
    let (_, _, p) = predictive_p(n, 500, &ps);
    assert!(p < 1e-10, "{p}");
}

#[test]
fn a_fixture_step_is_checked_against_counts() {
    let doc = fixtures()
        .into_iter()
        .find(|(n, _)| n == "consumer-sign-in.json")
        .unwrap()
        .1;
    let spec = valid(&doc).spec.unwrap();
    let obs = |k: u64| Observation {
        journey: "login".into(),
        step: "otp".into(),
        exit: "pass".into(),
        population: "customers".into(),
        n: 2000,
        k,
    };
    let first = check(&spec, 3, 300, &[obs(0)]).unwrap();
    let typical = (first[0].simulated.mean * 2000.0).round() as u64;
    let results = check(&spec, 3, 300, &[obs(typical), obs(60)]).unwrap();
    assert!(
        !results[0].flagged,
        "the model's own rate: p = {}",
        results[0].p_value
    );
    assert!(
        results[1].flagged,
        "3 % passing SMS is far from the model: p = {}",
        results[1].p_value
    );
    let wrong = Observation {
        exit: "sideways".into(),
        ..obs(1)
    };
    let e = check(&spec, 3, 10, &[wrong]).unwrap_err().to_string();
    assert!(e.contains("has no exit `sideways`"), "{e}");
}

/// The consumer identity fixture's legitimate pass rate of the SMS code is fitted from
/// the published counts its source carries (Doerfler et al.: 52 % of 1.2 M legitimate
/// users failed a login challenge): the quantity is exactly the fit of those counts.
#[test]
fn a_fixture_quantity_is_the_fit_of_its_sources_counts() {
    let doc = fixtures()
        .into_iter()
        .find(|(n, _)| n == "consumer-identity.json")
        .unwrap()
        .1;
    let q = doc["controls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "sms_otp")
        .unwrap()["pass"]["*legitimate"]
        .clone();
    let source = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == q["source"])
        .unwrap()
        .clone();
    let periods: Vec<Period> = serde_json::from_value(source["observed"].clone()).unwrap();
    let fit = fit_observed(&periods).unwrap();
    assert_eq!(q["beta"], serde_json::json!([fit.a, fit.b]));
    assert_eq!(fit.method, ObservedMethod::Jeffreys);
}
