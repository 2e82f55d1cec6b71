//! Spells a JS config object (share-link keys to numbers, booleans, strings or
//! arrays) as share-link query text, so that an object, a link and the defaults
//! all go through the one parser in `playground`. Judges only JS types, never
//! values. The object is read with js-sys calls rather than serde: serde's
//! deserializers were a sixth of the module.

use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::number_text::number_text;

/// One value of a config object, as JS typed it.
#[derive(Debug, PartialEq)]
pub enum Value {
    /// `null` or `undefined`: the key is left out (its default applies).
    Missing,
    /// A boolean, spelled `true` / `false`.
    Bool(bool),
    /// A number, spelled as JS would (`0.03`, `500`).
    Number(f64),
    /// A string, used as it is.
    Text(String),
    /// An array: numbers joined by `,` (`[8, 8]` is `8,8`), arrays of numbers
    /// joined by `;` (`[[1, 2, 0]]` is `1,2,0` for `userPoints`).
    List(Vec<Value>),
    /// Anything else (an object, a function): reported as an error.
    Other,
}

/// A config object's entries in the object's own key order.
#[derive(Debug, Default, PartialEq)]
pub struct Entries(pub Vec<(String, Value)>);

/// A config object spelled as a link: the query, and one message per key
/// whose JS type cannot be spelled.
#[derive(Debug, PartialEq)]
pub struct Spelled {
    /// `key=value` pairs joined by `&`, percent-encoded.
    pub query: String,
    /// `key=<type>: must be ...` for each value of the wrong JS type.
    pub errors: Vec<String>,
}

impl Entries {
    /// The own enumerable entries of a plain JS object, in its key order;
    /// `None` for anything else (an array, a string, a number, `null`).
    pub fn from_js(object: &JsValue) -> Option<Entries> {
        if !object.is_object() || Array::is_array(object) {
            return None;
        }
        let entries = Object::entries(object.unchecked_ref())
            .iter()
            .filter_map(|pair| {
                let pair: Array = pair.dyn_into().ok()?;
                Some((pair.get(0).as_string()?, value_of(&pair.get(1), 0)))
            })
            .collect();
        Some(Entries(entries))
    }

    /// The query text the entries stand for. Missing values are left out.
    pub fn spell(&self) -> Spelled {
        let mut spelled = Spelled {
            query: String::new(),
            errors: Vec::new(),
        };
        for (key, value) in &self.0 {
            let text = match spell(value, 0) {
                Ok(Some(text)) => text,
                Ok(None) => continue,
                Err(()) => {
                    spelled.errors.push(format!(
                        "{key}={}: must be a number, a boolean, a string or an array of numbers",
                        type_name(value)
                    ));
                    continue;
                }
            };
            if !spelled.query.is_empty() {
                spelled.query.push('&');
            }
            percent_encode_into(key, &mut spelled.query);
            spelled.query.push('=');
            percent_encode_into(&text, &mut spelled.query);
        }
        spelled
    }
}

/// A JS value as a [`Value`], arrays `depth` levels down. Arrays are read two
/// levels deep; deeper ones, which have no spelling, are not walked.
fn value_of(js: &JsValue, depth: usize) -> Value {
    if js.is_null() || js.is_undefined() {
        Value::Missing
    } else if let Some(flag) = js.as_bool() {
        Value::Bool(flag)
    } else if let Some(number) = js.as_f64() {
        Value::Number(number)
    } else if let Some(text) = js.as_string() {
        Value::Text(text)
    } else if let Some(items) = js.dyn_ref::<Array>() {
        let items = if depth < 2 {
            items
                .iter()
                .map(|item| value_of(&item, depth + 1))
                .collect()
        } else {
            Vec::new()
        };
        Value::List(items)
    } else {
        Value::Other
    }
}

/// The link spelling of `value`; `None` for a missing value at the top; an
/// error for a type that has no spelling (or arrays nested more than twice).
fn spell(value: &Value, depth: usize) -> Result<Option<String>, ()> {
    Ok(Some(match value {
        Value::Missing if depth == 0 => return Ok(None),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number_text(*number),
        Value::Text(text) => text.clone(),
        Value::List(items) if depth < 2 => {
            let separator = if items.iter().any(|v| matches!(v, Value::List(_))) {
                ";"
            } else {
                ","
            };
            let parts = items
                .iter()
                .map(|item| spell(item, depth + 1)?.ok_or(()))
                .collect::<Result<Vec<String>, ()>>()?;
            parts.join(separator)
        }
        Value::Missing | Value::List(_) | Value::Other => return Err(()),
    }))
}

/// How an error names a value it could not spell.
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::List(_) => "[array]",
        Value::Missing => "null",
        _ => "[object]",
    }
}

/// Appends `text` with every byte outside `A-Z a-z 0-9 - . _ ~ , ; :` escaped,
/// as the share-link codec writes it.
fn percent_encode_into(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~,;:".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(pairs: Vec<(&str, Value)>) -> Entries {
        Entries(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    // Numbers are spelled by JavaScript (`number_text`), so these use text in
    // their place; tests/browser.rs spells numbers through `new Playground`.
    #[test]
    fn scalars_and_arrays_are_spelled_as_in_a_link() {
        let text = |t: &str| Value::Text(t.into());
        let spelled = entries(vec![
            ("dataset", text("spiral")),
            ("discretize", Value::Bool(true)),
            ("networkShape", Value::List(vec![text("8"), text("8")])),
            ("seed", Value::Missing),
        ])
        .spell();
        assert_eq!(
            spelled.query,
            "dataset=spiral&discretize=true&networkShape=8,8"
        );
        assert!(spelled.errors.is_empty());
    }

    #[test]
    fn arrays_of_arrays_are_joined_by_semicolons() {
        let point = |x: &str| Value::List(vec![Value::Text(x.into()), Value::Text("-1.5".into())]);
        let spelled = entries(vec![(
            "userPoints",
            Value::List(vec![point("1"), point("2")]),
        )])
        .spell();
        assert_eq!(spelled.query, "userPoints=1,-1.5;2,-1.5");
    }

    #[test]
    fn link_syntax_inside_a_string_is_escaped() {
        let spelled = entries(vec![("seed", Value::Text("a&b=c %+".into()))]).spell();
        assert_eq!(spelled.query, "seed=a%26b%3Dc%20%25%2B");
    }

    #[test]
    fn objects_and_deep_arrays_are_errors_that_name_the_key() {
        let deep = Value::List(vec![Value::List(vec![Value::List(vec![])])]);
        let spelled = entries(vec![
            ("noise", Value::Other),
            ("userPoints", deep),
            ("x", Value::Bool(false)),
        ])
        .spell();
        assert_eq!(spelled.query, "x=false");
        assert_eq!(spelled.errors.len(), 2);
        assert!(spelled.errors[0].starts_with("noise=[object]: must be"));
        assert!(spelled.errors[1].starts_with("userPoints=[array]: must be"));
    }
}
