//! JSON text written by hand for the browser to parse in one `JSON.parse` call:
//! handing over many small strings one JS call at a time converts each on its
//! own, which for the settings table was about 10 ms of the page's start.

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

    fn key(&mut self, key: &str) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        string(self.out, key);
        self.out.push(':');
    }

    /// A string field.
    pub fn text(&mut self, key: &str, value: &str) {
        self.key(key);
        string(self.out, value);
    }

    /// A number field, as JavaScript writes it; `value` must be finite (JSON
    /// has no NaN or infinity).
    pub fn number(&mut self, key: &str, value: f64) {
        self.key(key);
        self.out.push_str(&number_text(value));
    }

    /// A boolean field.
    pub fn flag(&mut self, key: &str, value: bool) {
        self.key(key);
        self.out.push_str(if value { "true" } else { "false" });
    }

    /// An array-of-strings field.
    pub fn texts(&mut self, key: &str, values: &[&str]) {
        self.key(key);
        self.out.push('[');
        for (index, value) in values.iter().enumerate() {
            if index > 0 {
                self.out.push(',');
            }
            string(self.out, value);
        }
        self.out.push(']');
    }

    /// Closes the object.
    pub fn close(self) {
        self.out.push('}');
    }
}

/// A JSON string: quotes and backslashes escaped, control characters as `\u00XX`.
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
}
