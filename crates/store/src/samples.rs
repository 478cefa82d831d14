//! The compact encoding of per-iteration samples.
//!
//! A series of `n` values is stored as a BLOB of `8 × n` bytes: each value an IEEE-754
//! binary64 in little-endian byte order, iteration 0 first. NaN means *absent* (a rate whose
//! denominator was zero in that iteration, §7 of the model spec).

use serde::{Deserialize, Serialize};

/// Per-iteration values of one metric of one scenario, as given to
/// [`Store::finish_run`](crate::Store::finish_run).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleSeries {
    /// The scenario id (`"baseline"`, …), as in the result document.
    pub scenario_id: String,
    /// The metric name (`"legit_success_rate"`, `"net_value"`, …).
    pub metric: String,
    /// One value per iteration; `f64::NAN` where the value is absent.
    pub values: Vec<f64>,
}

/// Encodes values as little-endian f64 (see the module docs).
pub fn encode_samples(values: &[f64]) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() * 8);
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

/// Decodes a BLOB written by [`encode_samples`]; `None` if its length is not a multiple
/// of 8.
pub fn decode_samples(bytes: &[u8]) -> Option<Vec<f64>> {
    let chunks = bytes.chunks_exact(8);
    if !chunks.remainder().is_empty() {
        return None;
    }
    Some(
        chunks
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                f64::from_le_bytes(b)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_bits() {
        let values = [
            0.0,
            -0.0,
            1.5,
            f64::NAN,
            f64::INFINITY,
            f64::MIN_POSITIVE,
            -3e300,
        ];
        let bytes = encode_samples(&values);
        assert_eq!(bytes.len(), 8 * values.len());
        assert_eq!(&bytes[16..24], &1.5f64.to_le_bytes());
        let back = decode_samples(&bytes).expect("decode");
        for (a, b) in values.iter().zip(&back) {
            assert_eq!(a.to_bits(), b.to_bits());
        }
        assert!(decode_samples(&bytes[..7]).is_none());
        assert_eq!(decode_samples(&[]), Some(vec![]));
    }
}
