// The words lab's golden links, shared by crates/playground/tests/words_golden.rs (native)
// and crates/wasm/tests/browser_words.rs (Chromium), so both check the same numbers.

/// Words links, the number of updates to train each, the bits of the train and test loss
/// after them, and the `bits_hash` of every input and output vector then, computed natively.
/// Regenerate with `GOLDEN_PRINT=1 cargo test -p playground --test words_golden -- --nocapture`.
pub const GOLDEN_WORDS_LINKS: &[(&str, u64, u32, u32, u64)] = &[
    ("lab=words", 150, 0x3eab3d42, 0x3eb37fbe, 0xdef2d8d6b654c585),
    ("lab=words&corpus=en&method=cbow&dim=8&window=3&negatives=3&batchSize=64&seed=4&initSeed=9", 150, 0x3eedccc9, 0x3ef5eec9, 0xc272a7c6f02a5468),
    ("lab=words&corpus=en&optimizer=sgd&learningRate=5&batchSize=32&negatives=2&dim=4", 150, 0x3f2fd9e5, 0x3f2f8131, 0x1cda639b10a2aa07),
    ("lab=words&corpus=custom&text=the%20cat%20sat%20on%20the%20mat.%20the%20dog%20sat%20on%20the%20rug.%20a%20cat%20and%20a%20dog%20ran.&window=1&batchSize=4&optimizer=rmsprop&learningRate=0.02", 100, 0x3e8d2633, 0x00000000, 0xbd2e0570bf0cfbba),
    ("lab=words&method=cbow&optimizer=momentum&learningRate=0.5&lrSchedule=step&lrEpochs=1&lrDecay=0.5&weightDecay=0.01", 200, 0x3f316f88, 0x3f316fa7, 0xeffc0bc9fbe9aefd),
];
