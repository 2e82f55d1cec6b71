//! Helpers the browser test files share: opening a playground from a link, and reading
//! JS errors and object properties. Each test file is its own binary and uses some of them.
#![allow(dead_code)]

use js_sys::Reflect;
use playground_wasm::Playground;
use wasm_bindgen::{JsCast, JsValue};

/// A playground from a link that must build.
pub fn from_link(link: &str) -> Playground {
    match Playground::from_query(link) {
        Ok(playground) => playground,
        Err(error) => panic!("{link} rejected: {}", message(error.into())),
    }
}

/// The message of a thrown JS error; anything else thrown fails the test.
pub fn message(error: JsValue) -> String {
    match error.dyn_into::<js_sys::Error>() {
        Ok(error) => String::from(error.message()),
        Err(other) => panic!("not a JS Error: {other:?}"),
    }
}

/// Property `key` of a JS object (`undefined` when missing).
pub fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
