//! The digits lab's weights file, written once for the CLI's `--export` and the
//! page's Export button: JSON text built by hand (the page's engine has no
//! serde_json), numbers as [`format_f32`] writes them, so both write the same
//! bytes for the same network. Reading a file back is the caller's (serde_json
//! natively, the browser's `JSON.parse` in the page) into
//! [`DigitsSession::import_weights`].

use alloc::string::String;

use super::DigitsSession;
use super::network::LayerKind;
use crate::float_text::format_f32;

impl DigitsSession {
    /// The network as a weights file:
    /// `{"lab":"digits","link":…,"parameters":…,"layers":[{"kind","shape","weight","bias"}…]}`,
    /// with the link that reproduces the experiment, the parameter count, and each
    /// layer's kind (`conv` or `dense`), weight shape, weights in row-major order
    /// and biases. Every number reads back as the same f32; a weight that is not
    /// finite (a diverged network) is written `null`, which an import refuses.
    pub fn weights_file(&self) -> String {
        let network = self.network();
        let mut out = String::from("{\"lab\":\"digits\",\"link\":");
        push_string(&mut out, &self.config().to_query());
        out.push_str(",\"parameters\":");
        out.push_str(&alloc::format!("{}", network.parameter_count()));
        out.push_str(",\"layers\":[");
        for (index, layer) in network.layers.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            out.push_str("{\"kind\":\"");
            out.push_str(match layer.kind {
                LayerKind::Conv { .. } => "conv",
                LayerKind::Dense { .. } => "dense",
            });
            out.push_str("\",\"shape\":[");
            for (at, dim) in layer.weight.dims().iter().enumerate() {
                if at > 0 {
                    out.push(',');
                }
                out.push_str(&alloc::format!("{dim}"));
            }
            out.push_str("],\"weight\":");
            push_numbers(&mut out, layer.weight.data());
            out.push_str(",\"bias\":");
            push_numbers(&mut out, layer.bias.data());
            out.push('}');
        }
        out.push_str("]}");
        out
    }
}

/// `[n,n,…]`, each finite number as Rust's `Display` writes it, the others `null`.
pub(crate) fn push_numbers(out: &mut String, values: &[f32]) {
    out.push('[');
    for (index, &value) in values.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        if value.is_finite() {
            out.push_str(&format_f32(value));
        } else {
            out.push_str("null");
        }
    }
    out.push(']');
}

/// `text` as a JSON string: quotes, backslashes and control characters escaped.
pub(crate) fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&alloc::format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use alloc::string::String;

    use super::{push_numbers, push_string};

    #[test]
    fn numbers_are_written_shortest_and_non_finite_ones_as_null() {
        let mut out = String::new();
        push_numbers(&mut out, &[0.1, -2.0, -0.0, 1e-10, f32::NAN, f32::INFINITY]);
        assert_eq!(out, "[0.1,-2,-0,0.0000000001,null,null]");
    }

    #[test]
    fn strings_escape_quotes_backslashes_and_control_characters() {
        let mut out = String::new();
        push_string(&mut out, "a\"b\\c\nd");
        assert_eq!(out, "\"a\\\"b\\\\c\\u000ad\"");
    }
}
