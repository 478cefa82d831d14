//! Paths into a model, in two spellings: the display form of validation messages
//! (`journeys[login].steps[otp].on.pass`) and the slash form of scenario changes and
//! random-stream keys (`journeys/login/steps/otp/on/pass`).

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Id(String),
    Index(usize),
}

/// A location in a model document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Path(Vec<Seg>);

impl Path {
    /// The whole document.
    pub fn root() -> Self {
        Path(Vec::new())
    }

    /// `self.key`.
    pub fn key(&self, key: &str) -> Self {
        self.with(Seg::Key(key.to_string()))
    }

    /// `self[id]` — an element of an id-keyed collection.
    pub fn id(&self, id: &str) -> Self {
        self.with(Seg::Id(id.to_string()))
    }

    /// `self[i]` — an element without a usable id.
    pub fn index(&self, i: usize) -> Self {
        self.with(Seg::Index(i))
    }

    fn with(&self, seg: Seg) -> Self {
        let mut v = self.0.clone();
        v.push(seg);
        Path(v)
    }

    /// The slash form (`controls/sms_otp/pass/*legitimate`).
    pub fn slash(&self) -> String {
        self.0
            .iter()
            .map(|s| match s {
                Seg::Key(k) | Seg::Id(k) => k.clone(),
                Seg::Index(i) => i.to_string(),
            })
            .collect::<Vec<_>>()
            .join("/")
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, s) in self.0.iter().enumerate() {
            match s {
                Seg::Key(k) if n == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Id(id) => write!(f, "[{id}]")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}
