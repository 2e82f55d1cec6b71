// The digits lab's golden links, shared by crates/playground/tests/golden.rs (native) and the
// wasm browser tests, so both check the same numbers.

/// Varied digits links, the number of updates to train each, the bits of the train and test
/// loss after them, and the `bits_hash` of every weight and bias then, computed natively.
/// Regenerate with `GOLDEN_PRINT=1 cargo test -p playground --test golden -- --nocapture`.
pub const GOLDEN_DIGITS_LINKS: &[(&str, u64, u32, u32, u64)] = &[
    ("lab=digits", 60, 0x3e5624c5, 0x3e68882f, 0xe509472b488b73c8),
    ("lab=digits&filters1=4&filters2=6&kernel=5&pooling=avg&optimizer=momentum&learningRate=0.05", 60, 0x3fc8fbcb, 0x3fc535f6, 0x2977443b4a6954c0),
    ("lab=digits&pooling=none&filters1=3&filters2=4&dropout=0.3&regularization=L2&regularizationRate=0.001", 40, 0x3e8fe73e, 0x3e9b8776, 0x800c491a174fb30f),
    ("lab=digits&model=mlp&hidden=40&optimizer=rmsprop&learningRate=0.005&batchSize=16", 60, 0x3ecc427b, 0x3ed659ff, 0xf00ac3355789a56e),
    ("lab=digits&model=linear&optimizer=sgd&learningRate=0.5&trainSize=50&seed=7", 60, 0x3ec5ac19, 0x3f3ad067, 0x777101a8df792ee5),
    ("lab=digits&augShift=true&augRotate=true&augFlip=true&augNoise=true&initSeed=3&kernel=1", 60, 0x4011dfb5, 0x4011bcaa, 0xaeee1b7148514fea),
];
