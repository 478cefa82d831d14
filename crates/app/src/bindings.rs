//! The UI's side of the contract, generated: TypeScript types of everything that crosses
//! the IPC boundary (ts-rs), the command table, the vocabulary and the formatting cases
//! the UI's formatter must reproduce. Committed in `ui/src/ipc/gen/`; the test
//! `crates/app/tests/bindings.rs` fails when they are stale and rewrites them with
//! `JOURNEYLAB_BLESS=1`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use journeylab_engine::format::{format_cases, FormatCase};
use journeylab_engine::vocab::{vocabulary, Vocabulary};
use ts_rs::{Config, TypeVisitor, TS};

use crate::ipc::{signatures, visit_types};

/// Where the bindings live, relative to the repository root.
pub const GENERATED_DIR: &str = "ui/src/ipc/gen";

/// The first line of every generated file.
const NOTE: &str =
    "// Generated from the Rust crates by crates/app/src/bindings.rs: do not edit.\n// Regenerate: JOURNEYLAB_BLESS=1 cargo test -p journeylab-app --test bindings\n";

/// The ts-rs settings: u64 and i64 are JSON numbers (seeds, which can exceed 2^53, are
/// strings by their own attribute).
fn config(out: &Path) -> Config {
    Config::new().with_large_int("number").with_out_dir(out)
}

/// Every generated file: path relative to [`GENERATED_DIR`] → content.
pub fn generate() -> Result<BTreeMap<PathBuf, String>, String> {
    let scratch = std::env::temp_dir().join(format!(
        "journeylab-bindings-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    let cfg = config(&scratch);
    let mut exporter = Exporter {
        cfg: &cfg,
        names: BTreeSet::new(),
        error: None,
    };
    visit_types(&mut exporter);
    exporter.visit::<Vocabulary>();
    exporter.visit::<FormatCase>();
    exporter.visit::<crate::ErrorPayload>();
    if let Some(e) = exporter.error.take() {
        std::fs::remove_dir_all(&scratch).ok();
        return Err(e);
    }
    let mut files = BTreeMap::new();
    let read = read_tree(&scratch, &scratch, &mut files);
    std::fs::remove_dir_all(&scratch).ok();
    read?;
    let names = exporter.names;
    files.insert(PathBuf::from("index.ts"), index(&names));
    files.insert(PathBuf::from("commands.ts"), commands(&cfg, &names));
    files.insert(PathBuf::from("vocabularyValues.ts"), vocabulary_ts()?);
    files.insert(PathBuf::from("formatCases.ts"), format_cases_ts()?);
    files.insert(PathBuf::from("samples.ts"), samples_ts()?);
    Ok(files)
}

/// Exports every declarable type it visits (with its dependencies) and remembers its
/// name; looks inside wrappers (`Vec<T>`, `Option<T>`, tuples) for declarable types.
struct Exporter<'a> {
    cfg: &'a Config,
    names: BTreeSet<String>,
    error: Option<String>,
}

impl TypeVisitor for Exporter<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if self.error.is_some() {
            return;
        }
        if T::output_path().is_some() {
            if self.names.insert(T::ident(self.cfg)) {
                if let Err(e) = T::export_all(self.cfg) {
                    self.error = Some(format!("exporting {}: {e}", T::ident(self.cfg)));
                }
                T::visit_dependencies(self);
            }
        } else {
            T::visit_dependencies(self);
            T::visit_generics(self);
        }
    }
}

fn read_tree(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            read_tree(root, &path, out)?;
        } else {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let rel = path.strip_prefix(root).map_err(|e| e.to_string())?;
            out.insert(rel.to_path_buf(), text);
        }
    }
    Ok(())
}

fn index(names: &BTreeSet<String>) -> String {
    let mut out = String::from(NOTE);
    for n in names {
        out.push_str(&format!("export type {{ {n} }} from \"./{n}\";\n"));
    }
    out.push_str("export type { CommandName, Commands } from \"./commands\";\n");
    out
}

/// The names of declared types that `text` mentions.
fn mentioned<'a>(text: &str, names: &'a BTreeSet<String>) -> Vec<&'a String> {
    let words: BTreeSet<&str> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    names
        .iter()
        .filter(|n| words.contains(n.as_str()))
        .collect()
}

