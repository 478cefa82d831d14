//! Charts a room can read (issue 15): every chart kind of a real run of every fixture,
//! drawn at projector size (1920 × 1080), has no two text labels on top of each other
//! and keeps its plot inside the data.
//!
//! Label boxes are read from the SVG the app serves: each `<text>`'s anchor point, its
//! anchoring (`text-anchor`, `dy`) and font size give a box whose width is estimated at
//! 0.55 em per character (DejaVu Sans, the font the charts use, averages 0.55–0.64 em on
//! this text). To keep the estimate from reporting neighbours that merely touch, each box
//! is shrunk by 10 % of its width and 20 % of its height before the test; labels that
//! really overlap (a stack of marker labels) overlap by far more than that.

use std::path::PathBuf;

use journeylab_app::{load_model, open_workspace, render_run_chart, run_and_store, ChartRequest};
use journeylab_charts::{ChartKind, Format};
use journeylab_engine::{Mode, Settings};

#[derive(Debug, Clone)]
struct Label {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

/// The boxes of every horizontal text of an SVG (rotated axis titles are skipped).
fn labels(svg: &str) -> Vec<Label> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find("<text") {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let Some(close) = after.find("</text>") else {
            break;
        };
        let text = after[tag_end + 1..close].trim().to_string();
        rest = &after[close..];
        if tag.contains("rotate(") || text.is_empty() {
            continue;
        }
        let num = |n: &str| attr(tag, n).and_then(|v| v.parse::<f64>().ok());
        let (Some(x), Some(y), Some(fs)) = (num("x"), num("y"), num("font-size")) else {
            continue;
        };
        let w = text.chars().count() as f64 * 0.55 * fs;
        let top = match attr(tag, "dy").as_deref() {
            Some("0.76em") => y,
            Some("-0.5ex") => y - 0.25 * fs - fs,
            Some("0.5ex") | Some("0.35em") => y - 0.5 * fs,
            _ => y - 0.8 * fs,
        };
        let left = match attr(tag, "text-anchor").as_deref() {
            Some("middle") => x - w / 2.0,
            Some("end") => x - w,
            _ => x,
        };
        let (sx, sy) = (0.05 * w, 0.1 * fs);
        out.push(Label {
            text,
            x0: left + sx,
            y0: top + sy,
            x1: left + w - sx,
            y1: top + fs - sy,
        });
    }
    out
}

fn overlaps(a: &Label, b: &Label) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn no_chart_of_any_fixture_has_labels_on_top_of_each_other_at_projector_size() {
    let dir = std::env::temp_dir().join(format!("journeylab-legibility-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let store = open_workspace(Some(&dir.join("ws.db"))).expect("workspace");
    let settings = Settings {
        iterations: 400,
        seed: 5,
        mode: Mode::Sampled,
        sampling: journeylab_engine::Sampling::Mc,
        threads: None,
    };
    let mut problems = Vec::new();
    let mut drawn = 0;
    for path in fixtures() {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let model = load_model(&path).expect("fixture");
        let (run_id, _) = run_and_store(&store, &name, &model, &settings, None, None).expect("run");
        for kind in ChartKind::ALL {
            let req = ChartRequest {
                kind,
                metric: None,
                x_metric: None,
                scenarios: Vec::new(),
                journey: None,
                log_scale: false,
                format: Format::Svg,
                width: 1920,
                height: 1080,
            };
            let svg = match render_run_chart(&store, run_id, &req) {
                Ok(bytes) => String::from_utf8(bytes).expect("svg text"),
                // A kind a run cannot draw (no scenario to compare) says so; not this test's concern.
                Err(_) => continue,
            };
            drawn += 1;
            let ls = labels(&svg);
            for (i, a) in ls.iter().enumerate() {
                for b in &ls[i + 1..] {
                    if overlaps(a, b) {
                        problems.push(format!(
                            "{name} {}: “{}” overlaps “{}”",
                            kind.as_str(),
                            a.text,
                            b.text
                        ));
                    }
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(drawn >= 20, "only {drawn} charts drawn");
    assert!(
        problems.is_empty(),
        "{} overlaps:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_box_reader_sees_two_stacked_labels() {
    let svg = r#"<svg><text x="100" y="50" dy="0.76em" text-anchor="start" font-size="20">mean $1.2M</text><text x="104" y="55" dy="0.76em" text-anchor="start" font-size="20">P50 $1.1M</text><text x="400" y="55" dy="0.76em" font-size="20">P95</text></svg>"#;
    let ls = labels(svg);
    assert_eq!(ls.len(), 3);
    assert!(overlaps(&ls[0], &ls[1]));
    assert!(!overlaps(&ls[0], &ls[2]));
}
