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
    let s =
        mix(mix(seed ^ 0x6a09_e667_f3bc_c909).wrapping_add(iteration) ^ key_hash.rotate_left(17));
    StreamRng::seed_from_u64(s)
}
