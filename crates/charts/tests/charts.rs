//! Chart tests: SVG snapshots, determinism, PNG size and content, edge cases.
//!
//! Snapshots live in `tests/snapshots/`; regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test -p journeylab-charts` and look at the diff.

use std::path::PathBuf;

use journeylab_charts::{
    compare, exceedance, funnel, histogram, tornado, tradeoff, ChartError, ChartKind, ChartOptions,
    Format, FunnelRow, MetricInfo, NamedSample, OutcomeClass, OutcomeCount, ScenarioSummary,
    Summary, TornadoBar, TradeoffPoint, Unit,
};

// ---------------------------------------------------------------------------------------
// Fixed inputs

/// SplitMix64 with normal draws: fixed made-up samples without extra dependencies.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.uniform(), self.uniform());
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
    fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        (median * (sigma * self.normal()).exp()).round()
    }
}

fn losses(seed: u64, median: f64, n: usize) -> Vec<f64> {
    let mut r = Rng(seed);
    (0..n).map(|_| r.lognormal(median, 0.6)).collect()
}

fn opts(format: Format) -> ChartOptions {
    ChartOptions {
        format,
        iterations: 2_000,
        ..ChartOptions::default()
    }
}

fn fraud() -> MetricInfo {
    MetricInfo::for_total("fraud_loss").expect("known metric")
}

fn summary(mean: f64, p5: f64, p95: f64) -> Summary {
    Summary {
        mean,
        sd: (p95 - p5) / 3.29,
        se: (p95 - p5) / 3.29 / 44.7,
        p5,
        p50: mean,
        p95,
        min: p5,
        max: p95,
    }
}

fn scenarios() -> (Vec<ScenarioSummary>, Vec<ScenarioSummary>) {
    let abandon = MetricInfo::for_total("legit_abandon_rate").expect("known metric");
    let contacts = MetricInfo::for_total("support_contacts").expect("known metric");
    let s = |id: &str, label: &str, f: Summary, a: Summary, c: Summary| ScenarioSummary {
        id: id.into(),
        label: label.into(),
        metrics: vec![(fraud(), f), (abandon.clone(), a), (contacts.clone(), c)],
    };
    let values = vec![
        s(
            "baseline",
            "Baseline",
            summary(1.4e6, 5.2e5, 2.9e6),
            summary(0.043, 0.034, 0.053),
            summary(18_400.0, 16_900.0, 20_100.0),
        ),
        s(
            "stepup",
            "Step-up",
            summary(6.1e5, 2.2e5, 1.35e6),
            summary(0.051, 0.041, 0.062),
            summary(21_300.0, 19_600.0, 23_100.0),
        ),
    ];
    let deltas = vec![s(
        "stepup",
        "Step-up",
        summary(-7.9e5, -1.7e6, -2.4e5),
        summary(0.008, 0.005, 0.011),
        summary(2_900.0, 2_300.0, 3_500.0),
    )];
    (values, deltas)
}

fn points() -> Vec<TradeoffPoint> {
    [
        (0.3, 0.071, 310_000.0),
        (0.5, 0.054, 470_000.0),
        (0.55, 0.056, 520_000.0),
        (0.7, 0.044, 760_000.0),
        (0.9, 0.039, 1_380_000.0),
    ]
    .iter()
    .map(|&(t, x, y)| TradeoffPoint {
        label: format!("risk ≥ {t:.2}"),
        x,
        y,
        x_lo: Some(x * 0.9),
        x_hi: Some(x * 1.1),
        y_lo: Some(y * 0.5),
        y_hi: Some(y * 2.0),
    })
    .collect()
}

fn bars() -> Vec<TornadoBar> {
    vec![
        TornadoBar::new("Loss per takeover", 9.0e5, 1.95e6),
        TornadoBar {
            low_setting: Some("20k".into()),
            high_setting: Some("80k".into()),
            ..TornadoBar::new("Attack volume", 7.2e5, 2.45e6)
        },
        TornadoBar::new("Retry limit", 1.33e6, 1.45e6),
    ]
}

