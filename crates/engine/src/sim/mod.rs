//! The two-level Monte Carlo simulation of spec §6.
//!
//! For each iteration: draw every Quantity once from its own keyed stream, then move each
//! journey's entrants through its graph, either as random counts (`sampled`) or as exact
//! expectations (`expected`). Iterations run in parallel; each writes its own row, so the
//! result is the same whatever the thread count.

pub mod binomial;
pub(crate) mod expected;
mod layout;
pub mod rqmc;
mod sampled;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use layout::{JpBlock, Layout, JP_FIELDS};
pub use rqmc::Dimensions;

use crate::quantity::{Inverse, Sampler};
use crate::rng::{first_uniform, key_hash, stream};
use crate::spec::{PerPop, PopulationKind, QuantitySpec, Spec, StepKind};

/// How counts move through a journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Poisson entrants, binomial/multinomial flow.
    #[default]
    Sampled,
    /// Exact expectations given each iteration's parameter draws.
    Expected,
}

impl Mode {
    /// The name used in files and flags.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sampled => "sampled",
            Mode::Expected => "expected",
        }
    }
}

/// How the uncertain quantities are drawn, iteration by iteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Sampling {
    /// Plain Monte Carlo: each quantity from its own independent random stream.
    #[default]
    Mc,
    /// Randomised quasi-Monte Carlo: quantile functions at scrambled Sobol points, in
    /// independent replicates whose spread gives the standard error ([`rqmc`]).
    Rqmc,
}

impl Sampling {
    /// The name used in files and flags.
    pub fn as_str(self) -> &'static str {
        match self {
            Sampling::Mc => "mc",
            Sampling::Rqmc => "rqmc",
        }
    }

    /// The multiplier of a standard error for a two-sided 95 % interval: the normal's
    /// 1.96 for independent iterations, Student's t with R − 1 degrees of freedom for
    /// R replicates.
    pub fn z95(self) -> f64 {
        match self {
            Sampling::Mc => 1.959_964,
            Sampling::Rqmc => rqmc::T975_REPLICATES,
        }
    }
}

/// What to simulate.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Number of iterations (≥ 1).
    pub iterations: u64,
    /// Seed of every random stream.
    pub seed: u64,
    /// Sampled or expected.
    pub mode: Mode,
    /// How quantities are drawn.
    pub sampling: Sampling,
    /// Worker threads (`None` = all cores). Never changes results.
    pub threads: Option<usize>,
}

/// Why a simulation stopped without a result.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SimError {
    /// The caller asked to stop.
    #[error("the run was cancelled")]
    Cancelled,
    /// A cycle kept users forever for some draw (validation judges cycles on bounds;
    /// this is the last line of defence).
    #[error("journey `{journey}`, population `{population}`, iteration {iteration}: users never leave a cycle for this parameter draw")]
    NoDrain {
        /// Journey id.
        journey: String,
        /// Population id.
        population: String,
        /// Iteration index.
        iteration: u64,
    },
    /// Bad settings.
    #[error("invalid settings: {0}")]
    Settings(String),
}

/// Receives progress and answers whether to stop. Called from worker threads.
pub trait Progress: Sync {
    /// `done` of `total` iterations finished.
    fn report(&self, _done: u64, _total: u64) {}
    /// True to stop as soon as possible.
    fn cancelled(&self) -> bool {
        false
    }
}

/// A progress sink that ignores everything.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;
impl Progress for NoProgress {}

/// Per-iteration results of one model: a row of [`Layout::width`] numbers per iteration.
#[derive(Debug, Clone, PartialEq)]
pub struct Samples {
    /// What each column means.
    pub layout: Layout,
    /// Number of rows.
    pub iterations: usize,
    /// Row-major values.
    pub data: Vec<f64>,
}

impl Samples {
    /// Row `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        let w = self.layout.width;
        &self.data[i * w..(i + 1) * w]
    }
}