fn commands(cfg: &Config, names: &BTreeSet<String>) -> String {
    let sigs = signatures(cfg);
    let mut body = String::new();
    body.push_str("/** Every command of the desktop shell: its argument object, answer and streamed event. */\nexport interface Commands {\n");
    for s in &sigs {
        body.push_str(&format!(
            "  {}: {{ args: {}; output: {}; event: {} }};\n",
            s.name, s.args, s.output, s.event
        ));
    }
    body.push_str("}\n\n/** A command's name. */\nexport type CommandName = keyof Commands;\n\n");
    body.push_str("/** Every command, in registration order. */\nexport const COMMAND_NAMES = [\n");
    for s in &sigs {
        body.push_str(&format!("  \"{}\",\n", s.name));
    }
    body.push_str("] as const satisfies readonly CommandName[];\n");
    let mut out = String::from(NOTE);
    let used = mentioned(&body, names);
    // Each type from its own file (importing "./index", which re-exports this file,
    // would make a cycle).
    for name in &used {
        out.push_str(&format!("import type {{ {name} }} from \"./{name}\";\n"));
    }
    if !used.is_empty() {
        out.push('\n');
    }
    out.push_str(&body);
    out
}

fn vocabulary_ts() -> Result<String, String> {
    let json = serde_json::to_string_pretty(&vocabulary()).map_err(|e| e.to_string())?;
    Ok(format!(
        "{NOTE}import type {{ Vocabulary }} from \"./Vocabulary\";\n\n/** The engine's vocabulary (crates/engine/src/vocab.rs): metric catalogue, step kinds and exits, decision areas, distributions. */\nexport const VOCABULARY: Vocabulary = {json};\n"
    ))
}

fn format_cases_ts() -> Result<String, String> {
    let json = serde_json::to_string_pretty(&format_cases()).map_err(|e| e.to_string())?;
    Ok(format!(
        "{NOTE}import type {{ FormatCase }} from \"./FormatCase\";\n\n/** What the engine's formatter (crates/engine/src/format.rs) writes: the UI's must write the same. */\nexport const FORMAT_CASES: FormatCase[] = {json};\n"
    ))
}

