//! Seeds cross process boundaries as decimal strings: a JavaScript number holds integers
//! exactly only up to 2^53, and a seed is any u64. Every IPC type with a seed uses
//! `#[serde(with = "crate::seed")]` and `#[ts(type = "string")]`.

use serde::{Deserialize, Deserializer, Serializer};

/// Writes the seed as decimal text.
pub fn serialize<S: Serializer>(seed: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&seed.to_string())
}

/// Reads a seed from decimal text (or, leniently, from a JSON integer).
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Text {
        Str(String),
        Num(u64),
    }
    match Text::deserialize(d)? {
        Text::Num(n) => Ok(n),
        Text::Str(s) => s.trim().parse().map_err(|_| {
            serde::de::Error::custom(format!(
                "the seed must be a whole number from 0 to 18,446,744,073,709,551,615, not `{s}`"
            ))
        }),
    }
}
