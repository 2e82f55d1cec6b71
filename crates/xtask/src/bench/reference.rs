//! What `cargo xtask bench` reports, as data: each figure with where its number comes from, the
//! peers it is compared with and the targets it is held to (their types are figure.rs's).
//! Only constants and their meaning; evaluating and printing them is table.rs's job.

use super::figure::{Better, Check, Peer, PeerSource, Row, Target};
use super::figure::{from, reached};
use super::peers::{BRAINJS, CONVNETJS, MACHINES, NUMPY, TFJS_CPU, TFJS_WASM};
/// Examples per W1 training step (its batch size).
const W1_BATCH: f64 = 10.0;
/// Points in W1's grid (100 x 100) and W2's (200 x 200).
const W1_GRID: f64 = 100.0 * 100.0;
const W2_GRID: f64 = 200.0 * 200.0;
/// FLOP as the issue counts them: 5,860 per W1 step of 10 examples, 8.05 M per W2 step,
/// 358 M per W2 200 x 200 grid.
const W1_EXAMPLE_FLOP: f64 = 5_860.0 / W1_BATCH;
const W2_STEP_FLOP: f64 = 8.05e6;
const W2_POINT_FLOP: f64 = 358e6 / W2_GRID;

/// wasm within 1.5x of the same code built natively.
const NEAR_NATIVE: Target = Target {
    text: "wasm >= native / 1.5",
    check: Check::NearNative { within: 1.5 },
};

const ZEN3: &str = MACHINES[0].0;
const XEON: &str = MACHINES[1].0;

/// The three live peers of a figure our native and wasm figures share the key of.
const fn live_peers(key: &'static str, scale: f64) -> [Peer; 3] {
    [
        live("NumPy", NUMPY, key, scale),
        live("TF.js cpu", TFJS_CPU, key, scale),
        live("TF.js wasm", TFJS_WASM, key, scale),
    ]
}

/// Index of the NumPy peer in every row that has live peers.
const NUMPY_PEER: usize = 0;
/// wasm at least as fast as live NumPy.
const AT_LEAST_NUMPY: Target = Target {
    text: "wasm >= NumPy",
    check: Check::AtLeastPeer {
        peer: NUMPY_PEER,
        times: 1.0,
    },
};

/// C1's live peers, all in the same Chromium: TensorFlow.js on both backends, then ConvNetJS.
const fn c1_peers(key: &'static str) -> [Peer; 3] {
    [
        live("TF.js cpu", TFJS_CPU, key, 1.0),
        live("TF.js wasm", TFJS_WASM, key, 1.0),
        live("ConvNetJS", CONVNETJS, key, 1.0),
    ]
}
/// Index of each peer in C1's rows.
const C1_TFJS_CPU: usize = 0;
const C1_CONVNETJS: usize = 2;
/// Index of TF.js wasm in the row of C1's inference timed beside it.
const C1_BESIDE_TFJS_WASM: usize = 0;
/// S1's live peers, all in the same Chromium: TensorFlow.js on both backends, then brain.js.
const fn s1_peers(key: &'static str) -> [Peer; 3] {
    [
        live("TF.js cpu", TFJS_CPU, key, 1.0),
        live("TF.js wasm", TFJS_WASM, key, 1.0),
        live("brain.js", BRAINJS, key, 1.0),
    ]
}
/// Index of each peer in S1's rows.
const S1_TFJS_WASM: usize = 1;
const S1_BRAINJS: usize = 2;
/// S1's targets, the same for every cell: 5x TF.js wasm and 5x brain.js.
const S1_TARGETS: [Target; 2] = [
    Target {
        text: "wasm >= 5x TF.js wasm",
        check: Check::AtLeastPeer {
            peer: S1_TFJS_WASM,
            times: 5.0,
        },
    },
    Target {
        text: "wasm >= 5x brain.js",
        check: Check::AtLeastPeer {
            peer: S1_BRAINJS,
            times: 5.0,
        },
    },
];

/// E1's and A1's live peers, both in the same Chromium: TensorFlow.js on its cpu and wasm
/// backends.
const fn tfjs_peers(key: &'static str) -> [Peer; 2] {
    [
        live("TF.js cpu", TFJS_CPU, key, 1.0),
        live("TF.js wasm", TFJS_WASM, key, 1.0),
    ]
}
/// Index of the TF.js wasm peer in E1's and A1's rows.
const TFJS_PEERS_WASM: usize = 1;

