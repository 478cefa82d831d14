//! Integration tests of the engine, one binary (faster to build than many).
//!
//! Modules:
//! - `common`: helpers to build models and run them
//! - `cycles`: sampled mode's collapsed cycles against sweeps and exact means
//! - `evidence`: fits from counts and experts, the predictive check (§12)
//! - `closed_forms`: expected mode against the spec §5 closed forms (1e-12)
//! - `agreement`: sampled against expected on every fixture, conservation, determinism
//! - `samplers`: distributions against analytic moments
//! - `scoped`: journey × population metrics resolved once equal them walked per row
//! - `validation`: one test per class of validation error
//! - `governance`: required teams (deciding + veto) and every governance warning
//! - `properties`: random graphs — no panics, exact conservation
//! - `fuzz`: a seeded mutation fuzz of the loader over the fixtures
//! - `routes`: attack routes and findings (§11) against hand-computed values
//! - `rqmc`: quasi-random sampling keeps mc's guarantees; interval coverage over seeds
//! - `stability`: pinned seeded outputs
//! - `stream`: runs longer than their kept rows summarise every iteration

// Tests state their expectations with unwrap/expect: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod agreement;
mod closed_forms;
mod common;
mod cycles;
mod evidence;
mod flows;
mod fuzz;
mod governance;
mod precision;
mod properties;
mod routes;
mod rqmc;
mod samplers;
mod scoped;
mod sensitivity;
mod stability;
mod stream;
mod sweep;
mod together;
mod validation;
