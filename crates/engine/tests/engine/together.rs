//! A run simulates its scenarios together, drawing each quantity once per iteration for
//! all of them. That must change nothing: every scenario's rows are, bit for bit, those of
//! the scenario simulated on its own.

use journeylab_engine::sim::simulate_in;
use journeylab_engine::{run, Mode, NoProgress, Sampling};

use crate::common::{fixtures, settings, valid};

#[test]
fn scenarios_simulated_together_equal_each_scenario_simulated_alone() {
    let mut changed_distributions = 0;
    for (name, doc) in fixtures() {
        let v = valid(&doc);
        let base = v.spec.as_ref().expect("valid");
        // A scenario that changes a quantity's distribution keeps its key: sharing by key
        // alone would hand it the baseline's draw. Count such quantities so the test is
        // known to meet them.
        for s in &v.scenarios {
            changed_distributions += s
                .spec
                .quantities
                .iter()
                .filter(|q| {
                    base.quantities
                        .iter()
                        .any(|b| b.key == q.key && b.dist != q.dist)
                })
                .count();
        }
        for mode in [Mode::Sampled, Mode::Expected] {
            for sampling in [Sampling::Mc, Sampling::Rqmc] {
                let s = journeylab_engine::Settings {
                    sampling,
                    ..settings(700, 41, mode)
                };
                let out = run(&v, &s, None, &NoProgress).expect("run");
                assert!(out.scenarios.len() > 1, "{name} has scenarios");
                for sc in &out.scenarios {
                    let alone = simulate_in(&sc.spec, &s, 0, &out.dimensions, &NoProgress)
                        .expect("simulate");
                    assert_eq!(
                        sc.samples.data, alone.data,
                        "{name} {} {mode:?} {sampling:?}: rows differ from the scenario alone",
                        sc.id
                    );
                }
            }
        }
    }
    assert!(
        changed_distributions > 5,
        "the fixtures' scenarios change some distributions ({changed_distributions})"
    );
}
