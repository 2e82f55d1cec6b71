//! The small conversions the labs' handles share when they build plain JS
//! objects: a finite number or `null`, and setting a property.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// A finite number, or `null`.
pub(crate) fn number(value: f32) -> JsValue {
    match value.is_finite() {
        true => JsValue::from_f64(f64::from(value)),
        false => JsValue::NULL,
    }
}

/// Sets `key` of `object` to `value`.
pub(crate) fn set(object: &JsValue, key: &str, value: &JsValue) {
    // setting a property on a plain object the handle just made cannot fail
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}
