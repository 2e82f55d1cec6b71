// The golden tests' one constant per set of numbers, shared by crates/playground/tests/golden.rs
// (native) and the wasm browser tests (Chromium).

/// The FNV-1a hash of the bits of `values`: every number of a grid in one constant.
pub fn bits_hash(values: &[f32]) -> u64 {
    values.iter().fold(0xcbf2_9ce4_8422_2325, |hash, value| {
        value
            .to_bits()
            .to_le_bytes()
            .iter()
            .fold(hash, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
    })
}
