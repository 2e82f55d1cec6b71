//! Export and import of a session's weights (JSON) and data (JSON and CSV).
//! Owns the two file formats and the checks on what is read back; what the
//! weights mean is the network's, and whether imported points suit a config is `Config`'s.
//!
//! The weights file (`version` 1):
//!
//! ```json
//! {"version":1,"sizes":[2,8,8,1],"activation":"tanh","output":"tanh",
//!  "layers":[{"weight":[[0.1,-0.2,...],...],"bias":[0,...]},...]}
//! ```
//!
//! `sizes` are the layer widths, inputs (features) first; `activation` the hidden
//! activation and `output` the output one, spelled as in share links; layer `l`
//! has `weight[i][j]` from input `i` to unit `j` (`sizes[l]` rows of
//! `sizes[l + 1]` numbers) and one `bias` per unit. Numbers are the shortest
//! decimals that read back to the same f32, so a round trip is exact.
//!
//! The data file is JSON, `{"version":1,"train":[{"x":..,"y":..,"label":..}],"test":[..]}`,
//! or CSV with the header `x,y,label,split` and `split` either `train` or `test`.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

use serde::{Deserialize, Serialize};
use tensor::nn::{Linear, Mlp};
use tensor::{Activation, Tensor};

use super::Session;
use crate::dataset::{Point, Split};
use crate::settings::{MAX_SAMPLES, MAX_USER_POINTS, Named, index_of};

/// The version of the weights and data files this code writes and reads.
pub const EXPORT_VERSION: u32 = 1;

/// The most points a data file may hold: every point a session can have.
pub const MAX_DATA_POINTS: usize = MAX_SAMPLES as usize + MAX_USER_POINTS;

#[derive(Serialize, Deserialize)]
struct WeightsFile {
    version: u32,
    sizes: Vec<usize>,
    #[serde(default)]
    activation: Option<String>,
    #[serde(default)]
    output: Option<String>,
    layers: Vec<LayerFile>,
}

#[derive(Serialize, Deserialize)]
struct LayerFile {
    weight: Vec<Vec<f32>>,
    bias: Vec<f32>,
}

#[derive(Serialize, Deserialize)]
struct DataFile {
    version: u32,
    train: Vec<PointRow>,
    test: Vec<PointRow>,
}

#[derive(Serialize, Deserialize)]
struct PointRow {
    x: f32,
    y: f32,
    label: f32,
}

