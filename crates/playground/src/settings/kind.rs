//! The value types a setting can have, each with its limits, its parser and its
//! link spelling. Owns single-field validation; knows nothing of which field.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write as _;

use crate::config::Config;
use crate::dataset::Point;
use crate::float_text::{format_f32, parse_f32};

/// The type, limits and field access of one setting.
#[derive(Clone, Copy)]
pub enum Kind {
    /// One of a list of names.
    Choice {
        /// The names in menu order.
        names: &'static [&'static str],
        /// Each name's label in English and Chinese, in the same order.
        labels: &'static [[&'static str; 2]],
        /// The menu position of the current value.
        get: fn(&Config) -> usize,
        /// Sets the value at a menu position.
        set: fn(&mut Config, usize),
    },
    /// A whole number in `min..=max`.
    Int {
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
        /// Reads the field.
        get: fn(&Config) -> u32,
        /// Writes the field.
        set: fn(&mut Config, u32),
    },
    /// A finite number between `min` and `max` (both included unless `open_min`).
    Float {
        /// Lower bound.
        min: f32,
        /// Upper bound, included.
        max: f32,
        /// Whether `min` itself is excluded.
        open_min: bool,
        /// Reads the field.
        get: fn(&Config) -> f32,
        /// Writes the field.
        set: fn(&mut Config, f32),
    },
    /// `true` or `false`.
    Bool {
        /// Reads the field.
        get: fn(&Config) -> bool,
        /// Writes the field.
        set: fn(&mut Config, bool),
    },
    /// Up to `max_len` comma-separated whole numbers in `min..=max` (may be empty).
    List {
        /// Most entries allowed.
        max_len: usize,
        /// Smallest entry.
        min: u32,
        /// Largest entry.
        max: u32,
        /// Reads the field.
        get: fn(&Config) -> &[usize],
        /// Writes the field.
        set: fn(&mut Config, Vec<usize>),
    },
    /// A seed: 1 to 32 letters, digits, `.`, `-` or `_`.
    Seed {
        /// Reads the field.
        get: fn(&Config) -> &str,
        /// Writes the field.
        set: fn(&mut Config, String),
    },
    /// Up to `max` points written `x,y,label` and separated by `;`.
    Points {
        /// Most points allowed.
        max: usize,
        /// Reads the field.
        get: fn(&Config) -> &[Point],
        /// Writes the field.
        set: fn(&mut Config, Vec<Point>),
    },
    /// Free text of up to `max_bytes` bytes of UTF-8: letters, digits,
    /// punctuation, spaces and line breaks, no other control characters.
    Text {
        /// Longest allowed, in bytes of UTF-8.
        max_bytes: usize,
        /// Reads the field.
        get: fn(&Config) -> &str,
        /// Writes the field.
        set: fn(&mut Config, String),
    },
}

/// The longest seed, in characters.
pub const SEED_MAX_LEN: usize = 32;
/// How far from the origin a hand-added point may lie, on either axis.
pub const POINT_LIMIT: f32 = 6.0;

impl Kind {
    /// What values are allowed, as the end of a sentence ("must be ...").
    pub fn allowed(&self) -> String {
        match self {
            Kind::Choice { names, .. } => format!("must be one of {}", names.join(", ")),
            Kind::Int { min, max, .. } => format!("must be a whole number from {min} to {max}"),
            Kind::Float {
                min, max, open_min, ..
            } => {
                let open = if *open_min { '(' } else { '[' };
                let (min, max) = (format_f32(*min), format_f32(*max));
                format!("must be a number in {open}{min}, {max}]")
            }
            Kind::Bool { .. } => "must be true or false".into(),
            Kind::List {
                max_len, min, max, ..
            } => {
                format!("must be up to {max_len} comma-separated whole numbers from {min} to {max}")
            }
            Kind::Seed { .. } => {
                format!("must be 1 to {SEED_MAX_LEN} letters, digits, '.', '-' or '_'")
            }
            Kind::Points { max, .. } => format!(
                "must be up to {max} points written x,y,label and separated by ';', \
                 with x and y in [-{limit}, {limit}]",
                limit = format_f32(POINT_LIMIT)
            ),
            Kind::Text { max_bytes, .. } => format!(
                "must be text of at most {max_bytes} bytes (about {max_bytes} letters or {} \
                 Chinese characters) without control characters other than line breaks and tabs",
                max_bytes / 3
            ),
        }
    }

