//! Runs, their results and their samples.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use rusqlite::{params, Connection, OptionalExtension, Row, ToSql};
use serde::{Serialize, Serializer};

use crate::process::{self, Liveness};
use crate::samples::{decode_samples, encode_samples, SampleSeries};
use crate::{Fail, Result, Store, StoreError};

/// The error recorded on a run whose process ended before the run finished.
pub const INTERRUPTED: &str = "interrupted (the process ended before the run finished)";

/// The `format` a result document must have.
const RESULT_FORMAT: &str = "journeylab-result/1";

/// Where a run is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum RunStatus {
    /// Begun, not ended (or its process was killed and no open has noticed yet).
    Running,
    /// Completed with results and samples.
    Finished,
    /// Ended with an error (including [`INTERRUPTED`]).
    Failed,
    /// Stopped by the user.
    Cancelled,
}

impl RunStatus {
    /// The name stored in the database: `running`, `finished`, `failed`, `cancelled`.
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Finished => "finished",
            RunStatus::Failed => "failed",
            RunStatus::Cancelled => "cancelled",
        }
    }
}

impl fmt::Display for RunStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RunStatus {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "running" => Ok(RunStatus::Running),
            "finished" => Ok(RunStatus::Finished),
            "failed" => Ok(RunStatus::Failed),
            "cancelled" => Ok(RunStatus::Cancelled),
            other => Err(StoreError::InvalidInput(format!(
                "unknown run status {other:?} (expected running, finished, failed or cancelled)"
            ))),
        }
    }
}

/// The settings of a run, as given to [`Store::begin_run`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunSettings {
    /// Scenario ids run (baseline included).
    pub scenarios: Vec<String>,
    /// Iterations per scenario; every sample series of the run must have this length.
    pub iterations: u64,
    /// The seed actually used (stored as decimal text, so every u64 survives).
    pub seed: u64,
    /// `sampled` or `expected`.
    pub mode: String,
    /// Version of the engine that ran it.
    pub engine_version: String,
    /// Any further settings as a JSON text (stored as given; must be JSON).
    pub settings_json: Option<String>,
}

/// A run as listed by [`Store::list_runs`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RunRow {
    /// Run id.
    pub id: i64,
    /// The model.
    pub model_id: i64,
    /// The model's key.
    pub model_key: String,
    /// The model's display name.
    pub model_name: String,
    /// The model version number that was run.
    pub model_version: u32,
    /// Database id of that model version.
    pub model_version_id: i64,
    /// Scenario ids run.
    pub scenarios: Vec<String>,
    /// Iterations per scenario.
    pub iterations: u64,
    /// The seed. Serialized as a decimal *string*: a JavaScript number would round seeds
    /// above 2^53.
    #[serde(serialize_with = "u64_as_string")]
    #[ts(type = "string")]
    pub seed: u64,
    /// `sampled` or `expected`.
    pub mode: String,
    /// Engine version.
    pub engine_version: String,
    /// Status.
    pub status: RunStatus,
    /// Why it failed (for `failed` runs).
    pub error: Option<String>,
    /// When it began (UTC, ISO 8601).
    pub started_at: String,
    /// When it ended (UTC, ISO 8601), unless running.
    pub finished_at: Option<String>,
    /// Id of the process that ran it.
    pub pid: Option<u32>,
}

fn u64_as_string<S: Serializer>(v: &u64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&v.to_string())
}

/// The §7 result of one scenario of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioResult {
    /// Scenario id.
    pub scenario_id: String,
    /// The scenario object of the result document, as compact JSON text.
    pub result_json: String,
}

/// Everything stored about one run except its samples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunRecord {
    /// The run.
    pub run: RunRow,
    /// The further settings given to [`Store::begin_run`].
    pub settings_json: Option<String>,
    /// The whole `journeylab-result/1` document exactly as given to [`Store::finish_run`]
    /// (`None` unless finished).
    pub result_json: Option<String>,
    /// Its scenarios one by one, in document order.
    pub scenario_results: Vec<ScenarioResult>,
}

/// One stored sample series of a run, as listed by [`Store::sample_keys`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SampleKey {
    /// Scenario id.
    pub scenario_id: String,
    /// Metric name.
    pub metric: String,
    /// Number of values (the run's iterations).
    pub len: u64,
}

