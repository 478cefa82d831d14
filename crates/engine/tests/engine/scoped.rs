//! Journey × population metrics (spec §9) resolved once against a layout
//! ([`ScopedMetric`]) equal the same metric read by walking the model for every row:
//! each kind (entrants, class counts, rates, a named field, an outcome id, an unknown
//! name), for every journey and for all of them, over all populations and over one.

use journeylab_engine::metrics::ScopedMetric;
use journeylab_engine::spec::{OutcomeClass, Spec};
use journeylab_engine::{run, Mode, NoProgress, Validation};

use crate::common::{fixtures, settings, valid};

/// The metric in `row`, looked up by walking the model: the definition the resolved
/// form must keep.
fn walked(
    spec: &Spec,
    samples: &journeylab_engine::sim::Samples,
    row: &[f64],
    journey: Option<usize>,
    pops: &[usize],
    metric: &str,
) -> f64 {
    let (mut entrants, mut classes, mut sum) = (0.0, [0.0; 3], 0.0);
    for block in &samples.layout.blocks {
        if journey.is_some_and(|j| j != block.journey) || !pops.contains(&block.population) {
            continue;
        }
        entrants += row[block.entrants()];
        let mut counts = [0.0; 3];
        for (o, outcome) in spec.journeys[block.journey].outcomes.iter().enumerate() {
            let k = OutcomeClass::ALL
                .iter()
                .position(|c| *c == outcome.class)
                .unwrap();
            counts[k] += row[block.outcome(o)];
        }
        for k in 0..3 {
            classes[k] += counts[k];
        }
        let outcome = spec.journeys[block.journey]
            .outcomes
            .iter()
            .position(|o| o.id == metric);
        if let Some(c) = block.named(metric).or(outcome.map(|o| block.outcome(o))) {
            sum += row[c];
        }
    }
    let rate = |x: f64| {
        if entrants > 0.0 {
            x / entrants
        } else {
            f64::NAN
        }
    };
    match metric {
        "entrants" => entrants,
        "success" => classes[0],
        "abandoned" => classes[1],
        "blocked" => classes[2],
        "success_rate" => rate(classes[0]),
        "abandon_rate" => rate(classes[1]),
        "blocked_rate" => rate(classes[2]),
        _ => sum,
    }
}

#[test]
fn a_resolved_scoped_metric_equals_the_metric_walked_row_by_row() {
    let (mut checked, mut nonzero) = (0, 0);
    for (name, doc) in fixtures() {
        let v: Validation = valid(&doc);
        let out = run(&v, &settings(30, 3, Mode::Sampled), None, &NoProgress).unwrap();
        let scenario = &out.scenarios[0];
        let (spec, samples) = (&scenario.spec, &scenario.samples);
        let everyone: Vec<usize> = (0..spec.populations.len()).collect();
        let first: Vec<usize> = vec![0];
        let journeys = (0..spec.journeys.len()).map(Some).chain([None]);
        for journey in journeys {
            let outcome_id = spec.journeys[journey.unwrap_or(0)].outcomes[0].id.clone();
            let metrics = [
                "entrants",
                "success",
                "abandoned",
                "blocked",
                "success_rate",
                "abandon_rate",
                "blocked_rate",
                "support_contacts",
                "loss",
                outcome_id.as_str(),
                "no_such_metric",
            ];
            for pops in [&everyone, &first] {
                for metric in metrics {
                    let resolved = ScopedMetric::new(spec, samples, journey, pops, metric);
                    for i in 0..samples.iterations {
                        let row = samples.row(i);
                        let want = walked(spec, samples, row, journey, pops, metric);
                        let got = resolved.value(samples, row);
                        assert!(
                            got.to_bits() == want.to_bits(),
                            "{name} {journey:?} {pops:?} {metric} iteration {i}: {got} vs {want}"
                        );
                        checked += 1;
                        nonzero += usize::from(want != 0.0 && !want.is_nan());
                    }
                }
            }
        }
    }
    // Most values are neither zero nor NaN: the comparison is not between empty sums.
    assert!(
        2 * nonzero > checked,
        "{nonzero} of {checked} values compared are non-zero"
    );
}