impl Session {
    /// The network's weights as a JSON weights file (see the module docs).
    pub fn export_weights(&self) -> String {
        let file = WeightsFile {
            version: EXPORT_VERSION,
            sizes: self.model.sizes(),
            activation: Some(activation_name(self.model.hidden).into()),
            output: Some(activation_name(self.model.output).into()),
            layers: self.model.layers.iter().map(layer_file).collect(),
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// Replaces the network's weights with those of a JSON weights file,
    /// keeping the data, the step count and the optimizer state.
    ///
    /// # Errors
    /// A sentence naming what is wrong: not JSON (a number outside f32's range
    /// is "out of range"), another version, other layer sizes or activations,
    /// a row or bias of the wrong length. The session is then unchanged.
    pub fn import_weights(&mut self, json: &str) -> Result<(), String> {
        let model = read_weights(json, &self.model)?;
        self.set_model(model)
    }

    /// The training and test points as a JSON data file (added points are
    /// among the training points).
    pub fn export_data_json(&self) -> String {
        let rows = |points: &[Point]| points.iter().map(PointRow::from).collect();
        let file = DataFile {
            version: EXPORT_VERSION,
            train: rows(&self.train.points),
            test: rows(&self.test.points),
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// The training and test points as CSV: the header `x,y,label,split`, then
    /// one line per point, training points first.
    pub fn export_data_csv(&self) -> String {
        let mut csv = String::from("x,y,label,split\n");
        let sets = [("train", &self.train.points), ("test", &self.test.points)];
        for (split, points) in sets {
            for p in points {
                let _ = writeln!(csv, "{},{},{},{split}", p.x, p.y, p.label);
            }
        }
        csv
    }
}

/// Reads a data file written by [`Session::export_data_json`] or
/// [`Session::export_data_csv`] (JSON when it starts with `{`). In CSV the
/// `split` column may be left out, and then every point is a training point.
/// The caller decides what to do with the points, e.g. add them as `userPoints`.
///
/// # Errors
/// A sentence naming what is wrong and where (the line, or for JSON its
/// line and column): a bad header, a missing or extra field, a number that is
/// not finite (or outside f32's range), an unknown split, or more than
/// [`MAX_DATA_POINTS`] points.
pub fn parse_data(text: &str) -> Result<Split, String> {
    let split = if text.trim_start().starts_with('{') {
        parse_data_json(text)?
    } else {
        parse_data_csv(text)?
    };
    let count = split.train.len() + split.test.len();
    if count > MAX_DATA_POINTS {
        return Err(format!(
            "the data holds {count} points; at most {MAX_DATA_POINTS} are allowed"
        ));
    }
    Ok(split)
}

fn parse_data_json(text: &str) -> Result<Split, String> {
    let file: DataFile =
        serde_json::from_str(text).map_err(|e| format!("the data JSON is not valid: {e}"))?;
    check_version("data", file.version)?;
    let points = |rows: Vec<PointRow>| rows.into_iter().map(Point::from).collect();
    Ok(Split {
        train: points(file.train),
        test: points(file.test),
    })
}

fn parse_data_csv(text: &str) -> Result<Split, String> {
    let mut split = Split {
        train: Vec::new(),
        test: Vec::new(),
    };
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty());
    let Some((_, header)) = lines.next() else {
        return Err("the data CSV is empty; it needs the header x,y,label,split".into());
    };
    let columns: Vec<&str> = header.split(',').map(str::trim).collect();
    let has_split = match columns.as_slice() {
        ["x", "y", "label"] => false,
        ["x", "y", "label", "split"] => true,
        _ => {
            return Err(format!(
                "line 1: the header must be x,y,label,split (split may be left out), not {header}"
            ));
        }
    };
    for (line_number, line) in lines {
        if split.train.len() + split.test.len() >= MAX_DATA_POINTS {
            return Err(format!(
                "line {line_number}: the data holds more than {MAX_DATA_POINTS} points"
            ));
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() != columns.len() {
            return Err(format!(
                "line {line_number}: {} fields where the header has {}",
                fields.len(),
                columns.len()
            ));
        }
        let number = |index: usize| -> Result<f32, String> {
            match fields[index].parse::<f32>() {
                Ok(v) if v.is_finite() => Ok(v),
                _ => Err(format!(
                    "line {line_number}: {} must be a finite number, not {}",
                    columns[index], fields[index]
                )),
            }
        };
        let point = Point {
            x: number(0)?,
            y: number(1)?,
            label: number(2)?,
        };
        match if has_split { fields[3] } else { "train" } {
            "train" => split.train.push(point),
            "test" => split.test.push(point),
            other => {
                return Err(format!(
                    "line {line_number}: split must be train or test, not {other}"
                ));
            }
        }
    }
    Ok(split)
}

/// Checks a weights file against the network it is meant for and builds the network.
fn read_weights(json: &str, current: &Mlp) -> Result<Mlp, String> {
    let file: WeightsFile =
        serde_json::from_str(json).map_err(|e| format!("the weights JSON is not valid: {e}"))?;
    check_version("weights", file.version)?;
    let sizes = current.sizes();
    if file.sizes != sizes {
        return Err(format!(
            "the weights are for layers {:?}, this network has {sizes:?}",
            file.sizes
        ));
    }
    let activations = [
        ("activation", file.activation, current.hidden),
        ("output", file.output, current.output),
    ];
    for (field, given, expected) in activations {
        let expected = activation_name(expected);
        if given.as_deref().is_some_and(|name| name != expected) {
            return Err(format!(
                "the weights use {field} {}, this network uses {expected}",
                given.unwrap_or_default()
            ));
        }
    }
    if file.layers.len() + 1 != sizes.len() {
        return Err(format!(
            "the weights list {} layers; sizes {sizes:?} need {}",
            file.layers.len(),
            sizes.len() - 1
        ));
    }
    let layers = file
        .layers
        .into_iter()
        .enumerate()
        .map(|(index, layer)| read_layer(index, layer, sizes[index], sizes[index + 1]))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Mlp {
        layers,
        hidden: current.hidden,
        output: current.output,
    })
}

fn read_layer(
    index: usize,
    layer: LayerFile,
    inputs: usize,
    units: usize,
) -> Result<Linear, String> {
    if layer.weight.len() != inputs {
        return Err(format!(
            "layer {index}: weight has {} rows, expected {inputs} (one per input)",
            layer.weight.len()
        ));
    }
    let mut weight = Vec::with_capacity(inputs * units);
    for (row_index, row) in layer.weight.iter().enumerate() {
        if row.len() != units {
            return Err(format!(
                "layer {index}: weight row {row_index} has {} numbers, expected {units} (one per unit)",
                row.len()
            ));
        }
        weight.extend_from_slice(row);
    }
    if layer.bias.len() != units {
        return Err(format!(
            "layer {index}: bias has {} numbers, expected {units} (one per unit)",
            layer.bias.len()
        ));
    }
    Ok(Linear {
        weight: Tensor::new([inputs, units], weight),
        bias: Tensor::new([units], layer.bias),
    })
}

fn check_version(what: &str, version: u32) -> Result<(), String> {
    if version == EXPORT_VERSION {
        Ok(())
    } else {
        Err(format!(
            "{what} file version {version} is not supported; this playground reads version {EXPORT_VERSION}"
        ))
    }
}

fn layer_file(layer: &Linear) -> LayerFile {
    let units = layer.out_dim();
    LayerFile {
        weight: layer
            .weight
            .data()
            .chunks_exact(units.max(1))
            .map(<[f32]>::to_vec)
            .collect(),
        bias: layer.bias.data().to_vec(),
    }
}

fn activation_name(activation: Activation) -> &'static str {
    Activation::NAMES[index_of(activation)]
}

impl From<&Point> for PointRow {
    fn from(p: &Point) -> Self {
        Self {
            x: p.x,
            y: p.y,
            label: p.label,
        }
    }
}

impl From<PointRow> for Point {
    fn from(row: PointRow) -> Self {
        Self {
            x: row.x,
            y: row.y,
            label: row.label,
        }
    }
}
