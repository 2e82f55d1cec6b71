//! Errors and warnings about user input (share links, form fields). Each names
//! the key, the value given and what is allowed, in English and Chinese.

use alloc::string::String;
use core::fmt;

/// A setting that cannot be used as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The URL key at fault (or `link` for the link as a whole).
    pub key: String,
    /// The value as given (shortened when very long).
    pub value: String,
    /// What is allowed, in a sentence.
    pub message: String,
    /// The same sentence in Chinese.
    pub message_zh: String,
}

/// Something in a link that was ignored rather than used (an unknown key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The URL key concerned.
    pub key: String,
    /// What happened to it.
    pub message: String,
    /// The same sentence in Chinese.
    pub message_zh: String,
}

/// The longest value an error quotes back, in characters.
const QUOTE_LIMIT: usize = 40;

impl ConfigError {
    /// An error for `key` given `value`, with `message` and `message_zh`
    /// saying what is allowed in English and Chinese.
    pub fn new(
        key: &str,
        value: &str,
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> Self {
        let mut quoted: String = value.chars().take(QUOTE_LIMIT).collect();
        if value.chars().count() > QUOTE_LIMIT {
            quoted.push('…');
        }
        Self {
            key: key.into(),
            value: quoted,
            message: message.into(),
            message_zh: message_zh.into(),
        }
    }

    /// The whole sentence in Chinese, as [`fmt::Display`] gives it in English.
    pub fn to_string_zh(&self) -> String {
        alloc::format!("{}={}：{}", self.key, self.value, self.message_zh)
    }
}

impl ConfigWarning {
    /// The whole sentence in Chinese, as [`fmt::Display`] gives it in English.
    pub fn to_string_zh(&self) -> String {
        alloc::format!("{}：{}", self.key, self.message_zh)
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}: {}", self.key, self.value, self.message)
    }
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ConfigError {}

/// A file that cannot be imported: what is wrong and where, in English and Chinese.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileError {
    /// The sentence in English.
    pub en: String,
    /// The same sentence in Chinese.
    pub zh: String,
}

impl FileError {
    /// An error saying `en` in English and `zh` in Chinese.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// Weights for layers `given` offered to a network of layers `have`.
    pub fn layer_sizes(given: &[usize], have: &[usize]) -> Self {
        Self::new(
            alloc::format!("the weights are for layers {given:?}, this network has {have:?}"),
            alloc::format!("权重对应的层大小是 {given:?}，这个网络是 {have:?}"),
        )
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for FileError {}