/// Which runs [`Store::list_runs`] returns; the default is all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunFilter {
    /// Only runs of this model (any version).
    pub model_id: Option<i64>,
    /// Only runs of this model version.
    pub model_version_id: Option<i64>,
    /// Only runs with this status.
    pub status: Option<RunStatus>,
    /// At most this many (the newest).
    pub limit: Option<u32>,
}

impl RunFilter {
    /// Runs of one model.
    pub fn model(model_id: i64) -> RunFilter {
        RunFilter {
            model_id: Some(model_id),
            ..RunFilter::default()
        }
    }
}

const RUN_ROW_SQL: &str = "
    SELECT r.id, m.id, m.key, m.name, v.version, v.id, r.scenarios, r.iterations, r.seed,
           r.mode, r.engine_version, r.status, r.error, r.started_at, r.finished_at, r.pid
    FROM runs r
    JOIN model_versions v ON v.id = r.model_version_id
    JOIN models m ON m.id = v.model_id";

/// A run row as read, before its text columns are decoded.
struct RawRun {
    row: RunRow,
    scenarios: String,
    seed: String,
    status: String,
}

fn raw_run(r: &Row<'_>) -> rusqlite::Result<RawRun> {
    Ok(RawRun {
        row: RunRow {
            id: r.get(0)?,
            model_id: r.get(1)?,
            model_key: r.get(2)?,
            model_name: r.get(3)?,
            model_version: r.get(4)?,
            model_version_id: r.get(5)?,
            scenarios: Vec::new(),
            iterations: r.get(7)?,
            seed: 0,
            mode: r.get(9)?,
            engine_version: r.get(10)?,
            status: RunStatus::Running,
            error: r.get(12)?,
            started_at: r.get(13)?,
            finished_at: r.get(14)?,
            pid: r.get(15)?,
        },
        scenarios: r.get(6)?,
        seed: r.get(8)?,
        status: r.get(11)?,
    })
}

impl RawRun {
    fn decode(self) -> Result<RunRow, Fail> {
        let id = self.row.id;
        let bad = |what: &str| Fail::Malformed(format!("run {id}: {what}"));
        Ok(RunRow {
            scenarios: serde_json::from_str(&self.scenarios)
                .map_err(|_| bad("scenarios is not a JSON array of strings"))?,
            seed: self
                .seed
                .parse()
                .map_err(|_| bad("seed is not a decimal u64"))?,
            status: self.status.parse().map_err(|_| bad("unknown status"))?,
            ..self.row
        })
    }
}

fn run_row(c: &Connection, run_id: i64) -> Result<RunRow, Fail> {
    c.query_row(&format!("{RUN_ROW_SQL} WHERE r.id = ?1"), [run_id], raw_run)
        .optional()?
        .ok_or_else(|| {
            Fail::Store(StoreError::NotFound {
                what: "run",
                id: run_id.to_string(),
            })
        })?
        .decode()
}

fn status_of(c: &Connection, run_id: i64) -> Result<RunStatus, Fail> {
    let status: String = c
        .query_row("SELECT status FROM runs WHERE id = ?1", [run_id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "run",
            id: run_id.to_string(),
        })?;
    status
        .parse()
        .map_err(|_| Fail::Malformed(format!("run {run_id}: unknown status {status:?}")))
}

fn require_running(c: &Connection, run_id: i64) -> Result<(), Fail> {
    match status_of(c, run_id)? {
        RunStatus::Running => Ok(()),
        other => Err(Fail::Store(StoreError::RunNotRunning {
            id: run_id,
            status: other.to_string(),
        })),
    }
}

