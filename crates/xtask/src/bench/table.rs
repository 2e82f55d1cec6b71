//! Turns the benchmarks' figures into what `cargo xtask bench` reports: each row's measured
//! values, its peers' figures, the ratios and target verdicts, the printed table and the JSON
//! report. Runs nothing.

use super::figure::{Better, Check, Peer, PeerSource, Row, Source, Target};
use super::json::Json;
use super::peers::{MACHINES, PEER_NOTES};

/// Flat `key: value` pairs as a benchmark printed them.
pub type Pairs = [(String, Json)];

/// A peer's figure in this run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PeerFigure {
    /// Its figure, in the row's unit.
    Value(f64),
    /// A live peer that did not run in this run.
    Skipped,
    /// A live peer that ran but cannot do this work: it printed `null` for the figure (and
    /// says why under another key, e.g. `tfjs-wasm.c1TrainError`).
    Cannot,
}

impl PeerFigure {
    /// The figure, if there is one.
    pub fn value(self) -> Option<f64> {
        match self {
            PeerFigure::Value(value) => Some(value),
            PeerFigure::Skipped | PeerFigure::Cannot => None,
        }
    }

    /// How the table shows it.
    fn shown(self) -> String {
        match self {
            PeerFigure::Value(value) => number(value),
            PeerFigure::Skipped => "skipped".to_owned(),
            PeerFigure::Cannot => "cannot".to_owned(),
        }
    }

    /// How the JSON report names its state.
    fn status(self) -> &'static str {
        match self {
            PeerFigure::Value(_) => "measured",
            PeerFigure::Skipped => "skipped",
            PeerFigure::Cannot => "cannot",
        }
    }
}

/// A row with the figures measured for it, in the row's unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    /// What the figures are.
    pub row: &'static Row,
    /// The native figure, for rows the native benchmark measures (`None` there: a goal it did
    /// not reach, see [`Source::may_miss`]).
    pub native: Option<f64>,
    /// The figure in wasm (the bench page or the real page in Chromium); `None`: a goal it did
    /// not reach.
    pub wasm: Option<f64>,
    /// Each peer's figure in the row's order: fixed ones always, live ones when their peer
    /// ran in this run and could do the work.
    pub peers: Vec<PeerFigure>,
}

/// The outcome of one target.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// The row's label.
    pub figure: &'static str,
    /// The target as the table states it.
    pub target: &'static str,
    /// The number decided on: a speed ratio, or the wasm figure itself (NaN when undecided or
    /// when wasm did not reach its goal).
    pub value: f64,
    /// Whether the target is met; `None` when the live peer it needs gave no figure.
    pub pass: Option<bool>,
}

/// Reads every row's figures from the native and browser pairs and the live peers' pairs
/// (keys `set.key`, e.g. `numpy.w2TrainStepsPerSecond`).
///
/// # Errors
/// When a figure is missing or not a positive finite number: then something broke, unless it
/// is a `null` goal of ours that may be missed. A live peer with no key at all in `peers` did
/// not run (it was skipped), and one that printed `null` for a figure cannot do that work;
/// neither is an error.
pub fn measure(
    rows: &'static [Row],
    native: &Pairs,
    browser: &Pairs,
    peers: &Pairs,
) -> Result<Vec<Measured>, String> {
    rows.iter()
        .map(|row| {
            let native = match row.native {
                Some(source) => ours(native, source, "the native benchmark")?,
                None => None,
            };
            let wasm = ours(browser, row.wasm, "the browser benchmark")?;
            let peers = row
                .peers
                .iter()
                .map(|peer| peer_figure(peer, peers))
                .collect::<Result<_, _>>()?;
            Ok(Measured {
                row,
                native,
                wasm,
                peers,
            })
        })
        .collect()
}

/// Our figure from `source` in `pairs`, in the row's unit; `None` for a goal not reached.
fn ours(pairs: &Pairs, source: Source, from: &str) -> Result<Option<f64>, String> {
    if source.may_miss
        && pairs
            .iter()
            .any(|(name, value)| name == source.key && *value == Json::Null)
    {
        return Ok(None);
    }
    Ok(Some(figure(pairs, source.key, from)? * source.scale))
}

