//! What `cargo xtask bench` reports, as data: each figure with where its number comes from, the
//! reference figures measured on this machine and the targets it is held to. Only constants
//! and their meaning; evaluating and printing them is table.rs's job.

/// Which way a figure improves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    /// Rates: more is faster.
    Higher,
    /// Times and sizes: less is better.
    Lower,
}

/// Where a figure is read from: a key of the native or the browser JSON, times a scale that
/// turns its operations into the figure's unit (steps into examples, grids into points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Source {
    /// The key in the flat JSON object.
    pub key: &'static str,
    /// What one unit of the key is worth in the figure's unit.
    pub scale: f64,
}

const fn from(key: &'static str, scale: f64) -> Source {
    Source { key, scale }
}

/// A figure measured elsewhere on this machine, to compare with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reference {
    /// A short name for the table; [`REFERENCE_NOTES`] says what it was exactly.
    pub name: &'static str,
    /// The figure, in the row's unit.
    pub value: f64,
}

/// What a figure must reach; "speed ratio" is ours over theirs for rates and theirs over ours
/// for times, so above 1 always means we are faster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Check {
    /// The speed ratio over reference number `reference` of the row is at least `times`.
    TimesReference {
        /// Index into the row's references.
        reference: usize,
        /// The least speed ratio.
        times: f64,
    },
    /// Strictly faster than reference number `reference` of the row.
    FasterThanReference(usize),
    /// The wasm figure is at least this (frames per second).
    AtLeast(f64),
    /// The wasm figure is under this (milliseconds, bytes).
    Below(f64),
    /// The wasm figure is no more than `within` times slower than the native one.
    NearNative {
        /// The most native may be faster, as a factor.
        within: f64,
    },
}

/// One target of a row, with the words the table prints for it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    /// How the table states it, e.g. `>= 20x nn.ts`.
    pub text: &'static str,
    /// How it is decided.
    pub check: Check,
}

/// One figure: one or two measurements, references and targets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// What is measured, with its unit.
    pub label: &'static str,
    /// The native benchmark's key (`cargo bench -p playground`), if it measures this.
    pub native: Option<Source>,
    /// The browser driver's key (`node e2e/bench.mjs`).
    pub wasm: Source,
    /// Which way is better.
    pub better: Better,
    /// Floating-point operations per unit of the figure, for GFLOP/s (rates only).
    pub flop: Option<f64>,
    /// Figures to compare with, measured elsewhere on this machine.
    pub references: &'static [Reference],
    /// What the figure must reach.
    pub targets: &'static [Target],
}

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

/// The reference names used in the table, and what each one was (medians of 35 runs on this
/// machine, about ±30% noise).
pub const REFERENCE_NOTES: [(&str, &str); 4] = [
    (
        "nn.ts",
        "TensorFlow Playground's nn.ts in headless Chromium 156 (frame: 18-24 ms, 21 used)",
    ),
    (
        "TFP page",
        "the real TensorFlow Playground page (20.8 epochs/s, 48 ms per frame)",
    ),
    ("PyTorch", "PyTorch 2.15, CPU, float32, 1 thread"),
    ("NumPy", "NumPy 2.4, float32, 1 thread"),
];