/// Splits a result document into its scenarios, checking the format.
fn split_result(result_json: &str) -> Result<Vec<(String, String)>, Fail> {
    let doc: serde_json::Value =
        serde_json::from_str(result_json).map_err(|source| StoreError::InvalidJson {
            what: "the result document",
            source,
        })?;
    let invalid = |m: String| Fail::Store(StoreError::InvalidResult(m));
    let format = doc.get("format").and_then(|f| f.as_str());
    if format != Some(RESULT_FORMAT) {
        return Err(invalid(format!(
            "format is {format:?}, expected \"{RESULT_FORMAT}\""
        )));
    }
    let scenarios = doc
        .get("scenarios")
        .and_then(|s| s.as_array())
        .ok_or_else(|| invalid("it has no \"scenarios\" array".into()))?;
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(scenarios.len());
    for (i, s) in scenarios.iter().enumerate() {
        let id = s
            .get("id")
            .and_then(|id| id.as_str())
            .ok_or_else(|| invalid(format!("scenarios[{i}] has no string \"id\"")))?;
        if !seen.insert(id) {
            return Err(invalid(format!("scenario {id:?} appears twice")));
        }
        out.push((id.to_string(), s.to_string()));
    }
    Ok(out)
}

fn end_run(store: &Store, run_id: i64, status: RunStatus, error: Option<&str>) -> Result<()> {
    store.with_write(|tx| {
        require_running(tx, run_id)?;
        tx.execute(
            "UPDATE runs SET status = ?2, error = ?3,
                 finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?1",
            params![run_id, status.as_str(), error],
        )?;
        Ok(())
    })
}