fn flows() -> Vec<FunnelRow> {
    let o = |id: &str, class, count| OutcomeCount {
        outcome_id: id.into(),
        class,
        count,
    };
    vec![
        FunnelRow {
            population: "Customers".into(),
            entrants: 1_000_000.0,
            outcomes: vec![
                o("signed_in", OutcomeClass::Success, 905_000.0),
                o("gave_up", OutcomeClass::Abandoned, 60_000.0),
                o("locked_out", OutcomeClass::Blocked, 35_000.0),
            ],
        },
        FunnelRow {
            population: "Attackers".into(),
            entrants: 40_000.0,
            outcomes: vec![
                o("signed_in", OutcomeClass::Success, 1_900.0),
                o("locked_out", OutcomeClass::Blocked, 30_000.0),
            ],
        },
    ]
}

/// Every chart kind drawn from the fixed inputs, by name.
fn all_charts(format: Format) -> Vec<(&'static str, Result<Vec<u8>, ChartError>)> {
    let o = opts(format);
    let base = losses(1, 1_200_000.0, 2_000);
    let alt = losses(2, 520_000.0, 2_000);
    let two = [
        NamedSample {
            label: "Baseline",
            values: &base,
        },
        NamedSample {
            label: "Step-up",
            values: &alt,
        },
    ];
    let (values, deltas) = scenarios();
    let friction = MetricInfo::for_total("legit_abandon_rate").expect("known metric");
    vec![
        ("histogram", histogram(&two, &fraud(), &o)),
        ("exceedance", exceedance(&two, &fraud(), false, &o)),
        ("exceedance-log", exceedance(&two, &fraud(), true, &o)),
        ("compare", compare(&values, &deltas, &o)),
        ("tradeoff", tradeoff(&points(), &friction, &fraud(), &o)),
        ("tornado", tornado(&bars(), 1_380_000.0, &fraud(), &o)),
        ("funnel", funnel("Login", &flows(), &o)),
    ]
}

fn svg(bytes: Vec<u8>) -> String {
    let s = String::from_utf8(bytes).expect("SVG is UTF-8");
    assert!(
        s.starts_with("<svg"),
        "not an SVG: {}",
        &s[..s.len().min(80)]
    );
    assert!(s.trim_end().ends_with("</svg>"));
    s
}

// ---------------------------------------------------------------------------------------
// Snapshots and determinism

