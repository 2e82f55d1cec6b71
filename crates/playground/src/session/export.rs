//! Export and import of a session's weights (JSON) and data (JSON and CSV).
//! Owns the two file formats and the checks on what is read back; what the
//! weights mean is the network's, and whether imported points suit a config is `Config`'s.
//! The JSON text itself is read and written by the caller: serde_json in
//! [`super::json`]; in the wasm crate the browser's `JSON`, whose parsed value is
//! walked into these types. So the engine carries no JSON parser into the page.
//!
//! The weights file (`version` 1):
//!
//! ```json
//! {"version":1,"sizes":[2,8,8,1],"activation":"tanh","output":"tanh",
//!  "layers":[{"weight":[[0.10000000149011612,-0.2,...],...],"bias":[0,...]},...]}
//! ```
//!
//! `sizes` are the layer widths, inputs (features) first; `activation` the hidden
//! activation and `output` the output one, spelled as in share links; layer `l`
//! has `weight[i][j]` from input `i` to unit `j` (`sizes[l]` rows of
//! `sizes[l + 1]` numbers) and one `bias` per unit. Each number is an f32
//! written as the exact double it converts to, so any JSON reader, however it
//! rounds its last digit, gives back a double that rounds to the same f32: a
//! round trip is exact through JavaScript's, Python's or serde_json's parser.
//!
//! The data file is JSON, `{"version":1,"train":[{"x":..,"y":..,"label":..}],"test":[..]}`
//! (numbers written like the weights), or CSV with the header `x,y,label,split`
//! and `split` either `train` or `test`.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

use serde::{Deserialize, Serialize};
use tensor::nn::{Linear, Mlp};
use tensor::{Activation, Tensor};

use super::Session;
use crate::dataset::{Point, Split};
use crate::error::FileError;
use crate::float_text::{format_f32, parse_f32};
use crate::settings::{MAX_SAMPLES, MAX_USER_POINTS, Named, index_of};

/// The version of the weights and data files this code writes and reads.
pub const EXPORT_VERSION: u32 = 1;

/// The most points a data file may hold: every point a session can have.
pub const MAX_DATA_POINTS: usize = MAX_SAMPLES as usize + MAX_USER_POINTS;

/// A weights file as its JSON holds it (see the module docs).
#[derive(Debug, Serialize, Deserialize)]
pub struct WeightsFile {
    /// The file format's version, [`EXPORT_VERSION`].
    pub version: u32,
    /// Layer widths, inputs (features) first.
    pub sizes: Vec<usize>,
    /// The hidden activation as links spell it; a file may leave it out.
    #[serde(default)]
    pub activation: Option<String>,
    /// The output activation as links spell it; a file may leave it out.
    #[serde(default)]
    pub output: Option<String>,
    /// The layers, input side first.
    pub layers: Vec<LayerFile>,
}

/// One layer of a weights file: `weight[input][unit]` and `bias[unit]`.
#[derive(Debug, Serialize, Deserialize)]
pub struct LayerFile {
    /// One row per input, one number per unit.
    pub weight: Vec<Vec<f64>>,
    /// One number per unit.
    pub bias: Vec<f64>,
}

/// A data file as its JSON holds it (see the module docs).
#[derive(Debug, Serialize, Deserialize)]
pub struct DataFile {
    /// The file format's version, [`EXPORT_VERSION`].
    pub version: u32,
    /// The training points (added points among them).
    pub train: Vec<PointRow>,
    /// The test points.
    pub test: Vec<PointRow>,
}

/// One point of a data file.
#[derive(Debug, Serialize, Deserialize)]
pub struct PointRow {
    /// Its first coordinate.
    pub x: f64,
    /// Its second coordinate.
    pub y: f64,
    /// Its class, or its value for regression.
    pub label: f64,
}

impl Session {
    /// The network's weights as a weights file, for the caller's JSON writer.
    pub fn weights_file(&self) -> WeightsFile {
        WeightsFile {
            version: EXPORT_VERSION,
            sizes: self.model.sizes(),
            activation: Some(activation_name(self.model.hidden).into()),
            output: Some(activation_name(self.model.output).into()),
            layers: self.model.layers.iter().map(layer_file).collect(),
        }
    }

    /// Replaces the network's weights with those of a weights file's JSON text,
    /// read by `read_json`, keeping the data, the step count and the optimizer state.
    ///
    /// # Errors
    /// A sentence naming what is wrong: not JSON (with `read_json`'s reason),
    /// another version, other layer sizes or activations, a row or bias of the
    /// wrong length, a number outside f32's range. The session is then unchanged.
    pub fn import_weights_with(
        &mut self,
        text: &str,
        read_json: impl FnOnce(&str) -> Result<WeightsFile, String>,
    ) -> Result<(), FileError> {
        let file = read_json(text).map_err(|e| {
            FileError::new(
                format!("the weights JSON is not valid: {e}"),
                format!("权重 JSON 无效：{e}"),
            )
        })?;
        let model = read_weights(file, &self.model)?;
        self.set_model(model)
    }

