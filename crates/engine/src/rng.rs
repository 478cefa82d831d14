//! Random streams keyed by what they draw.
//!
//! Every random number comes from a stream named by (seed, iteration, key), where the
//! key names the thing drawn (a quantity's path in the model, or a journey × population
//! flow). So results do not depend on thread count or call order, and a quantity that a
//! scenario leaves unchanged gets the same draw in every scenario (common random
//! numbers). The generator is `Xoshiro256PlusPlus`, named and portable.

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// The project's generator.
pub type StreamRng = Xoshiro256PlusPlus;

/// 64-bit FNV-1a of a key: stable across platforms and releases (unlike `std`'s hasher).
pub fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// SplitMix64 finaliser: spreads nearby inputs over the whole 64-bit space.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The stream for `key_hash` in iteration `iteration` of a run seeded with `seed`.
pub fn stream(seed: u64, iteration: u64, key_hash: u64) -> StreamRng {
    StreamRng::seed_from_u64(stream_seed(seed, iteration, key_hash))
}

/// The 64-bit seed of [`stream`]'s generator.
fn stream_seed(seed: u64, iteration: u64, key_hash: u64) -> u64 {
    mix(mix(seed ^ 0x6a09_e667_f3bc_c909).wrapping_add(iteration) ^ key_hash.rotate_left(17))
}

/// SplitMix64's increment (the golden ratio), as `rand_xoshiro` seeds with it.
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// The first uniform in [0, 1) of [`stream`]`(seed, iteration, key_hash)`, bit for bit
/// `stream(..).random::<f64>()`, without building the generator: a quantity drawn by its
/// quantile table needs that one number, and there are dozens of them per iteration.
///
/// `seed_from_u64` fills xoshiro256++'s four state words with SplitMix64's first four
/// outputs, the k-th being `mix(z + k·φ)`; the generator's first output reads only words 0
/// and 3 (`rotl(s₀ + s₃, 23) + s₀`), so two of the four mixes are skipped. `rand` makes
/// an f64 of the top 53 bits. (The crate replaces an all-zero state, which cannot arise
/// here: `mix` is a bijection, so at most one of the four words is 0.) A test holds this to
/// the generator itself.
pub fn first_uniform(seed: u64, iteration: u64, key_hash: u64) -> f64 {
    let z = stream_seed(seed, iteration, key_hash);
    let s0 = mix(z.wrapping_add(GOLDEN));
    let s3 = mix(z.wrapping_add(GOLDEN.wrapping_mul(4)));
    let first = s0.wrapping_add(s3).rotate_left(23).wrapping_add(s0);
    (first >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

#[cfg(test)]
mod tests {
    use rand::Rng;

    use super::*;

    #[test]
    fn the_first_uniform_is_the_streams_first_draw_bit_for_bit() {
        // Seeds, iterations and keys spread over their ranges, the edges included.
        let seeds = [0, 1, 7, 42, u64::MAX, 0x6a09_e667_f3bc_c909];
        let keys = [
            0,
            key_hash("journeys/login/steps/identify/abandon/*legitimate"),
            u64::MAX,
        ];
        let mut checked = 0;
        for seed in seeds {
            for key in keys {
                for iteration in (0..2_000).chain([u64::MAX - 1, u64::MAX]) {
                    let want: f64 = stream(seed, iteration, key).random();
                    let got = first_uniform(seed, iteration, key);
                    assert_eq!(
                        got.to_bits(),
                        want.to_bits(),
                        "seed {seed}, iteration {iteration}, key {key}"
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, seeds.len() * keys.len() * 2_002);
    }
}
