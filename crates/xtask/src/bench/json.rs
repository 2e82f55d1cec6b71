//! The little JSON `cargo xtask bench` needs, without a JSON crate: reading the flat objects the
//! two benchmarks print (string keys to numbers, strings, booleans or null) and writing the
//! report. Nested input is refused, not guessed at.

use std::fmt::{self, Write};

/// A JSON value to write.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number; written as `null` when not finite.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, keys in the order given.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object from `(key, value)` pairs.
    pub fn object<'a>(pairs: impl IntoIterator<Item = (&'a str, Json)>) -> Self {
        Json::Object(
            pairs
                .into_iter()
                .map(|(key, value)| (key.to_owned(), value))
                .collect(),
        )
    }

    /// A number, or `null` for `None`.
    pub fn number(value: Option<f64>) -> Self {
        value.map_or(Json::Null, Json::Number)
    }

    /// The number this value holds, if it is one.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Json::Number(value) => Some(*value),
            _ => None,
        }
    }
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(value) => write!(f, "{value}"),
            Json::Number(value) if value.is_finite() => write!(f, "{value}"),
            Json::Number(_) => f.write_str("null"),
            Json::String(text) => write_string(f, text),
            Json::Array(items) => {
                f.write_char('[')?;
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
            Json::Object(pairs) => {
                f.write_char('{')?;
                for (index, (key, value)) in pairs.iter().enumerate() {
                    if index > 0 {
                        f.write_char(',')?;
                    }
                    write_string(f, key)?;
                    write!(f, ":{value}")?;
                }
                f.write_char('}')
            }
        }
    }
}

fn write_string(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in text.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if u32::from(c) < 0x20 => write!(f, "\\u{:04x}", u32::from(c))?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// Parses a flat JSON object: string keys to numbers, strings, booleans or null.
///
/// # Errors
/// Anything else (nesting included), with the byte offset where reading stopped.
pub fn parse_flat(text: &str) -> Result<Vec<(String, Json)>, String> {
    let mut reader = Reader {
        text: text.as_bytes(),
        at: 0,
    };
    let mut pairs = Vec::new();
    reader.expect(b'{')?;
    if !reader.eat(b'}') {
        loop {
            let key = reader.string()?;
            reader.expect(b':')?;
            pairs.push((key, reader.scalar()?));
            if reader.eat(b'}') {
                break;
            }
            reader.expect(b',')?;
        }
    }
    reader.skip_space();
    if reader.at != reader.text.len() {
        return Err(reader.error("text after the object"));
    }
    Ok(pairs)
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> String {
        format!("not a flat JSON object: {what} at byte {}", self.at)
    }

    fn skip_space(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.text.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", char::from(byte))))
        }
    }

    fn scalar(&mut self) -> Result<Json, String> {
        self.skip_space();
        for (word, value) in [
            ("null", Json::Null),
            ("true", Json::Bool(true)),
            ("false", Json::Bool(false)),
        ] {
            if self.text[self.at..].starts_with(word.as_bytes()) {
                self.at += word.len();
                return Ok(value);
            }
        }
        match self.text.get(self.at) {
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.at;
                while self
                    .text
                    .get(self.at)
                    .is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
                {
                    self.at += 1;
                }
                let number = std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default();
                number
                    .parse()
                    .map(Json::Number)
                    .map_err(|_| self.error(&format!("bad number `{number}`")))
            }
            _ => Err(self.error("expected a number, a string, true, false or null")),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut bytes = Vec::new();
        loop {
            let Some(&byte) = self.text.get(self.at) else {
                return Err(self.error("unterminated string"));
            };
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let escaped = self.text.get(self.at).copied();
                    self.at += 1;
                    bytes.push(match escaped {
                        Some(b'"') => b'"',
                        Some(b'\\') => b'\\',
                        Some(b'/') => b'/',
                        Some(b'n') => b'\n',
                        Some(b't') => b'\t',
                        _ => return Err(self.error("unsupported escape")),
                    });
                }
                byte => bytes.push(byte),
            }
        }
        String::from_utf8(bytes).map_err(|_| self.error("a string that is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_object_parses_every_scalar_kind() -> Result<(), String> {
        let pairs = parse_flat(r#" {"a": 1.5e3, "b":-2, "c":"x\"y", "d":null, "e":true} "#)?;
        assert_eq!(
            pairs,
            vec![
                ("a".to_owned(), Json::Number(1500.0)),
                ("b".to_owned(), Json::Number(-2.0)),
                ("c".to_owned(), Json::String("x\"y".to_owned())),
                ("d".to_owned(), Json::Null),
                ("e".to_owned(), Json::Bool(true)),
            ]
        );
        assert_eq!(parse_flat("{}")?, vec![]);
        Ok(())
    }

    #[test]
    fn nesting_and_trailing_text_are_refused() {
        for text in [
            r#"{"a":{"b":1}}"#,
            r#"{"a":[1]}"#,
            r#"{"a":1} x"#,
            r#"{"a":1,}"#,
            "",
        ] {
            assert!(parse_flat(text).is_err(), "{text}");
        }
    }

    #[test]
    fn written_json_escapes_strings_and_nulls_non_finite_numbers() {
        let value = Json::object([
            ("text", Json::String("a\"b\\c\nd".to_owned())),
            (
                "numbers",
                Json::Array(vec![Json::Number(0.5), Json::Number(f64::NAN)]),
            ),
            ("none", Json::number(None)),
        ]);
        assert_eq!(
            value.to_string(),
            r#"{"text":"a\"b\\c\nd","numbers":[0.5,null],"none":null}"#
        );
    }
}
