//! The explorer's memory of tradeoff curves: a curve depends on the document's baseline,
//! the gate, `block_at_or_above`, the iterations and the seed — never on `allow_below` —
//! so a drag of the allow slider reuses it, and so does a drag of the block slider back
//! over values already seen.

use std::sync::Mutex;

use journeylab_engine::sweep::SweepPoint;
use journeylab_engine::Settings;
use serde_json::Value;

/// Curves already computed, so moving only the allow slider costs one point instead of a
/// whole sweep, and dragging the block slider back over values already seen costs
/// nothing: a curve depends on the document, the gate, `block_at_or_above`, the
/// iterations and the seed — not on `allow_below`. One document at a time (an edit
/// empties it), at most [`CURVES_KEPT`] curves of it.
#[derive(Debug, Default)]
pub struct CurveCache {
    entry: Mutex<Option<CachedCurves>>,
}

/// How many curves (block values) of one document the cache keeps.
pub const CURVES_KEPT: usize = 64;

#[derive(Debug)]
struct CachedCurves {
    document: Value,
    gate: String,
    iterations: u64,
    seed: u64,
    /// The point at the document's own thresholds.
    reference: SweepPoint,
    /// (block, curve), most recently used last.
    curves: Vec<(f64, Vec<SweepPoint>)>,
}

impl CachedCurves {
    fn is_for(&self, document: &Value, gate: &str, settings: &Settings) -> bool {
        self.gate == gate
            && self.iterations == settings.iterations
            && self.seed == settings.seed
            && same_baseline(&self.document, document)
    }
}

/// Whether two documents have the same baseline: equal but for `scenarios`, which a
/// sweep leaves out (so saving the thresholds as a scenario keeps the curves).
fn same_baseline(a: &Value, b: &Value) -> bool {
    match (a.as_object(), b.as_object()) {
        (Some(a), Some(b)) => {
            let rest = |m: &serde_json::Map<String, Value>| {
                m.len() - usize::from(m.contains_key("scenarios"))
            };
            rest(a) == rest(b)
                && a.iter()
                    .filter(|(k, _)| *k != "scenarios")
                    .all(|(k, v)| b.get(k) == Some(v))
        }
        _ => a == b,
    }
}

impl CurveCache {
    /// An empty cache.
    pub const fn new() -> Self {
        CurveCache {
            entry: Mutex::new(None),
        }
    }

    /// The curve at `block` and the reference point, when computed before.
    pub(super) fn get(
        &self,
        document: &Value,
        gate: &str,
        block: f64,
        settings: &Settings,
    ) -> Option<(Vec<SweepPoint>, SweepPoint)> {
        let mut entry = self.entry.lock().ok()?;
        let c = entry
            .as_mut()
            .filter(|c| c.is_for(document, gate, settings))?;
        let at = c.curves.iter().position(|(b, _)| *b == block)?;
        let hit = c.curves.remove(at);
        let out = (hit.1.clone(), c.reference.clone());
        c.curves.push(hit);
        Some(out)
    }

    pub(super) fn put(
        &self,
        document: &Value,
        gate: &str,
        settings: &Settings,
        block: f64,
        curve: &[SweepPoint],
        reference: &SweepPoint,
    ) {
        // A poisoned lock only loses the cache, never an answer.
        let Ok(mut entry) = self.entry.lock() else {
            return;
        };
        match entry
            .as_mut()
            .filter(|c| c.is_for(document, gate, settings))
        {
            Some(c) => {
                c.curves.retain(|(b, _)| *b != block);
                if c.curves.len() >= CURVES_KEPT {
                    c.curves.remove(0);
                }
                c.curves.push((block, curve.to_vec()));
            }
            None => {
                *entry = Some(CachedCurves {
                    document: document.clone(),
                    gate: gate.to_string(),
                    iterations: settings.iterations,
                    seed: settings.seed,
                    reference: reference.clone(),
                    curves: vec![(block, curve.to_vec())],
                })
            }
        }
    }
}
