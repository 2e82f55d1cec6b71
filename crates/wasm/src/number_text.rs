//! Numbers written as JavaScript writes them: Rust's own f64 formatting would
//! add about 1.3 KB to the .wasm for the settings table and two messages.

/// `value` as JavaScript's `String(value)` writes it: the shortest text that
/// reads back as the same number (`0.5`, `1e-7`, `NaN`, `Infinity`).
pub fn number_text(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}