/// Every figure `cargo xtask bench` reports, in table order.
pub const ROWS: [Row; 12] = [
    Row {
        label: "W1 training, examples/s",
        native: Some(from("w1TrainStepsPerSecond", W1_BATCH)),
        wasm: from("w1TrainStepsPerSecond", W1_BATCH),
        better: Better::Higher,
        flop: Some(W1_EXAMPLE_FLOP),
        references: &[
            reference("nn.ts", 260_000.0),
            reference("TFP page", 5_200.0),
            reference("PyTorch", 13_800.0),
        ],
        targets: &[
            Target {
                text: ">= 20x nn.ts",
                check: Check::TimesReference {
                    reference: 0,
                    times: 20.0,
                },
            },
            NEAR_NATIVE,
        ],
    },
    Row {
        label: "W1 100x100 grid, all neurons, points/s",
        native: Some(from("w1GridPerSecond", W1_GRID)),
        wasm: from("w1GridPerSecond", W1_GRID),
        better: Better::Higher,
        flop: None,
        references: &[
            reference("nn.ts", 557_000.0),
            reference("TFP page", 218_000.0),
            reference("PyTorch", 5.8e6),
        ],
        targets: &[NEAR_NATIVE],
    },
    Row {
        label: "W1 frame (epoch + grid), ms",
        native: Some(from("w1FrameMs", 1.0)),
        wasm: from("w1FrameMs", 1.0),
        better: Better::Lower,
        flop: None,
        references: &[reference("nn.ts", 21.0), reference("TFP page", 48.0)],
        targets: &[
            Target {
                text: "< 1 ms",
                check: Check::Below(1.0),
            },
            NEAR_NATIVE,
        ],
    },
    Row {
        label: "W2 training, steps/s",
        native: Some(from("w2TrainStepsPerSecond", 1.0)),
        wasm: from("w2TrainStepsPerSecond", 1.0),
        better: Better::Higher,
        flop: Some(W2_STEP_FLOP),
        references: &[reference("NumPy", 1_820.0), reference("PyTorch", 736.0)],
        targets: &[
            Target {
                text: ">= NumPy",
                check: Check::TimesReference {
                    reference: 0,
                    times: 1.0,
                },
            },
            NEAR_NATIVE,
        ],
    },
    Row {
        label: "W2 200x200 grid, outputs, points/s",
        native: Some(from("w2GridPerSecond", W2_GRID)),
        wasm: from("w2GridPerSecond", W2_GRID),
        better: Better::Higher,
        flop: Some(W2_POINT_FLOP),
        references: &[reference("PyTorch", 1.56e6), reference("NumPy", 1.34e6)],
        targets: &[
            Target {
                text: "> PyTorch",
                check: Check::FasterThanReference(0),
            },
            NEAR_NATIVE,
        ],
    },
    Row {
        label: "W2 200x200 grid, all neurons, points/s",
        native: Some(from("w2GridMapsPerSecond", W2_GRID)),
        wasm: from("w2GridMapsPerSecond", W2_GRID),
        better: Better::Higher,
        flop: Some(W2_POINT_FLOP),
        references: &[],
        targets: &[NEAR_NATIVE],
    },
    Row {
        label: "page, W1 at max speed, examples/s",
        native: None,
        wasm: from("pageExamplesPerSecond", 1.0),
        better: Better::Higher,
        flop: Some(W1_EXAMPLE_FLOP),
        references: &[reference("TFP page", 5_200.0)],
        targets: &[Target {
            text: ">= 100x TFP page",
            check: Check::TimesReference {
                reference: 0,
                times: 100.0,
            },
        }],
    },
    Row {
        label: "page, frames/s while playing",
        native: None,
        wasm: from("pageFramesPerSecond", 1.0),
        better: Better::Higher,
        flop: None,
        references: &[reference("TFP page", 20.8)],
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
        references: &[],
        targets: &[],
    },
    Row {
        label: "page, time to interactive, ms",
        native: None,
        wasm: from("interactiveMs", 1.0),
        better: Better::Lower,
        flop: None,
        references: &[],
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
        references: &[],
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
        references: &[],
        targets: &[],
    },
];

const fn reference(name: &'static str, value: f64) -> Reference {
    Reference { name, value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_name_references_that_exist_and_native_checks_have_a_native_figure() {
        for row in &ROWS {
            for target in row.targets {
                match target.check {
                    Check::TimesReference { reference, .. }
                    | Check::FasterThanReference(reference) => {
                        assert!(reference < row.references.len(), "{}", row.label);
                    }
                    Check::NearNative { .. } => assert!(row.native.is_some(), "{}", row.label),
                    Check::AtLeast(_) | Check::Below(_) => {}
                }
            }
        }
    }

    #[test]
    fn every_reference_name_is_explained() {
        for row in &ROWS {
            for reference in row.references {
                assert!(
                    REFERENCE_NOTES
                        .iter()
                        .any(|(name, _)| *name == reference.name),
                    "{}",
                    reference.name
                );
            }
        }
    }
}