#[test]
fn svg_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    for (name, out) in all_charts(Format::Svg) {
        let got = svg(out.expect("chart draws"));
        let path = dir.join(format!("{name}.svg"));
        if update {
            std::fs::create_dir_all(&dir).expect("create snapshot dir");
            std::fs::write(&path, &got).expect("write snapshot");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(want) if want == got => {}
            Ok(_) => {
                let new = path.with_extension("new.svg");
                let _ = std::fs::write(&new, &got);
                failures.push(format!(
                    "{name}: differs from {} (new output in {})",
                    path.display(),
                    new.display()
                ));
            }
            Err(_) => failures.push(format!("{name}: no snapshot at {}", path.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nrun with UPDATE_SNAPSHOTS=1 to accept the new output",
        failures.join("\n")
    );
}

#[test]
fn svg_rendering_is_deterministic() {
    let a = all_charts(Format::Svg);
    let b = all_charts(Format::Svg);
    for ((name, x), (_, y)) in a.into_iter().zip(b) {
        assert_eq!(
            x.expect("draws"),
            y.expect("draws"),
            "{name} SVG differs between runs"
        );
    }
}

// ---------------------------------------------------------------------------------------
// PNG: decodes, is twice the logical size, is not blank

struct Decoded {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
}

fn decode(bytes: &[u8]) -> Decoded {
    let decoder = png::Decoder::new(bytes);
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("PNG frame");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    buf.truncate(info.buffer_size());
    Decoded {
        width: info.width,
        height: info.height,
        rgb: buf,
    }
}

fn check_not_blank(name: &str, img: &Decoded) {
    let mut colours = std::collections::BTreeSet::new();
    let mut ink = 0usize;
    for px in img.rgb.chunks_exact(3) {
        colours.insert((px[0], px[1], px[2]));
        if px != [255, 255, 255] {
            ink += 1;
        }
    }
    let share = ink as f64 / (img.width as f64 * img.height as f64);
    assert!(
        colours.len() > 50,
        "{name}: only {} distinct colours",
        colours.len()
    );
    assert!(
        share > 0.01,
        "{name}: only {:.2}% non-white pixels",
        share * 100.0
    );
    // Text rendered: dark anti-aliased pixels exist (the title at least).
    let dark = img
        .rgb
        .chunks_exact(3)
        .filter(|p| p.iter().all(|&c| c < 80))
        .count();
    assert!(dark > 500, "{name}: no dark text pixels ({dark})");
}

#[test]
fn pngs_are_deterministic_decode_at_twice_the_size_and_are_not_blank() {
    let again = all_charts(Format::Png);
    for ((name, out), (_, out2)) in all_charts(Format::Png).into_iter().zip(again) {
        let bytes = out.expect("chart draws");
        assert!(
            bytes == out2.expect("chart draws"),
            "{name}: PNG differs between runs"
        );
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{name}: PNG signature");
        let img = decode(&bytes);
        assert_eq!((img.width, img.height), (2400, 1350), "{name}: PNG size");
        check_not_blank(name, &img);
    }
}

#[test]
fn png_size_follows_the_options() {
    let base = losses(3, 1000.0, 500);
    let o = ChartOptions {
        width: 640,
        height: 400,
        ..opts(Format::Png)
    };
    let img = decode(
        &histogram(
            &[NamedSample {
                label: "Baseline",
                values: &base,
            }],
            &fraud(),
            &o,
        )
        .expect("draws"),
    );
    assert_eq!((img.width, img.height), (1280, 800));
    check_not_blank("small histogram", &img);
}

// ---------------------------------------------------------------------------------------
// Content: titles, labels, units, thousands separators

#[test]
fn titles_and_labels_say_what_is_shown() {
    let charts: Vec<(&str, String)> = all_charts(Format::Svg)
        .into_iter()
        .map(|(n, o)| (n, svg(o.expect("draws"))))
        .collect();
    let get = |n: &str| {
        charts
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, s)| s.as_str())
            .unwrap_or("")
    };
    let h = get("histogram");
    assert!(
        h.contains("Fraud loss per month — 2,000 iterations"),
        "histogram title"
    );
    assert!(
        h.contains("Fraud loss (USD per month)"),
        "histogram axis label"
    );
    assert!(h.contains("Share of iterations"));
    assert!(h.contains("P95 $"), "P95 marker label");
    assert!(h.contains("mean $"), "mean marker label");
    assert!(get("exceedance").contains("Chance that fraud loss per month exceeds x"));
    assert!(get("exceedance-log").contains("log scale"));
    assert!(get("compare").contains("Legitimate abandonment (%)"));
    assert!(get("compare").contains("+2,900"), "signed paired delta");
    assert!(get("tradeoff").contains("risk ≥ 0.30"), "point labels");
    assert!(get("tradeoff").contains("Pareto-optimal"));
    assert!(
        get("tornado").contains("20k → $720k"),
        "setting and value at the bar end"
    );
    assert!(
        get("funnel").contains("1,000,000 entrants"),
        "thousands separators"
    );
    assert!(get("funnel").contains("signed_in"));
}

#[test]
fn custom_title_currency_and_period() {
    let base = losses(4, 1000.0, 300);
    let o = ChartOptions {
        title: Some("Losses & <friends>".into()),
        currency: "EUR".into(),
        period: "quarter".into(),
        ..opts(Format::Svg)
    };
    let s = svg(histogram(
        &[NamedSample {
            label: "A",
            values: &base,
        }],
        &fraud(),
        &o,
    )
    .expect("draws"));
    assert!(
        s.contains("Losses &amp; &lt;friends&gt;"),
        "title escaped in SVG"
    );
    assert!(s.contains("Fraud loss (EUR per quarter)"));
    assert!(s.contains('€'));
}

// ---------------------------------------------------------------------------------------
// Edge cases: empty, single value, all zeros, NaN and infinities, for every kind

