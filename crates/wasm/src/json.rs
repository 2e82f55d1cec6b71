//! The export files through the browser's own `JSON`: written as JSON text by
//! `crate::json_writer` (numbers as JavaScript writes them), read with
//! `JSON.parse` and a walk of the parsed value into `playground::session`'s
//! file types (serde's deserializers would be a sixth of the module). Every
//! refusal names the place in the file, like `layers[1].weight[0][2] must be a
//! number`.

use js_sys::{Array, Error, JSON, Reflect};
use playground::session::{DataFile, LayerFile, PointRow, WeightsFile};
use wasm_bindgen::{JsCast, JsValue};

use crate::json_writer::JsonObject;

/// A weights file as JSON text: `{"version","sizes","activation","output",
/// "layers":[{"weight":[[...]],"bias":[...]}]}`, an activation left out when
/// the file has none, numbers as JavaScript writes them (the shortest decimal
/// that reads back to the same double).
pub fn write_weights_file(file: &WeightsFile) -> String {
    let mut text = String::new();
    let mut object = JsonObject::open(&mut text);
    object.number("version", f64::from(file.version));
    object.numbers("sizes", file.sizes.iter().map(|&size| size as f64));
    for (key, name) in [("activation", &file.activation), ("output", &file.output)] {
        if let Some(name) = name {
            object.text(key, name);
        }
    }
    let mut layers = object.array("layers");
    for layer in &file.layers {
        let mut entry = layers.object();
        let mut weight = entry.array("weight");
        for row in &layer.weight {
            weight.numbers(row.iter().copied());
        }
        weight.close();
        entry.numbers("bias", layer.bias.iter().copied());
        entry.close();
    }
    layers.close();
    object.close();
    text
}

/// A data file as JSON text: `{"version","train":[{"x","y","label"}],"test":[...]}`,
/// numbers as [`write_weights_file`] writes them.
pub fn write_data_file(file: &DataFile) -> String {
    let mut text = String::new();
    let mut object = JsonObject::open(&mut text);
    object.number("version", f64::from(file.version));
    for (key, rows) in [("train", &file.train), ("test", &file.test)] {
        let mut points = object.array(key);
        for row in rows {
            let mut point = points.object();
            point.number("x", row.x);
            point.number("y", row.y);
            point.number("label", row.label);
            point.close();
        }
        points.close();
    }
    object.close();
    text
}

/// Reads the text of a weights file.
///
/// # Errors
/// `JSON.parse`'s reason when the text is not JSON, or the first place, in the
/// file's key order, where the value does not have the file's shape.
pub fn read_weights_file(text: &str) -> Result<WeightsFile, String> {
    let file = parse_object(text)?;
    let version = version(&file)?;
    let sizes = items(&field(&file, "sizes"), "sizes")?
        .iter()
        .enumerate()
        .map(|(index, size)| whole(size, &format!("sizes[{index}]")))
        .collect::<Result<_, _>>()?;
    let activation = name(&field(&file, "activation"), "activation")?;
    let output = name(&field(&file, "output"), "output")?;
    let layers = items(&field(&file, "layers"), "layers")?
        .into_iter()
        .enumerate()
        .map(|(index, layer)| {
            let at = format!("layers[{index}]");
            let weight = items(&field(&layer, "weight"), &format!("{at}.weight"))?
                .iter()
                .enumerate()
                .map(|(row, values)| numbers(values, &format!("{at}.weight[{row}]")))
                .collect::<Result<_, _>>()?;
            let bias = numbers(&field(&layer, "bias"), &format!("{at}.bias"))?;
            Ok(LayerFile { weight, bias })
        })
        .collect::<Result<_, String>>()?;
    Ok(WeightsFile {
        version,
        sizes,
        activation,
        output,
        layers,
    })
}

/// Reads the text of a data file in JSON.
///
/// # Errors
/// As [`read_weights_file`].
pub fn read_data_file(text: &str) -> Result<DataFile, String> {
    let file = parse_object(text)?;
    let points = |key: &str| -> Result<Vec<PointRow>, String> {
        items(&field(&file, key), key)?
            .iter()
            .enumerate()
            .map(|(index, point)| {
                let number =
                    |name: &str| number(&field(point, name), &format!("{key}[{index}].{name}"));
                Ok(PointRow {
                    x: number("x")?,
                    y: number("y")?,
                    label: number("label")?,
                })
            })
            .collect()
    };
    Ok(DataFile {
        version: version(&file)?,
        train: points("train")?,
        test: points("test")?,
    })
}

/// The parsed text, which must be a JSON object.
fn parse_object(text: &str) -> Result<JsValue, String> {
    let value = JSON::parse(text).map_err(|thrown| -> String {
        thrown.dyn_ref::<Error>().map_or_else(
            || "it cannot be read".into(),
            |error| error.message().into(),
        )
    })?;
    if value.is_object() && !Array::is_array(&value) {
        Ok(value)
    } else {
        Err("the file must be a JSON object {...}".into())
    }
}

/// Property `key` of `object`; `undefined` when it is missing.
fn field(object: &JsValue, key: &str) -> JsValue {
    if object.is_object() {
        Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// The items of an array.
fn items(value: &JsValue, at: &str) -> Result<Vec<JsValue>, String> {
    value
        .dyn_ref::<Array>()
        .map(|array| array.iter().collect())
        .ok_or_else(|| format!("{at} must be an array [...]"))
}

fn number(value: &JsValue, at: &str) -> Result<f64, String> {
    value
        .as_f64()
        .ok_or_else(|| format!("{at} must be a number"))
}

fn numbers(value: &JsValue, at: &str) -> Result<Vec<f64>, String> {
    items(value, at)?
        .iter()
        .enumerate()
        .map(|(index, item)| number(item, &format!("{at}[{index}]")))
        .collect()
}

/// A whole number from 0 to `u32::MAX`.
fn whole(value: &JsValue, at: &str) -> Result<usize, String> {
    let n = number(value, at)?;
    if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
        Ok(n as usize)
    } else {
        Err(format!(
            "{at} must be a whole number from 0 to {}",
            u32::MAX
        ))
    }
}

fn version(file: &JsValue) -> Result<u32, String> {
    let n = whole(&field(file, "version"), "version")?;
    u32::try_from(n).map_err(|_| "version must be a whole number".into())
}

/// An activation's name; a file may leave it out (or write `null`).
fn name(value: &JsValue, at: &str) -> Result<Option<String>, String> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        value
            .as_string()
            .map(Some)
            .ok_or_else(|| format!("{at} must be a string"))
    }
}