/// Real engine answers for the UI's tests, so they test the UI against what the engine
/// says rather than against a mock: the inspector's quantity views, the flow overlay of
/// consumer sign-in's login for every population, one threshold-explorer answer, and
/// the routes view of the consumer identity model with and without its recovery fix.
fn samples_ts() -> Result<String, String> {
    use crate::quantity_view::{describe_quantity, QuantityDomain};
    use serde_json::json;

    let quantities = [
        (json!({ "beta": [2, 6] }), QuantityDomain::Probability),
        (json!({ "beta": [6, 3] }), QuantityDomain::Probability),
        (json!({ "beta": [9, 3] }), QuantityDomain::Probability),
        (json!({ "pert": [2, 4, 9] }), QuantityDomain::NonNegative),
        (json!({ "uniform": [2.5, 9] }), QuantityDomain::NonNegative),
        (json!({ "uniform": [5, 5] }), QuantityDomain::NonNegative),
        (json!({ "lognormal": [2, 50] }), QuantityDomain::NonNegative),
        (
            json!({ "triangular": [5, 1, 9] }),
            QuantityDomain::NonNegative,
        ),
        (json!(0.3), QuantityDomain::Probability),
    ];
    let quantity_samples: Vec<serde_json::Value> = quantities
        .iter()
        .map(|(q, domain)| {
            json!({
                "quantity": q,
                "domain": match domain {
                    QuantityDomain::Probability => "probability",
                    QuantityDomain::NonNegative => "non_negative",
                },
                "view": describe_quantity(q, *domain),
            })
        })
        .collect();

    let fixture = "consumer-sign-in.json";
    let text = std::fs::read_to_string(repository_root().join("fixtures").join(fixture))
        .map_err(|e| format!("fixtures/{fixture}: {e}"))?;
    let loaded = crate::load_model_text(text);
    let spec = loaded
        .validation
        .spec
        .as_ref()
        .ok_or_else(|| format!("fixtures/{fixture} is not valid"))?;
    let (journey, seed, iterations) = ("login", 24_680, 400);
    let mut flows = serde_json::Map::new();
    for p in &spec.populations {
        if let Some(f) = journeylab_engine::flows::population_flows(
            spec,
            journey,
            &p.id,
            seed,
            iterations,
            journeylab_engine::Sampling::Mc,
            &journeylab_engine::sim::Dimensions::default(),
        )
        .map_err(|e| e.to_string())?
        {
            flows.insert(p.id.clone(), json!(f));
        }
    }
    let exploration = crate::explore_gate(&loaded.document, "login/risk", 0.5, 0.9, 300, 1)
        .map_err(|e| e.to_string())?;
    let mut exploration = serde_json::to_value(&exploration).map_err(|e| e.to_string())?;
    // The one number that depends on the machine: how long the engine took.
    exploration["compute_ms"] = json!(0.0);

    let identity = "consumer-identity.json";
    let text = std::fs::read_to_string(repository_root().join("fixtures").join(identity))
        .map_err(|e| format!("fixtures/{identity}: {e}"))?;
    let identity_model = crate::load_model_text(text);
    let routes_of = |scenario: &str| {
        crate::model_routes(
            &identity_model,
            &crate::RoutesRequest {
                scenario: Some(scenario.to_string()),
                seed: 24_680,
                iterations: 200,
            },
        )
        .map_err(|e| e.to_string())
        .and_then(|v| serde_json::to_value(v).map_err(|e| e.to_string()))
    };
    let routes_sample = json!({
        "fixture": identity,
        "baseline": routes_of("baseline")?,
        "fixed": routes_of("recovery_document_check")?,
    });

    // Evidence: counts of three drifting months, and three experts on an abandonment rate.
    let periods = json!([
        { "n": 1200, "k": 96, "label": "2026-07" },
        { "n": 1350, "k": 148, "label": "2026-08" },
        { "n": 1100, "k": 66, "label": "2026-09" }
    ]);
    let periods: Vec<journeylab_engine::evidence::Period> =
        serde_json::from_value(periods).map_err(|e| e.to_string())?;
    let judgements = json!([
        { "expert": "Fraud analyst", "quantiles": { "0.05": 0.02, "0.5": 0.06, "0.95": 0.15 }, "rationale": "desk logs" },
        { "expert": "CX lead", "quantiles": { "0.05": 0.04, "0.5": 0.1, "0.95": 0.2 } },
        { "expert": "Product manager", "quantiles": { "0.05": 0.01, "0.5": 0.05, "0.95": 0.12 } }
    ]);
    let judgements: Vec<journeylab_engine::evidence::Judgement> =
        serde_json::from_value(judgements).map_err(|e| e.to_string())?;
    let evidence_sample = json!({
        "periods": periods,
        "observed": crate::observed_fit(&periods).map_err(|e| e.to_string())?,
        "judgements": judgements,
        "family": "beta",
        "elicitation": crate::elicitation(&judgements, journeylab_engine::evidence::Family::Beta)
            .map_err(|e| e.to_string())?,
    });

    let catalogue = crate::catalogue().map_err(|e| e.to_string())?;

    let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).map_err(|e| e.to_string());
    Ok(format!(
        "{NOTE}import type {{ Catalogue }} from \"./Catalogue\";\nimport type {{ ElicitationView }} from \"./ElicitationView\";\nimport type {{ GateExploration }} from \"./GateExploration\";\nimport type {{ Judgement }} from \"./Judgement\";\nimport type {{ ObservedFitView }} from \"./ObservedFitView\";\nimport type {{ Period }} from \"./Period\";\nimport type {{ PopulationFlows }} from \"./PopulationFlows\";\nimport type {{ QuantityDomain }} from \"./QuantityDomain\";\nimport type {{ QuantityView }} from \"./QuantityView\";\nimport type {{ RoutesView }} from \"./RoutesView\";\n\n\
/** The engine's `describe_quantity` of a few quantities. */\n\
export const QUANTITY_SAMPLES: {{ quantity: unknown; domain: QuantityDomain; view: QuantityView }}[] = {};\n\n\
/** The engine's flows of every population in `journey` of `document` (fixtures/{fixture}), {iterations} expected-mode iterations, seed {seed}. */\n\
export const FLOW_SAMPLE: {{ fixture: string; document: unknown; journey: string; flows: Record<string, PopulationFlows> }} = {{\n  fixture: \"{fixture}\",\n  journey: \"{journey}\",\n  document: {},\n  flows: {},\n}};\n\n\
/** The app's `explore_gate` of login/risk in `document` at allow 0.5 / block 0.9 (300 iterations, seed 1; compute_ms zeroed). */\n\
export const EXPLORE_SAMPLE: {{ document: unknown; gate: string; exploration: GateExploration }} = {{\n  gate: \"login/risk\",\n  document: {},\n  exploration: {},\n}};\n\n\
/** The app's routes view of fixtures/{identity} (seed 24680, 200 iterations): the baseline and the scenario that fixes recovery. */\n\
export const ROUTES_SAMPLE: {{ fixture: string; baseline: RoutesView; fixed: RoutesView }} = {};\n\n\
/** The app's fits of three drifting months of counts and of three experts' judgements (beta family). */\n\
export const EVIDENCE_SAMPLE: {{ periods: Period[]; observed: ObservedFitView; judgements: Judgement[]; family: \"beta\"; elicitation: ElicitationView }} = {};\n\n\
/** The built-in control catalogue as the app lists it. */\n\
export const CATALOGUE_SAMPLE: Catalogue = {};\n",
        pretty(&json!(quantity_samples))?,
        pretty(&loaded.document)?,
        pretty(&json!(flows))?,
        pretty(&loaded.document)?,
        pretty(&exploration)?,
        pretty(&routes_sample)?,
        pretty(&evidence_sample)?,
        pretty(&serde_json::to_value(&catalogue).map_err(|e| e.to_string())?)?,
    ))
}

/// The repository root (two folders above this crate).
pub fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