fn every_kind_with_samples(values: &[f64]) -> Vec<(&'static str, String)> {
    let o = opts(Format::Svg);
    let one = [NamedSample {
        label: "Baseline",
        values,
    }];
    vec![
        (
            "histogram",
            svg(histogram(&one, &fraud(), &o).expect("histogram draws")),
        ),
        (
            "exceedance",
            svg(exceedance(&one, &fraud(), false, &o).expect("exceedance draws")),
        ),
        (
            "exceedance-log",
            svg(exceedance(&one, &fraud(), true, &o).expect("log exceedance draws")),
        ),
    ]
}

#[test]
fn empty_samples_draw_a_no_data_note() {
    for (name, s) in every_kind_with_samples(&[]) {
        assert!(s.contains("No data"), "{name}: no 'No data' note");
    }
    let o = opts(Format::Svg);
    assert!(histogram(&[], &fraud(), &o).is_ok());
    assert!(exceedance(&[], &fraud(), true, &o).is_ok());
    let s = svg(compare(&[], &[], &o).expect("draws"));
    assert!(s.contains("No data"));
    let s = svg(tradeoff(&[], &fraud(), &fraud(), &o).expect("draws"));
    assert!(s.contains("No data"));
    let s = svg(tornado(&[], 1.0, &fraud(), &o).expect("draws"));
    assert!(s.contains("No data"));
    let s = svg(funnel("Login", &[], &o).expect("draws"));
    assert!(s.contains("No data"));
    // Scenarios with no metrics, populations with no entrants.
    let empty = ScenarioSummary {
        id: "b".into(),
        label: "B".into(),
        metrics: vec![],
    };
    assert!(svg(compare(&[empty], &[], &o).expect("draws")).contains("No data"));
    let row = FunnelRow {
        population: "Nobody".into(),
        entrants: 0.0,
        outcomes: vec![],
    };
    assert!(svg(funnel("Login", &[row], &o).expect("draws")).contains("No data"));
}

#[test]
fn all_zero_samples_say_so() {
    let zeros = vec![0.0; 2_000];
    for (name, s) in every_kind_with_samples(&zeros) {
        assert!(
            s.contains("2,000 iterations equal $0"),
            "{name}: no all-zero note"
        );
    }
    // On a log axis nothing is positive.
    let s = &every_kind_with_samples(&zeros)[2].1;
    assert!(s.contains("log axis"));
    let o = opts(Format::Svg);
    let flat = vec![TornadoBar::new("Nothing", 5.0, 5.0)];
    assert!(svg(tornado(&flat, 5.0, &fraud(), &o).expect("draws")).contains("every swing is 0"));
    let zero_points = vec![
        TradeoffPoint::new("a", 0.0, 0.0),
        TradeoffPoint::new("b", 0.0, 0.0),
    ];
    svg(tradeoff(&zero_points, &fraud(), &fraud(), &o).expect("draws"));
    let zero = summary(0.0, 0.0, 0.0);
    let sc = ScenarioSummary {
        id: "b".into(),
        label: "B".into(),
        metrics: vec![(fraud(), zero)],
    };
    let d = ScenarioSummary {
        id: "c".into(),
        label: "C".into(),
        metrics: vec![(fraud(), zero)],
    };
    let sc2 = ScenarioSummary {
        id: "c".into(),
        label: "C".into(),
        metrics: vec![(fraud(), zero)],
    };
    svg(compare(&[sc, sc2], &[d], &o).expect("draws"));
    let o2 = OutcomeCount {
        outcome_id: "x".into(),
        class: OutcomeClass::Success,
        count: 0.0,
    };
    let row = FunnelRow {
        population: "P".into(),
        entrants: 10.0,
        outcomes: vec![o2],
    };
    assert!(svg(funnel("J", &[row], &o).expect("draws")).contains("unaccounted"));
}

