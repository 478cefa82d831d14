//! Draws every chart kind with realistic made-up data, as PNG and SVG, into a folder
//! (default `/tmp/charts`): `cargo run -p journeylab-charts --example gallery [DIR]`.

use journeylab_charts::{
    compare, exceedance, funnel, histogram, tornado, tradeoff, ChartOptions, Format, FunnelRow,
    MetricInfo, NamedSample, OutcomeClass, OutcomeCount, ScenarioSummary, Summary, TornadoBar,
    TradeoffPoint, Unit,
};

/// Small deterministic generator (SplitMix64) with normal draws, so the gallery needs no
/// extra dependency.
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
        median * (sigma * self.normal()).exp()
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/charts".to_string());
    std::fs::create_dir_all(&dir)?;
    let n = 10_000usize;
    let mut rng = Rng(42);

    // Fraud loss per month: lognormal-ish, baseline vs step-up.
    let baseline: Vec<f64> = (0..n).map(|_| rng.lognormal(1_200_000.0, 0.55)).collect();
    let stepup: Vec<f64> = (0..n).map(|_| rng.lognormal(520_000.0, 0.6)).collect();
    // Legitimate abandonment rate, with some absent iterations.
    let abandon: Vec<f64> = (0..n)
        .map(|i| {
            if i % 97 == 0 {
                f64::NAN
            } else {
                (0.043 + 0.006 * rng.normal()).max(0.0)
            }
        })
        .collect();

    let fraud = MetricInfo::new("Fraud loss", Unit::Money);
    let abandon_m = MetricInfo::for_total("legit_abandon_rate").expect("known metric");
    let contacts = MetricInfo::for_total("support_contacts").expect("known metric");
    let hours = MetricInfo::for_total("customer_hours").expect("known metric");

    for format in [Format::Png, Format::Svg] {
        let ext = match format {
            Format::Png => "png",
            Format::Svg => "svg",
        };
        let opts = ChartOptions {
            format,
            iterations: n as u64,
            ..ChartOptions::default()
        };
        let write = |name: &str, bytes: Vec<u8>| -> std::io::Result<()> {
            let path = format!("{dir}/{name}.{ext}");
            std::fs::write(&path, bytes)?;
            println!("wrote {path}");
            Ok(())
        };

        let two = [
            NamedSample {
                label: "Baseline",
                values: &baseline,
            },
            NamedSample {
                label: "Step-up on risky logins",
                values: &stepup,
            },
        ];
        write("histogram", histogram(&two, &fraud, &opts)?)?;
        write(
            "histogram-rate",
            histogram(
                &[NamedSample {
                    label: "Baseline",
                    values: &abandon,
                }],
                &abandon_m,
                &opts,
            )?,
        )?;
        write("exceedance", exceedance(&two, &fraud, false, &opts)?)?;
        write("exceedance-log", exceedance(&two, &fraud, true, &opts)?)?;

        let s = |mean: f64, p5: f64, p95: f64| Summary {
            mean,
            sd: (p95 - p5) / 3.3,
            se: (p95 - p5) / 330.0,
            p5,
            p50: mean,
            p95,
            min: p5 * 0.8,
            max: p95 * 1.3,
        };
        let scen = |id: &str, label: &str, f: Summary, a: Summary, c: Summary, h: Summary| {
            ScenarioSummary {
                id: id.to_string(),
                label: label.to_string(),
                metrics: vec![
                    (fraud.clone(), f),
                    (abandon_m.clone(), a),
                    (contacts.clone(), c),
                    (hours.clone(), h),
                ],
            }
        };
        let scenarios = [
            scen(
                "baseline",
                "Baseline",
                s(1_380_000.0, 520_000.0, 2_900_000.0),
                s(0.043, 0.034, 0.053),
                s(18_400.0, 16_900.0, 20_100.0),
                s(5_200.0, 4_800.0, 5_650.0),
            ),
            scen(
                "stepup",
                "Step-up on risky logins",
                s(610_000.0, 220_000.0, 1_350_000.0),
                s(0.051, 0.041, 0.062),
                s(21_300.0, 19_600.0, 23_100.0),
                s(6_900.0, 6_400.0, 7_450.0),
            ),
            scen(
                "passkeys",
                "Passkeys first",
                s(440_000.0, 150_000.0, 980_000.0),
                s(0.036, 0.028, 0.045),
                s(16_200.0, 14_800.0, 17_700.0),
                s(4_300.0, 3_950.0, 4_700.0),
            ),
        ];
        let deltas = [
            scen(
                "stepup",
                "Step-up on risky logins",
                s(-770_000.0, -1_700_000.0, -240_000.0),
                s(0.008, 0.005, 0.011),
                s(2_900.0, 2_300.0, 3_500.0),
                s(1_700.0, 1_500.0, 1_900.0),
            ),
            scen(
                "passkeys",
                "Passkeys first",
                s(-940_000.0, -2_000_000.0, -330_000.0),
                s(-0.007, -0.010, -0.004),
                s(-2_200.0, -2_800.0, -1_600.0),
                s(-900.0, -1_050.0, -760.0),
            ),
        ];
        write("compare", compare(&scenarios, &deltas, &opts)?)?;

        // Risk threshold sweep: lower threshold → more friction, less fraud.
        let points: Vec<TradeoffPoint> = [
            (0.30, 0.071, 310_000.0),
            (0.40, 0.062, 380_000.0),
            (0.50, 0.054, 470_000.0),
            (0.55, 0.056, 520_000.0),
            (0.60, 0.048, 590_000.0),
            (0.70, 0.044, 760_000.0),
            (0.75, 0.047, 800_000.0),
            (0.80, 0.041, 1_010_000.0),
            (0.90, 0.039, 1_380_000.0),
        ]
        .iter()
        .map(|&(t, x, y)| TradeoffPoint {
            label: format!("risk ≥ {t:.2}"),
            x,
            y,
            x_lo: Some(x * 0.85),
            x_hi: Some(x * 1.15),
            y_lo: Some(y * 0.45),
            y_hi: Some(y * 2.1),
        })
        .collect();
        write("tradeoff", tradeoff(&points, &abandon_m, &fraud, &opts)?)?;

        let bars = vec![
            TornadoBar {
                input_label: "Attack volume (credential stuffing)".into(),
                low_value: 720_000.0,
                high_value: 2_450_000.0,
                low_setting: Some("20k".into()),
                high_setting: Some("80k".into()),
            },
            TornadoBar {
                input_label: "Loss per account takeover".into(),
                low_value: 900_000.0,
                high_value: 1_950_000.0,
                low_setting: Some("$150".into()),
                high_setting: Some("$400".into()),
            },
            TornadoBar {
                input_label: "SMS OTP pass rate (attackers)".into(),
                low_value: 1_150_000.0,
                high_value: 1_720_000.0,
                low_setting: Some("2%".into()),
                high_setting: Some("8%".into()),
            },
            TornadoBar {
                input_label: "Risk model detection rate".into(),
                low_value: 1_640_000.0,
                high_value: 1_180_000.0,
                low_setting: Some("60%".into()),
                high_setting: Some("85%".into()),
            },
            TornadoBar::new("Retry limit", 1_330_000.0, 1_450_000.0),
            TornadoBar::new("Support agent reset verification", 1_360_000.0, 1_400_000.0),
        ];
        write("tornado", tornado(&bars, 1_380_000.0, &fraud, &opts)?)?;

        let oc = |id: &str, class, count| OutcomeCount {
            outcome_id: id.to_string(),
            class,
            count,
        };
        let flows = vec![
            FunnelRow {
                population: "Customers".into(),
                entrants: 1_000_000.0,
                outcomes: vec![
                    oc("signed_in", OutcomeClass::Success, 905_000.0),
                    oc("recovered_via_support", OutcomeClass::Success, 21_000.0),
                    oc("gave_up_at_otp", OutcomeClass::Abandoned, 38_000.0),
                    oc("gave_up_at_password", OutcomeClass::Abandoned, 22_000.0),
                    oc("locked_out", OutcomeClass::Blocked, 9_500.0),
                    oc("risk_denied", OutcomeClass::Blocked, 4_500.0),
                ],
            },
            FunnelRow {
                population: "Credential stuffers".into(),
                entrants: 40_000.0,
                outcomes: vec![
                    oc("signed_in", OutcomeClass::Success, 1_900.0),
                    oc("gave_up_at_otp", OutcomeClass::Abandoned, 6_100.0),
                    oc("locked_out", OutcomeClass::Blocked, 12_000.0),
                    oc("risk_denied", OutcomeClass::Blocked, 20_000.0),
                ],
            },
            FunnelRow {
                population: "SIM-swap fraudsters".into(),
                entrants: 800.0,
                outcomes: vec![
                    oc("signed_in", OutcomeClass::Success, 310.0),
                    oc("gave_up_at_otp", OutcomeClass::Abandoned, 90.0),
                    oc("risk_denied", OutcomeClass::Blocked, 400.0),
                ],
            },
        ];
        let fo = ChartOptions {
            title: None,
            ..opts.clone()
        };
        write("funnel", funnel("Login", &flows, &fo)?)?;

        // Edge cases, to look at too.
        let zeros = vec![0.0; n];
        write(
            "edge-histogram-zeros",
            histogram(
                &[NamedSample {
                    label: "Baseline",
                    values: &zeros,
                }],
                &fraud,
                &opts,
            )?,
        )?;
        write(
            "edge-histogram-empty",
            histogram(
                &[NamedSample {
                    label: "Baseline",
                    values: &[],
                }],
                &fraud,
                &opts,
            )?,
        )?;
        write(
            "edge-exceedance-zeros",
            exceedance(
                &[NamedSample {
                    label: "Baseline",
                    values: &zeros,
                }],
                &fraud,
                true,
                &opts,
            )?,
        )?;
    }
    stress(&dir)?;
    Ok(())
}

