//! What the worker labs' handles (sequence, words, attention) do alike with
//! their sessions: open one from a link, apply a link on top of it
//! (rebuilding when a setting that is not live changed), start it over and
//! report its progress, converting errors to bilingual ones.

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

/// The methods every worker lab's handle has alike (`new`, `link`, `applyLink`,
/// `reset`, `stopped`, `step` and `epoch`), as one more `#[wasm_bindgen]` impl
/// block of `$handle`, whose `session` field is a [`LabSession`] with inherent
/// `config`, `stopped`, `step` and `epoch`.
macro_rules! lab_handle_basics {
    ($handle:ident) => {
        #[wasm_bindgen::prelude::wasm_bindgen]
        impl $handle {
            /// The experiment of `link` (strict: every bad setting is an error).
            ///
            /// # Errors
            /// The link's bad settings, one a line, in both languages.
            #[wasm_bindgen(constructor)]
            pub fn new(link: &str) -> Result<$handle, wasm_bindgen::JsValue> {
                Ok($handle {
                    session: $crate::lab_session::open(link)?,
                })
            }

            /// The share link of the running experiment (`v=1&lab=…&…`).
            pub fn link(&self) -> String {
                self.session.config().to_query()
            }

            /// Changes the settings to those of `link` (read leniently on top of the
            /// current ones, as the form does): live settings keep the weights, the
            /// others start over. Returns whether it started over.
            ///
            /// # Errors
            /// The link's bad settings, one a line; nothing changes then.
            #[wasm_bindgen(js_name = applyLink)]
            pub fn apply_link(&mut self, link: &str) -> Result<bool, wasm_bindgen::JsValue> {
                $crate::lab_session::apply_link(&mut self.session, link)
            }

            /// Starts the same experiment over: the same data and starting weights.
            ///
            /// # Errors
            /// Only if the running config stopped being valid, which would be a bug.
            pub fn reset(&mut self) -> Result<(), wasm_bindgen::JsValue> {
                $crate::lab_session::reset(&mut self.session)
            }

            /// Whether training has stopped by itself (early stopping or
            /// divergence); `metrics().stop` says why.
            pub fn stopped(&self) -> bool {
                self.session.stopped().is_some()
            }

            /// Updates taken.
            pub fn step(&self) -> f64 {
                self.session.step() as f64
            }

            /// Epochs completed.
            pub fn epoch(&self) -> f64 {
                self.session.epoch() as f64
            }
        }
    };
}

pub(crate) use lab_handle_basics;