#[test]
fn single_values_draw() {
    for (name, s) in every_kind_with_samples(&[1234.0]) {
        let l = s.to_lowercase();
        assert!(
            l.contains("only 1 iteration") || l.contains("all 1 iteration"),
            "{name}: no single-value note"
        );
    }
    let o = opts(Format::Svg);
    svg(tradeoff(
        &[TradeoffPoint::new("only", 0.05, 1e6)],
        &fraud(),
        &fraud(),
        &o,
    )
    .expect("draws"));
    svg(tornado(&[TornadoBar::new("only", 1.0, 2.0)], 1.5, &fraud(), &o).expect("draws"));
    let (values, _) = scenarios();
    svg(compare(&values[..1], &[], &o).expect("draws"));
    svg(funnel("J", &flows()[..1], &o).expect("draws"));
}

#[test]
fn nan_and_infinite_inputs_never_panic() {
    let nasty = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        5.0,
        f64::NAN,
        7.0,
    ];
    for (name, s) in every_kind_with_samples(&nasty) {
        assert!(
            s.contains("4 of 6 iterations have no value"),
            "{name}: absent note"
        );
    }
    for (name, s) in every_kind_with_samples(&[f64::NAN; 10]) {
        assert!(s.contains("No data"), "{name}");
    }
    let o = opts(Format::Svg);
    let mut pts = points();
    pts.push(TradeoffPoint::new("broken", f64::NAN, 1.0));
    pts.push(TradeoffPoint {
        x_lo: Some(f64::NEG_INFINITY),
        ..TradeoffPoint::new("half", 0.05, 1e6)
    });
    assert!(svg(tradeoff(&pts, &fraud(), &fraud(), &o).expect("draws"))
        .contains("1 option without a finite value"));
    let mut b = bars();
    b.push(TornadoBar::new("broken", f64::INFINITY, 1.0));
    assert!(svg(tornado(&b, f64::NAN, &fraud(), &o).expect("draws"))
        .contains("1 input with a non-finite value"));
    let nan = summary(f64::NAN, f64::NAN, f64::NAN);
    let (mut values, mut deltas) = scenarios();
    values[1].metrics[0].1 = nan;
    deltas[0].metrics[1].1 = nan;
    assert!(svg(compare(&values, &deltas, &o).expect("draws")).contains("has no value"));
    let mut f = flows();
    f[0].outcomes[0].count = f64::NAN;
    f[1].entrants = f64::INFINITY;
    svg(funnel("J", &f, &o).expect("draws"));
    // Huge and tiny magnitudes.
    let wide = [
        1e-300,
        1e300,
        3.0,
        f64::MAX,
        -f64::MAX,
        1e99,
        -1e99,
        f64::MIN_POSITIVE,
    ];
    for (_, s) in every_kind_with_samples(&wide) {
        assert!(s.starts_with("<svg"));
    }
    let huge = vec![
        TradeoffPoint::new("huge", 1e200, -1e200),
        TradeoffPoint::new("max", f64::MAX, 1.0),
        TradeoffPoint::new("ok", 1.0, 2.0),
    ];
    svg(tradeoff(&huge, &fraud(), &fraud(), &o).expect("draws"));
    svg(tornado(
        &[
            TornadoBar::new("max", -f64::MAX, f64::MAX),
            TornadoBar::new("ok", 1.0, 1e99),
        ],
        f64::MAX,
        &fraud(),
        &o,
    )
    .expect("draws"));
    let big = summary(1e99, -1e99, f64::MAX);
    let sc = ScenarioSummary {
        id: "b".into(),
        label: "B".into(),
        metrics: vec![(fraud(), big)],
    };
    svg(compare(&[sc], &[], &o).expect("draws"));
    // PNG of the same edge cases too.
    let po = opts(Format::Png);
    for values in [&[][..], &[0.0; 50][..], &[1.0][..], &nasty[..]] {
        let one = [NamedSample { label: "B", values }];
        for bytes in [
            histogram(&one, &fraud(), &po).expect("draws"),
            exceedance(&one, &fraud(), true, &po).expect("draws"),
        ] {
            let img = decode(&bytes);
            assert_eq!((img.width, img.height), (2400, 1350));
        }
    }
}

