//! What the sequence and words handles do alike with their sessions: open one
//! from a link, apply a link on top of it (rebuilding when a setting that is
//! not live changed) and start it over, converting errors to bilingual ones.

use playground::{Config, ConfigError};
use wasm_bindgen::JsValue;

use crate::bilingual;

/// A lab's training session built from a config alone.
pub(crate) trait LabSession: Sized {
    /// The session of `config`.
    fn open(config: Config) -> Result<Self, ConfigError>;
    /// The settings it runs.
    fn settings(&self) -> &Config;
    /// Takes `config`'s live settings; `true` when the session must be rebuilt instead.
    fn retune(&mut self, config: Config) -> Result<bool, ConfigError>;
}

/// The session of `link` (strict: every bad setting is an error).
pub(crate) fn open<S: LabSession>(link: &str) -> Result<S, JsValue> {
    let config = Config::from_query(link).map_err(|e| bilingual::config_errors([&e]))?;
    S::open(config).map_err(config_error)
}

/// Applies `link` leniently on top of `session`'s settings, as the form does:
/// live settings keep the weights, the others rebuild it. Returns whether it
/// was rebuilt; nothing changes on an error.
pub(crate) fn apply_link<S: LabSession>(session: &mut S, link: &str) -> Result<bool, JsValue> {
    let parsed = session.settings().apply_query(link);
    if !parsed.errors.is_empty() {
        return Err(bilingual::config_errors(&parsed.errors));
    }
    if session
        .retune(parsed.config.clone())
        .map_err(config_error)?
    {
        *session = S::open(parsed.config).map_err(config_error)?;
        return Ok(true);
    }
    Ok(false)
}

/// Starts `session` over with the same settings: the same data and starting weights.
pub(crate) fn reset<S: LabSession>(session: &mut S) -> Result<(), JsValue> {
    *session = S::open(session.settings().clone()).map_err(config_error)?;
    Ok(())
}

/// One config error as a bilingual JS error.
pub(crate) fn config_error(error: ConfigError) -> JsValue {
    bilingual::config_errors([&error])
}
