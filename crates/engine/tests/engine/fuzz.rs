//! A seeded mutation fuzz of the loader (issue 17): every fixture's text, mutated byte by
//! byte and span by span (flips, deletions, duplications, splices of another fixture,
//! numbers blown up), goes through parsing, validation and — when it still validates — a
//! short expected-mode run and the route analysis. Nothing may panic; every problem must
//! be an issue with a message. Fixed seed and a bounded number of cases, so the test
//! command runs the same inputs every time (raise CASES locally to search further).

use journeylab_engine::routes::{routes, RouteLimits};
use journeylab_engine::{parse_json, run, validate, Mode, NoProgress};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

use crate::common::{fixtures, settings};

const CASES: u32 = 300;

/// One edit of the text.
#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Splice(usize, usize, usize),
    BigNumber(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Edit::Flip(a, b)),
        (any::<usize>(), 1usize..64).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 1usize..256).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (any::<usize>(), any::<usize>(), 1usize..200).prop_map(|(a, b, n)| Edit::Splice(a, b, n)),
        any::<usize>().prop_map(Edit::BigNumber),
    ]
}

/// Applies edits to `text` (bytes; the result need not be UTF-8 or JSON).
fn apply(text: &[u8], other: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut t = text.to_vec();
    for e in edits {
        if t.is_empty() {
            break;
        }
        let at = |i: usize, t: &Vec<u8>| i % t.len();
        match *e {
            Edit::Flip(i, b) => {
                let i = at(i, &t);
                t[i] = b;
            }
            Edit::Delete(i, n) => {
                let i = at(i, &t);
                let end = (i + n).min(t.len());
                t.drain(i..end);
            }
            Edit::Duplicate(i, n) => {
                let i = at(i, &t);
                let end = (i + n).min(t.len());
                let copy = t[i..end].to_vec();
                t.splice(i..i, copy);
            }
            Edit::Splice(i, j, n) => {
                let i = at(i, &t);
                let j = j % other.len().max(1);
                let end = (j + n).min(other.len());
                t.splice(i..i, other[j..end].iter().copied());
            }
            Edit::BigNumber(i) => {
                // Replace the digit run at or after i by a huge number.
                let i = at(i, &t);
                if let Some(start) = t[i..].iter().position(u8::is_ascii_digit).map(|p| p + i) {
                    let end = t[start..]
                        .iter()
                        .position(|c| !c.is_ascii_digit())
                        .map_or(t.len(), |p| p + start);
                    t.splice(start..end, b"1e308".iter().copied());
                }
            }
        }
    }
    t
}

#[test]
fn mutated_fixtures_never_panic_the_loader() {
    let texts: Vec<Vec<u8>> = fixtures()
        .into_iter()
        .map(|(_, v)| serde_json::to_vec_pretty(&v).expect("fixture text"))
        .collect();
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        rng_seed: RngSeed::Fixed(20261206),
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        0..texts.len(),
        0..texts.len(),
        prop::collection::vec(edit(), 1..6),
    );
    let ran = std::cell::Cell::new(0u32);
    let valid = std::cell::Cell::new(0u32);
    runner
        .run(&strategy, |(a, b, edits)| {
            ran.set(ran.get() + 1);
            let bytes = apply(&texts[a], &texts[b], &edits);
            let Ok(text) = String::from_utf8(bytes) else {
                return Ok(()); // the app's reader turns this into an issue (tested there)
            };
            let Ok(doc) = parse_json(&text) else {
                return Ok(());
            };
            let v = validate(&doc);
            for i in &v.issues {
                prop_assert!(
                    !i.message.is_empty(),
                    "an issue without a message at {}",
                    i.path
                );
            }
            if let Some(spec) = v.spec.as_ref() {
                valid.set(valid.get() + 1);
                // Errors are fine (a cycle that cannot drain for a draw); panics are not.
                let _ = run(&v, &settings(3, 1, Mode::Expected), None, &NoProgress);
                let _ = routes(spec, 1, 3, RouteLimits::default());
            }
            Ok(())
        })
        .expect("no input panics or yields an issue without a message");
    eprintln!("fuzz: {} cases, {} still valid", ran.get(), valid.get());
    assert!(ran.get() >= CASES, "{} cases", ran.get());
    assert!(
        valid.get() > 0,
        "some mutations stay valid and reach the simulator"
    );
}

/// Every value node of a document, as a path of keys and indices.
fn node_paths(v: &serde_json::Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                at.push(k.clone());
                node_paths(x, at, out);
                at.pop();
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(i.to_string());
                node_paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(
    v: &'a mut serde_json::Value,
    path: &[String],
) -> Option<&'a mut serde_json::Value> {
    path.iter().try_fold(v, |v, seg| match v {
        serde_json::Value::Object(m) => m.get_mut(seg),
        serde_json::Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
        _ => None,
    })
}

/// Structural mutations (a value replaced by an extreme number, another id, nothing, the
/// wrong type): most stay JSON, many stay valid, and reach validation's and the
/// simulator's corners.
#[test]
fn mutated_values_never_panic_validation_or_the_simulator() {
    let docs: Vec<serde_json::Value> = fixtures().into_iter().map(|(_, v)| v).collect();
    let replacements = [
        serde_json::json!(-1),
        serde_json::json!(0),
        serde_json::json!(1),
        serde_json::json!(0.5),
        serde_json::json!(1e308),
        serde_json::json!(1e-300),
        serde_json::json!(1e12),
        serde_json::json!("success"),
        serde_json::json!("s0"),
        serde_json::json!(""),
        serde_json::json!(null),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!({ "beta": [0.001, 0.001] }),
        serde_json::json!({ "lognormal": [1, 1e11] }),
        serde_json::json!({ "pert": [0, 1, 1] }),
    ];
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        rng_seed: RngSeed::Fixed(61220262),
        failure_persistence: None,
        ..Config::default()
    });
    let valid = std::cell::Cell::new(0u32);
    runner
        .run(
            &(
                0..docs.len(),
                prop::collection::vec((any::<usize>(), 0..replacements.len()), 1..4),
            ),
            |(d, edits)| {
                let mut doc = docs[d].clone();
                for (node, r) in edits {
                    let mut paths = Vec::new();
                    node_paths(&doc, &mut Vec::new(), &mut paths);
                    let path = &paths[node % paths.len()];
                    if let Some(slot) = node_mut(&mut doc, path) {
                        *slot = replacements[r].clone();
                    }
                }
                let v = validate(&doc);
                for i in &v.issues {
                    prop_assert!(
                        !i.message.is_empty(),
                        "an issue without a message at {}",
                        i.path
                    );
                }
                if let Some(spec) = v.spec.as_ref() {
                    valid.set(valid.get() + 1);
                    let _ = run(&v, &settings(3, 1, Mode::Expected), None, &NoProgress);
                    let _ = run(&v, &settings(2, 1, Mode::Sampled), None, &NoProgress);
                    let _ = routes(spec, 1, 3, RouteLimits::default());
                }
                Ok(())
            },
        )
        .expect("no structural mutation panics");
    eprintln!(
        "structural fuzz: {CASES} cases, {} still valid",
        valid.get()
    );
    assert!(valid.get() >= 5, "some mutations reach the simulator");
}
