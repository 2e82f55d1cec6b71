//! Turns the two benchmarks' figures into what `cargo xtask bench` reports: each row's measured
//! values, its ratios and target verdicts, the printed table and the JSON report. Runs nothing.

use super::json::Json;
use super::reference::{Better, Check, REFERENCE_NOTES, Row, Target};

/// Flat `key: value` pairs as a benchmark printed them.
pub type Pairs = [(String, Json)];

/// A row with the figures measured for it, in the row's unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measured {
    /// What the figures are.
    pub row: &'static Row,
    /// The native figure, for rows the native benchmark measures.
    pub native: Option<f64>,
    /// The figure in wasm (the bench page or the real page in Chromium).
    pub wasm: f64,
}

/// The outcome of one target.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// The row's label.
    pub figure: &'static str,
    /// The target as the table states it.
    pub target: &'static str,
    /// The number decided on: a speed ratio, or the wasm figure itself.
    pub value: f64,
    /// Whether the target is met.
    pub pass: bool,
}

/// Reads every row's figures from the native and browser pairs.
///
/// # Errors
/// When a figure is missing or not a positive finite number: then something broke.
pub fn measure(
    rows: &'static [Row],
    native: &Pairs,
    browser: &Pairs,
) -> Result<Vec<Measured>, String> {
    rows.iter()
        .map(|row| {
            let native = match row.native {
                Some(source) => {
                    Some(figure(native, source.key, "the native benchmark")? * source.scale)
                }
                None => None,
            };
            let wasm = figure(browser, row.wasm.key, "the browser benchmark")? * row.wasm.scale;
            Ok(Measured { row, native, wasm })
        })
        .collect()
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
    /// wasm's speed ratio over native, if measured natively.
    pub fn over_native(&self) -> Option<f64> {
        self.native
            .map(|native| speed_ratio(self.row.better, self.wasm, native))
    }

    /// The speed ratio over each reference, in the row's order.
    pub fn over_references(&self) -> Vec<f64> {
        self.row
            .references
            .iter()
            .map(|reference| speed_ratio(self.row.better, self.wasm, reference.value))
            .collect()
    }

    /// GFLOP/s of `figure` (a rate in the row's unit), where the row counts its FLOP.
    pub fn gflops(&self, figure: Option<f64>) -> Option<f64> {
        Some(figure? * self.row.flop? / 1e9)
    }

    /// Decides `target`.
    pub fn verdict(&self, target: &Target) -> Verdict {
        let ratios = self.over_references();
        let ratio = |index: usize| ratios.get(index).copied().unwrap_or(f64::NAN);
        let (value, pass) = match target.check {
            Check::TimesReference { reference, times } => {
                (ratio(reference), ratio(reference) >= times)
            }
            Check::FasterThanReference(reference) => (ratio(reference), ratio(reference) > 1.0),
            Check::AtLeast(least) => (self.wasm, self.wasm >= least),
            Check::Below(limit) => (self.wasm, self.wasm < limit),
            Check::NearNative { within } => {
                let ratio = self.over_native().unwrap_or(f64::NAN);
                (ratio, ratio >= 1.0 / within)
            }
        };
        Verdict {
            figure: self.row.label,
            target: target.text,
            value,
            pass,
        }
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
const COLUMNS: [(&str, usize); 11] = [
    ("figure", 38),
    ("native", 8),
    ("GF/s", 5),
    ("wasm", 8),
    ("GF/s", 5),
    ("wasm/nat", 8),
    ("reference", 9),
    ("ref", 8),
    ("wasm/ref", 8),
    ("target", 20),
    ("result", 6),
];
/// Columns written left-aligned.
const LEFT: [usize; 3] = [0, 6, 9];

/// The table: one block of lines per row (one line per reference or target, at least one),
/// then how to read it.
pub fn render(measured: &[Measured], heading: &str) -> String {
    let mut lines = vec![
        heading.to_owned(),
        line(COLUMNS.map(|(name, _)| name.to_owned())),
    ];
    lines.push(line(COLUMNS.map(|(_, width)| "-".repeat(width))));
    for row in measured {
        let references = row.over_references();
        let verdicts = row.verdicts();
        let height = row.row.references.len().max(verdicts.len()).max(1);
        for index in 0..height {
            let first = index == 0;
            let reference = row.row.references.get(index);
            let verdict = verdicts.get(index);
            let shown = |value: Option<f64>, format: fn(f64) -> String| {
                value.filter(|_| first).map(format).unwrap_or_default()
            };
            lines.push(line([
                if first {
                    row.row.label.to_owned()
                } else {
                    String::new()
                },
                shown(row.native, number),
                shown(row.gflops(row.native), gflops),
                shown(Some(row.wasm), number),
                shown(row.gflops(Some(row.wasm)), gflops),
                shown(row.over_native(), ratio),
                reference.map_or_else(String::new, |r| r.name.to_owned()),
                reference.map_or_else(String::new, |r| number(r.value)),
                references
                    .get(index)
                    .copied()
                    .map(ratio)
                    .unwrap_or_default(),
                verdict.map_or_else(String::new, |v| v.target.to_owned()),
                verdict.map_or_else(String::new, |v| result(v.pass).to_owned()),
            ]));
        }
    }
    let verdicts: Vec<Verdict> = measured.iter().flat_map(Measured::verdicts).collect();
    let met = verdicts.iter().filter(|verdict| verdict.pass).count();
    lines.push(String::new());
    lines.push(format!("targets met: {met} of {}", verdicts.len()));
    lines.push(
        "wasm/nat, wasm/ref: speed ratios (ours / theirs for rates, theirs / ours for ms and \
         bytes; above 1 = wasm faster or smaller); GF/s = GFLOP/s"
            .to_owned(),
    );
    lines.push("references, measured on this machine (medians of 35 runs, about ±30%):".to_owned());
    for (name, note) in REFERENCE_NOTES {
        lines.push(format!("  {name:<9} {note}"));
    }
    lines.join("\n") + "\n"
}

/// One table line from its cells, padded to the column widths, trailing spaces trimmed.
fn line(cells: [String; 11]) -> String {
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

fn result(pass: bool) -> &'static str {
    if pass { "pass" } else { "MISS" }
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
                let references = row
                    .row
                    .references
                    .iter()
                    .zip(row.over_references())
                    .map(|(reference, ratio)| {
                        Json::object([
                            ("name", Json::String(reference.name.to_owned())),
                            ("value", Json::Number(reference.value)),
                            ("wasmOverReference", Json::Number(ratio)),
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
                            ("pass", Json::Bool(verdict.pass)),
                        ])
                    })
                    .collect();
                Json::object([
                    ("figure", Json::String(row.row.label.to_owned())),
                    ("native", Json::number(row.native)),
                    ("wasm", Json::Number(row.wasm)),
                    ("wasmOverNative", Json::number(row.over_native())),
                    ("nativeGflops", Json::number(row.gflops(row.native))),
                    ("wasmGflops", Json::number(row.gflops(Some(row.wasm)))),
                    ("references", Json::Array(references)),
                    ("targets", Json::Array(targets)),
                ])
            })
            .collect(),
    )
}
