//! Runs longer than their kept rows (issue 17, flat memory): every summary over all
//! iterations equals a run that keeps every row — moments to 1e-9 relative (Welford's
//! update against two passes), guardrail probabilities and kept rows exactly — and the
//! percentiles, taken from the kept first iterations, sit within the stated rank bound
//! among all iterations. Identical for any number of threads.

use journeylab_engine::result::result_doc;
use journeylab_engine::run::run_keeping;
use journeylab_engine::{Mode, NoProgress, Settings};

use crate::common::{fixtures, valid};

const N: u64 = 3_000;
const KEEP: usize = 500;

fn consumer() -> serde_json::Value {
    fixtures()
        .into_iter()
        .find(|(n, _)| n == "consumer-sign-in.json")
        .unwrap()
        .1
}

fn settings(mode: Mode, threads: Option<usize>) -> Settings {
    Settings {
        iterations: N,
        seed: 17,
        mode,
        sampling: journeylab_engine::Sampling::Mc,
        threads,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1e-9)
}

#[test]
fn a_long_run_summarises_every_iteration() {
    let v = valid(&consumer());
    for mode in [Mode::Expected, Mode::Sampled] {
        let full = run_keeping(&v, &settings(mode, None), None, &NoProgress, usize::MAX).unwrap();
        let long = run_keeping(&v, &settings(mode, None), None, &NoProgress, KEEP).unwrap();
        assert!(full.scenarios.iter().all(|s| s.streamed.is_none()));
        assert_eq!(long.settings.iterations, N);
        let (fd, ld) = (result_doc(&full), result_doc(&long));
        for (fs, ls) in fd.scenarios.iter().zip(&ld.scenarios) {
            for (metric, f) in &fs.totals {
                let l = ls.totals.get(metric).unwrap();
                for (a, b, what) in [
                    (l.mean, f.mean, "mean"),
                    (l.sd, f.sd, "sd"),
                    (l.se, f.se, "se"),
                    (l.min, f.min, "min"),
                    (l.max, f.max, "max"),
                ] {
                    assert!(
                        close(a, b),
                        "{mode:?} {} {metric} {what}: {a} vs {b}",
                        fs.id
                    );
                }
            }
            for (fj, lj) in fs.journeys.iter().zip(&ls.journeys) {
                for (fp, lp) in fj.populations.iter().zip(&lj.populations) {
                    for (fm, lm) in [
                        (&fp.outcomes, &lp.outcomes),
                        (&fp.classes, &lp.classes),
                        (&fp.fields, &lp.fields),
                    ] {
                        for (k, f) in fm {
                            let l = lm.get(k).unwrap();
                            assert!(close(l.mean, f.mean) && close(l.sd, f.sd), "{} {k}", fp.id);
                        }
                    }
                }
            }
            if let (Some(fdelta), Some(ldelta)) = (&fs.delta_vs_baseline, &ls.delta_vs_baseline) {
                for (metric, f) in fdelta {
                    let l = ldelta.get(metric).unwrap();
                    assert!(close(l.mean, f.mean) && close(l.sd, f.sd), "delta {metric}");
                }
            }
            assert_eq!(fs.guardrails, ls.guardrails, "guardrail counts are exact");
        }
        // The kept rows are the run's first iterations, bit for bit.
        for (f, l) in full.scenarios.iter().zip(&long.scenarios) {
            assert_eq!(l.samples.iterations, KEEP);
            assert_eq!(
                &l.samples.data[..],
                &f.samples.data[..KEEP * f.samples.layout.width]
            );
            assert_eq!(l.totals[0][..], f.totals[0][..KEEP]);
        }
    }
}

/// The percentiles of a long run come from its kept iterations: among all iterations
/// their rank lies within ±4·√(p(1−p)/k) of p (fixed seed; the bound holds with
/// probability above 99.99 % per percentile).
#[test]
fn percentiles_from_the_kept_rows_are_within_the_stated_rank_error() {
    let v = valid(&consumer());
    let full = run_keeping(
        &v,
        &settings(Mode::Expected, None),
        None,
        &NoProgress,
        usize::MAX,
    )
    .unwrap();
    let long = run_keeping(&v, &settings(Mode::Expected, None), None, &NoProgress, KEEP).unwrap();
    let doc = result_doc(&long);
    for (s, ls) in full.scenarios.iter().zip(&doc.scenarios) {
        for (m, values) in s.totals.iter().enumerate() {
            let metric = journeylab_engine::vocab::TOTAL_METRICS[m].id;
            let Some(sum) = ls.totals.get(metric) else {
                continue;
            };
            let mut all: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
            all.sort_by(f64::total_cmp);
            if all.first() == all.last() {
                continue; // a constant: every rank holds it
            }
            for (p, x) in [(0.05, sum.p5), (0.5, sum.p50), (0.95, sum.p95)] {
                let below = all.partition_point(|v| *v < x) as f64 / all.len() as f64;
                let upto = all.partition_point(|v| *v <= x) as f64 / all.len() as f64;
                let bound = 4.0 * (p * (1.0 - p) / KEEP as f64).sqrt();
                assert!(
                    below - bound <= p && p <= upto + bound,
                    "{} {metric} P{}: rank {below}–{upto}, bound ±{bound}",
                    s.id,
                    p * 100.0
                );
            }
        }
    }
}

#[test]
fn a_long_run_is_the_same_on_one_thread_or_two() {
    let v = valid(&consumer());
    let one = run_keeping(
        &v,
        &settings(Mode::Sampled, Some(1)),
        None,
        &NoProgress,
        KEEP,
    )
    .unwrap();
    let two = run_keeping(
        &v,
        &settings(Mode::Sampled, Some(2)),
        None,
        &NoProgress,
        KEEP,
    )
    .unwrap();
    assert_eq!(
        result_doc(&one).to_pretty_json(),
        result_doc(&two).to_pretty_json()
    );
}