/// Exit probabilities of a control step for one entrant (spec §5 closed forms).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ControlExits {
    /// P(pass).
    pub pass: f64,
    /// P(fail after the last attempt).
    pub fail: f64,
    /// P(abandon).
    pub abandon: f64,
    /// E[attempts].
    pub attempts: f64,
}

/// Closed forms of spec §5 for abandon `a`, pass `s`, `m` attempts.
pub fn control_exits(a: f64, s: f64, m: u32) -> ControlExits {
    let q = (1.0 - a) * (1.0 - s);
    // Σ_{k<m} q^k summed directly: exact for q near 1, where (1 − q^m)/(1 − q) cancels.
    let (mut geo, mut qk) = (0.0, 1.0);
    for _ in 0..m {
        geo += qk;
        qk *= q;
    }
    ControlExits {
        pass: (1.0 - a) * s * geo,
        fail: qk,
        abandon: a * geo,
        attempts: geo,
    }
}

/// The parameter values of one iteration, with lookups by slot.
pub(crate) struct Draws<'a> {
    pub(crate) values: &'a [f64],
}

impl Draws<'_> {
    fn opt(&self, q: Option<usize>) -> f64 {
        q.map_or(0.0, |q| self.values[q])
    }
    fn per(&self, per: &PerPop, pop: usize) -> f64 {
        self.opt(per[pop])
    }
}

/// What one journey × population produced in one iteration, per step and outcome.
#[derive(Debug, Default)]
pub(crate) struct Flow {
    /// Count at each outcome.
    pub outcomes: Vec<f64>,
    /// Visits per step.
    pub visits: Vec<f64>,
    /// Control attempts per step (0 for other kinds).
    pub attempts: Vec<f64>,
    /// Expected mode's buffers, reused from iteration to iteration.
    pub(crate) work: expected::Work,
}

impl Flow {
    pub(crate) fn reset(&mut self, steps: usize, outcomes: usize) {
        self.outcomes.clear();
        self.outcomes.resize(outcomes, 0.0);
        self.visits.clear();
        self.visits.resize(steps, 0.0);
        self.attempts.clear();
        self.attempts.resize(steps, 0.0);
    }
}

/// Reusable buffers of one worker.
#[derive(Default)]
struct Scratch {
    /// One iteration's draw of every distinct quantity of the models simulated together.
    shared: Vec<f64>,
    /// Those draws in one model's quantity order.
    draws: Vec<f64>,
    flow: Flow,
    sampled: sampled::Buffers,
}

/// Runs the simulation of one model.
pub fn simulate(
    spec: &Spec,
    settings: &Settings,
    progress: &dyn Progress,
) -> Result<Samples, SimError> {
    simulate_from(spec, settings, 0, progress)
}

/// Simulates iterations `first .. first + settings.iterations`. Each iteration's random
/// streams depend only on its index, so running 0..n and then n..m gives exactly the
/// rows of one run of 0..m: runs can be extended (stop on precision). Under rqmc the
/// quantities take the dimensions of this spec's own quantities; a run of several
/// scenarios uses [`simulate_in`] with the baseline's.
pub fn simulate_from(
    spec: &Spec,
    settings: &Settings,
    first: u64,
    progress: &dyn Progress,
) -> Result<Samples, SimError> {
    simulate_in(spec, settings, first, &Dimensions::of(spec), progress)
}

/// [`simulate_from`] with the run's quasi-random dimensions (unused under mc), so that a
/// scenario's shared quantities draw the baseline's points (common random numbers).
pub fn simulate_in(
    spec: &Spec,
    settings: &Settings,
    first: u64,
    dimensions: &Dimensions,
    progress: &dyn Progress,
) -> Result<Samples, SimError> {
    let mut all = simulate_together(&[spec], settings, first, dimensions, progress)?;
    all.pop()
        .ok_or_else(|| SimError::Settings("no model to simulate".into()))
}

