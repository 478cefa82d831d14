//! Stored runs as front ends use them, one module per job: running a model file
//! ([`job`]), the history and two runs side by side ([`history`]), a run's dashboard
//! ([`dashboard`]) and exports ([`export`]).

pub mod dashboard;
pub mod export;
pub mod history;
pub mod job;
#[cfg(test)]
mod tests;