/// A peer's figure: fixed, or read from `pairs` if its set ran.
fn peer_figure(peer: &Peer, pairs: &Pairs) -> Result<PeerFigure, String> {
    match peer.source {
        PeerSource::Fixed { value, .. } => Ok(PeerFigure::Value(value)),
        PeerSource::Live { set, source } => {
            let prefix = format!("{set}.");
            if !pairs.iter().any(|(key, _)| key.starts_with(&prefix)) {
                return Ok(PeerFigure::Skipped);
            }
            let key = format!("{prefix}{}", source.key);
            if pairs
                .iter()
                .any(|(name, value)| *name == key && *value == Json::Null)
            {
                return Ok(PeerFigure::Cannot);
            }
            Ok(PeerFigure::Value(
                figure(pairs, &key, peer.name)? * source.scale,
            ))
        }
    }
}

/// The positive finite number `key` holds in `pairs`.
fn figure(pairs: &Pairs, key: &str, from: &str) -> Result<f64, String> {
    let value = pairs
        .iter()
        .find(|(name, _)| name == key)
        .ok_or_else(|| format!("{from} printed no `{key}`"))?;
    match value.1.as_number() {
        Some(number) if number.is_finite() && number > 0.0 => Ok(number),
        _ => Err(format!(
            "{from} printed `{key}` = {}, not a positive finite number",
            value.1
        )),
    }
}

/// Ours over theirs for rates, theirs over ours for times and sizes: above 1 means ours is
/// faster (or smaller).
pub fn speed_ratio(better: Better, ours: f64, theirs: f64) -> f64 {
    match better {
        Better::Higher => ours / theirs,
        Better::Lower => theirs / ours,
    }
}

impl Measured {
    /// wasm's speed ratio over native, if both have a figure.
    pub fn over_native(&self) -> Option<f64> {
        Some(speed_ratio(self.row.better, self.wasm?, self.native?))
    }

    /// wasm's speed ratio over each peer, in the row's order (`None` for a peer without a
    /// figure, or all of them when wasm has none).
    pub fn over_peers(&self) -> Vec<Option<f64>> {
        self.peers
            .iter()
            .map(|peer| Some(speed_ratio(self.row.better, self.wasm?, peer.value()?)))
            .collect()
    }

    /// GFLOP/s of `figure` (a rate in the row's unit), where the row counts its FLOP.
    pub fn gflops(&self, figure: Option<f64>) -> Option<f64> {
        Some(figure? * self.row.flop? / 1e9)
    }

    /// Decides `target`: a goal wasm did not reach misses it.
    pub fn verdict(&self, target: &Target) -> Verdict {
        let Some(wasm) = self.wasm else {
            return Verdict {
                figure: self.row.label,
                target: target.text,
                value: f64::NAN,
                pass: Some(false),
            };
        };
        let (value, pass) = match target.check {
            Check::AtLeastPeer { peer, times } => {
                match self.over_peers().get(peer).copied().flatten() {
                    Some(ratio) => (ratio, Some(ratio >= times)),
                    None => (f64::NAN, None),
                }
            }
            Check::AtLeast(least) => (wasm, Some(wasm >= least)),
            Check::Below(limit) => (wasm, Some(wasm < limit)),
            Check::NearNative { within } => {
                let ratio = self.over_native().unwrap_or(f64::NAN);
                (ratio, Some(ratio >= 1.0 / within))
            }
        };
        Verdict {
            figure: self.row.label,
            target: target.text,
            value,
            pass,
        }
    }

    /// Whether a goal of ours was not reached, natively or in wasm.
    pub fn missed(&self) -> bool {
        self.wasm.is_none() || (self.row.native.is_some() && self.native.is_none())
    }

