//! Distributions of uncertain quantities (spec §2): sampling, moments and support.

use rand::Rng;
use rand_distr::{Beta, Distribution, LogNormal, Triangular};

/// z such that Φ(z) = 0.95: the lognormal is fixed by its 5th and 95th percentiles.
pub const Z95: f64 = 1.6448536;

/// A validated distribution. Constructed only by validation, so parameters are finite
/// and ordered and every sampler below is infallible.
#[derive(Debug, Clone, PartialEq)]
pub enum Dist {
    /// Always this value.
    Fixed(f64),
    /// Uniform on [lo, hi], lo < hi.
    Uniform(f64, f64),
    /// Triangular (lo, mode, hi), lo < hi.
    Triangular(f64, f64, f64),
    /// Textbook PERT: lo + (hi − lo)·Beta(α, β), α = 1 + 4(mode − lo)/(hi − lo),
    /// β = 1 + 4(hi − mode)/(hi − lo).
    Pert(f64, f64, f64),
    /// Beta(a, b) on [0, 1].
    Beta(f64, f64),
    /// Lognormal with log-mean `mu` and log-sd `sigma` (from p5 and p95).
    LogNormal {
        /// Mean of ln X.
        mu: f64,
        /// Standard deviation of ln X.
        sigma: f64,
    },
}

/// A distribution ready to draw from: [`Dist::sampler`].
#[derive(Debug, Clone)]
pub struct Sampler(Kind);

#[derive(Debug, Clone)]
enum Kind {
    Fixed(f64),
    Uniform(f64, f64),
    Triangular(Triangular<f64>),
    /// lo, hi and the Beta(α, β) of the PERT.
    Pert(f64, f64, Beta<f64>),
    Beta(Beta<f64>),
    LogNormal(LogNormal<f64>),
}

impl Sampler {
    /// One draw (a fixed value draws nothing from `rng`).
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        match &self.0 {
            Kind::Fixed(x) => *x,
            Kind::Uniform(lo, hi) => lo + (hi - lo) * rng.random::<f64>(),
            Kind::Triangular(d) => d.sample(rng),
            Kind::Pert(lo, hi, d) => lo + (hi - lo) * d.sample(rng),
            Kind::Beta(d) => d.sample(rng),
            Kind::LogNormal(d) => d.sample(rng),
        }
    }

    /// The value when the distribution is a fixed one (no random stream needed).
    pub fn fixed(&self) -> Option<f64> {
        match self.0 {
            Kind::Fixed(x) => Some(x),
            _ => None,
        }
    }
}

/// A distribution's quantile function ready for quasi-random draws: [`Dist::inverse`].
/// Closed forms where they exist; the Beta and PERT by a shared table
/// ([`crate::inverse`]); the lognormal by statrs' normal quantile.
#[derive(Debug, Clone)]
pub enum Inverse {
    /// Always this value.
    Fixed(f64),
    /// lo + u (hi − lo).
    Uniform(f64, f64),
    /// Closed form: lo + √(u (hi − lo)(mode − lo)) below the mode's probability, the
    /// mirror image above.
    Triangular(f64, f64, f64),
    /// lo + (hi − lo) Q_Beta(u), Q_Beta tabulated.
    Beta(f64, f64, std::sync::Arc<crate::inverse::BetaInverse>),
    /// exp(mu + sigma Φ⁻¹(u)).
    LogNormal(f64, f64),
}

impl Inverse {
    /// The value at probability `u` in (0, 1).
    pub fn at(&self, u: f64) -> f64 {
        match self {
            Inverse::Fixed(x) => *x,
            Inverse::Uniform(lo, hi) => lo + u * (hi - lo),
            Inverse::Triangular(lo, mode, hi) => triangular_quantile(*lo, *mode, *hi, u),
            Inverse::Beta(lo, hi, table) => lo + (hi - lo) * table.quantile(u),
            Inverse::LogNormal(mu, sigma) => (mu + sigma * std_normal_quantile(u)).exp(),
        }
    }
}

