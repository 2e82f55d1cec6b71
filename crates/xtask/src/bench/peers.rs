//! Who the bench's peers are: the live peers' set names (under which the browser driver and
//! the NumPy script print their figures), the machines the fixed references were measured on,
//! and one line on each peer for the table's footnotes.

/// The live peers' sets: NumPy in target/bench-venv, TensorFlow.js in the same Chromium.
pub const NUMPY: &str = "numpy";
/// TensorFlow.js on its cpu backend (plain JavaScript).
pub const TFJS_CPU: &str = "tfjs-cpu";
/// TensorFlow.js on its wasm backend (XNNPACK, 128-bit SIMD, one thread: no cross-origin
/// isolation).
pub const TFJS_WASM: &str = "tfjs-wasm";
/// ConvNetJS, in the same Chromium (C1 only).
pub const CONVNETJS: &str = "convnetjs";
/// brain.js, in the same Chromium (S1 only).
pub const BRAINJS: &str = "brainjs";
/// The live peers measured in Chromium, whose figures the browser driver prints under
/// `set.key`.
pub const BROWSER_PEERS: [&str; 4] = [TFJS_CPU, TFJS_WASM, CONVNETJS, BRAINJS];

/// The machines fixed references were measured on (anchors.md), short name and description.
pub const MACHINES: [(&str, &str); 2] = [
    (
        "EPYC Zen 3",
        "AMD EPYC Zen 3, 2.45 GHz, measured 2026-11-29",
    ),
    (
        "Xeon AVX-512",
        "Intel Xeon with AVX-512, measured 2026-12-04",
    ),
];

/// The peer names used in the table, and what each one is.
pub const PEER_NOTES: [(&str, &str); 8] = [
    (
        "NumPy",
        "live: NumPy 2.4.0, float32, 1 OpenBLAS thread (crates/xtask/bench-peers/numpy_bench.py)",
    ),
    (
        "TF.js cpu",
        "live: TensorFlow.js 4.22.0, cpu backend, in the same Chromium (web/bench/tfjs.html, \
         c1-tfjs.html, s1-tfjs.html, e1-tfjs.html, a1-tfjs.html)",
    ),
    (
        "TF.js wasm",
        "live: TensorFlow.js 4.22.0, wasm backend (SIMD, 1 thread), in the same Chromium",
    ),
    (
        "ConvNetJS",
        "live: ConvNetJS 0.3.0 (npm) in the same Chromium, Adam written on its gradients: npm's \
         build has no 'adam' method (web/bench/c1-convnet.js)",
    ),
    (
        "brain.js",
        "live: brain.js 1.6.1 (npm) in the same Chromium, its recurrent.RNN/LSTM/GRU \
         (web/bench/s1-brain.js)",
    ),
    (
        "nn.ts",
        "fixed: TensorFlow Playground's nn.ts in headless Chromium 156 (anchors.md)",
    ),
    (
        "TFP page",
        "fixed: the real TensorFlow Playground page playing W1 (anchors.md)",
    ),
    (
        "PyTorch",
        "fixed: PyTorch 2.15, CPU, float32, 1 thread (anchors.md)",
    ),
];