    /// Every target's verdict, in the row's order.
    pub fn verdicts(&self) -> Vec<Verdict> {
        self.row
            .targets
            .iter()
            .map(|target| self.verdict(target))
            .collect()
    }
}

/// Column headers and widths (the first is left-aligned, the rest right-aligned except the
/// reference and target names).
const COLUMNS: [(&str, usize); 12] = [
    ("figure", 38),
    ("native", 8),
    ("GF/s", 5),
    ("wasm", 8),
    ("GF/s", 5),
    ("wasm/nat", 8),
    ("peer", 10),
    ("from", 12),
    ("peer fig", 8),
    ("wasm/peer", 9),
    ("target", 23),
    ("result", 6),
];
/// Columns written left-aligned.
const LEFT: [usize; 4] = [0, 6, 7, 10];

/// The table: one block of lines per row (one line per peer or target, at least one),
/// then how to read it.
pub fn render(measured: &[Measured], heading: &str) -> String {
    let mut lines = vec![
        heading.to_owned(),
        line(COLUMNS.map(|(name, _)| name.to_owned())),
    ];
    lines.push(line(COLUMNS.map(|(_, width)| "-".repeat(width))));
    for row in measured {
        let ratios = row.over_peers();
        let verdicts = row.verdicts();
        let height = row.row.peers.len().max(verdicts.len()).max(1);
        for index in 0..height {
            let first = index == 0;
            let peer = row.row.peers.get(index);
            let value = row.peers.get(index).copied();
            let verdict = verdicts.get(index);
            let shown = |value: Option<f64>, format: fn(f64) -> String| {
                value.filter(|_| first).map(format).unwrap_or_default()
            };
            let ours = |value: Option<f64>, measured: bool| match value {
                None if first && measured => "none".to_owned(),
                value => shown(value, number),
            };
            lines.push(line([
                if first {
                    row.row.label.to_owned()
                } else {
                    String::new()
                },
                ours(row.native, row.row.native.is_some()),
                shown(row.gflops(row.native), gflops),
                ours(row.wasm, true),
                shown(row.gflops(row.wasm), gflops),
                shown(row.over_native(), ratio),
                peer.map_or_else(String::new, |peer| peer.name.to_owned()),
                peer.map_or_else(String::new, |peer| origin(peer).to_owned()),
                value.map_or_else(String::new, PeerFigure::shown),
                ratios
                    .get(index)
                    .copied()
                    .flatten()
                    .map(ratio)
                    .unwrap_or_default(),
                verdict.map_or_else(String::new, |v| v.target.to_owned()),
                verdict.map_or_else(String::new, |v| result(v.pass).to_owned()),
            ]));
        }
    }
    let verdicts: Vec<Verdict> = measured.iter().flat_map(Measured::verdicts).collect();
    let decided = verdicts
        .iter()
        .filter(|verdict| verdict.pass.is_some())
        .count();
    let met = verdicts
        .iter()
        .filter(|verdict| verdict.pass == Some(true))
        .count();
    lines.push(String::new());
    let mut summary = format!("targets met: {met} of {decided}");
    if decided < verdicts.len() {
        summary.push_str(&format!(
            " ({} undecided: their live peer was skipped or cannot do the work)",
            verdicts.len() - decided
        ));
    }
    lines.push(summary);
    lines.push(
        "wasm/nat, wasm/peer: speed ratios (ours / theirs for rates, theirs / ours for ms, s, \
         steps and bytes; above 1 = wasm faster or smaller); GF/s = GFLOP/s"
            .to_owned(),
    );
    if measured.iter().any(Measured::missed) {
        lines.push(
            "none: a goal of ours not reached (A1: 99% per-token test accuracy within 3,000 \
             steps); it misses every target of its row"
                .to_owned(),
        );
    }
    lines.push(
        "peers: `live` ones ran in this run on this machine and decide targets; fixed ones \
         were measured by hand on the machine named, for context only:"
            .to_owned(),
    );
    for (name, note) in PEER_NOTES {
        lines.push(format!("  {name:<10} {note}"));
    }
    for (name, note) in MACHINES {
        lines.push(format!("  {name:<12} {note}"));
    }
    lines.join("\n") + "\n"
}

