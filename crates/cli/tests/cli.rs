//! The `journeylab` binary end to end: real model files, a real database file, real
//! processes (one killed with SIGKILL part-way through a run).
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use journeylab_app::store::{RunFilter, RunStatus, Store};
use serde_json::Value;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_journeylab"));
    c.env_remove("JOURNEYLAB_DB");
    c
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name)
}

fn run_ok(args: &[&str]) -> Output {
    let out = bin().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs the CLI, expecting success, and parses its standard output as JSON.
fn run_json(args: &[&str]) -> Value {
    serde_json::from_slice(&run_ok(args).stdout).unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn validate_exit_codes() {
    run_ok(&[
        "validate",
        fixture("consumer-sign-in.json").to_str().unwrap(),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    let mut doc: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("consumer-sign-in.json")).unwrap())
            .unwrap();
    doc["format"] = "journeylab/9".into();
    doc["journeys"][0]["entry"] = "nowhere".into();
    std::fs::write(&bad, doc.to_string()).unwrap();
    let out = bin()
        .args(["validate", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(text.contains("unsupported format `journeylab/9`"), "{text}");
    assert!(
        text.contains("journeys[login].entry"),
        "every error is listed: {text}"
    );

    std::fs::write(&bad, "{\n  \"format\": \"journeylab/1\",\n  oops\n}").unwrap();
    let out = bin()
        .args(["validate", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("line 3"), "{}", stdout(&out));

    let out = bin()
        .args(["validate", "/nonexistent/model.json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "an unreadable file is a failure, not an invalid model"
    );
}

#[test]
fn run_json_is_the_result_document_and_repeats() {
    let f = fixture("payout-change-step-up.json");
    let args = [
        "run",
        f.to_str().unwrap(),
        "--iterations",
        "300",
        "--seed",
        "42",
        "--format",
        "json",
        "--no-store",
    ];
    let a: Value = serde_json::from_slice(&run_ok(&args).stdout).unwrap();
    assert_eq!(a["format"], "journeylab-result/1");
    assert_eq!(a["seed"], 42);
    assert_eq!(a["iterations"], 300);
    assert_eq!(a["mode"], "sampled");
    let scenarios = a["scenarios"].as_array().unwrap();
    assert_eq!(scenarios[0]["id"], "baseline");
    assert!(scenarios[0].get("delta_vs_baseline").is_none());
    assert!(scenarios[1]["delta_vs_baseline"]["fraud_loss"]["mean"].is_number());
    let sum = &scenarios[0]["totals"]["legit_success_rate"];
    for k in ["mean", "sd", "se", "p5", "p50", "p95", "min", "max"] {
        assert!(sum[k].is_number(), "Summary has {k}");
    }
    let b: Value = serde_json::from_slice(&run_ok(&args).stdout).unwrap();
    assert_eq!(a, b, "same seed, same document");
    let t = stdout(&run_ok(&[
        "run",
        f.to_str().unwrap(),
        "-n",
        "200",
        "--seed",
        "42",
        "--threads",
        "1",
        "--no-store",
    ]));
    assert!(t.contains("seed 42") && t.contains("repeat with:"), "{t}");
}

#[test]
fn out_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("result.json");
    let f = fixture("account-recovery.json");
    run_ok(&[
        "run",
        f.to_str().unwrap(),
        "-n",
        "100",
        "--seed",
        "1",
        "--format",
        "json",
        "--no-store",
        "--out",
        out.to_str().unwrap(),
    ]);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["seed"], 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[test]
fn runs_are_stored_listed_shown_and_compared() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let dbs = db.to_str().unwrap();
    let f = fixture("consumer-sign-in.json");
    let fs = f.to_str().unwrap();
    let one: Value = run_json(&[
        "--db", dbs, "run", fs, "-n", "400", "--seed", "9", "--format", "json",
    ]);
    let two: Value = run_json(&[
        "--db", dbs, "run", fs, "-n", "400", "--seed", "9", "--mode", "expected", "--format",
        "json",
    ]);
    let (a, b) = (
        one["run_id"].as_i64().unwrap(),
        two["run_id"].as_i64().unwrap(),
    );
    assert_ne!(a, b);

    let list = stdout(&run_ok(&[
        "--db",
        dbs,
        "runs",
        "list",
        "--model",
        "consumer-sign-in",
    ]));
    assert!(
        list.contains(&format!("{a:>4}"))
            && list.contains(&format!("{b:>4}"))
            && list.contains("finished"),
        "{list}"
    );

    let shown: Value = run_json(&[
        "--db",
        dbs,
        "runs",
        "show",
        &a.to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(shown, one, "a stored run reopens exactly as it was printed");
    let csv = stdout(&run_ok(&[
        "--db",
        dbs,
        "runs",
        "show",
        &a.to_string(),
        "--format",
        "csv",
    ]));
    assert!(
        csv.starts_with("scenario,metric,mean") && csv.contains("passkeys_first,fraud_loss,"),
        "{csv}"
    );

    // A third run with the same seed and mode as the first pairs with it exactly.
    let three: Value = run_json(&[
        "--db", dbs, "run", fs, "-n", "400", "--seed", "9", "--format", "json",
    ]);
    let c = three["run_id"].as_i64().unwrap();
    let cmp = stdout(&run_ok(&[
        "--db",
        dbs,
        "runs",
        "compare",
        &a.to_string(),
        &c.to_string(),
    ]));
    assert!(cmp.contains("paired per iteration"), "{cmp}");
    assert!(
        // Labels from the metric catalogue, amounts by the one formatting policy.
        cmp.contains("Fraud loss") && cmp.contains("±$0 (±$0 – ±$0)"),
        "identical runs differ by exactly 0: {cmp}"
    );
    let cmp = stdout(&run_ok(&[
        "--db",
        dbs,
        "runs",
        "compare",
        &a.to_string(),
        &b.to_string(),
    ]));
    assert!(
        cmp.contains("NOT paired"),
        "sampled vs expected is not paired: {cmp}"
    );

    let models = stdout(&run_ok(&["--db", dbs, "models", "list"]));
    for key in [
        "consumer-sign-in",
        "account-recovery",
        "b2b-admin-sign-in",
        "payout-change-step-up",
        "registration-bot-defence",
    ] {
        assert!(
            models.contains(key),
            "a new database is seeded with the examples: {models}"
        );
    }
    let exported = stdout(&run_ok(&[
        "--db",
        dbs,
        "models",
        "export",
        "consumer-sign-in",
    ]));
    assert_eq!(
        exported,
        std::fs::read_to_string(&f).unwrap(),
        "the stored version is the file, byte for byte"
    );

    run_ok(&["--db", dbs, "runs", "delete", &b.to_string()]);
    let out = bin()
        .args(["--db", dbs, "runs", "show", &b.to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn killed_run_leaves_a_sound_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let dbs = db.to_str().unwrap();
    let f = fixture("consumer-sign-in.json");
    let fs = f.to_str().unwrap();
    let earlier: Value = run_json(&[
        "--db", dbs, "run", fs, "-n", "200", "--seed", "3", "--format", "json",
    ]);
    let earlier_id = earlier["run_id"].as_i64().unwrap();

    // A run long enough to be killed while it simulates.
    let mut child = bin()
        .args(["--db", dbs, "run", fs, "-n", "5000000", "--seed", "4"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        let store = Store::open(&db).unwrap();
        let running = store
            .list_runs(&RunFilter::default())
            .unwrap()
            .into_iter()
            .any(|r| r.status == RunStatus::Running);
        drop(store);
        if running {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the run never started"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), vec!["ok".to_string()]);
    let runs = store.list_runs(&RunFilter::default()).unwrap();
    let killed = runs.iter().find(|r| r.seed == 4).unwrap();
    assert_eq!(
        killed.status,
        RunStatus::Failed,
        "the killed run is marked unfinished at the next open"
    );
    assert!(store.interrupted_at_open().contains(&killed.id));
    let kept = store.get_run(earlier_id).unwrap();
    let kept: Value = serde_json::from_str(kept.result_json.as_deref().unwrap()).unwrap();
    assert_eq!(kept, earlier, "earlier runs are intact");
}

#[test]
fn charts_of_a_stored_run() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let dbs = db.to_str().unwrap();
    let f = fixture("registration-bot-defence.json");
    let run: Value = run_json(&[
        "--db",
        dbs,
        "run",
        f.to_str().unwrap(),
        "-n",
        "300",
        "--seed",
        "2",
        "--format",
        "json",
    ]);
    let id = run["run_id"].as_i64().unwrap().to_string();
    for kind in [
        "histogram",
        "exceedance",
        "compare",
        "tradeoff",
        "tornado",
        "funnel",
    ] {
        let png = dir.path().join(format!("{kind}.png"));
        run_ok(&[
            "--db",
            dbs,
            "chart",
            &id,
            "--kind",
            kind,
            "--out",
            png.to_str().unwrap(),
        ]);
        let bytes = std::fs::read(&png).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{kind} is a PNG");
        let svg = dir.path().join(format!("{kind}.svg"));
        run_ok(&[
            "--db",
            dbs,
            "chart",
            &id,
            "--kind",
            kind,
            "--out",
            svg.to_str().unwrap(),
        ]);
        let text = std::fs::read_to_string(&svg).unwrap();
        assert!(
            text.starts_with("<svg") && text.contains("</svg>"),
            "{kind} is an SVG"
        );
    }
    let out = bin()
        .args([
            "--db",
            dbs,
            "chart",
            &id,
            "--kind",
            "histogram",
            "--metric",
            "nonsense",
            "--out",
            "/tmp/x.png",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown metric `nonsense`"));
}

#[test]
fn run_stops_on_precision() {
    let f = fixture("payout-change-step-up.json");
    let out: Value = run_json(&[
        "run",
        f.to_str().unwrap(),
        "--mode",
        "expected",
        "-n",
        "100000",
        "--seed",
        "5",
        "--precision",
        "legit_success_rate=0.005",
        "--format",
        "json",
        "--no-store",
    ]);
    let used = out["iterations"].as_u64().unwrap();
    assert!(used < 100_000, "stopped early at {used}");
    for s in out["scenarios"].as_array().unwrap() {
        let t = &s["totals"]["legit_success_rate"];
        let (mean, se) = (t["mean"].as_f64().unwrap(), t["se"].as_f64().unwrap());
        assert!(
            1.959964 * se <= 0.005 * mean,
            "{}: ±{} vs {}",
            s["id"],
            1.959964 * se,
            0.005 * mean
        );
    }
    assert_eq!(out["precision"][0]["met"], true);
    assert_eq!(out["precision"][0]["metric"], "legit_success_rate");
    // An unreachable target stops at the maximum and says it was not met.
    let args = [
        "run",
        f.to_str().unwrap(),
        "--mode",
        "expected",
        "-n",
        "2000",
        "--seed",
        "5",
        "--precision",
        "fraud_loss=0.0001",
        "--no-store",
    ];
    let text = stdout(&run_ok(&args));
    assert!(
        text.contains("precision: Fraud loss ±0.01 % of the mean (95 %) NOT MET at the maximum iterations — reached ±"),
        "{text}"
    );
    let json = run_json(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(json["iterations"], 2000);
    assert_eq!(json["precision"][0]["met"], false);
    assert!(json["precision"][0]["achieved"].as_f64().unwrap() > 0.0001);
    let bad = bin()
        .args([
            "run",
            f.to_str().unwrap(),
            "--precision",
            "legit_success_rate",
            "--no-store",
        ])
        .output()
        .unwrap();
    assert_eq!(
        bad.status.code(),
        Some(64),
        "a malformed flag is a usage error (64), not an invalid model (2)"
    );
}

#[test]
fn sweep_and_sensitivity() {
    let dir = tempfile::tempdir().unwrap();
    let f = fixture("consumer-sign-in.json");
    let chart = dir.path().join("sweep.svg");
    let out: Value = run_json(&[
        "sweep",
        f.to_str().unwrap(),
        "--gate",
        "login/risk",
        "--allow",
        "0.1:0.3:0.1",
        "--block",
        "0.8:0.9:0.1",
        "-n",
        "200",
        "--seed",
        "1",
        "--format",
        "json",
        "--chart",
        chart.to_str().unwrap(),
    ]);
    assert_eq!(out["points"].as_array().unwrap().len(), 6);
    assert!(out["points"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["pareto"] == true));
    assert!(std::fs::read_to_string(&chart).unwrap().contains("</svg>"));
    let bad = bin()
        .args([
            "sweep",
            f.to_str().unwrap(),
            "--gate",
            "login/password",
            "--allow",
            "0.1:0.2:0.1",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a risk gate"));

    let s: Value = run_json(&[
        "sensitivity",
        f.to_str().unwrap(),
        "--metric",
        "fraud_loss",
        "-n",
        "300",
        "--seed",
        "2",
        "--format",
        "json",
    ]);
    // The app's sensitivity view of the fresh run (one shape for the app and the CLI).
    let swings = s["swings"].as_array().unwrap();
    let size =
        |v: &Value| (v["output_high"].as_f64().unwrap() - v["output_low"].as_f64().unwrap()).abs();
    assert!(
        swings.windows(2).all(|w| size(&w[0]) >= size(&w[1])),
        "largest swing first"
    );
    assert!(!s["rank_correlations"].as_array().unwrap().is_empty());
}

/// One vocabulary, one formatting policy: every model total reads with the catalogue's
/// label and the same digits in the CLI's table, in a chart of the run and in the app's
/// dashboard view of the same stored run (the UI's formatter is checked against the
/// engine's by the UI's own tests, ui/src/format/numbers.test.ts).
#[test]
fn every_metric_reads_the_same_in_the_table_the_charts_and_the_app() {
    use journeylab_engine::format::value;
    use journeylab_engine::result::ResultDoc;
    use journeylab_engine::vocab::TOTAL_METRICS;

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let dbs = db.to_str().unwrap();
    let f = fixture("consumer-sign-in.json");
    let doc: ResultDoc = serde_json::from_value(run_json(&[
        "--db",
        dbs,
        "run",
        f.to_str().unwrap(),
        "-n",
        "300",
        "--seed",
        "4",
        "--format",
        "json",
    ]))
    .unwrap();
    let id = doc.run_id.unwrap().to_string();
    let table = stdout(&run_ok(&["--db", dbs, "runs", "show", &id]));
    let store = Store::open(&db).unwrap();
    let dashboard = journeylab_app::run_dashboard(&store, doc.run_id.unwrap()).unwrap();
    let base = &doc.scenarios[0];
    let mut checked = 0;
    for m in TOTAL_METRICS {
        let Some(s) = base.total(m.id) else { continue };
        let text = value(s.mean, m.unit, &doc.currency);
        // The CLI: the metric's row starts with its label and shows the mean so.
        let row = table
            .lines()
            .find(|l| l.trim_start().starts_with(m.label))
            .unwrap_or_else(|| panic!("no row for {} in\n{table}", m.label));
        assert!(
            row.contains(&text),
            "table row of {}: {row:?} lacks {text}",
            m.id
        );
        // A chart: its title names the metric with the label, its legend gives the mean.
        let svg_path = dir.path().join(format!("{}.svg", m.id));
        run_ok(&[
            "--db",
            dbs,
            "chart",
            &id,
            "--kind",
            "histogram",
            "--metric",
            m.id,
            "--scenario",
            "baseline",
            "--out",
            svg_path.to_str().unwrap(),
        ]);
        let svg = std::fs::read_to_string(&svg_path).unwrap();
        assert!(svg.contains(m.label), "chart of {} lacks its label", m.id);
        assert!(
            svg.contains(&format!("mean {text}")),
            "chart of {} lacks `mean {text}`",
            m.id
        );
        // The app's view: a headline card carries the same label, unit and mean.
        if let Some(card) = dashboard.scenarios[0]
            .cards
            .iter()
            .find(|c| c.metric == m.id)
        {
            assert_eq!(card.label, m.label);
            assert_eq!(value(card.mean, card.unit, &dashboard.currency), text);
        }
        checked += 1;
    }
    assert_eq!(checked, TOTAL_METRICS.len(), "every total has a value");
}

/// `journeylab routes`: findings print and exit 0; the JSON is the engine's report for the
/// same seed; the fixing scenario loses the recovery finding and says which routes it
/// closes; an invalid model exits 2.
#[test]
fn routes_print_findings_and_what_a_scenario_closes() {
    let model = fixture("consumer-identity.json");
    let m = model.to_str().unwrap();
    let out = run_ok(&["routes", m, "--seed", "5", "--iterations", "200"]);
    let text = stdout(&out);
    assert!(text.contains("Access to the account"), "{text}");
    assert!(
        text.contains("Account recovery grants the access of Sign-in at AAL1"),
        "{text}"
    );
    assert!(text.contains("HIGH"), "{text}");

    let json = run_json(&[
        "routes",
        m,
        "--seed",
        "5",
        "--iterations",
        "200",
        "--format",
        "json",
    ]);
    let loaded = journeylab_app::load_model(&model).unwrap();
    let spec = loaded.validation.spec.as_ref().unwrap();
    let engine = journeylab_engine::routes::routes(
        spec,
        5,
        200,
        journeylab_engine::routes::RouteLimits::default(),
    )
    .unwrap();
    assert_eq!(json["seed"], "5");
    // The engine's numbers for the same seed (JSON text parses back to within an ulp).
    let main = engine.main_route("sim_swappers").unwrap();
    let shown = json["report"]["main_routes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["population"] == "sim_swappers")
        .unwrap();
    assert_eq!(shown["route"], main.route.as_str());
    assert!((shown["p"].as_f64().unwrap() - main.p).abs() < 1e-12);
    assert_eq!(
        json["report"]["findings"].as_array().unwrap().len(),
        engine.findings.len()
    );
    let codes: Vec<&str> = json["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"recovery_weaker"), "{codes:?}");

    let fixed = run_json(&[
        "routes",
        m,
        "--seed",
        "5",
        "--iterations",
        "200",
        "--format",
        "json",
        "--scenario",
        "recovery_document_check",
    ]);
    let codes: Vec<&str> = fixed["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"recovery_weaker"), "{codes:?}");
    assert_eq!(
        fixed["finding_changes"]["resolved"][0]["code"],
        "recovery_weaker"
    );
    let text = stdout(&run_ok(&[
        "routes",
        m,
        "--seed",
        "5",
        "--iterations",
        "200",
        "--scenario",
        "recovery_document_check",
        "--population",
        "sim_swappers",
    ]));
    assert!(
        text.contains("closes the route “Reset code by SMS” of Account recovery for SIM-swappers"),
        "{text}"
    );

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"format": "journeylab/1", "name": "x"}"#).unwrap();
    let out = bin()
        .args(["routes", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["routes", m, "--population", "nobody"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(64),
        "a usage error, not an invalid model"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no population `nobody`"));
}

/// The loader's edges (issue 17): a BOM is accepted; non-UTF-8 and a repeated key are
/// invalid models (exit 2) that say where; a FIFO or a device is refused at once (exit 1)
/// instead of blocking or reading forever; a bad flag is a usage error (64); an escape
/// sequence in a model's name never reaches the terminal raw; an export does not replace
/// a file without --force and keeps its permissions when it does.
#[test]
fn the_loader_and_the_terminal_are_safe_at_the_edges() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("consumer-sign-in.json")).unwrap();
    let bom = dir.path().join("bom.json");
    std::fs::write(&bom, format!("\u{feff}{text}")).unwrap();
    run_ok(&["validate", bom.to_str().unwrap()]);

    let latin1 = dir.path().join("latin1.json");
    let mut bytes = text.clone().into_bytes();
    let at = text.find("Returning customers").unwrap();
    bytes[at] = 0xe9;
    std::fs::write(&latin1, &bytes).unwrap();
    let out = bin()
        .args(["validate", latin1.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains(&format!("byte {at} (0xe9)")),
        "{}",
        stdout(&out)
    );

    let dup = dir.path().join("dup.json");
    std::fs::write(
        &dup,
        text.replacen(
            "\"name\": \"Returning customers\",",
            "\"name\": \"A\", \"name\": \"B\",",
            1,
        ),
    )
    .unwrap();
    let out = bin()
        .args(["validate", dup.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("the key `name` is written twice in one object: at line"),
        "{}",
        stdout(&out)
    );

    let fifo = dir.path().join("model.fifo");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let specials: Vec<PathBuf> = [made.then(|| fifo.clone()), Some(PathBuf::from("/dev/zero"))]
        .into_iter()
        .flatten()
        .filter(|p| p.exists())
        .collect();
    for special in specials {
        let started = Instant::now();
        let out = bin()
            .args(["validate", special.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", special.display());
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "refused without reading"
        );
    }

    let out = bin()
        .args(["run", "--iterations", "many", "x.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64));

    let escaped = dir.path().join("escape.json");
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["name"] = Value::from("Sign-in \u{1b}[2J\u{1b}]0;pwned\u{7}");
    std::fs::write(&escaped, doc.to_string()).unwrap();
    let out = run_ok(&[
        "run",
        escaped.to_str().unwrap(),
        "-n",
        "20",
        "--no-store",
        "--mode",
        "expected",
    ]);
    let shown = stdout(&out);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "no raw control character"
    );
    assert!(shown.contains("Sign-in \\u{1b}[2J"), "{shown}");

    let db = dir.path().join("ws.db");
    let db = db.to_str().unwrap();
    let target = dir.path().join("exported.json");
    std::fs::write(&target, "keep me").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let t = target.to_str().unwrap();
    let out = bin()
        .args([
            "--db",
            db,
            "models",
            "export",
            "consumer-sign-in",
            "--out",
            t,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    run_ok(&[
        "--db",
        db,
        "models",
        "export",
        "consumer-sign-in",
        "--out",
        t,
        "--force",
    ]);
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("journeylab/1"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// SIGINT (as Ctrl-C sends) and SIGTERM stop a run cleanly: exit 130, a message, and the
/// run stored as cancelled — not left "running" to be called interrupted later.
#[test]
fn an_interrupted_run_is_stored_as_cancelled() {
    for signal in ["-INT", "-TERM"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("i.db");
        let dbs = db.to_str().unwrap();
        let f = fixture("consumer-sign-in.json");
        let child = bin()
            .args([
                "--db",
                dbs,
                "run",
                f.to_str().unwrap(),
                "-n",
                "5000000",
                "--seed",
                "9",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        loop {
            let running = Store::open(&db).is_ok_and(|store| {
                store
                    .list_runs(&RunFilter::default())
                    .is_ok_and(|runs| runs.iter().any(|r| r.status == RunStatus::Running))
            });
            if running {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the run never started"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let sent = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(130), "{signal}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("the run was cancelled (it is stored as cancelled)"),
            "{err}"
        );
        let store = Store::open(&db).unwrap();
        let runs = store.list_runs(&RunFilter::default()).unwrap();
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].status, RunStatus::Cancelled, "{signal}");
        assert!(
            store.interrupted_at_open().is_empty(),
            "not mistaken for an interrupted run"
        );
    }
}

/// A run whose results the database refuses at the end (here a trigger standing for a
/// full disk) still writes what it computed to --out, says the run was not stored and
/// why, exits 1, and the run is marked failed with that reason — not "interrupted".
#[test]
fn results_the_store_refuses_are_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("full.db");
    let dbs = db.to_str().unwrap();
    run_ok(&["--db", dbs, "runs", "list"]);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse_results BEFORE INSERT ON run_results \
             BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END;",
        )
        .unwrap();
    let out_file = dir.path().join("result.json");
    let f = fixture("payout-change-step-up.json");
    let out = bin()
        .args([
            "--db",
            dbs,
            "run",
            f.to_str().unwrap(),
            "-n",
            "200",
            "--seed",
            "3",
            "--mode",
            "expected",
            "--format",
            "json",
            "--out",
            out_file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("was not stored") && err.contains("disk is full (simulated)"),
        "{err}"
    );
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(written["iterations"], 200, "the computed results are kept");
    let store = Store::open(&db).unwrap();
    let runs = store.list_runs(&RunFilter::default()).unwrap();
    assert_eq!(runs[0].status, RunStatus::Failed);
    assert!(
        runs[0]
            .error
            .as_deref()
            .unwrap_or("")
            .contains("could not be stored"),
        "{:?}",
        runs[0].error
    );
}

/// `journeylab fit` prints a Quantity to paste (the engine's fit), and `journeylab check`
/// flags an observation far from the model and not one at the model's own rate.
#[test]
fn fit_and_check_from_the_command_line() {
    let out = stdout(&run_ok(&["fit", "beta", "--n", "200", "--k", "30"]));
    assert!(
        out.lines().any(|l| l == r#"{"beta":[30.5,170.5]}"#),
        "{out}"
    );
    let dir = tempfile::tempdir().unwrap();
    let periods = dir.path().join("p.csv");
    std::fs::write(
        &periods,
        "label,n,k\njul,1000,100\naug,1000,103\nsep,1000,98\n",
    )
    .unwrap();
    let out = stdout(&run_ok(&["fit", "--periods", periods.to_str().unwrap()]));
    assert!(
        out.contains("agree") && out.contains(r#"{"beta":[301.5,2699.5]}"#),
        "{out}"
    );
    let bad = bin().args(["fit"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(64));

    let model = fixture("consumer-sign-in.json");
    let probe = dir.path().join("probe.csv");
    std::fs::write(
        &probe,
        "journey,step,exit,population,n,k\nlogin,otp,pass,customers,2000,1\n",
    )
    .unwrap();
    let json = run_json(&[
        "check",
        model.to_str().unwrap(),
        "--observed",
        probe.to_str().unwrap(),
        "--seed",
        "3",
        "-n",
        "200",
        "--format",
        "json",
    ]);
    let typical = (json[0]["simulated"]["mean"].as_f64().unwrap() * 2000.0).round() as u64;
    let obs = dir.path().join("obs.csv");
    std::fs::write(
        &obs,
        format!("journey,step,exit,population,n,k\nlogin,otp,pass,customers,2000,{typical}\nlogin,otp,pass,customers,2000,60\n"),
    )
    .unwrap();
    let text = stdout(&run_ok(&[
        "check",
        model.to_str().unwrap(),
        "--observed",
        obs.to_str().unwrap(),
        "--seed",
        "3",
        "-n",
        "200",
    ]));
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("login/otp.pass"))
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        !lines[0].contains("FLAGGED") && lines[1].contains("FLAGGED"),
        "{text}"
    );
    let unknown = dir.path().join("unknown.csv");
    std::fs::write(
        &unknown,
        "journey,step,exit,population,n,k\nlogin,nowhere,pass,customers,10,1\n",
    )
    .unwrap();
    let out = bin()
        .args([
            "check",
            model.to_str().unwrap(),
            "--observed",
            unknown.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such step"));
}

/// Without `--observed`, `journeylab check` checks the counts the model's sources keep
/// (spec §12): consumer sign-in with its first step's legitimate abandonment citing a
/// source whose counts (1,500 in 10,000) are far above the model's PERT(0.5 %, 1 %, 3 %)
/// is flagged; the fixture as shipped keeps no such counts, which is a usage error.
#[test]
fn check_uses_the_counts_kept_in_the_models_sources() {
    let dir = tempfile::tempdir().unwrap();
    let shipped = fixture("consumer-sign-in.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&shipped).unwrap()).unwrap();
    doc["sources"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "id": "funnel", "title": "Sign-in funnel, November", "observed": [ { "n": 10000, "k": 1500 } ] }));
    let identify = doc["journeys"][0]["steps"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["id"] == "identify")
        .unwrap();
    identify["abandon"]["*legitimate"]["source"] = serde_json::json!("funnel");
    let model = dir.path().join("counted.json");
    std::fs::write(&model, serde_json::to_string(&doc).unwrap()).unwrap();

    let json = run_json(&[
        "check",
        model.to_str().unwrap(),
        "--seed",
        "5",
        "-n",
        "200",
        "--format",
        "json",
    ]);
    let results = json.as_array().unwrap();
    assert_eq!(results.len(), 1, "{json}");
    let r = &results[0];
    assert_eq!(r["observation"]["step"], "identify");
    assert_eq!(r["observation"]["population"], "customers");
    assert_eq!(r["observation"]["k"], 1500);
    assert_eq!(r["flagged"], true, "{r}");

    let out = bin()
        .args(["check", shipped.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("keeps counts"));
}

/// `journeylab workshops list` shows where a workshop prepared in the app resumes, and
/// `export` writes its summary; an unknown id says so.
#[test]
fn workshops_are_listed_and_exported_from_the_command_line() {
    use journeylab_app::{ItemKind, Workshop, WorkshopItem};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let store = journeylab_app::open_workspace(Some(&db)).unwrap();
    let item = |title: &str, what: ItemKind| WorkshopItem::new(title, 10, what);
    let w = journeylab_app::save_workshop(
        &store,
        Workshop {
            id: None,
            model_key: "consumer-sign-in".into(),
            model_path: fixture("consumer-sign-in.json").display().to_string(),
            name: "Payout review".into(),
            items: vec![
                item(
                    "Welcome",
                    ItemKind::Notes {
                        text: "Agenda and goals".into(),
                    },
                ),
                item(
                    "Sign in",
                    ItemKind::Journey {
                        journey: "login".into(),
                        population: None,
                    },
                ),
            ],
            current: 1,
            started_at: Some("2026-12-06T09:00:00Z".into()),
            ended_at: None,
        },
    )
    .unwrap();
    drop(store);
    let dbs = db.to_str().unwrap();
    let listed = stdout(&run_ok(&[
        "--db",
        dbs,
        "workshops",
        "list",
        "--model",
        "consumer-sign-in",
    ]));
    assert!(
        listed.contains("Payout review") && listed.contains("resumes at item 2: Sign in"),
        "{listed}"
    );
    let out = dir.path().join("summary.html");
    let id = w.id.unwrap().to_string();
    run_ok(&[
        "--db",
        dbs,
        "workshops",
        "export",
        &id,
        "--out",
        out.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("Agenda and goals") && html.contains("Show journey login"),
        "{html}"
    );
    let missing = bin()
        .args([
            "--db",
            dbs,
            "workshops",
            "export",
            "999",
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("workshop"));
}