    /// What values are allowed, in Chinese, as the end of a sentence ("须为 ...").
    pub fn allowed_zh(&self) -> String {
        match self {
            Kind::Choice { names, .. } => format!("须为 {} 之一", names.join("、")),
            Kind::Int { min, max, .. } => format!("须为 {min} 到 {max} 之间的整数"),
            Kind::Float {
                min, max, open_min, ..
            } => {
                let open = if *open_min { '(' } else { '[' };
                let (min, max) = (format_f32(*min), format_f32(*max));
                format!("须为 {open}{min}, {max}] 范围内的数")
            }
            Kind::Bool { .. } => "须为 true 或 false".into(),
            Kind::List {
                max_len, min, max, ..
            } => {
                format!("须为最多 {max_len} 个以逗号分隔的 {min} 到 {max} 之间的整数")
            }
            Kind::Seed { .. } => {
                format!("须为 1 到 {SEED_MAX_LEN} 个字母、数字、'.'、'-' 或 '_'")
            }
            Kind::Points { max, .. } => format!(
                "须为最多 {max} 个点，每点写成 x,y,标签，以 ';' 分隔，\
                 且 x 和 y 在 [-{limit}, {limit}] 范围内",
                limit = format_f32(POINT_LIMIT)
            ),
            Kind::Text { max_bytes, .. } => format!(
                "须为最多 {max_bytes} 字节的文本（约 {max_bytes} 个英文字母或 {} 个汉字），\
                 除换行和制表符外不能有控制字符",
                max_bytes / 3
            ),
        }
    }

    /// Parses `text` and stores it in `config`, or says nothing and returns `false`
    /// when it is not allowed (the caller reports [`Kind::allowed`]).
    pub fn apply(&self, config: &mut Config, text: &str) -> bool {
        match *self {
            Kind::Choice { names, set, .. } => match names.iter().position(|n| *n == text) {
                Some(index) => set(config, index),
                None => return false,
            },
            Kind::Int { min, max, set, .. } => match parse_int(text, min, max) {
                Some(value) => set(config, value),
                None => return false,
            },
            Kind::Float {
                min,
                max,
                open_min,
                set,
                ..
            } => match parse_f32(text) {
                Some(v) if (v > min || (!open_min && v == min)) && v <= max => set(config, v),
                _ => return false,
            },
            Kind::Bool { set, .. } => match text {
                "true" => set(config, true),
                "false" => set(config, false),
                _ => return false,
            },
            Kind::List {
                max_len,
                min,
                max,
                set,
                ..
            } => match parse_list(text, max_len, min, max) {
                Some(list) => set(config, list),
                None => return false,
            },
            Kind::Seed { set, .. } => {
                let ok = (1..=SEED_MAX_LEN).contains(&text.len())
                    && text
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
                if !ok {
                    return false;
                }
                set(config, text.into());
            }
            Kind::Points { max, set, .. } => match parse_points(text, max) {
                Some(points) => set(config, points),
                None => return false,
            },
            Kind::Text { max_bytes, set, .. } => {
                let allowed = |c: char| !c.is_control() || matches!(c, '\n' | '\r' | '\t');
                if text.len() > max_bytes || !text.chars().all(allowed) {
                    return false;
                }
                set(config, text.into());
            }
        }
        true
    }

    /// The current value of the field in link spelling.
    pub fn format(&self, config: &Config) -> String {
        match *self {
            Kind::Choice { names, get, .. } => names.get(get(config)).copied().unwrap_or("").into(),
            Kind::Int { get, .. } => get(config).to_string(),
            Kind::Float { get, .. } => format_f32(get(config)),
            Kind::Bool { get, .. } => get(config).to_string(),
            Kind::List { get, .. } => join(get(config).iter().map(|n| n.to_string())),
            Kind::Seed { get, .. } => get(config).into(),
            Kind::Points { get, .. } => join_with(
                get(config)
                    .iter()
                    .map(|p| join([p.x, p.y, p.label].into_iter().map(format_f32))),
                ';',
            ),
            Kind::Text { get, .. } => get(config).into(),
        }
    }
}

fn join(items: impl Iterator<Item = String>) -> String {
    join_with(items, ',')
}

fn join_with(items: impl Iterator<Item = String>, separator: char) -> String {
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(separator);
        }
        let _ = out.write_str(&item);
    }
    out
}

/// A whole number in `min..=max` written with digits only (no sign, no fraction).
fn parse_int(text: &str, min: u32, max: u32) -> Option<u32> {
    if text.is_empty() || text.len() > 10 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u64 = text.parse().ok()?;
    (u64::from(min)..=u64::from(max))
        .contains(&value)
        .then_some(value as u32)
}

fn parse_list(text: &str, max_len: usize, min: u32, max: u32) -> Option<Vec<usize>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    if text.split(',').count() > max_len {
        return None;
    }
    text.split(',')
        .map(|part| parse_int(part, min, max).map(|v| v as usize))
        .collect()
}

fn parse_points(text: &str, max: usize) -> Option<Vec<Point>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    if text.split(';').count() > max {
        return None;
    }
    text.split(';')
        .map(|triple| {
            let mut parts = triple.split(',');
            let mut number = || parse_f32(parts.next()?);
            let (x, y, label) = (number()?, number()?, number()?);
            let inside = |v: f32| (-POINT_LIMIT..=POINT_LIMIT).contains(&v);
            (parts.next().is_none() && inside(x) && inside(y)).then_some(Point { x, y, label })
        })
        .collect()
}