/// The triangular distribution's quantile in closed form: lo + √(u (hi − lo)(mode − lo))
/// below the mode's probability, the mirror image above.
fn triangular_quantile(lo: f64, mode: f64, hi: f64, u: f64) -> f64 {
    let f = (mode - lo) / (hi - lo);
    if u < f {
        lo + ((hi - lo) * (mode - lo) * u).sqrt()
    } else {
        hi - ((hi - lo) * (hi - mode) * (1.0 - u)).sqrt()
    }
}

/// Φ⁻¹(u), statrs' closed form through the inverse complementary error function.
fn std_normal_quantile(u: f64) -> f64 {
    -std::f64::consts::SQRT_2 * statrs::function::erf::erfc_inv(2.0 * u)
}

impl Dist {
    /// The quantile function for quasi-random draws (the Beta table is built on first use
    /// of its shape and shared after); `None` for a Beta too concentrated to tabulate
    /// ([`crate::inverse::MAX_SHAPE_SUM`]), which is then drawn by its exact sampler.
    pub fn inverse(&self) -> Option<Inverse> {
        let beta = |lo: f64, hi: f64, a: f64, b: f64| {
            crate::inverse::beta_inverse(a, b).map(|t| Inverse::Beta(lo, hi, t))
        };
        match *self {
            Dist::Fixed(x) => Some(Inverse::Fixed(x)),
            Dist::Uniform(lo, hi) => Some(Inverse::Uniform(lo, hi)),
            Dist::Triangular(lo, mode, hi) => Some(Inverse::Triangular(lo, mode, hi)),
            Dist::Pert(lo, mode, hi) => {
                let (a, b) = Self::pert_shape(lo, mode, hi);
                beta(lo, hi, a, b)
            }
            Dist::Beta(a, b) => beta(0.0, 1.0, a, b),
            Dist::LogNormal { mu, sigma } => Some(Inverse::LogNormal(mu, sigma)),
        }
    }
}

impl Dist {
    /// The quantile table of a PERT, or of a Beta whose shapes are both at least 1 (a
    /// bounded density: its table builds in about a millisecond, where Beta(½, ½) takes a
    /// hundred), for plain Monte Carlo draws by inversion; `None` for every other
    /// distribution, whose sampler is as fast as its inverse.
    pub fn tabulated_inverse(&self) -> Option<Inverse> {
        match *self {
            Dist::Pert(..) => self.inverse(),
            Dist::Beta(a, b) if a >= 1.0 && b >= 1.0 => self.inverse(),
            _ => None,
        }
    }

    /// A lognormal whose 5th and 95th percentiles are `p5` and `p95` (0 < p5 < p95).
    pub fn lognormal_from_percentiles(p5: f64, p95: f64) -> Dist {
        Dist::LogNormal {
            mu: (p5.ln() + p95.ln()) / 2.0,
            sigma: (p95.ln() - p5.ln()) / (2.0 * Z95),
        }
    }

    /// PERT shape parameters (α, β).
    fn pert_shape(lo: f64, mode: f64, hi: f64) -> (f64, f64) {
        let range = hi - lo;
        (
            1.0 + 4.0 * (mode - lo) / range,
            1.0 + 4.0 * (hi - mode) / range,
        )
    }

