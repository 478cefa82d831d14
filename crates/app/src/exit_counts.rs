//! Counts of step exits as CSV text (`journey,step,exit,population,n,k[,period]`, any
//! column order): read once here for both the predictive check of a run and the funnel
//! import, so both accept the same files and report bad rows the same way.

use journeylab_engine::evidence::Observation;

use crate::AppError;

/// One row: what was observed, and in which period.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExitCounts {
    pub counts: Observation,
    /// The `period` column's cell, if there is one and it is not empty.
    pub period: Option<String>,
}

/// The header's columns, in the order a message names them.
const COLUMNS: [&str; 6] = ["journey", "step", "exit", "population", "n", "k"];

/// Every row of `csv`; `what` names the file in the header error ("the CSV", "the funnel
/// CSV"). Blank lines are skipped; every bad row is reported, with its line number.
pub(crate) fn read_exit_counts(csv: &str, what: &str) -> Result<Vec<ExitCounts>, AppError> {
    let mut lines = csv.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<String> = lines
        .next()
        .map(|h| {
            h.split(',')
                .map(|c| c.trim().to_ascii_lowercase())
                .collect()
        })
        .unwrap_or_default();
    let col = |name: &str| header.iter().position(|c| c == name);
    let Some(cols) = COLUMNS
        .iter()
        .map(|c| col(c))
        .collect::<Option<Vec<usize>>>()
    else {
        return Err(AppError::InvalidModel {
            message: format!("{what} needs a header with {}", COLUMNS.join(", ")),
        });
    };
    let [j, s, e, p, n, k] = cols[..] else {
        unreachable!("six columns were looked up")
    };
    let period = col("period");
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in lines.enumerate() {
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let get = |c: usize| cells.get(c).copied().unwrap_or("");
        let number = |c: usize, name: &str| {
            get(c)
                .parse::<u64>()
                .map_err(|_| format!("row {}: {name} `{}` is not a whole number", i + 2, get(c)))
        };
        match (number(n, "n"), number(k, "k")) {
            (Ok(n), Ok(k)) => rows.push(ExitCounts {
                counts: Observation {
                    journey: get(j).into(),
                    step: get(s).into(),
                    exit: get(e).into(),
                    population: get(p).into(),
                    n,
                    k,
                },
                period: period.map(get).filter(|l| !l.is_empty()).map(String::from),
            }),
            (a, b) => problems.extend([a.err(), b.err()].into_iter().flatten()),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(AppError::InvalidModel {
            message: problems.join("\n"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_in_any_column_order_and_reports_every_bad_row() {
        let rows = read_exit_counts(
            "K,n,population,exit,step,journey,period\n\n3,10,customers,pass,otp,login,2026-11\n",
            "the CSV",
        )
        .expect("rows");
        assert_eq!(
            (
                rows[0].counts.k,
                rows[0].counts.n,
                rows[0].counts.step.as_str(),
                rows[0].period.as_deref()
            ),
            (3, 10, "otp", Some("2026-11"))
        );
        let bad = read_exit_counts(
            "journey,step,exit,population,n,k\nl,s,e,p,x,1\nl,s,e,p,5,-1\n",
            "the CSV",
        )
        .expect_err("bad rows");
        assert_eq!(
            bad.to_string(),
            "row 2: n `x` is not a whole number\nrow 3: k `-1` is not a whole number"
        );
        let no_header = read_exit_counts("journey,step\n", "the funnel CSV").expect_err("header");
        assert!(no_header
            .to_string()
            .starts_with("the funnel CSV needs a header with journey, step, exit"));
    }
}