impl Store {
    /// Records a new run of model version `model_version_id` with status `running`, owned
    /// by this process, and commits it at once (so a killed process leaves it behind, to be
    /// marked interrupted later). Returns the run id.
    pub fn begin_run(&self, model_version_id: i64, settings: &RunSettings) -> Result<i64> {
        let iterations = i64::try_from(settings.iterations).map_err(|_| {
            StoreError::InvalidInput(format!("iterations {} is too large", settings.iterations))
        })?;
        if let Some(text) = &settings.settings_json {
            serde_json::from_str::<serde_json::Value>(text).map_err(|source| {
                StoreError::InvalidJson {
                    what: "the run settings",
                    source,
                }
            })?;
        }
        let scenarios = serde_json::to_string(&settings.scenarios).map_err(|source| {
            StoreError::InvalidJson {
                what: "the scenario list",
                source,
            }
        })?;
        self.with_write(|tx| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM model_versions WHERE id = ?1)",
                [model_version_id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(Fail::Store(StoreError::NotFound {
                    what: "model version",
                    id: model_version_id.to_string(),
                }));
            }
            tx.execute(
                "INSERT INTO runs (model_version_id, scenarios, iterations, seed, mode,
                                   engine_version, settings_json, pid, process_token)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    model_version_id,
                    scenarios,
                    iterations,
                    settings.seed.to_string(),
                    settings.mode,
                    settings.engine_version,
                    settings.settings_json,
                    std::process::id(),
                    self.token,
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Completes a running run in ONE transaction: stores the whole result document
    /// (`journeylab-result/1`, spec §7), one row per scenario of it, and the sample series,
    /// and sets the status `finished`. Either all of it is stored or none.
    ///
    /// Checks: the run is `running` ([`StoreError::RunNotRunning`]); the document is JSON
    /// with that `format` and a `scenarios` array of objects with unique string ids
    /// ([`StoreError::InvalidResult`]); every series names one of those scenarios, has a
    /// non-empty metric, is not given twice, and all series have the same number of values,
    /// at most `iterations` ([`StoreError::InvalidSamples`]): a run longer than the rows it
    /// keeps stores its first iterations (its summaries, in the document, cover all).
    pub fn finish_run(
        &self,
        run_id: i64,
        result_json: &str,
        samples: &[SampleSeries],
    ) -> Result<()> {
        let scenarios = split_result(result_json).map_err(|e| self.finish_error(e))?;
        self.with_write(|tx| {
            require_running(tx, run_id)?;
            let iterations: u64 =
                tx.query_row("SELECT iterations FROM runs WHERE id = ?1", [run_id], |r| {
                    r.get(0)
                })?;
            let ids: HashSet<&str> = scenarios.iter().map(|(id, _)| id.as_str()).collect();
            let mut seen = HashSet::new();
            let invalid = |m: String| Fail::Store(StoreError::InvalidSamples(m));
            for s in samples {
                if !ids.contains(s.scenario_id.as_str()) {
                    return Err(invalid(format!(
                        "scenario {:?} is not in the result document",
                        s.scenario_id
                    )));
                }
                if s.metric.is_empty() {
                    return Err(invalid(format!(
                        "a series of scenario {:?} has an empty metric name",
                        s.scenario_id
                    )));
                }
                if !seen.insert((s.scenario_id.as_str(), s.metric.as_str())) {
                    return Err(invalid(format!(
                        "{}/{} is given twice",
                        s.scenario_id, s.metric
                    )));
                }
                let len = s.values.len();
                if len as u64 > iterations || samples.first().is_some_and(|f| f.values.len() != len) {
                    return Err(invalid(format!(
                        "{}/{} has {len} values; every series needs the same number, at most the run's {iterations} iterations",
                        s.scenario_id, s.metric
                    )));
                }
            }
            {
                let mut put = tx.prepare(
                    "INSERT INTO run_results (run_id, scenario_id, result_json) VALUES (?1, ?2, ?3)",
                )?;
                for (id, json) in &scenarios {
                    put.execute(params![run_id, id, json])?;
                }
                let mut put = tx.prepare(
                    "INSERT INTO run_samples (run_id, scenario_id, metric, data) VALUES (?1, ?2, ?3, ?4)",
                )?;
                for s in samples {
                    put.execute(params![
                        run_id,
                        s.scenario_id,
                        s.metric,
                        encode_samples(&s.values)
                    ])?;
                }
            }
            tx.execute(
                "UPDATE runs SET status = 'finished', error = NULL, result_json = ?2,
                     finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                 WHERE id = ?1",
                params![run_id, result_json],
            )?;
            Ok(())
        })
    }

    /// Records how many iterations a running run actually used, for a run that stops on
    /// precision before its maximum (begun with the maximum, finished with fewer).
    pub fn set_run_iterations(&self, run_id: i64, iterations: u64) -> Result<()> {
        self.with_write(|tx| {
            require_running(tx, run_id)?;
            tx.execute(
                "UPDATE runs SET iterations = ?2 WHERE id = ?1",
                params![run_id, iterations],
            )?;
            Ok(())
        })
    }

    /// Ends a running run as `failed` with `message`.
    pub fn fail_run(&self, run_id: i64, message: &str) -> Result<()> {
        end_run(self, run_id, RunStatus::Failed, Some(message))
    }

    /// Ends a running run as `cancelled`.
    pub fn cancel_run(&self, run_id: i64) -> Result<()> {
        end_run(self, run_id, RunStatus::Cancelled, None)
    }

    /// Runs matching `filter`, newest first.
    pub fn list_runs(&self, filter: &RunFilter) -> Result<Vec<RunRow>> {
        let mut sql = format!("{RUN_ROW_SQL} WHERE 1 = 1");
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(id) = filter.model_id {
            args.push(Box::new(id));
            sql.push_str(&format!(" AND m.id = ?{}", args.len()));
        }
        if let Some(id) = filter.model_version_id {
            args.push(Box::new(id));
            sql.push_str(&format!(" AND v.id = ?{}", args.len()));
        }
        if let Some(status) = filter.status {
            args.push(Box::new(status.as_str()));
            sql.push_str(&format!(" AND r.status = ?{}", args.len()));
        }
        sql.push_str(" ORDER BY r.id DESC");
        if let Some(limit) = filter.limit {
            args.push(Box::new(limit));
            sql.push_str(&format!(" LIMIT ?{}", args.len()));
        }
        self.with_read(|c| {
            let mut stmt = c.prepare(&sql)?;
            let refs: Vec<&dyn ToSql> = args.iter().map(|a| a.as_ref()).collect();
            let raws = stmt
                .query_map(refs.as_slice(), raw_run)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            raws.into_iter().map(RawRun::decode).collect()
        })
    }

    /// One run with its settings, result document and per-scenario results.
    /// [`StoreError::NotFound`] if there is no such run.
    pub fn get_run(&self, run_id: i64) -> Result<RunRecord> {
        self.with_read(|c| {
            let run = run_row(c, run_id)?;
            let (settings_json, result_json): (Option<String>, Option<String>) = c.query_row(
                "SELECT settings_json, result_json FROM runs WHERE id = ?1",
                [run_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let mut stmt = c.prepare(
                "SELECT scenario_id, result_json FROM run_results WHERE run_id = ?1 ORDER BY rowid",
            )?;
            let scenario_results = stmt
                .query_map([run_id], |r| {
                    Ok(ScenarioResult {
                        scenario_id: r.get(0)?,
                        result_json: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(RunRecord {
                run,
                settings_json,
                result_json,
                scenario_results,
            })
        })
    }

    /// The per-iteration values of `metric` in `scenario_id` of a run (NaN where absent), or
    /// `None` if that series was not stored.
    pub fn run_samples(
        &self,
        run_id: i64,
        scenario_id: &str,
        metric: &str,
    ) -> Result<Option<Vec<f64>>> {
        self.with_read(|c| {
            let data: Option<Vec<u8>> = c
                .query_row(
                    "SELECT data FROM run_samples
                     WHERE run_id = ?1 AND scenario_id = ?2 AND metric = ?3",
                    params![run_id, scenario_id, metric],
                    |r| r.get(0),
                )
                .optional()?;
            match data {
                None => Ok(None),
                Some(bytes) => decode_samples(&bytes).map(Some).ok_or_else(|| {
                    Fail::Malformed(format!(
                        "samples {scenario_id}/{metric} of run {run_id} are {} bytes, not a multiple of 8",
                        bytes.len()
                    ))
                }),
            }
        })
    }

    /// Which sample series a run has, ordered by scenario then metric.
    pub fn sample_keys(&self, run_id: i64) -> Result<Vec<SampleKey>> {
        self.with_read(|c| {
            let mut stmt = c.prepare(
                "SELECT scenario_id, metric, length(data) / 8 FROM run_samples
                 WHERE run_id = ?1 ORDER BY scenario_id, metric",
            )?;
            let rows = stmt.query_map([run_id], |r| {
                Ok(SampleKey {
                    scenario_id: r.get(0)?,
                    metric: r.get(1)?,
                    len: r.get(2)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Deletes a run with its results and samples. A `running` run cannot be deleted
    /// ([`StoreError::RunInProgress`]): cancel it first. The decision log is never touched.
    pub fn delete_run(&self, run_id: i64) -> Result<()> {
        self.with_write(|tx| {
            if status_of(tx, run_id)? == RunStatus::Running {
                return Err(Fail::Store(StoreError::RunInProgress { id: run_id }));
            }
            tx.execute("DELETE FROM runs WHERE id = ?1", [run_id])?;
            Ok(())
        })?;
        self.reclaim_space()
    }

    /// Marks as `failed` with the error [`INTERRUPTED`] every `running` run whose process
    /// has ended, and returns their ids. [`Store::open`] calls it; call it again to refresh.
    ///
    /// On Linux the owner is identified by boot id, pid and process start time from
    /// `/proc`, so a dead owner is recognised at once, even if its pid was reused. Where
    /// that is not available, a run owned by another process is taken as interrupted once
    /// it has been running for [`STALE_AFTER_HOURS`](crate::STALE_AFTER_HOURS) hours.
    pub fn recover_interrupted_runs(&self) -> Result<Vec<i64>> {
        self.with_write(|tx| {
            let mut stmt = tx.prepare(
                "SELECT id, process_token,
                        (julianday('now') - julianday(started_at)) * 24.0
                 FROM runs WHERE status = 'running' ORDER BY id",
            )?;
            let running = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<f64>>(2)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut ended = Vec::new();
            for (id, token, age_hours) in running {
                let dead = match process::liveness(token.as_deref(), &self.token) {
                    Liveness::Me | Liveness::Alive => false,
                    Liveness::Dead => true,
                    Liveness::Unknown => {
                        age_hours.unwrap_or(f64::INFINITY) >= process::STALE_AFTER_HOURS as f64
                    }
                };
                if dead {
                    tx.execute(
                        "UPDATE runs SET status = 'failed', error = ?2,
                             finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                         WHERE id = ?1 AND status = 'running'",
                        params![id, INTERRUPTED],
                    )?;
                    ended.push(id);
                }
            }
            Ok(ended)
        })
    }
}