/// Where a peer's figure comes from: `live`, or the machine a fixed one was measured on.
fn origin(peer: &Peer) -> &'static str {
    if peer.is_live() {
        "live"
    } else {
        peer.machine()
    }
}

/// One table line from its cells, padded to the column widths, trailing spaces trimmed.
fn line(cells: [String; 12]) -> String {
    let mut text = String::new();
    for (index, (cell, (_, width))) in cells.iter().zip(COLUMNS).enumerate() {
        if index > 0 {
            text.push_str("  ");
        }
        if LEFT.contains(&index) {
            text.push_str(&format!("{cell:<width$}"));
        } else {
            text.push_str(&format!("{cell:>width$}"));
        }
    }
    text.trim_end().to_owned()
}

fn result(pass: Option<bool>) -> &'static str {
    match pass {
        Some(true) => "pass",
        Some(false) => "MISS",
        None => "n/a",
    }
}

/// A figure with three significant digits: `0.684`, `20.8`, `589`, `5,200`, `13.8 k`, `1.56 M`.
pub fn number(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e9 {
        format!("{} G", significant(value / 1e9))
    } else if magnitude >= 1e6 {
        format!("{} M", significant(value / 1e6))
    } else if magnitude >= 1e4 {
        format!("{} k", significant(value / 1e3))
    } else if magnitude >= 1e3 {
        let whole = value.round() as i64;
        format!("{},{:03}", whole / 1000, (whole % 1000).abs())
    } else {
        significant(value)
    }
}

fn significant(value: f64) -> String {
    match value.abs() {
        m if m >= 99.95 => format!("{value:.0}"),
        m if m >= 9.995 => format!("{value:.1}"),
        m if m >= 0.9995 => format!("{value:.2}"),
        _ => format!("{value:.3}"),
    }
}

/// A speed ratio: `0.85x`, `12.3x`, `456x`.
pub fn ratio(value: f64) -> String {
    match value {
        v if v >= 99.5 => format!("{v:.0}x"),
        v if v >= 9.95 => format!("{v:.1}x"),
        v => format!("{v:.2}x"),
    }
}

fn gflops(value: f64) -> String {
    significant(value)
}

/// Every row as JSON: figures, ratios, GFLOP/s and verdicts.
pub fn rows_json(measured: &[Measured]) -> Json {
    Json::Array(
        measured
            .iter()
            .map(|row| {
                let peers = row
                    .row
                    .peers
                    .iter()
                    .zip(&row.peers)
                    .zip(row.over_peers())
                    .map(|((peer, &value), ratio)| {
                        let kind = if peer.is_live() { "live" } else { "fixed" };
                        Json::object([
                            ("name", Json::String(peer.name.to_owned())),
                            ("value", Json::number(value.value())),
                            ("status", Json::String(value.status().to_owned())),
                            ("kind", Json::String(kind.to_owned())),
                            ("machine", Json::String(peer.machine().to_owned())),
                            ("wasmOverPeer", Json::number(ratio)),
                        ])
                    })
                    .collect();
                let targets = row
                    .verdicts()
                    .into_iter()
                    .map(|verdict| {
                        Json::object([
                            ("target", Json::String(verdict.target.to_owned())),
                            ("value", Json::Number(verdict.value)),
                            ("pass", verdict.pass.map_or(Json::Null, Json::Bool)),
                        ])
                    })
                    .collect();
                Json::object([
                    ("figure", Json::String(row.row.label.to_owned())),
                    ("native", Json::number(row.native)),
                    ("wasm", Json::number(row.wasm)),
                    ("wasmOverNative", Json::number(row.over_native())),
                    ("nativeGflops", Json::number(row.gflops(row.native))),
                    ("wasmGflops", Json::number(row.gflops(row.wasm))),
                    ("peers", Json::Array(peers)),
                    ("targets", Json::Array(targets)),
                ])
            })
            .collect(),
    )
}
