//! Free functions for the page: reading a share link leniently, a fresh random
//! seed, and the constants the page draws with (the plane's extent, the palette).

use js_sys::JSON;
use playground::session::GRID_EXTENT;
use playground::{Config, ConfigError, ConfigWarning, colors};
use wasm_bindgen::prelude::{JsError, JsValue, wasm_bindgen};

use crate::json_writer::{JsonArray, JsonObject};

/// One bad or ignored setting of a link, as [`parse_link`] returns it to JS.
#[derive(Debug)]
struct JsProblem {
    /// The key at fault.
    key: String,
    /// The value as given (`null` for warnings).
    value: Option<String>,
    /// What is allowed, or what happened to the key.
    message: String,
    /// The same in Chinese.
    message_zh: String,
    /// The whole sentence, ready to show.
    text: String,
    /// The whole sentence in Chinese.
    text_zh: String,
}

impl JsProblem {
    /// Writes the problem as an object item of `array`.
    fn write(&self, array: &mut JsonArray<'_>) {
        let mut object = array.object();
        object.text("key", &self.key);
        object.text_or_null("value", self.value.as_deref());
        object.text("message", &self.message);
        object.text("messageZh", &self.message_zh);
        object.text("text", &self.text);
        object.text("textZh", &self.text_zh);
        object.close();
    }
}

impl From<ConfigError> for JsProblem {
    fn from(error: ConfigError) -> Self {
        Self {
            text: error.to_string(),
            text_zh: error.to_string_zh(),
            key: error.key,
            value: Some(error.value),
            message: error.message,
            message_zh: error.message_zh,
        }
    }
}

impl From<ConfigWarning> for JsProblem {
    fn from(warning: ConfigWarning) -> Self {
        Self {
            text: warning.to_string(),
            text_zh: warning.to_string_zh(),
            key: warning.key,
            value: None,
            message: warning.message,
            message_zh: warning.message_zh,
        }
    }
}

/// Reads a share link (a whole URL, the part after `#` or `?`, or the bare
/// query) leniently. Returns `{query, errors, warnings}`: `query` is a link
/// that always works (every bad setting replaced by its default; pass it to
/// `Playground.fromQuery`), `errors` has one `{key, value, message, messageZh,
/// text, textZh}` per bad setting and `warnings` one `{key, value: null, ...}`
/// per ignored key, each in English and Chinese.
///
/// # Errors
/// Only if the browser cannot parse the object's JSON text, which would be a bug.
#[wasm_bindgen(js_name = parseLink)]
pub fn parse_link(link: &str) -> Result<JsValue, JsError> {
    let parsed = Config::parse_query(link);
    let mut text = String::new();
    let mut object = JsonObject::open(&mut text);
    object.text("query", &parsed.config.to_query());
    let mut errors = object.array("errors");
    for error in parsed.errors {
        JsProblem::from(error).write(&mut errors);
    }
    errors.close();
    let mut warnings = object.array("warnings");
    for warning in parsed.warnings {
        JsProblem::from(warning).write(&mut warnings);
    }
    warnings.close();
    object.close();
    JSON::parse(&text).map_err(|_| JsError::new("parseLink: the JSON text could not be read"))
}

/// A fresh seed from the browser's random source, as seed text (decimal
/// digits), for `seed` or `initSeed`. The defaults stay `1`, so a link without
/// seeds is reproducible; a page that wants new data opts in with this, and
/// the seed then shows in `query()`.
///
/// # Errors
/// When the browser has no random source.
#[wasm_bindgen(js_name = randomSeed)]
pub fn random_seed() -> Result<String, JsError> {
    getrandom::u32()
        .map(|seed| seed.to_string())
        .map_err(|error| JsError::new(&format!("no random source for a seed: {error}")))
}

/// The plane shown spans `[-gridExtent(), gridExtent()]` on both axes: the
/// range of the points and of `predictGrid`.
#[wasm_bindgen(js_name = gridExtent)]
pub fn grid_extent() -> f32 {
    GRID_EXTENT
}

/// The class colours as `[r, g, b]` bytes one class after another (class `k`
/// at `3k`), the colours `heatmapRgba` paints.
#[wasm_bindgen]
pub fn palette() -> Vec<u8> {
    colors::PALETTE.iter().flatten().copied().collect()
}