/// FLOP of one C1 image forward, counting a multiply-add as 2: conv 3x3 1 -> 8 at 8 x 8
/// positions (9,216), conv 3x3 8 -> 16 at 4 x 4 (36,864), dense 64 -> 10 (1,280).
const C1_FORWARD_FLOP: f64 = 47_360.0;
/// FLOP of one C1 training example: the forward, every weight gradient (as many as the
/// forward's) and the input gradients of all but the first layer (36,864 + 1,280).
const C1_TRAIN_FLOP: f64 = 2.0 * C1_FORWARD_FLOP + 38_144.0;

/// W1 training: live, then nn.ts and the TFP page (W1 training at 20.8 and 48.7 epochs/s of
/// 250 examples) and PyTorch.
const W1_TRAIN_PEERS: [Peer; 8] = with_fixed(
    live_peers("w1TrainStepsPerSecond", W1_BATCH),
    [
        fixed("nn.ts", 260_000.0, ZEN3),
        fixed("nn.ts", 625_625.0, XEON),
        fixed("TFP page", 5_200.0, ZEN3),
        fixed("TFP page", 12_175.0, XEON),
        fixed("PyTorch", 13_800.0, ZEN3),
    ],
);
const W1_GRID_PEERS: [Peer; 6] = with_fixed(
    live_peers("w1GridPerSecond", W1_GRID),
    [
        fixed("nn.ts", 557_000.0, ZEN3),
        fixed("nn.ts", 1_148_742.0, XEON),
        fixed("TFP page", 218_000.0, ZEN3),
    ],
);
const W1_FRAME_PEERS: [Peer; 6] = with_fixed(
    live_peers("w1FrameMs", 1.0),
    [
        fixed("nn.ts", 18.5, ZEN3),
        fixed("nn.ts", 9.05, XEON),
        fixed("TFP page", 48.0, ZEN3),
    ],
);
const W2_TRAIN_PEERS: [Peer; 4] = with_fixed(
    live_peers("w2TrainStepsPerSecond", 1.0),
    [fixed("PyTorch", 736.0, ZEN3)],
);
const W2_GRID_PEERS: [Peer; 4] = with_fixed(
    live_peers("w2GridPerSecond", W2_GRID),
    [fixed("PyTorch", 1.56e6, ZEN3)],
);