    /// One draw. Builds the sampler each time; a caller drawing the same distribution
    /// repeatedly should keep [`Dist::sampler`] instead (the draws are the same).
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        self.sampler().sample(rng)
    }

    /// The sampler of this distribution with its set-up done once (rand_distr's `Beta`
    /// chooses Cheng's algorithm and its constants in `new`). Its draws equal
    /// [`Dist::sample`]'s bit for bit from the same stream.
    pub fn sampler(&self) -> Sampler {
        // The constructors below cannot fail for validated parameters; the fallbacks
        // (the mean) exist only so that no path can panic.
        let or_mean = |s: Option<Sampler>| s.unwrap_or(Sampler(Kind::Fixed(self.mean())));
        match *self {
            Dist::Fixed(x) => Sampler(Kind::Fixed(x)),
            Dist::Uniform(lo, hi) => Sampler(Kind::Uniform(lo, hi)),
            Dist::Triangular(lo, mode, hi) => or_mean(
                Triangular::new(lo, hi, mode)
                    .ok()
                    .map(|d| Sampler(Kind::Triangular(d))),
            ),
            Dist::Pert(lo, mode, hi) => {
                let (a, b) = Self::pert_shape(lo, mode, hi);
                or_mean(Beta::new(a, b).ok().map(|d| Sampler(Kind::Pert(lo, hi, d))))
            }
            Dist::Beta(a, b) => or_mean(Beta::new(a, b).ok().map(|d| Sampler(Kind::Beta(d)))),
            Dist::LogNormal { mu, sigma } => or_mean(
                LogNormal::new(mu, sigma)
                    .ok()
                    .map(|d| Sampler(Kind::LogNormal(d))),
            ),
        }
    }

    /// Analytic mean.
    pub fn mean(&self) -> f64 {
        match *self {
            Dist::Fixed(x) => x,
            Dist::Uniform(lo, hi) => (lo + hi) / 2.0,
            Dist::Triangular(lo, mode, hi) => (lo + mode + hi) / 3.0,
            Dist::Pert(lo, mode, hi) => (lo + 4.0 * mode + hi) / 6.0,
            Dist::Beta(a, b) => a / (a + b),
            Dist::LogNormal { mu, sigma } => (mu + sigma * sigma / 2.0).exp(),
        }
    }

    /// Analytic variance.
    pub fn variance(&self) -> f64 {
        let beta_var = |a: f64, b: f64| a * b / ((a + b).powi(2) * (a + b + 1.0));
        match *self {
            Dist::Fixed(_) => 0.0,
            Dist::Uniform(lo, hi) => (hi - lo).powi(2) / 12.0,
            Dist::Triangular(a, c, b) => (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0,
            Dist::Pert(lo, mode, hi) => {
                let (a, b) = Self::pert_shape(lo, mode, hi);
                (hi - lo).powi(2) * beta_var(a, b)
            }
            Dist::Beta(a, b) => beta_var(a, b),
            Dist::LogNormal { mu, sigma } => {
                let s2 = sigma * sigma;
                (s2.exp() - 1.0) * (2.0 * mu + s2).exp()
            }
        }
    }

    /// Smallest and largest possible values (∞ for the lognormal's upper end).
    pub fn support(&self) -> (f64, f64) {
        match *self {
            Dist::Fixed(x) => (x, x),
            Dist::Uniform(lo, hi) | Dist::Triangular(lo, _, hi) | Dist::Pert(lo, _, hi) => (lo, hi),
            Dist::Beta(..) => (0.0, 1.0),
            Dist::LogNormal { .. } => (0.0, f64::INFINITY),
        }
    }

    /// True when the value is not uncertain.
    pub fn is_fixed(&self) -> bool {
        matches!(self, Dist::Fixed(_))
    }
}

impl Dist {
    /// The `q`-quantile (0 < q < 1) of the distribution: what sensitivity analysis sets a
    /// quantity to (P10, P50, P90).
    pub fn quantile(&self, q: f64) -> f64 {
        use statrs::distribution::{Beta as SBeta, ContinuousCDF, Normal};
        let q = q.clamp(1e-12, 1.0 - 1e-12);
        let beta_q = |a: f64, b: f64| {
            SBeta::new(a, b)
                .map(|d| d.inverse_cdf(q))
                .unwrap_or(f64::NAN)
        };
        match *self {
            Dist::Fixed(x) => x,
            Dist::Uniform(lo, hi) => lo + q * (hi - lo),
            Dist::Triangular(lo, mode, hi) => triangular_quantile(lo, mode, hi, q),
            Dist::Pert(lo, mode, hi) => {
                let (a, b) = Self::pert_shape(lo, mode, hi);
                lo + (hi - lo) * beta_q(a, b)
            }
            Dist::Beta(a, b) => beta_q(a, b),
            Dist::LogNormal { mu, sigma } => {
                let z = Normal::new(0.0, 1.0)
                    .map(|n| n.inverse_cdf(q))
                    .unwrap_or(0.0);
                (mu + sigma * z).exp()
            }
        }
    }