/// Iterations `first .. first + settings.iterations` of several models that share
/// quantities (a baseline and its scenarios), one [`Samples`] per model in order: each
/// equal, bit for bit, to [`simulate_in`] of that model alone. Every quantity is drawn once
/// per iteration for all of them — a scenario's unchanged quantity (same key, same
/// distribution) is the baseline's draw, which common random numbers make identical
/// anyway — and every model's row of an iteration is made while its draws are at hand.
/// Progress counts model-iterations (iterations × models).
pub fn simulate_together(
    specs: &[&Spec],
    settings: &Settings,
    first: u64,
    dimensions: &Dimensions,
    progress: &dyn Progress,
) -> Result<Vec<Samples>, SimError> {
    if settings.iterations == 0 {
        return Err(SimError::Settings("iterations must be at least 1".into()));
    }
    let iterations = usize::try_from(settings.iterations)
        .map_err(|_| SimError::Settings("too many iterations".into()))?;
    let plan = DrawPlan::new(specs, settings.sampling, dimensions);
    let models: Vec<Model> = specs.iter().map(|spec| Model::new(spec)).collect();
    let mut data: Vec<Vec<f64>> = models
        .iter()
        .map(|m| vec![0.0; iterations * m.layout.width])
        .collect();
    // Chunks bound the work between cancellation checks and progress reports. Each chunk
    // holds the same iterations' rows of every model.
    const CHUNK: usize = 256;
    let mut chunks: Vec<Vec<&mut [f64]>> = (0..iterations.div_ceil(CHUNK))
        .map(|_| Vec::with_capacity(models.len()))
        .collect();
    for (rows, model) in data.iter_mut().zip(&models) {
        let width = model.layout.width;
        if width == 0 {
            chunks.iter_mut().for_each(|c| c.push(&mut []));
        } else {
            for (c, rows) in chunks.iter_mut().zip(rows.chunks_mut(CHUNK * width)) {
                c.push(rows);
            }
        }
    }
    let n_models = models.len() as u64;
    let total = settings.iterations.saturating_mul(n_models);
    let done = AtomicU64::new(0);
    let work = |chunks: Vec<Vec<&mut [f64]>>| -> Result<(), SimError> {
        chunks.into_par_iter().enumerate().try_for_each_init(
            Scratch::default,
            |scratch, (c, mut rows_of)| {
                if progress.cancelled() {
                    return Err(SimError::Cancelled);
                }
                let start = c * CHUNK;
                let rows = CHUNK.min(iterations - start);
                for r in 0..rows {
                    let i = first + (start + r) as u64;
                    iteration(&plan, &models, settings, i, r, scratch, &mut rows_of)?;
                }
                let d = done.fetch_add(rows as u64 * n_models, Ordering::Relaxed)
                    + rows as u64 * n_models;
                progress.report(d, total);
                Ok(())
            },
        )
    };
    match settings.threads {
        Some(t) => rayon::ThreadPoolBuilder::new()
            .num_threads(t.max(1))
            .build()
            .map_err(|e| SimError::Settings(format!("cannot start {t} threads: {e}")))?
            .install(|| work(chunks))?,
        None => work(chunks)?,
    }
    if models.iter().all(|m| m.layout.width == 0) {
        progress.report(total, total);
    }
    Ok(models
        .into_iter()
        .zip(data)
        .map(|(m, data)| Samples {
            layout: m.layout,
            iterations,
            data,
        })
        .collect())
}

/// One model of a simulation with what its iterations look up.
struct Model<'a> {
    spec: &'a Spec,
    layout: Layout,
    /// The stream key of each journey × entrant's flow (sampled mode).
    flow_hashes: Vec<Vec<u64>>,
}

