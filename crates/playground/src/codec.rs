//! The share-link codec: `Config` to and from the query part of a link, driven
//! by the settings table. Owns splitting, percent-coding, versions, duplicate
//! and unknown keys, and TensorFlow Playground's legacy keys.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use tensor::Init;

use crate::config::Config;
use crate::error::{ConfigError, ConfigWarning};
use crate::lab::Lab;
use crate::settings;

/// The link format version this code writes and reads.
pub const VERSION: &str = "1";
/// The longest link accepted, in bytes.
pub const MAX_LINK_LEN: usize = 64 * 1024;
/// The most `key=value` pairs accepted.
pub const MAX_PAIRS: usize = 100;

/// TensorFlow Playground keys that only hide parts of its page: accepted, no effect here.
const IGNORED_TFP_KEYS: &[&str] = &["hideText", "tutorial", "collectStats", "stepButton"];

/// The outcome of reading a link leniently: a usable config (defaults in place
/// of every bad setting), plus what was wrong and what was ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The config, with defaults wherever the link was bad.
    pub config: Config,
    /// One error per bad setting.
    pub errors: Vec<ConfigError>,
    /// Keys that were ignored.
    pub warnings: Vec<ConfigWarning>,
}

impl Default for Config {
    /// The plane lab's defaults.
    fn default() -> Self {
        Config::for_lab(Lab::Plane)
    }
}

impl Config {
    /// The table's defaults for an experiment in `lab`.
    pub fn for_lab(lab: Lab) -> Self {
        let mut config = Config::blank();
        for setting in settings::rows(lab) {
            setting.kind.apply(&mut config, setting.default);
        }
        config.lab = lab;
        config
    }

    /// Reads a share link strictly: the first bad setting is an error.
    /// Accepts a whole URL, or its part after `#` or `?`, or the bare query.
    ///
    /// # Errors
    /// A [`ConfigError`] naming the key, the value and what is allowed.
    pub fn from_query(link: &str) -> Result<Config, ConfigError> {
        let parsed = Config::parse_query(link);
        match parsed.errors.into_iter().next() {
            Some(error) => Err(error),
            None => Ok(parsed.config),
        }
    }

    /// Reads a share link leniently: every bad setting is reported and replaced
    /// by its default, and the rest are kept.
    pub fn parse_query(link: &str) -> Parsed {
        Config::default().apply_query(link)
    }

    /// Reads a link leniently on top of this config instead of the defaults:
    /// the settings it names change, every other setting keeps its value. This
    /// is how a form changes a few settings at once. A link that names another
    /// lab starts from that lab's defaults.
    pub fn apply_query(&self, link: &str) -> Parsed {
        let mut parsed = Parsed {
            config: self.clone(),
            errors: Vec::new(),
            warnings: Vec::new(),
        };
        if link.len() > MAX_LINK_LEN {
            parsed.errors.push(ConfigError::new(
                "link",
                &format!("{} bytes", link.len()),
                format!("a link may be at most {MAX_LINK_LEN} bytes"),
                format!("链接最多 {MAX_LINK_LEN} 字节"),
            ));
            return parsed;
        }
        let query = link
            .split_once('#')
            .or_else(|| link.split_once('?'))
            .map_or(link, |(_, rest)| rest);
        let pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
        if pairs.len() > MAX_PAIRS {
            parsed.errors.push(ConfigError::new(
                "link",
                &format!("{} settings", pairs.len()),
                format!("a link may hold at most {MAX_PAIRS} settings"),
                format!("链接最多包含 {MAX_PAIRS} 项设置"),
            ));
            return parsed;
        }
        if let Some(lab) = named_lab(&pairs).filter(|lab| *lab != self.lab) {
            parsed.config = Config::for_lab(lab);
        }
        let mut seen: Vec<String> = Vec::new();
        for pair in pairs {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(key), Some(value)) = (percent_decode(raw_key), percent_decode(raw_value))
            else {
                parsed.errors.push(ConfigError::new(
                    raw_key,
                    raw_value,
                    "is not valid percent-encoded UTF-8",
                    "不是有效的百分号编码 UTF-8",
                ));
                continue;
            };
            if seen.contains(&key) {
                parsed.errors.push(ConfigError::new(
                    &key,
                    &value,
                    "appears more than once in the link",
                    "在链接中出现了不止一次",
                ));
                continue;
            }
            seen.push(key.clone());
            read_pair(&mut parsed, &key, &value);
        }
        parsed.errors.extend(parsed.config.repair());
        parsed
    }

    /// The share-link query for this config: `v=1` and every setting of its
    /// lab that differs from the lab's default, in table order (`lab` first),
    /// percent-encoded.
    pub fn to_query(&self) -> String {
        let defaults = Config::for_lab(self.lab);
        let mut query = format!("v={VERSION}");
        if self.lab != Lab::Plane {
            query.push_str("&lab=");
            query.push_str(self.lab.name());
        }
        for setting in settings::rows(self.lab) {
            let value = setting.kind.format(self);
            if value != setting.kind.format(&defaults) {
                query.push('&');
                query.push_str(setting.key);
                query.push('=');
                percent_encode_into(&value, &mut query);
            }
        }
        query
    }
}