#[test]
fn invalid_sizes_are_errors() {
    let o = ChartOptions {
        width: 0,
        ..opts(Format::Svg)
    };
    assert!(matches!(
        histogram(&[], &fraud(), &o),
        Err(ChartError::InvalidSize { .. })
    ));
    let o = ChartOptions {
        height: 100_000,
        ..opts(Format::Png)
    };
    assert!(matches!(
        funnel("J", &flows(), &o),
        Err(ChartError::InvalidSize { .. })
    ));
}

#[test]
fn formats_and_kinds_parse() {
    assert_eq!(Format::from_path("out/chart.SVG"), Some(Format::Svg));
    assert_eq!(Format::from_path("chart.png"), Some(Format::Png));
    assert_eq!(Format::from_path("chart.pdf"), None);
    assert_eq!(Format::from_path("chart"), None);
    for k in ChartKind::ALL {
        assert_eq!(k.as_str().parse::<ChartKind>(), Ok(k));
    }
    assert!("pie".parse::<ChartKind>().is_err());
    assert_eq!(
        MetricInfo::for_total("fraud_loss").map(|m| m.unit),
        Some(Unit::Money)
    );
    assert_eq!(
        MetricInfo::for_total("legit_abandon_rate").map(|m| m.unit),
        Some(Unit::Rate)
    );
    assert!(MetricInfo::for_total("nope").is_none());
    assert!(journeylab_charts::compare_height(4, 3) >= 600);
    assert!(journeylab_charts::compare_height(6, 5) > journeylab_charts::compare_height(4, 3));
}

#[test]
fn smallest_and_odd_sizes_draw_without_panicking() {
    let base = losses(5, 1_200_000.0, 500);
    let (values, deltas) = scenarios();
    let friction = MetricInfo::for_total("legit_abandon_rate").expect("known metric");
    let sizes = [(200, 200), (200, 1200), (1600, 200), (333, 777)];
    let cases = sizes
        .iter()
        .map(|&s| (s, Format::Svg))
        .chain([((200, 200), Format::Png)]);
    for ((w, h), format) in cases {
        let o = ChartOptions {
            width: w,
            height: h,
            ..opts(format)
        };
        let check = |b: Vec<u8>| match format {
            Format::Svg => drop(svg(b)),
            _ => assert_eq!(decode(&b).width, w * 2),
        };
        let one = [NamedSample {
            label: "Baseline",
            values: &base,
        }];
        check(histogram(&one, &fraud(), &o).expect("histogram"));
        check(exceedance(&one, &fraud(), true, &o).expect("exceedance"));
        check(compare(&values, &deltas, &o).expect("compare"));
        check(tradeoff(&points(), &friction, &fraud(), &o).expect("tradeoff"));
        check(tornado(&bars(), 1_380_000.0, &fraud(), &o).expect("tornado"));
        check(funnel("Login", &flows(), &o).expect("funnel"));
    }
}

/// A money metric spanning more than two decades (a fraud loss from hundreds to
/// millions) is drawn on a logarithmic axis, its zeros counted in a note; one within a
/// decade stays linear.
#[test]
fn a_heavy_tailed_amount_gets_a_logarithmic_axis() {
    let mut r = Rng(7);
    let mut wide: Vec<f64> = (0..2_000).map(|_| r.lognormal(20_000.0, 2.0)).collect();
    // 5 of 2,000 at zero: 0.25 %, written 0.2 % (ties round to even).
    wide[..5].iter_mut().for_each(|v| *v = 0.0);
    let s = svg(histogram(
        &[NamedSample {
            label: "Baseline",
            values: &wide,
        }],
        &fraud(),
        &opts(Format::Svg),
    )
    .expect("draws"));
    assert!(s.contains("logarithmic scale"), "log axis named");
    assert!(
        s.contains("5 iterations at $0 (0.2 %) are not on the logarithmic axis"),
        "zeros noted: {}",
        s.lines()
            .filter(|l| l.contains("iteration"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let narrow = losses(3, 20_000.0, 2_000);
    let s = svg(histogram(
        &[NamedSample {
            label: "Baseline",
            values: &narrow,
        }],
        &fraud(),
        &opts(Format::Svg),
    )
    .expect("draws"));
    assert!(!s.contains("logarithmic"), "a narrow sample stays linear");
}
