// Shared by crates/playground/tests/golden.rs (native) and
// crates/wasm/tests/browser.rs (Chromium), so both check the same numbers (their hash is golden/hash.rs).

/// Pixels per side of the grid predicted after training each golden link.
pub const GOLDEN_GRID: usize = 12;

/// Varied share links, the number of updates to train each, the bits of the
/// train and test loss after them, and the [`bits_hash`] of the
/// `GOLDEN_GRID x GOLDEN_GRID` grid then (probabilities, then every unit's
/// map), computed natively. Regenerate with
/// `GOLDEN_PRINT=1 cargo test -p playground --test golden -- --nocapture`.
pub const GOLDEN_LINKS: &[(&str, u64, u32, u32, u64)] = &[
    ("v=1", 200, 0x3edcd3db, 0x3eef0d1e, 0x1ce59d3cb5864ca8),
    ("activation=tanh&networkShape=8,8&learningRate=0.03", 200, 0x3ef0a0d1, 0x3efc2771, 0x576fb7b12f09d3b9),
    ("activation=sigmoid&networkShape=6,6,6&learningRate=0.3&batchSize=25&dataset=circle", 200, 0x3f00b290, 0x3eff32dc, 0x451181774fdbea00),
    ("dataset=spiral&classes=3&loss=crossEntropy&optimizer=adam&learningRate=0.01&networkShape=16,16", 200, 0x3f82de1f, 0x3f8f1f0c, 0x059624b1c6a33983),
    ("dataset=xor&optimizer=rmsprop&learningRate=0.01&activation=elu&init=he&noise=20", 200, 0x3f1b816c, 0x3f1013dc, 0x53de290de03d1bd8),
    ("dataset=circle&optimizer=momentum&regularization=L2&regularizationRate=0.01&activation=softplus&xSquared=true&ySquared=true", 200, 0x395547cd, 0x3946387f, 0x640aa31cfa9bdbf2),
    ("dataset=gauss&classes=4&optimizer=nesterov&regularization=L1&regularizationRate=0.001&loss=crossEntropy&init=xavier", 200, 0x3ac94917, 0x3aafb800, 0xa743988f4d2338e9),
    ("dataset=moons&optimizer=adamw&learningRate=0.005&dropout=0.2&augmentNoise=0.3&activation=gelu&seed=7&initSeed=9", 200, 0x3d5954ff, 0x3d472b79, 0xa14fceb3131f0645),
    ("problem=regression&regDataset=reg-gauss&activation=tanh&lrSchedule=cosine&lrEpochs=3&learningRate=0.05", 200, 0x3ce047fa, 0x3d06a90f, 0x3537aa674c28ebb5),
    ("activation=sine&lrSchedule=step&lrEpochs=2&lrDecay=0.5&sinX=true&sinY=true&xTimesY=true&userPoints=1,2,1;-3,0.5,0&percTrainData=30", 200, 0x3eb2231c, 0x3ee57cbb, 0xa393eafa48201c6a),
    ("activation=leakyRelu&networkShape=32,32,32&batchSize=1&numSamples=200&initScale=0.5", 200, 0x3eeed08e, 0x3f024284, 0xcb2fd45d5ee4dcf3),
];
