// The sequence lab's golden links, shared by crates/playground/tests/sequence_golden.rs (native)
// and crates/wasm/tests/browser_sequence.rs (Chromium), so both check the same numbers.

/// Small sequence links, the number of updates to train each, the bits of the train and test
/// loss after them, and the `bits_hash` of every weight and bias then, computed natively.
/// Regenerate with `GOLDEN_PRINT=1 cargo test -p playground --test sequence_golden -- --nocapture`.
pub const GOLDEN_SEQUENCE_LINKS: &[(&str, u64, u32, u32, u64)] = &[
    ("lab=sequence&hidden=12&batchSize=8&length=10", 300, 0x3fdf005f, 0x3fe6e507, 0x58f7abc822c1d084),
    ("lab=sequence&units=characters&cell=gru&hidden=10&batchSize=4&length=12&optimizer=rmsprop&learningRate=0.005&seed=3", 200, 0x40149d27, 0x4012ad75, 0x6840db451d23c26f),
    ("lab=sequence&task=adding&cell=rnn&hidden=8&batchSize=8&length=8&clip=0", 300, 0x3e084538, 0x3e0bda18, 0x7f440046ca25432b),
    ("lab=sequence&task=adding&cell=lstm&hidden=6&batchSize=4&length=15&initScale=2&clip=0.5&initSeed=5", 200, 0x3e30379d, 0x3e11f9af, 0xc59c0abd9cfc81f5),
    ("lab=sequence&task=adding&cell=gru&hidden=8&batchSize=6&length=6&optimizer=momentum&learningRate=0.05&regularization=L2&regularizationRate=0.001", 300, 0x3b47910e, 0x3b45b8b5, 0x8b8f34292495e506),
    ("lab=sequence&task=reverse&hidden=10&batchSize=8&length=5&seed=4", 200, 0x3fde5e9d, 0x3fdeb713, 0x49584070dea0f877),
];
