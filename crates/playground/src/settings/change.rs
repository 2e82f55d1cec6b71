//! Changing one setting as a learner does in the form, and what a change does
//! to a running experiment, both read from the table: each row's `brings` and
//! `applies`. Knows no setting by name.

use alloc::format;

use super::{Applies, SETTINGS, find};
use crate::config::Config;
use crate::error::ConfigError;

impl Config {
    /// This config after the form changes `key` to `text` (link spelling): the
    /// setting, then what its row brings along, so that the experiment stays
    /// valid and trains (more than 2 classes bring cross-entropy, a dataset
    /// without a class choice brings 2 classes, regression brings squared error).
    /// A link is read as written instead: one that names its loss keeps it.
    ///
    /// # Errors
    /// When `key` is not a setting, `text` is not one of its values, or the
    /// result breaks a rule that spans several settings.
    pub fn change(&self, key: &str, text: &str) -> Result<Config, ConfigError> {
        let Some(setting) = find(self.lab, key) else {
            return Err(ConfigError::new(
                key,
                text,
                "is not a setting of this playground",
                "不是这个游乐场的设置",
            ));
        };
        let mut config = self.clone();
        if !setting.kind.apply(&mut config, text) {
            return Err(ConfigError::not_allowed(setting, text));
        }
        (setting.brings)(&mut config);
        config.validate()?;
        Ok(config)
    }
}

/// Whether going from `old` to `new` changes the data or the network: a
/// setting that rebuilds has a new value, and it matters before or after.
pub fn rebuilds(old: &Config, new: &Config) -> bool {
    SETTINGS.iter().any(|setting| {
        (setting.labs.has(old.lab) || setting.labs.has(new.lab))
            && setting.applies == Applies::Rebuild
            && ((setting.relevant)(old) || (setting.relevant)(new))
            && setting.kind.format(old) != setting.kind.format(new)
    })
}

impl ConfigError {
    /// `text` is not a value `setting` allows: the error names the setting and
    /// what it allows, in both languages.
    pub(crate) fn not_allowed(setting: &super::Setting, text: &str) -> Self {
        ConfigError::new(
            setting.key,
            text,
            format!("{} {}", setting.name_en, setting.kind.allowed()),
            format!("{}{}", setting.name_zh, setting.kind.allowed_zh()),
        )
    }
}