    /// The training and test points as a data file (added points are among the
    /// training points), for the caller's JSON writer.
    pub fn data_file(&self) -> DataFile {
        let rows = |points: &[Point]| points.iter().map(PointRow::from).collect();
        DataFile {
            version: EXPORT_VERSION,
            train: rows(&self.train.points),
            test: rows(&self.test.points),
        }
    }

    /// The training and test points as CSV: the header `x,y,label,split`, then
    /// one line per point, training points first.
    pub fn export_data_csv(&self) -> String {
        let mut csv = String::from("x,y,label,split\n");
        let sets = [("train", &self.train.points), ("test", &self.test.points)];
        for (split, points) in sets {
            for p in points {
                let [x, y, label] = [p.x, p.y, p.label].map(format_f32);
                let _ = writeln!(csv, "{x},{y},{label},{split}");
            }
        }
        csv
    }
}

/// Reads a data file: JSON (a [`DataFile`], read by `read_json`) when it starts
/// with `{`, else CSV as [`Session::export_data_csv`] writes it. In CSV the
/// `split` column may be left out, and then every point is a training point.
/// The caller decides what to do with the points, e.g. add them as `userPoints`.
///
/// # Errors
/// A sentence naming what is wrong and where (the CSV line, or the JSON
/// point, or `read_json`'s reason): a bad header, a missing or extra field, a
/// number that is not finite (or outside f32's range), an unknown split, or
/// more than [`MAX_DATA_POINTS`] points.
pub fn parse_data_with(
    text: &str,
    read_json: impl FnOnce(&str) -> Result<DataFile, String>,
) -> Result<Split, FileError> {
    let split = if text.trim_start().starts_with('{') {
        let file = read_json(text).map_err(|e| {
            FileError::new(
                format!("the data JSON is not valid: {e}"),
                format!("数据 JSON 无效：{e}"),
            )
        })?;
        read_data(file)?
    } else {
        parse_data_csv(text)?
    };
    let count = split.train.len() + split.test.len();
    if count > MAX_DATA_POINTS {
        return Err(FileError::new(
            format!("the data holds {count} points; at most {MAX_DATA_POINTS} are allowed"),
            format!("数据有 {count} 个点；最多允许 {MAX_DATA_POINTS} 个"),
        ));
    }
    Ok(split)
}

fn read_data(file: DataFile) -> Result<Split, FileError> {
    check_version("data", file.version)?;
    let points = |rows: Vec<PointRow>, split: &str| {
        rows.into_iter()
            .enumerate()
            .map(|(index, row)| read_point(&row, split, index))
            .collect::<Result<Vec<_>, FileError>>()
    };
    Ok(Split {
        train: points(file.train, "train")?,
        test: points(file.test, "test")?,
    })
}

fn read_point(row: &PointRow, split: &str, index: usize) -> Result<Point, FileError> {
    let number = |name: &str, value: f64| {
        exact_f32(value).ok_or_else(|| {
            FileError::new(
                format!("{split} point {index}: {name} is outside f32's range (about ±3.4e38)"),
                format!("{split} 第 {index} 个点：{name} 超出 f32 的范围（约 ±3.4e38）"),
            )
        })
    };
    Ok(Point {
        x: number("x", row.x)?,
        y: number("y", row.y)?,
        label: number("label", row.label)?,
    })
}

