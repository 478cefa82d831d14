use journeylab_engine::sim::Samples;
use journeylab_engine::{run, validate, Mode, NoProgress, RunOutput, Settings, Validation};
use serde_json::{json, Value};

pub fn fixtures() -> Vec<(String, Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read fixture");
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                serde_json::from_str(&text).expect("fixture JSON"),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        out.len() >= 5,
        "expected at least five fixtures, found {}",
        out.len()
    );
    out
}

pub fn valid(doc: &Value) -> Validation {
    let v = validate(doc);
    let errors: Vec<String> = v.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "model should be valid: {errors:#?}");
    v
}

pub fn settings(iterations: u64, seed: u64, mode: Mode) -> Settings {
    Settings {
        iterations,
        seed,
        mode,
        sampling: journeylab_engine::Sampling::Mc,
        threads: None,
    }
}

pub fn run_doc(doc: &Value, s: &Settings) -> RunOutput {
    run(&valid(doc), s, None, &NoProgress).expect("run")
}

/// A one-population model whose single journey has `steps` (entry = first step).
pub fn model(pop_kind: &str, controls: Value, steps: Value, extra: Value) -> Value {
    let mut doc = json!({
        "format": "journeylab/1",
        "name": "test",
        "populations": [{ "id": "p", "kind": pop_kind, "value_per_success": 2.0, "loss_per_success": 3.0 }],
        "controls": controls,
        "journeys": [{
            "id": "j",
            "entrants": [{ "population": "p", "volume": 1000.0 }],
            "entry": steps[0]["id"].clone(),
            "steps": steps
        }]
    });
    if let (Some(d), Some(e)) = (doc.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            d.insert(k.clone(), v.clone());
        }
    }
    doc
}

/// Column `name` (`entrants`, an outcome id, or a JP field) of the first block, row 0.
pub fn cell(out: &RunOutput, scenario: usize, name: &str) -> f64 {
    let run = &out.scenarios[scenario];
    let b = &run.samples.layout.blocks[0];
    let row = run.samples.row(0);
    if name == "entrants" {
        return row[b.entrants()];
    }
    if let Some(c) = b.named(name) {
        return row[c];
    }
    let o = run.spec.journeys[b.journey]
        .outcomes
        .iter()
        .position(|o| o.id == name)
        .expect("outcome");
    row[b.outcome(o)]
}

pub fn mean_se(x: &[f64]) -> (f64, f64) {
    let v: Vec<f64> = x.iter().copied().filter(|x| !x.is_nan()).collect();
    let n = v.len() as f64;
    let m = v.iter().sum::<f64>() / n;
    let var = v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0);
    (m, (var / n).sqrt())
}

#[allow(dead_code)]
pub fn data(s: &Samples) -> &[f64] {
    &s.data
}
