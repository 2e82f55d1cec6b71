//! The shape of what `cargo xtask bench` reports: a figure's source, its peers (measured live
//! in the same run, or fixed references measured by hand on a named machine) and its targets.
//! The figures themselves are reference.rs's.

/// Which way a figure improves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    /// Rates: more is faster.
    Higher,
    /// Times and sizes: less is better.
    Lower,
}

/// Where a figure is read from: a key of a flat JSON object, times a scale that turns its
/// operations into the figure's unit (steps into examples, grids into points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Source {
    /// The key in the flat JSON object.
    pub key: &'static str,
    /// What one unit of the key is worth in the figure's unit.
    pub scale: f64,
    /// Whether our figure may be `null`: a goal not reached (A1's 99% accuracy within the
    /// steps allowed), shown as `none` and missing every target of its row. Any other figure
    /// of ours must be a positive number.
    pub may_miss: bool,
}

/// A figure of ours that must be measured.
pub(super) const fn from(key: &'static str, scale: f64) -> Source {
    Source {
        key,
        scale,
        may_miss: false,
    }
}

/// A figure of ours that is `null` when its goal was not reached.
pub(super) const fn reached(key: &'static str, scale: f64) -> Source {
    Source {
        key,
        scale,
        may_miss: true,
    }
}

/// Where a peer's figure comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PeerSource {
    /// Measured in this run: `key` of the peer set `set` (`numpy`, `tfjs-cpu`, `tfjs-wasm`,
    /// `convnetjs`), which reports every figure under the same key as ours, or `null` for one
    /// it cannot do.
    Live {
        /// The peer set, the prefix of its keys in the gathered peer figures.
        set: &'static str,
        /// Where its figure is.
        source: Source,
    },
    /// Measured by hand on another occasion (/work/shared/reference/anchors.md): shown for
    /// context, never deciding pass or fail.
    Fixed {
        /// The figure, in the row's unit.
        value: f64,
        /// The machine it was measured on, as [`MACHINES`] names it.
        machine: &'static str,
    },
}

/// A figure to compare with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Peer {
    /// A short name for the table; [`PEER_NOTES`] says what it is exactly.
    pub name: &'static str,
    /// Where its figure comes from.
    pub source: PeerSource,
}

impl Peer {
    /// Whether it is measured in this run.
    pub fn is_live(&self) -> bool {
        matches!(self.source, PeerSource::Live { .. })
    }

    /// The machine its figure comes from: this one for a live peer.
    pub fn machine(&self) -> &'static str {
        match self.source {
            PeerSource::Live { .. } => "this machine",
            PeerSource::Fixed { machine, .. } => machine,
        }
    }
}

/// What a figure must reach; "speed ratio" is ours over theirs for rates and theirs over ours
/// for times, so above 1 always means we are faster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Check {
    /// The speed ratio of wasm over live peer number `peer` of the row is at least `times`.
    AtLeastPeer {
        /// The peer's index in the row.
        peer: usize,
        /// The least speed ratio.
        times: f64,
    },
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
    /// How the table states it, e.g. `wasm >= NumPy`.
    pub text: &'static str,
    /// How it is decided.
    pub check: Check,
}

/// One figure: one or two measurements, peers and targets.
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
    /// Figures to compare with: live peers first, then fixed references.
    pub peers: &'static [Peer],
    /// What the figure must reach.
    pub targets: &'static [Target],
}
