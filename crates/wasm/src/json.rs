//! JSON text through the browser's own `JSON.parse` and `JSON.stringify`, with
//! serde-wasm-bindgen between JS values and Rust types: the page's export files
//! without a JSON parser compiled into the module.

use js_sys::{Error, JSON};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

/// `value` as JSON text (numbers as JavaScript writes them: the shortest
/// decimal that reads back to the same double).
pub fn write_json<T: Serialize>(value: &T) -> String {
    serde_wasm_bindgen::to_value(value)
        .ok()
        .and_then(|value| JSON::stringify(&value).ok())
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// Reads JSON text into a `T`.
///
/// # Errors
/// `JSON.parse`'s reason when the text is not JSON, or serde's when it does
/// not have `T`'s shape (a missing field, a string where a number belongs).
pub fn read_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = JSON::parse(text).map_err(|error| reason(&error))?;
    serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
}

/// The message of a thrown JS value.
fn reason(thrown: &JsValue) -> String {
    thrown.dyn_ref::<Error>().map_or_else(
        || "it cannot be read".into(),
        |error| error.message().into(),
    )
}