impl<'a> Model<'a> {
    fn new(spec: &'a Spec) -> Model<'a> {
        let flow_hashes = spec
            .journeys
            .iter()
            .map(|j| {
                j.entrants
                    .iter()
                    .map(|e| {
                        key_hash(&format!(
                            "flow/{}/{}",
                            j.id, spec.populations[e.population].id
                        ))
                    })
                    .collect()
            })
            .collect();
        Model {
            spec,
            layout: Layout::of(spec),
            flow_hashes,
        }
    }
}

/// One expected-mode evaluation with every quantity set to the given values (indexed
/// like [`Spec::quantities`]) instead of drawn: the building block of sensitivity
/// analysis and of "what if" at chosen parameter values.
pub fn evaluate_expected(spec: &Spec, values: &[f64]) -> Result<Samples, SimError> {
    if values.len() != spec.quantities.len() {
        return Err(SimError::Settings(format!(
            "expected {} parameter values, got {}",
            spec.quantities.len(),
            values.len()
        )));
    }
    let layout = Layout::of(spec);
    let mut row = vec![0.0; layout.width];
    let draws = Draws { values };
    let mut flow = Flow::default();
    for block in &layout.blocks {
        let journey = &spec.journeys[block.journey];
        let pop = block.population;
        let Some(entrant) = journey.entrants.iter().find(|e| e.population == pop) else {
            continue;
        };
        let volume = draws.opt(Some(entrant.volume));
        flow.reset(journey.steps.len(), journey.outcomes.len());
        expected::flow(&spec.controls, journey, pop, &draws, volume, &mut flow).map_err(|()| {
            SimError::NoDrain {
                journey: journey.id.clone(),
                population: spec.populations[pop].id.clone(),
                iteration: 0,
            }
        })?;
        write_block(
            spec,
            journey,
            pop,
            &draws,
            volume,
            &flow,
            &mut row[block.offset..block.offset + block.width],
        );
    }
    Ok(Samples {
        layout,
        iterations: 1,
        data: row,
    })
}

/// Which way plain Monte Carlo turns a quantity's stream into its draw, kept with stored
/// runs so that an analysis recomputing a run's inputs (sensitivity) knows whether it can:
/// 0, before it was recorded — every distribution by its sampler; 1 — a PERT or Beta by
/// its quantile table at a uniform of its stream, the rest by their samplers. (Quasi-random
/// draws have not changed since they were introduced.)
pub const MC_DRAW_SCHEME: u32 = 1;

/// How every quantity of a run is drawn, set up once per run rather than per draw: the
/// distinct quantities of the models simulated together, and where each model finds its
/// own.
pub(crate) struct DrawPlan {
    sampling: Sampling,
    quantities: Vec<QuantityDraw>,
    /// `slots[k][q]`: the index in `quantities` of model `k`'s quantity `q`.
    slots: Vec<Vec<usize>>,
    /// Under rqmc: sets of four Sobol dimensions of block 0 the quantities use.
    block0_sets: u32,
}

/// One quantity's stream key, sampler, quantile function and dimension (rqmc). Under
/// rqmc every quantity is its quantile function at its coordinate; under mc a PERT or a
/// Beta with both shapes ≥ 1 is its tabulated quantile function at a uniform from its
/// stream (about 12 ns against 40–60 ns for the rejection sampler; the same distribution
/// to a u-error of 1e-10), the rest their samplers (a closed-form inverse is no faster).
/// A quantity without a quantile function (a Beta too concentrated to tabulate) is drawn
/// by its sampler from its stream in either case.
struct QuantityDraw {
    key: u64,
    sampler: Sampler,
    inverse: Option<Inverse>,
    dimension: rqmc::Dimension,
}

impl DrawPlan {
    /// The plan of the quantities of `specs`. A quantity is drawn once for every model that
    /// has it with the same key and distribution: its draw depends on nothing else (its
    /// stream or Sobol dimension is named by the key), so sharing it changes no value. A
    /// scenario that changes a quantity's distribution keeps its key (common random
    /// numbers) and gets a draw of its own. Under rqmc the Beta tables are built here, in
    /// parallel (a few milliseconds per shape the first time a process meets it).
    pub(crate) fn new(specs: &[&Spec], sampling: Sampling, dimensions: &Dimensions) -> DrawPlan {
        let mut distinct: Vec<&QuantitySpec> = Vec::new();
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
        let slots = specs
            .iter()
            .map(|spec| {
                spec.quantities
                    .iter()
                    .map(|q| {
                        let same = by_key.entry(q.key.as_str()).or_default();
                        match same.iter().find(|&&d| distinct[d].dist == q.dist) {
                            Some(&d) => d,
                            None => {
                                distinct.push(q);
                                same.push(distinct.len() - 1);
                                distinct.len() - 1
                            }
                        }
                    })
                    .collect()
            })
            .collect();
        let quantities = distinct
            .par_iter()
            .map(|q| {
                let key = key_hash(&q.key);
                QuantityDraw {
                    key,
                    sampler: q.dist.sampler(),
                    inverse: match sampling {
                        Sampling::Rqmc => q.dist.inverse(),
                        Sampling::Mc => q.dist.tabulated_inverse(),
                    },
                    dimension: dimensions.dimension(key),
                }
            })
            .collect::<Vec<QuantityDraw>>();
        let block0_sets = quantities
            .iter()
            .filter(|q| q.inverse.is_some())
            .filter_map(|q| q.dimension.in_block0())
            .map(|d| d as u32 / 4 + 1)
            .max()
            .unwrap_or(0);
        DrawPlan {
            sampling,
            quantities,
            slots,
            block0_sets,
        }
    }

