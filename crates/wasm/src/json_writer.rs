//! JSON text written by hand for the browser to parse in one `JSON.parse` call:
//! handing over many small strings one JS call at a time converts each on its
//! own, which for the settings table was about 10 ms of the page's start, and
//! a serializer to JS values (serde-wasm-bindgen) was about 9 KB of the module.
//! The functions that write keys, items, strings and numbers stay out of line
//! (`#[inline(never)]`): inlined at each call site they cost about 2.6 KB.

use std::fmt::Write as _;

use crate::number_text::number_text;

/// An object being written into a string: `{"key":value,...}`.
pub struct JsonObject<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> JsonObject<'a> {
    /// Opens an object at the end of `out`.
    pub fn open(out: &'a mut String) -> Self {
        out.push('{');
        Self { out, empty: true }
    }

    /// Writes the separator and `"key":`, and returns the text for the value.
    #[inline(never)]
    fn key(&mut self, key: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        string(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A string field.
    #[inline(never)]
    pub fn text(&mut self, key: &str, value: &str) {
        string(self.key(key), value);
    }

    /// A string field, `null` when there is none.
    pub fn text_or_null(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(value) => self.text(key, value),
            None => self.null(key),
        }
    }

    /// A `null` field.
    pub fn null(&mut self, key: &str) {
        self.key(key).push_str("null");
    }

    /// A number field, as JavaScript writes it; `null` when it is not finite,
    /// as `JSON.stringify` writes NaN and infinities.
    pub fn number(&mut self, key: &str, value: f64) {
        number(self.key(key), value);
    }

    /// A number field, `null` when there is none or it is not finite.
    pub fn number_or_null(&mut self, key: &str, value: Option<f64>) {
        self.number(key, value.unwrap_or(f64::NAN));
    }

    /// A boolean field.
    pub fn flag(&mut self, key: &str, value: bool) {
        self.key(key).push_str(if value { "true" } else { "false" });
    }

    /// An array-of-strings field.
    pub fn texts(&mut self, key: &str, values: &[&str]) {
        let mut array = self.array(key);
        for value in values {
            string(array.item(), value);
        }
        array.close();
    }

    /// An array-of-numbers field, each as [`JsonObject::number`] writes it.
    pub fn numbers(&mut self, key: &str, values: impl IntoIterator<Item = f64>) {
        let mut array = self.array(key);
        array.numbers_items(values);
        array.close();
    }

    /// An object field, to be filled and closed before this object goes on.
    pub fn object(&mut self, key: &str) -> JsonObject<'_> {
        JsonObject::open(self.key(key))
    }

    /// An array field, to be filled and closed before this object goes on.
    pub fn array(&mut self, key: &str) -> JsonArray<'_> {
        JsonArray::open(self.key(key))
    }

    /// Closes the object.
    pub fn close(self) {
        self.out.push('}');
    }
}

/// An array being written into a string: `[value,...]`.
pub struct JsonArray<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> JsonArray<'a> {
    /// Opens an array at the end of `out`.
    pub fn open(out: &'a mut String) -> Self {
        out.push('[');
        Self { out, empty: true }
    }

    /// Writes the separator, and returns the text for the next item.
    #[inline(never)]
    fn item(&mut self) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.out
    }

    /// Numbers as items of this array.
    fn numbers_items(&mut self, values: impl IntoIterator<Item = f64>) {
        for value in values {
            number(self.item(), value);
        }
    }

    /// An object item, to be filled and closed before this array goes on.
    pub fn object(&mut self) -> JsonObject<'_> {
        JsonObject::open(self.item())
    }

    /// An array-of-numbers item, each as [`JsonObject::number`] writes it.
    pub fn numbers(&mut self, values: impl IntoIterator<Item = f64>) {
        let mut array = JsonArray::open(self.item());
        array.numbers_items(values);
        array.close();
    }

    /// Closes the array.
    pub fn close(self) {
        self.out.push(']');
    }
}

/// A JSON number as JavaScript writes it (the shortest text that reads back
/// as the same double, so an f32 widened to f64 reads back exactly), or
/// `null` when it is not finite.
#[inline(never)]
fn number(out: &mut String, value: f64) {
    if value.is_finite() {
        out.push_str(&number_text(value));
    } else {
        out.push_str("null");
    }
}

/// A JSON string: quotes and backslashes escaped, control characters as `\u00XX`.
#[inline(never)]
fn string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    // Numbers are JavaScript's to write (`number_text`): the browser tests read them.
    #[test]
    fn fields_are_written_as_json() {
        let mut out = String::from("[");
        let mut object = JsonObject::open(&mut out);
        object.text("name", "say \"hi\"\\\n");
        object.flag("open", true);
        object.texts("names", &["a", "b"]);
        object.close();
        out.push(']');
        assert_eq!(
            out,
            "[{\"name\":\"say \\\"hi\\\"\\\\\\u000a\",\"open\":true,\"names\":[\"a\",\"b\"]}]"
        );
    }

    // Only numbers that are not finite: those are written without JavaScript.
    #[test]
    fn missing_values_are_null_and_nesting_closes_in_order() {
        let mut out = String::new();
        let mut object = JsonObject::open(&mut out);
        object.text_or_null("value", None);
        object.number_or_null("loss", None);
        object.number("nan", f64::NAN);
        object.numbers("norms", [f64::INFINITY, f64::NEG_INFINITY]);
        let mut inner = object.object("stop");
        inner.text_or_null("cause", Some("initScale"));
        inner.close();
        let mut layers = object.array("layers");
        layers.numbers([f64::NAN]);
        layers.object().close();
        layers.numbers([]);
        layers.close();
        object.array("errors").close();
        object.close();
        assert_eq!(
            out,
            "{\"value\":null,\"loss\":null,\"nan\":null,\"norms\":[null,null],\
             \"stop\":{\"cause\":\"initScale\"},\"layers\":[[null],{},[]],\"errors\":[]}"
        );
    }
}
