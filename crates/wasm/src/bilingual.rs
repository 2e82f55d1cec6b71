//! Errors for the page in both languages: a JS `Error` whose `message` is
//! English and whose `messageZh` is the same in Chinese, as the engine wrote them.

use js_sys::{Error, Reflect};
use playground::ConfigError;
use wasm_bindgen::JsValue;

/// A JS `Error` with `message` in English and `messageZh` in Chinese.
pub fn error(en: &str, zh: &str) -> JsValue {
    let error = Error::new(en);
    // setting a property on a fresh Error object cannot fail
    let _ = Reflect::set(
        &error,
        &JsValue::from_str("messageZh"),
        &JsValue::from_str(zh),
    );
    error.into()
}

/// One line per error, in both languages.
pub fn config_errors<'a>(errors: impl IntoIterator<Item = &'a ConfigError>) -> JsValue {
    let (mut en, mut zh) = (Vec::new(), Vec::new());
    for error in errors {
        en.push(error.to_string());
        zh.push(error.to_string_zh());
    }
    error(&en.join("\n"), &zh.join("\n"))
}