    /// Model `k`'s quantity values (indexed like its [`Spec::quantities`]) out of one
    /// iteration's `shared` draws from [`Self::fill`].
    fn values_of(&self, k: usize, shared: &[f64], out: &mut Vec<f64>) {
        out.clear();
        out.extend(self.slots[k].iter().map(|&d| shared[d]));
    }

    /// Iteration `i`'s draw of every distinct quantity into `out` (indexed like the plan's
    /// quantities; [`Self::values_of`] gives a model's).
    fn fill(&self, seed: u64, i: u64, out: &mut Vec<f64>) {
        out.clear();
        match self.sampling {
            Sampling::Mc => {
                // Two passes, as under rqmc: every stream first (a table quantity keeps its
                // uniform), then the table reads, independent of each other, so that their
                // cache misses overlap (the tables together are larger than L2).
                out.extend(self.quantities.iter().map(|q| match q.sampler.fixed() {
                    // A fixed value needs no random stream (and seeding one is not free).
                    Some(x) => x,
                    None => match &q.inverse {
                        // Its stream's first uniform, without building the generator.
                        Some(_) => first_uniform(seed, i, q.key),
                        None => q.sampler.sample(&mut stream(seed, i, q.key)),
                    },
                }));
                for (q, x) in self.quantities.iter().zip(out.iter_mut()) {
                    if let (None, Some(inverse)) = (q.sampler.fixed(), &q.inverse) {
                        *x = inverse.at(*x);
                    }
                }
            }
            Sampling::Rqmc => {
                // Two passes: every coordinate first (arithmetic only), then every quantile
                // (table reads). The reads are independent of each other, and a short loop
                // of them lets the processor keep many cache misses in flight at once.
                let point = rqmc::IterationPoint::new(seed, i);
                let mut bits = [0u32; sobol_burley::NUM_DIMENSIONS as usize];
                point.block0_bits(self.block0_sets, &mut bits);
                out.extend(self.quantities.iter().map(|q| match q.inverse {
                    Some(_) if q.sampler.fixed().is_none() => match q.dimension.in_block0() {
                        Some(d) => rqmc::unit(bits[d]),
                        None => point.coordinate(q.dimension),
                    },
                    _ => f64::NAN,
                }));
                for (q, x) in self.quantities.iter().zip(out.iter_mut()) {
                    *x = match (q.sampler.fixed(), &q.inverse) {
                        (Some(v), _) => v,
                        (None, Some(inverse)) => inverse.at(*x),
                        (None, None) => q.sampler.sample(&mut stream(seed, i, q.key)),
                    };
                }
            }
        }
    }
}

/// The quantity draws of iterations `0..iterations`, row-major (row `i` = iteration
/// `i`'s value of every quantity, exactly as [`simulate`] draws them with `seed`).
///
/// Models that differ only in plain numbers (a risk gate's thresholds) have the same
/// quantities, so a threshold sweep draws once and evaluates every grid point on these
/// rows with [`simulate_expected_on`]: the same numbers as a run per point (common random
/// numbers), without drawing again for each point.
pub fn draw_quantities(spec: &Spec, seed: u64, iterations: usize) -> Vec<f64> {
    draw_quantities_as(spec, Sampling::Mc, &Dimensions::default(), seed, iterations)
}

/// [`draw_quantities`] as a run with `sampling` drew them (`dimensions`: the run's, from
/// its baseline; unused under mc): what analyses of a stored run recompute, so that they
/// see the very draws the run saw.
pub fn draw_quantities_as(
    spec: &Spec,
    sampling: Sampling,
    dimensions: &Dimensions,
    seed: u64,
    iterations: usize,
) -> Vec<f64> {
    let plan = DrawPlan::new(&[spec], sampling, dimensions);
    let n = spec.quantities.len();
    let mut out = vec![0.0; iterations * n];
    if n == 0 {
        return out;
    }
    out.par_chunks_mut(n).enumerate().for_each_init(
        || (Vec::new(), Vec::new()),
        |(shared, values), (i, row)| {
            plan.fill(seed, i as u64, shared);
            plan.values_of(0, shared, values);
            row.copy_from_slice(values);
        },
    );
    out
}

/// Expected mode on given quantity draws (from [`draw_quantities`] of a model with the
/// same quantities): equal to [`simulate`] in expected mode with the draws' seed.
pub fn simulate_expected_on(spec: &Spec, draws: &[f64]) -> Result<Samples, SimError> {
    let n = spec.quantities.len();
    let iterations = draws.len().checked_div(n).unwrap_or(0);
    if n == 0 || iterations == 0 || draws.len() != iterations * n {
        return Err(SimError::Settings(format!(
            "{} draws do not make rows of {n} quantities",
            draws.len()
        )));
    }
    let layout = Layout::of(spec);
    let width = layout.width;
    let settings = Settings {
        iterations: iterations as u64,
        seed: 0, // unused: expected mode draws nothing beyond the given values
        mode: Mode::Expected,
        sampling: Sampling::Mc,
        threads: None,
    };
    let mut data = vec![0.0; iterations * width];
    if width > 0 {
        data.par_chunks_mut(width).enumerate().try_for_each_init(
            Scratch::default,
            |scratch, (i, row)| {
                let values = &draws[i * n..(i + 1) * n];
                evaluate_row(
                    spec,
                    &layout,
                    &settings,
                    &[],
                    i as u64,
                    values,
                    scratch,
                    row,
                )
            },
        )?;
    }
    Ok(Samples {
        layout,
        iterations,
        data,
    })
}

/// Iteration `i` of every model: the shared draws once, then each model's row `r` of its
/// chunk in `rows_of`.
fn iteration(
    plan: &DrawPlan,
    models: &[Model],
    settings: &Settings,
    i: u64,
    r: usize,
    scratch: &mut Scratch,
    rows_of: &mut [&mut [f64]],
) -> Result<(), SimError> {
    let mut shared = std::mem::take(&mut scratch.shared);
    let mut values = std::mem::take(&mut scratch.draws);
    plan.fill(settings.seed, i, &mut shared);
    let mut result = Ok(());
    for (k, (model, rows)) in models.iter().zip(rows_of.iter_mut()).enumerate() {
        plan.values_of(k, &shared, &mut values);
        let width = model.layout.width;
        result = evaluate_row(
            model.spec,
            &model.layout,
            settings,
            &model.flow_hashes,
            i,
            &values,
            scratch,
            &mut rows[r * width..(r + 1) * width],
        );
        if result.is_err() {
            break;
        }
    }
    scratch.shared = shared;
    scratch.draws = values;
    result
}

/// Moves every journey's entrants for iteration `i` given its quantity values, and
/// writes the row. `flow_hashes` is only read in sampled mode.
#[allow(clippy::too_many_arguments)]
fn evaluate_row(
    spec: &Spec,
    layout: &Layout,
    settings: &Settings,
    flow_hashes: &[Vec<u64>],
    i: u64,
    values: &[f64],
    scratch: &mut Scratch,
    row: &mut [f64],
) -> Result<(), SimError> {
    let draws = Draws { values };
    let mut blocks = layout.blocks.iter();
    for (j, journey) in spec.journeys.iter().enumerate() {
        for (e, entrant) in journey.entrants.iter().enumerate() {
            let Some(block) = blocks.next() else { continue };
            let pop = entrant.population;
            let volume = draws.opt(Some(entrant.volume));
            let flow = &mut scratch.flow;
            flow.reset(journey.steps.len(), journey.outcomes.len());
            let entrants = match settings.mode {
                Mode::Expected => {
                    expected::flow(&spec.controls, journey, pop, &draws, volume, flow).map_err(
                        |()| SimError::NoDrain {
                            journey: journey.id.clone(),
                            population: spec.populations[pop].id.clone(),
                            iteration: i,
                        },
                    )?;
                    volume
                }
                Mode::Sampled => {
                    let mut rng = stream(settings.seed, i, flow_hashes[j][e]);
                    sampled::flow(
                        spec,
                        journey,
                        pop,
                        &draws,
                        volume,
                        &mut rng,
                        flow,
                        &mut scratch.sampled,
                    )
                    .map_err(|()| SimError::NoDrain {
                        journey: journey.id.clone(),
                        population: spec.populations[pop].id.clone(),
                        iteration: i,
                    })?
                }
            };
            write_block(
                spec,
                journey,
                pop,
                &draws,
                entrants,
                flow,
                &mut row[block.offset..block.offset + block.width],
            );
        }
    }
    Ok(())
}

/// Fills one journey × population block: entrants, outcomes, then [`JP_FIELDS`].
fn write_block(
    spec: &Spec,
    journey: &crate::spec::JourneySpec,
    pop: usize,
    draws: &Draws,
    entrants: f64,
    flow: &Flow,
    out: &mut [f64],
) {
    let (mut attempts, mut contacts, mut control_cost, mut support_cost, mut seconds) =
        (0.0, 0.0, 0.0, 0.0, 0.0);
    for (s, step) in journey.steps.iter().enumerate() {
        let visits = flow.visits[s];
        match &step.kind {
            StepKind::Action { seconds: secs, .. } => seconds += visits * draws.opt(*secs),
            StepKind::Control { control, .. } => {
                let c = &spec.controls[*control];
                let n = flow.attempts[s];
                attempts += n;
                control_cost += n * draws.opt(c.cost_per_attempt);
                seconds += n * draws.opt(c.seconds_per_attempt);
            }
            StepKind::Support {
                cost_per_contact,
                minutes_per_contact,
                ..
            } => {
                contacts += visits;
                support_cost += visits * draws.opt(*cost_per_contact);
                seconds += visits * 60.0 * draws.opt(*minutes_per_contact);
            }
            StepKind::RiskGate { .. } | StepKind::Branch { .. } => {}
        }
    }
    let success: f64 = journey
        .outcomes
        .iter()
        .zip(&flow.outcomes)
        .filter(|(o, _)| o.class == crate::spec::OutcomeClass::Success)
        .map(|(_, n)| n)
        .sum();
    let p = &spec.populations[pop];
    let (value, loss) = match p.kind {
        PopulationKind::Legitimate => (success * draws.opt(p.value_per_success), 0.0),
        PopulationKind::Attacker => (0.0, success * draws.opt(p.loss_per_success)),
    };
    let o = journey.outcomes.len();
    out[0] = entrants;
    out[1..=o].copy_from_slice(&flow.outcomes);
    out[o + 1..].copy_from_slice(&[
        attempts,
        contacts,
        control_cost,
        support_cost,
        seconds,
        value,
        loss,
    ]);
}