/// Applies one decoded `key=value` pair.
fn read_pair(parsed: &mut Parsed, key: &str, value: &str) {
    if key == "v" {
        if value != VERSION {
            parsed.errors.push(ConfigError::new(
                key,
                value,
                format!("this playground reads link version {VERSION}"),
                format!("这个游乐场读取第 {VERSION} 版链接"),
            ));
        }
        return;
    }
    if key == "initZero" {
        match value {
            "true" => parsed.config.init = Init::Zeros,
            "false" => {}
            _ => parsed.errors.push(ConfigError::new(
                key,
                value,
                "must be true or false",
                "须为 true 或 false",
            )),
        }
        return;
    }
    if IGNORED_TFP_KEYS.contains(&key) || key.ends_with("_hide") {
        return;
    }
    match settings::find(parsed.config.lab, key) {
        Some(setting) => {
            if !setting.kind.apply(&mut parsed.config, value) {
                parsed.errors.push(ConfigError::not_allowed(setting, value));
            }
        }
        None => parsed.warnings.push(unknown_key(parsed.config.lab, key)),
    }
}

/// The lab a link's `lab=` pair names, if it names a known one (a bad name is
/// reported when the pair is read).
fn named_lab(pairs: &[&str]) -> Option<Lab> {
    let value = pairs.iter().find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (percent_decode(key)? == "lab").then(|| percent_decode(value))?
    })?;
    Lab::ALL.into_iter().find(|lab| lab.name() == value)
}

/// The warning for a key `lab` has no row for: another lab's setting, or none at all.
fn unknown_key(lab: Lab, key: &str) -> ConfigWarning {
    let key: String = key.chars().take(40).collect();
    let owner = Lab::ALL
        .into_iter()
        .find(|other| settings::find(*other, &key).is_some());
    match owner {
        Some(other) => ConfigWarning {
            message: format!(
                "is a setting of the {} lab, not of {}, and was ignored",
                other.name(),
                lab.name()
            ),
            message_zh: format!(
                "是 {} 实验室的设置，不属于 {}，已忽略",
                other.name(),
                lab.name()
            ),
            key,
        },
        None => ConfigWarning {
            key,
            message: "is not a setting of this playground and was ignored".into(),
            message_zh: "不是这个游乐场的设置，已忽略".into(),
        },
    }
}

/// Decodes `%XX` escapes (and `+` as a space); `None` for a broken escape or
/// bytes that are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = core::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Appends `text` with every byte outside `A-Z a-z 0-9 - . _ ~ , ; :` escaped.
fn percent_encode_into(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~,;:".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
}
