//! Which column of an iteration's row holds what.

use crate::spec::{OutcomeClass, Spec};

/// The per-journey × population fields after `entrants` and the outcome counts.
pub const JP_FIELDS: [&str; 7] = [
    "attempts",
    "support_contacts",
    "control_cost",
    "support_cost",
    "customer_seconds",
    "value",
    "loss",
];

/// The columns of one journey × population: `entrants`, one per outcome, then
/// [`JP_FIELDS`].
#[derive(Debug, Clone, PartialEq)]
pub struct JpBlock {
    /// Journey index.
    pub journey: usize,
    /// Population index.
    pub population: usize,
    /// First column.
    pub offset: usize,
    /// Number of columns.
    pub width: usize,
    /// Each outcome's class, as its index in [`OutcomeClass::ALL`], in outcome order:
    /// resolved once here because class counts are summed for every row.
    pub classes: Vec<usize>,
}

impl JpBlock {
    /// Column of `entrants`.
    pub fn entrants(&self) -> usize {
        self.offset
    }
    /// Column of outcome `o`.
    pub fn outcome(&self, o: usize) -> usize {
        self.offset + 1 + o
    }
    /// Column of the `k`-th of [`JP_FIELDS`].
    pub fn field(&self, k: usize) -> usize {
        self.offset + self.width - JP_FIELDS.len() + k
    }
    /// Column of a named field of [`JP_FIELDS`].
    pub fn named(&self, name: &str) -> Option<usize> {
        JP_FIELDS
            .iter()
            .position(|f| *f == name)
            .map(|k| self.field(k))
    }
}

/// All blocks of a model, in journey order then entrant order.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Blocks.
    pub blocks: Vec<JpBlock>,
    /// Row width.
    pub width: usize,
}

impl Layout {
    /// The layout of `spec`.
    pub fn of(spec: &Spec) -> Layout {
        let mut blocks = Vec::new();
        let mut offset = 0;
        for (j, journey) in spec.journeys.iter().enumerate() {
            for e in &journey.entrants {
                let width = 1 + journey.outcomes.len() + JP_FIELDS.len();
                let classes = journey
                    .outcomes
                    .iter()
                    .map(|o| {
                        OutcomeClass::ALL
                            .iter()
                            .position(|c| *c == o.class)
                            .unwrap_or(2)
                    })
                    .collect();
                blocks.push(JpBlock {
                    journey: j,
                    population: e.population,
                    offset,
                    width,
                    classes,
                });
                offset += width;
            }
        }
        Layout {
            blocks,
            width: offset,
        }
    }
}