    /// The probability density at `x` (0 outside the support); `None` for a fixed value,
    /// which has no density (a plot draws it as a spike).
    pub fn density(&self, x: f64) -> Option<f64> {
        use statrs::distribution::{Beta as SBeta, Continuous, LogNormal as SLogNormal};
        let beta_pdf = |u: f64, a: f64, b: f64| {
            if !(0.0..=1.0).contains(&u) {
                return 0.0;
            }
            SBeta::new(a, b).map_or(f64::NAN, |d| d.pdf(u))
        };
        Some(match *self {
            Dist::Fixed(_) => return None,
            Dist::Uniform(lo, hi) => {
                if (lo..=hi).contains(&x) {
                    1.0 / (hi - lo)
                } else {
                    0.0
                }
            }
            Dist::Triangular(lo, mode, hi) => {
                if x < lo || x > hi {
                    0.0
                } else if x < mode {
                    2.0 * (x - lo) / ((hi - lo) * (mode - lo))
                } else if x > mode {
                    2.0 * (hi - x) / ((hi - lo) * (hi - mode))
                } else {
                    2.0 / (hi - lo)
                }
            }
            Dist::Pert(lo, mode, hi) => {
                let (a, b) = Self::pert_shape(lo, mode, hi);
                beta_pdf((x - lo) / (hi - lo), a, b) / (hi - lo)
            }
            Dist::Beta(a, b) => beta_pdf(x, a, b),
            Dist::LogNormal { mu, sigma } => {
                if x <= 0.0 {
                    0.0
                } else {
                    SLogNormal::new(mu, sigma).map_or(f64::NAN, |d| d.pdf(x))
                }
            }
        })
    }
}

impl Dist {
    /// P(X ≤ x): what fits to expert quantiles compare.
    pub fn cdf(&self, x: f64) -> f64 {
        use statrs::distribution::{Beta as SBeta, ContinuousCDF, LogNormal as SLogNormal};
        let beta_cdf = |u: f64, a: f64, b: f64| {
            if u <= 0.0 {
                0.0
            } else if u >= 1.0 {
                1.0
            } else {
                SBeta::new(a, b).map_or(f64::NAN, |d| d.cdf(u))
            }
        };
        match *self {
            Dist::Fixed(v) => f64::from(u8::from(x >= v)),
            Dist::Uniform(lo, hi) => ((x - lo) / (hi - lo)).clamp(0.0, 1.0),
            Dist::Triangular(lo, mode, hi) => {
                if x <= lo {
                    0.0
                } else if x >= hi {
                    1.0
                } else if x <= mode {
                    (x - lo).powi(2) / ((hi - lo) * (mode - lo))
                } else {
                    1.0 - (hi - x).powi(2) / ((hi - lo) * (hi - mode))
                }
            }
            Dist::Pert(lo, mode, hi) => {
                let (a, b) = Self::pert_shape(lo, mode, hi);
                beta_cdf((x - lo) / (hi - lo), a, b)
            }
            Dist::Beta(a, b) => beta_cdf(x, a, b),
            Dist::LogNormal { mu, sigma } => {
                if x <= 0.0 {
                    0.0
                } else {
                    SLogNormal::new(mu, sigma).map_or(f64::NAN, |d| d.cdf(x))
                }
            }
        }
    }

    /// The distribution as the model file writes it (spec §2): `{"beta": [a, b]}`,
    /// `{"pert": [lo, mode, hi]}`, `{"lognormal": [p5, p95]}`, … (a fixed value is the
    /// plain number).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        match *self {
            Dist::Fixed(x) => json!(x),
            Dist::Uniform(lo, hi) => json!({ "uniform": [lo, hi] }),
            Dist::Triangular(lo, mode, hi) => json!({ "triangular": [lo, mode, hi] }),
            Dist::Pert(lo, mode, hi) => json!({ "pert": [lo, mode, hi] }),
            Dist::Beta(a, b) => json!({ "beta": [a, b] }),
            Dist::LogNormal { mu, sigma } => json!({
                "lognormal": [(mu - Z95 * sigma).exp(), (mu + Z95 * sigma).exp()]
            }),
        }
    }
}