fn parse_data_csv(text: &str) -> Result<Split, FileError> {
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
        return Err(FileError::new(
            "the data CSV is empty; it needs the header x,y,label,split",
            "数据 CSV 是空的；它需要表头 x,y,label,split",
        ));
    };
    let columns: Vec<&str> = header.split(',').map(str::trim).collect();
    let has_split = match columns.as_slice() {
        ["x", "y", "label"] => false,
        ["x", "y", "label", "split"] => true,
        _ => {
            return Err(FileError::new(
                format!(
                    "line 1: the header must be x,y,label,split (split may be left out), not {header}"
                ),
                format!("第 1 行：表头须为 x,y,label,split（split 可省略），而不是 {header}"),
            ));
        }
    };
    for (line_number, line) in lines {
        if split.train.len() + split.test.len() >= MAX_DATA_POINTS {
            return Err(FileError::new(
                format!("line {line_number}: the data holds more than {MAX_DATA_POINTS} points"),
                format!("第 {line_number} 行：数据超过 {MAX_DATA_POINTS} 个点"),
            ));
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() != columns.len() {
            return Err(FileError::new(
                format!(
                    "line {line_number}: {} fields where the header has {}",
                    fields.len(),
                    columns.len()
                ),
                format!(
                    "第 {line_number} 行：有 {} 个字段，而表头有 {} 个",
                    fields.len(),
                    columns.len()
                ),
            ));
        }
        let number = |index: usize| -> Result<f32, FileError> {
            match parse_f32(fields[index]) {
                Some(v) => Ok(v),
                None => Err(FileError::new(
                    format!(
                        "line {line_number}: {} must be a finite number, not {}",
                        columns[index], fields[index]
                    ),
                    format!(
                        "第 {line_number} 行：{} 须为有限数，而不是 {}",
                        columns[index], fields[index]
                    ),
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
                return Err(FileError::new(
                    format!("line {line_number}: split must be train or test, not {other}"),
                    format!("第 {line_number} 行：split 须为 train 或 test，而不是 {other}"),
                ));
            }
        }
    }
    Ok(split)
}

/// Checks a weights file against the network it is meant for and builds the network.
fn read_weights(file: WeightsFile, current: &Mlp) -> Result<Mlp, FileError> {
    check_version("weights", file.version)?;
    let sizes = current.sizes();
    if file.sizes != sizes {
        return Err(FileError::layer_sizes(&file.sizes, &sizes));
    }
    let activations = [
        ("activation", file.activation, current.hidden),
        ("output", file.output, current.output),
    ];
    for (field, given, expected) in activations {
        let expected = activation_name(expected);
        if given.as_deref().is_some_and(|name| name != expected) {
            let given = given.unwrap_or_default();
            return Err(FileError::new(
                format!("the weights use {field} {given}, this network uses {expected}"),
                format!("权重使用的 {field} 是 {given}，这个网络使用 {expected}"),
            ));
        }
    }
    if file.layers.len() + 1 != sizes.len() {
        let (listed, needed) = (file.layers.len(), sizes.len() - 1);
        return Err(FileError::new(
            format!("the weights list {listed} layers; sizes {sizes:?} need {needed}"),
            format!("权重列出了 {listed} 层；层大小 {sizes:?} 需要 {needed} 层"),
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
) -> Result<Linear, FileError> {
    if layer.weight.len() != inputs {
        let rows = layer.weight.len();
        return Err(FileError::new(
            format!("layer {index}: weight has {rows} rows, expected {inputs} (one per input)"),
            format!("第 {index} 层：weight 有 {rows} 行，应为 {inputs} 行（每个输入一行）"),
        ));
    }
    let mut weight = Vec::with_capacity(inputs * units);
    for (row_index, row) in layer.weight.iter().enumerate() {
        if row.len() != units {
            let count = row.len();
            return Err(FileError::new(
                format!(
                    "layer {index}: weight row {row_index} has {count} numbers, expected {units} (one per unit)"
                ),
                format!(
                    "第 {index} 层：weight 第 {row_index} 行有 {count} 个数，应为 {units} 个（每个单元一个）"
                ),
            ));
        }
        let what = format!("weight row {row_index}");
        weight.extend(read_numbers(index, &what, row)?);
    }
    if layer.bias.len() != units {
        let count = layer.bias.len();
        return Err(FileError::new(
            format!("layer {index}: bias has {count} numbers, expected {units} (one per unit)"),
            format!("第 {index} 层：bias 有 {count} 个数，应为 {units} 个（每个单元一个）"),
        ));
    }
    let bias = read_numbers(index, "bias", &layer.bias)?;
    Ok(Linear {
        weight: Tensor::new([inputs, units], weight),
        bias: Tensor::new([units], bias),
    })
}

/// The numbers of a weight row or bias as f32, refusing one outside f32's range.
fn read_numbers(layer: usize, what: &str, numbers: &[f64]) -> Result<Vec<f32>, FileError> {
    numbers
        .iter()
        .map(|&value| {
            exact_f32(value).ok_or_else(|| {
                FileError::new(
                    format!(
                        "layer {layer}: {what} holds a number outside f32's range (about ±3.4e38)"
                    ),
                    format!("第 {layer} 层：{what} 含有超出 f32 范围（约 ±3.4e38）的数"),
                )
            })
        })
        .collect()
}

/// `value` rounded to f32, or `None` when that is not finite. A value written
/// from an f32 comes back exactly, even if the reader was off in the last bits.
fn exact_f32(value: f64) -> Option<f32> {
    let single = value as f32;
    single.is_finite().then_some(single)
}

fn check_version(what: &str, version: u32) -> Result<(), FileError> {
    if version == EXPORT_VERSION {
        Ok(())
    } else {
        Err(FileError::new(
            format!(
                "{what} file version {version} is not supported; this playground reads version {EXPORT_VERSION}"
            ),
            format!("不支持第 {version} 版 {what} 文件；这个游乐场读取第 {EXPORT_VERSION} 版"),
        ))
    }
}

fn layer_file(layer: &Linear) -> LayerFile {
    let units = layer.out_dim();
    let doubles = |numbers: &[f32]| numbers.iter().copied().map(f64::from).collect();
    LayerFile {
        weight: layer
            .weight
            .data()
            .chunks_exact(units.max(1))
            .map(doubles)
            .collect(),
        bias: doubles(layer.bias.data()),
    }
}

fn activation_name(activation: Activation) -> &'static str {
    Activation::NAMES[index_of(activation)]
}

impl From<&Point> for PointRow {
    fn from(p: &Point) -> Self {
        Self {
            x: p.x.into(),
            y: p.y.into(),
            label: p.label.into(),
        }
    }
}