/// Harder layouts: many metrics and scenarios, many points, long labels, discrete counts.
fn stress(dir: &str) -> Result<(), Box<dyn std::error::Error>> {
    use journeylab_charts::compare_height;
    let mut rng = Rng(7);
    let opts = ChartOptions {
        format: Format::Png,
        iterations: 10_000,
        ..ChartOptions::default()
    };
    let ids = [
        "fraud_loss",
        "legit_abandon_rate",
        "false_reject_rate",
        "support_contacts",
        "support_cost",
        "customer_hours",
    ];
    let labels = [
        "Baseline",
        "Step-up on risky logins",
        "Passkeys first",
        "SMS OTP replaced by app push",
        "Risk threshold 0.6 with longer lockout",
    ];
    let mut scenarios = Vec::new();
    let mut deltas = Vec::new();
    for (k, label) in labels.iter().enumerate() {
        let mut metrics = Vec::new();
        let mut dm = Vec::new();
        for id in ids {
            let m = MetricInfo::for_total(id).expect("known");
            let base = match m.unit {
                Unit::Money => 900_000.0,
                Unit::Rate => 0.04,
                Unit::Count => 18_000.0,
                Unit::Hours => 5_000.0,
                Unit::Seconds | Unit::Minutes | Unit::Number => 100.0,
            };
            let f = 1.0 + 0.25 * rng.normal();
            let mean = base * f;
            metrics.push((
                m.clone(),
                Summary {
                    mean,
                    p5: mean * 0.7,
                    p50: mean,
                    p95: mean * 1.35,
                    ..Summary::default()
                },
            ));
            let d = mean - base;
            dm.push((
                m,
                Summary {
                    mean: d,
                    p5: d - base * 0.08,
                    p50: d,
                    p95: d + base * 0.08,
                    ..Summary::default()
                },
            ));
        }
        let id = format!("s{k}");
        scenarios.push(ScenarioSummary {
            id: id.clone(),
            label: label.to_string(),
            metrics,
        });
        if k > 0 {
            deltas.push(ScenarioSummary {
                id,
                label: label.to_string(),
                metrics: dm,
            });
        }
    }
    std::fs::write(
        format!("{dir}/stress-compare-default-height.png"),
        compare(&scenarios, &deltas, &opts)?,
    )?;
    let tall = ChartOptions {
        height: compare_height(ids.len(), labels.len()),
        ..opts.clone()
    };
    std::fs::write(
        format!("{dir}/stress-compare-tall.png"),
        compare(&scenarios, &deltas, &tall)?,
    )?;

    let points: Vec<TradeoffPoint> = (0..20)
        .map(|i| {
            let t = 0.2 + 0.04 * i as f64;
            let x = 0.08 - 0.002 * i as f64 + 0.004 * rng.normal();
            let y = 250_000.0 * (1.0 + 0.12 * i as f64) * (1.0 + 0.1 * rng.normal());
            TradeoffPoint::new(format!("threshold {t:.2}"), x, y)
        })
        .collect();
    let contacts = MetricInfo::for_total("support_contacts").expect("known");
    let attacks = MetricInfo::for_total("attack_success").expect("known");
    let pts: Vec<TradeoffPoint> = points
        .iter()
        .map(|p| TradeoffPoint {
            x: p.x * 300_000.0,
            y: p.y / 400.0,
            ..p.clone()
        })
        .collect();
    std::fs::write(
        format!("{dir}/stress-tradeoff-20.png"),
        tradeoff(&pts, &contacts, &attacks, &opts)?,
    )?;

    let bars: Vec<TornadoBar> = (0..12)
        .map(|i| {
            let swing = 800_000.0 / (1.0 + i as f64);
            TornadoBar::new(
                format!("Input number {i} with a rather long descriptive label for the workshop"),
                1_000_000.0 - swing * 0.6,
                1_000_000.0 + swing * 0.4,
            )
        })
        .collect();
    let fraud = MetricInfo::for_total("fraud_loss").expect("known");
    std::fs::write(
        format!("{dir}/stress-tornado-12.png"),
        tornado(&bars, 1_000_000.0, &fraud, &opts)?,
    )?;

    let counts: Vec<f64> = (0..10_000)
        .map(|_| (rng.uniform() * rng.uniform() * 9.0).floor())
        .collect();
    std::fs::write(
        format!("{dir}/stress-histogram-counts.png"),
        histogram(
            &[NamedSample {
                label: "Baseline",
                values: &counts,
            }],
            &attacks,
            &opts,
        )?,
    )?;
    println!("wrote stress charts to {dir}");
    Ok(())
}
