// The attention lab's golden links, shared by crates/playground/tests/attention_golden.rs
// (native) and crates/wasm/tests/browser_attention.rs (Chromium), so both check the same numbers.

/// Small attention links, the number of updates to train each, the bits of the train and test
/// loss after them, and the `bits_hash` of every weight and bias then, computed natively.
/// Regenerate with `GOLDEN_PRINT=1 cargo test -p playground --test attention_golden -- --nocapture`.
pub const GOLDEN_ATTENTION_LINKS: &[(&str, u64, u32, u32, u64)] = &[
    ("lab=attention&dim=16&batchSize=8", 60, 0x3f649fb0, 0x3f606f00, 0x65f608b0e1951802),
    ("lab=attention&task=sort&length=5&layers=2&heads=4&dim=8&batchSize=4&positions=sinusoidal&seed=3", 50, 0x4008dd82, 0x4008d0f2, 0xa905f51ece0df506),
    ("lab=attention&task=copy&length=6&heads=1&dim=8&positions=off&optimizer=sgd&learningRate=0.3&initSeed=4", 60, 0x3d18e146, 0x3d1f9916, 0x4d7f772710c660b0),
    ("lab=attention&task=text&length=6&layers=2&dim=12&heads=3&batchSize=4&regularization=L2&regularizationRate=0.001", 40, 0x4088139d, 0x4087c711, 0x5e645b9d02b22cdd),
];