/// Every figure `cargo xtask bench` reports, in table order.
pub const ROWS: [Row; 23] = [
    Row {
        label: "W1 training, examples/s",
        native: Some(from("w1TrainStepsPerSecond", W1_BATCH)),
        wasm: from("w1TrainStepsPerSecond", W1_BATCH),
        better: Better::Higher,
        flop: Some(W1_EXAMPLE_FLOP),
        peers: &W1_TRAIN_PEERS,
        targets: &[AT_LEAST_NUMPY, NEAR_NATIVE],
    },
    Row {
        label: "W1 100x100 grid, all neurons, points/s",
        native: Some(from("w1GridPerSecond", W1_GRID)),
        wasm: from("w1GridPerSecond", W1_GRID),
        better: Better::Higher,
        flop: None,
        peers: &W1_GRID_PEERS,
        targets: &[AT_LEAST_NUMPY, NEAR_NATIVE],
    },
    Row {
        label: "W1 frame (epoch + grid), ms",
        native: Some(from("w1FrameMs", 1.0)),
        wasm: from("w1FrameMs", 1.0),
        better: Better::Lower,
        flop: None,
        peers: &W1_FRAME_PEERS,
        targets: &[
            Target {
                text: "< 1 ms",
                check: Check::Below(1.0),
            },
            AT_LEAST_NUMPY,
            NEAR_NATIVE,
        ],
    },
    Row {
        label: "W2 training, steps/s",
        native: Some(from("w2TrainStepsPerSecond", 1.0)),
        wasm: from("w2TrainStepsPerSecond", 1.0),
        better: Better::Higher,
        flop: Some(W2_STEP_FLOP),
        peers: &W2_TRAIN_PEERS,
        targets: &[AT_LEAST_NUMPY, NEAR_NATIVE],
    },
    Row {
        label: "W2 200x200 grid, outputs, points/s",
        native: Some(from("w2GridPerSecond", W2_GRID)),
        wasm: from("w2GridPerSecond", W2_GRID),
        better: Better::Higher,
        flop: Some(W2_POINT_FLOP),
        peers: &W2_GRID_PEERS,
        targets: &[AT_LEAST_NUMPY, NEAR_NATIVE],
    },
    Row {
        label: "W2 200x200 grid, all neurons, points/s",
        native: Some(from("w2GridMapsPerSecond", W2_GRID)),
        wasm: from("w2GridMapsPerSecond", W2_GRID),
        better: Better::Higher,
        flop: Some(W2_POINT_FLOP),
        peers: &live_peers("w2GridMapsPerSecond", W2_GRID),
        targets: &[AT_LEAST_NUMPY, NEAR_NATIVE],
    },
    Row {
        label: "C1 training, examples/s",
        native: Some(from("c1TrainExamplesPerSecond", 1.0)),
        wasm: from("c1TrainExamplesPerSecond", 1.0),
        better: Better::Higher,
        flop: Some(C1_TRAIN_FLOP),
        peers: &c1_peers("c1TrainExamplesPerSecond"),
        targets: &[
            Target {
                text: "wasm >= 20x ConvNetJS",
                check: Check::AtLeastPeer {
                    peer: C1_CONVNETJS,
                    times: 20.0,
                },
            },
            Target {
                text: "wasm >= 50x TF.js cpu",
                check: Check::AtLeastPeer {
                    peer: C1_TFJS_CPU,
                    times: 50.0,
                },
            },
        ],
    },
    Row {
        label: "C1 inference, test set, images/s",
        native: Some(from("c1InferImagesPerSecond", 1.0)),
        wasm: from("c1InferImagesPerSecond", 1.0),
        better: Better::Higher,
        flop: Some(C1_FORWARD_FLOP),
        peers: &c1_peers("c1InferImagesPerSecond"),
        targets: &[],
    },
    // The target is held on the inference timed beside TF.js wasm in one page, samples taking
    // turns: pages timed one after another read ratios from 1.3x to 1.9x within an hour of the
    // same code on this shared machine, as its slow spells fell on one page or the other.
    Row {
        label: "C1 inference beside TF.js, images/s",
        native: None,
        wasm: from("c1InferBesideImagesPerSecond", 1.0),
        better: Better::Higher,
        flop: Some(C1_FORWARD_FLOP),
        peers: &[live(
            "TF.js wasm",
            TFJS_WASM,
            "c1InferBesideImagesPerSecond",
            1.0,
        )],
        targets: &[Target {
            text: "wasm >= 1.5x TF.js wasm",
            check: Check::AtLeastPeer {
                peer: C1_BESIDE_TFJS_WASM,
                times: 1.5,
            },
        }],
    },
    Row {
        label: "S1 RNN training, tokens/s",
        native: Some(from("s1RnnTokensPerSecond", 1.0)),
        wasm: from("s1RnnTokensPerSecond", 1.0),
        better: Better::Higher,
        flop: None,
        peers: &s1_peers("s1RnnTokensPerSecond"),
        targets: &S1_TARGETS,
    },
    Row {
        label: "S1 LSTM training, tokens/s",
        native: Some(from("s1LstmTokensPerSecond", 1.0)),
        wasm: from("s1LstmTokensPerSecond", 1.0),
        better: Better::Higher,
        flop: None,
        peers: &s1_peers("s1LstmTokensPerSecond"),
        targets: &S1_TARGETS,
    },
    Row {
        label: "S1 GRU training, tokens/s",
        native: Some(from("s1GruTokensPerSecond", 1.0)),
        wasm: from("s1GruTokensPerSecond", 1.0),
        better: Better::Higher,
        flop: None,
        peers: &s1_peers("s1GruTokensPerSecond"),
        targets: &S1_TARGETS,
    },
    Row {
        label: "E1 SGNS training, pairs/s",
        native: Some(from("e1PairsPerSecond", 1.0)),
        wasm: from("e1PairsPerSecond", 1.0),
        better: Better::Higher,
        flop: None,
        peers: &tfjs_peers("e1PairsPerSecond"),
        targets: &[Target {
            text: "wasm >= 50x TF.js wasm",
            check: Check::AtLeastPeer {
                peer: TFJS_PEERS_WASM,
                times: 50.0,
            },
        }],
    },
    Row {
        label: "A1 training, steps/s",
        native: Some(from("a1TrainStepsPerSecond", 1.0)),
        wasm: from("a1TrainStepsPerSecond", 1.0),
        better: Better::Higher,
        flop: None,
        peers: &tfjs_peers("a1TrainStepsPerSecond"),
        targets: &[Target {
            text: "wasm >= 5x TF.js wasm",
            check: Check::AtLeastPeer {
                peer: TFJS_PEERS_WASM,
                times: 5.0,
            },
        }],
    },
    // From fresh weights, checked every 10 steps; `none` (ours) or `cannot` (a peer): not
    // within 3,000 steps.
    Row {
        label: "A1 steps to 99% per-token accuracy",
        native: Some(reached("a1StepsTo99", 1.0)),
        wasm: reached("a1StepsTo99", 1.0),
        better: Better::Lower,
        flop: None,
        peers: &tfjs_peers("a1StepsTo99"),
        targets: &[],
    },
    Row {
        label: "A1 time to 99% per-token accuracy, s",
        native: Some(reached("a1SecondsTo99", 1.0)),
        wasm: reached("a1SecondsTo99", 1.0),
        better: Better::Lower,
        flop: None,
        peers: &tfjs_peers("a1SecondsTo99"),
        targets: &[],
    },
    Row {
        label: "page, W1 at max speed, examples/s",
        native: None,
        wasm: from("pageExamplesPerSecond", 1.0),
        better: Better::Higher,
        flop: Some(W1_EXAMPLE_FLOP),
        peers: &[
            fixed("TFP page", 5_200.0, ZEN3),
            fixed("TFP page", 12_175.0, XEON),
        ],
        targets: &[],
    },
    Row {
        label: "page, frames/s while playing",
        native: None,
        wasm: from("pageFramesPerSecond", 1.0),
        better: Better::Higher,
        flop: None,
        peers: &[fixed("TFP page", 20.8, ZEN3), fixed("TFP page", 48.7, XEON)],
        targets: &[Target {
            text: ">= 55 frames/s",
            check: Check::AtLeast(55.0),
        }],
    },
    Row {
        label: "page, thumbnail redraws/s",
        native: None,
        wasm: from("pageNetworkDrawsPerSecond", 1.0),
        better: Better::Higher,
        flop: None,
        peers: &[],
        targets: &[],
    },
    Row {
        label: "digits page, play to 97% test accuracy, ms",
        native: None,
        wasm: from("digitsPlayTo97Ms", 1.0),
        better: Better::Lower,
        flop: None,
        peers: &[],
        targets: &[Target {
            text: "< 15 s",
            check: Check::Below(15_000.0),
        }],
    },
    Row {
        label: "page, time to interactive, ms",
        native: None,
        wasm: from("interactiveMs", 1.0),
        better: Better::Lower,
        flop: None,
        peers: &[],
        targets: &[Target {
            text: "< 300 ms",
            check: Check::Below(300.0),
        }],
    },
    Row {
        label: "release .wasm, bytes",
        native: None,
        wasm: from("wasmBytes", 1.0),
        better: Better::Lower,
        flop: None,
        peers: &[],
        targets: &[Target {
            text: "< 250 KB (250,000 B)",
            check: Check::Below(250_000.0),
        }],
    },
    Row {
        label: "release .wasm gzip -9, bytes",
        native: None,
        wasm: from("wasmGzipBytes", 1.0),
        better: Better::Lower,
        flop: None,
        peers: &[],
        targets: &[],
    },
];

const fn live(name: &'static str, set: &'static str, key: &'static str, scale: f64) -> Peer {
    Peer {
        name,
        source: PeerSource::Live {
            set,
            source: from(key, scale),
        },
    }
}

const fn fixed(name: &'static str, value: f64, machine: &'static str) -> Peer {
    Peer {
        name,
        source: PeerSource::Fixed { value, machine },
    }
}

/// `live` followed by `fixed`, as one array of `N` peers (`N` = 3 + `F`).
const fn with_fixed<const F: usize, const N: usize>(
    live: [Peer; 3],
    fixed: [Peer; F],
) -> [Peer; N] {
    assert!(N == 3 + F, "with_fixed: N must be 3 + F");
    let mut peers = [live[0]; N];
    let mut index = 0;
    while index < N {
        peers[index] = if index < 3 {
            live[index]
        } else {
            fixed[index - 3]
        };
        index += 1;
    }
    peers
}
