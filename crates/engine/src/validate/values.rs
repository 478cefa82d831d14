//! Readers for the leaves of a model: strings, ids, numbers, Quantities and
//! PerPopulation values. Each reports what is wrong and returns `None` instead of
//! failing, so one pass collects every problem.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::Ctx;
use crate::path::Path;
use crate::quantity::Dist;
use crate::spec::{PerPop, PopulationKind, QId, QuantitySpec};
use crate::vocab::{is_extension_key, DIST_KEYS};
use crate::Issue;

/// The largest count (entrants per period) or amount (money, seconds, minutes per user)
/// a model may give: 10¹². Totals are sums of products of these over journeys and
/// populations, kept in f64 (exact integers to 2⁵³ ≈ 9·10¹⁵): below the limit a period's
/// entrants stay exact and money keeps its cents, and nothing overflows.
pub const MAX_AMOUNT: f64 = 1e12;

/// What values a Quantity may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    /// Whole support in [0, 1].
    Probability,
    /// Whole support in [0, ∞).
    NonNegative,
}

impl Domain {
    fn describe(self) -> &'static str {
        match self {
            Domain::Probability => "a probability in [0, 1]",
            Domain::NonNegative => "a non-negative number",
        }
    }
}

/// True for `[a-z0-9_-]+`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Ctx {
    pub(super) fn err(&mut self, path: &Path, message: impl Into<String>, hint: impl Into<String>) {
        self.issues
            .push(Issue::error(path.to_string(), message).hint(hint));
    }

    pub(super) fn warn(&mut self, path: &Path, message: impl Into<String>) {
        self.issues.push(Issue::warning(path.to_string(), message));
    }

    /// `v` as an object, or an error.
    pub(super) fn object<'a>(
        &mut self,
        v: &'a Value,
        path: &Path,
    ) -> Option<&'a Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.err(
                    path,
                    format!("expected an object, found {}", type_name(other)),
                    "write { ... }",
                );
                None
            }
        }
    }

    /// `obj[key]` as an array (missing = empty unless `required`).
    pub(super) fn array<'a>(
        &mut self,
        obj: &'a Map<String, Value>,
        key: &str,
        path: &Path,
        required: bool,
    ) -> &'a [Value] {
        match obj.get(key) {
            Some(Value::Array(a)) => a,
            Some(other) => {
                self.err(
                    &path.key(key),
                    format!("expected an array, found {}", type_name(other)),
                    "write [ ... ]",
                );
                &[]
            }
            None => {
                if required {
                    self.err(
                        path,
                        format!("missing required key `{key}`"),
                        format!("add \"{key}\": [ ... ]"),
                    );
                }
                &[]
            }
        }
    }

    /// `obj[key]` as a string.
    pub(super) fn string(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &Path,
        required: bool,
    ) -> Option<String> {
        match obj.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.err(
                    &path.key(key),
                    format!("expected a string, found {}", type_name(other)),
                    "write \"...\"",
                );
                None
            }
            None => {
                if required {
                    self.err(
                        path,
                        format!("missing required key `{key}`"),
                        format!("add \"{key}\": \"...\""),
                    );
                }
                None
            }
        }
    }

    /// `obj[key]` as a finite number.
    pub(super) fn number(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &Path,
        required: bool,
    ) -> Option<f64> {
        match obj.get(key) {
            Some(Value::Number(n)) => n.as_f64().filter(|x| x.is_finite()),
            Some(other) => {
                self.err(
                    &path.key(key),
                    format!("expected a number, found {}", type_name(other)),
                    "write a plain number",
                );
                None
            }
            None => {
                if required {
                    self.err(
                        path,
                        format!("missing required key `{key}`"),
                        format!("add \"{key}\": <number>"),
                    );
                }
                None
            }
        }
    }

    /// `obj[key]` as a boolean (missing = false).
    /// `obj[key]`, when present, is one of `allowed` (an error naming them otherwise).
    pub(super) fn one_of(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &Path,
        allowed: &[&str],
    ) {
        let Some(v) = obj.get(key) else { return };
        if !v.as_str().is_some_and(|x| allowed.contains(&x)) {
            self.err(
                &path.key(key),
                format!("`{key}` must be one of: {}", allowed.join(", ")),
                format!("write e.g. \"{key}\": \"{}\"", allowed[0]),
            );
        }
    }

    pub(super) fn boolean(&mut self, obj: &Map<String, Value>, key: &str, path: &Path) -> bool {
        match obj.get(key) {
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.err(
                    &path.key(key),
                    format!("expected true or false, found {}", type_name(other)),
                    "write true or false",
                );
                false
            }
            None => false,
        }
    }

    /// `obj["id"]`, checked for form and uniqueness within `seen`. Returns the id even
    /// when malformed (so later references still resolve) but records the error.
    pub(super) fn id(
        &mut self,
        obj: &Map<String, Value>,
        path: &Path,
        seen: &mut HashSet<String>,
        what: &str,
    ) -> Option<String> {
        let id = self.string(obj, "id", path, true)?;
        if !is_valid_id(&id) {
            self.err(
                &path.key("id"),
                format!("malformed {what} id `{id}`"),
                "ids use only lowercase letters, digits, `_` and `-`",
            );
        }
        if !seen.insert(id.clone()) {
            self.err(
                &path.key("id"),
                format!("duplicate {what} id `{id}`"),
                format!("give each {what} its own id"),
            );
        }
        Some(id)
    }

    /// A reference to a team in `owners.teams`.
    pub(super) fn team_ref(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &Path,
        required: bool,
    ) -> Option<String> {
        let team = self.string(obj, key, path, required)?;
        if !self.teams.contains(&team) {
            let known = self.known_list(self.teams.iter());
            self.err(
                &path.key(key),
                format!("unknown team `{team}`"),
                format!("use a team id from owners.teams: {known}"),
            );
        }
        Some(team)
    }

    pub(super) fn known_list<'a>(&self, ids: impl Iterator<Item = &'a String>) -> String {
        let mut v: Vec<&str> = ids.map(String::as_str).collect();
        v.sort_unstable();
        if v.is_empty() {
            "(none defined)".into()
        } else {
            v.join(", ")
        }
    }

    /// A Quantity at `path` (spec §2), registered as a slot; `None` when invalid.
    pub(super) fn quantity(&mut self, v: &Value, path: &Path, domain: Domain) -> Option<QId> {
        let (dist, source) = self.dist(v, path)?;
        let (lo, hi) = dist.support();
        let ok = match domain {
            Domain::Probability => lo >= 0.0 && hi <= 1.0,
            Domain::NonNegative => lo >= 0.0,
        };
        if !ok {
            let support = if hi.is_infinite() {
                format!("[{lo}, ∞)")
            } else {
                format!("[{lo}, {hi}]")
            };
            let hint = match (domain, &dist) {
                (Domain::Probability, Dist::LogNormal { .. }) => {
                    "a lognormal is unbounded and cannot be a probability: use beta or pert"
                        .to_string()
                }
                _ => format!("it must be {}", domain.describe()),
            };
            self.err(
                path,
                format!("support {support} lies outside {}", domain.describe()),
                hint,
            );
            return None;
        }
        if domain == Domain::NonNegative {
            // Unbounded tails: judged at the 1 − 10⁻⁶ quantile (one draw in a million;
            // a rarer draw past the limit is still far from overflowing).
            let top = if hi.is_finite() {
                hi
            } else {
                dist.quantile(1.0 - 1e-6)
            };
            if top.is_nan() || top > MAX_AMOUNT {
                self.err(
                    path,
                    format!(
                        "reaches {top:e}, above Journey Lab's limit of 1e12 for a count or an amount"
                    ),
                    "entrants per period and money per user stay below a trillion: beyond that, totals over a run lose the precision of one user or one cent, and counts the exactness of whole numbers",
                );
                return None;
            }
        }
        self.quantities.push(QuantitySpec {
            key: path.slash(),
            dist,
            source,
        });
        Some(self.quantities.len() - 1)
    }

    /// `obj[key]` as an optional Quantity.
    pub(super) fn opt_quantity(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &Path,
        domain: Domain,
    ) -> Option<QId> {
        obj.get(key)
            .and_then(|v| self.quantity(v, &path.key(key), domain))
    }

    fn dist(&mut self, v: &Value, path: &Path) -> Option<(Dist, Option<String>)> {
        let obj = match v {
            Value::Number(n) => {
                return match n.as_f64().filter(|x| x.is_finite()) {
                    Some(x) => Some((Dist::Fixed(x), None)),
                    None => {
                        self.err(path, "number is not finite", "use a finite number");
                        None
                    }
                }
            }
            Value::Object(o) => o,
            other => {
                self.err(
                    path,
                    format!("expected a Quantity, found {}", type_name(other)),
                    "write a number or an object such as {\"pert\": [lo, mode, hi]}",
                );
                return None;
            }
        };
        let mut source = None;
        if let Some(s) = obj.get("source") {
            match s.as_str() {
                Some(id) if self.sources.contains(id) => source = Some(id.to_string()),
                Some(id) => {
                    let known = self.known_list(self.sources.iter());
                    self.err(
                        &path.key("source"),
                        format!("unknown source `{id}`"),
                        format!("cite one of: {known}"),
                    );
                }
                None => self.err(
                    &path.key("source"),
                    "expected a source id string",
                    "write \"source\": \"<source id>\"",
                ),
            }
        }
        let dist_keys: Vec<&String> = obj
            .keys()
            .filter(|k| k.as_str() != "source" && !is_extension_key(k))
            .collect();
        let [key] = dist_keys.as_slice() else {
            self.err(
                path,
                format!(
                    "a Quantity needs exactly one distribution key, found {}",
                    dist_keys.len()
                ),
                format!("use one of: {}", DIST_KEYS.join(", ")),
            );
            return None;
        };
        let key = key.as_str();
        let p = path.key(key);
        let args: Vec<f64> = match &obj[key] {
            Value::Number(n) => vec![n.as_f64().unwrap_or(f64::NAN)],
            Value::Array(a) => a.iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect(),
            _ => vec![f64::NAN],
        };
        if args.iter().any(|x| !x.is_finite()) {
            self.err(
                &p,
                "distribution parameters must be finite numbers",
                "write plain numbers",
            );
            return None;
        }
        let want = match key {
            "fixed" => 1,
            "uniform" | "beta" | "lognormal" => 2,
            "triangular" | "pert" => 3,
            other => {
                self.err(
                    path,
                    format!("unknown distribution `{other}`"),
                    format!("use one of: {}", DIST_KEYS.join(", ")),
                );
                return None;
            }
        };
        if args.len() != want {
            let form = match key {
                "fixed" => "x",
                "uniform" => "[lo, hi]",
                "beta" => "[a, b]",
                "lognormal" => "[p5, p95]",
                _ => "[lo, mode, hi]",
            };
            self.err(
                &p,
                format!("`{key}` takes {want} number(s), found {}", args.len()),
                format!("write {key}: {form}"),
            );
            return None;
        }
        let dist = match key {
            "fixed" => Dist::Fixed(args[0]),
            "uniform" => {
                let (lo, hi) = (args[0], args[1]);
                if lo > hi {
                    self.err(
                        &p,
                        format!("bounds out of order: lo {lo} > hi {hi}"),
                        "write [lo, hi] with lo ≤ hi",
                    );
                    return None;
                }
                if lo == hi {
                    Dist::Fixed(lo)
                } else {
                    Dist::Uniform(lo, hi)
                }
            }
            "triangular" | "pert" => {
                let (lo, mode, hi) = (args[0], args[1], args[2]);
                if !(lo <= mode && mode <= hi) {
                    self.err(
                        &p,
                        format!("bounds out of order: [{lo}, {mode}, {hi}]"),
                        "write [lo, mode, hi] with lo ≤ mode ≤ hi",
                    );
                    return None;
                }
                if lo == hi {
                    Dist::Fixed(lo)
                } else if key == "pert" {
                    Dist::Pert(lo, mode, hi)
                } else {
                    Dist::Triangular(lo, mode, hi)
                }
            }
            "beta" => {
                let (a, b) = (args[0], args[1]);
                if a <= 0.0 || b <= 0.0 {
                    self.err(
                        &p,
                        format!("beta parameters must be positive, found [{a}, {b}]"),
                        "write [a, b] with a > 0, b > 0",
                    );
                    return None;
                }
                Dist::Beta(a, b)
            }
            _ => {
                let (p5, p95) = (args[0], args[1]);
                if !(0.0 < p5 && p5 < p95) {
                    self.err(
                        &p,
                        format!("lognormal needs 0 < p5 < p95, found [{p5}, {p95}]"),
                        "write [p5, p95] with 0 < p5 < p95",
                    );
                    return None;
                }
                Dist::lognormal_from_percentiles(p5, p95)
            }
        };
        Some((dist, source))
    }

    /// A PerPopulation value (spec §2) resolved for every population: own id, then the
    /// wildcard of its kind, then `*`.
    pub(super) fn per_pop(&mut self, v: &Value, path: &Path, domain: Domain) -> PerPop {
        let n = self.populations.len();
        let is_map = matches!(v, Value::Object(o) if !o.keys().all(|k| k == "source" || is_extension_key(k) || DIST_KEYS.contains(&k.as_str())));
        if !is_map {
            let q = self.quantity(v, path, domain);
            return vec![q; n];
        }
        let Value::Object(obj) = v else {
            return vec![None; n];
        };
        let mut own = vec![None; n];
        let (mut legit, mut attacker, mut any) = (None, None, None);
        for (k, qv) in obj.iter().filter(|(k, _)| !is_extension_key(k)) {
            let q = self.quantity(qv, &path.key(k), domain);
            match k.as_str() {
                "*" => any = q,
                "*legitimate" => legit = q,
                "*attacker" => attacker = q,
                pop => match self.pop_index.get(pop) {
                    Some(&i) => own[i] = q,
                    None => {
                        let known = self.known_list(self.pop_index.keys());
                        self.err(
                            &path.key(k),
                            format!("unknown population `{pop}`"),
                            format!("use a population id ({known}) or *legitimate, *attacker, *"),
                        );
                    }
                },
            }
        }
        (0..n)
            .map(|i| {
                let wildcard = match self.populations[i].kind {
                    PopulationKind::Legitimate => legit,
                    PopulationKind::Attacker => attacker,
                };
                own[i].or(wildcard).or(any)
            })
            .collect()
    }

    /// A fixed 0 for every population: the default of an optional probability. (So
    /// that a `None` entry always means "the file gave no value for this population".)
    pub(super) fn zero_for_all(&mut self, path: &Path) -> PerPop {
        self.quantities.push(QuantitySpec {
            key: path.slash(),
            dist: Dist::Fixed(0.0),
            source: None,
        });
        vec![Some(self.quantities.len() - 1); self.populations.len()]
    }

    /// `obj[key]` as an optional PerPopulation value (missing = no entry for anyone).
    pub(super) fn opt_per_pop(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &Path,
        domain: Domain,
    ) -> Option<PerPop> {
        obj.get(key)
            .map(|v| self.per_pop(v, &path.key(key), domain))
    }
}
