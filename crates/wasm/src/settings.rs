//! The settings table for the page's form, and changing settings of a running
//! playground. Converts the engine's table and errors; decides nothing.

use js_sys::{Array, JSON, Object};
use playground::settings::{Group, Kind, SETTINGS};
use wasm_bindgen::prelude::{JsError, JsValue, wasm_bindgen};

use crate::handle::Playground;
use crate::json_writer::JsonObject;
use crate::options::Entries;

/// Every setting as `{key, group, type, default, nameEn, nameZh, helpEn,
/// helpZh, ...limits}`, in form order. `type` is `choice` (with `names`),
/// `int` or `float` (with `min`, `max`, and `openMin` for floats), `bool`,
/// `list` (with `maxLen`, `min`, `max`), `seed` or `points` (with `max`).
/// `group` is `data`, `features`, `network`, `training` or `view`.
///
/// The table is written as JSON text and parsed by the browser in one call.
///
/// # Errors
/// Only if the browser cannot parse that text, which would be a bug.
#[wasm_bindgen(js_name = settingsTable)]
pub fn settings_table() -> Result<Array, JsError> {
    let mut text = String::from("[");
    for (index, setting) in SETTINGS.iter().enumerate() {
        if index > 0 {
            text.push(',');
        }
        let mut row = JsonObject::open(&mut text);
        row.text("key", setting.key);
        row.text("group", group_name(setting.group));
        row.text("default", setting.default);
        row.text("nameEn", setting.name_en);
        row.text("nameZh", setting.name_zh);
        row.text("helpEn", setting.help_en);
        row.text("helpZh", setting.help_zh);
        row.text("allowed", &setting.kind.allowed());
        describe_kind(&mut row, &setting.kind);
        row.close();
    }
    text.push(']');
    JSON::parse(&text)
        .map(|table| Array::from(&table))
        .map_err(|_| JsError::new("settingsTable: the table could not be read"))
}

#[wasm_bindgen]
impl Playground {
    /// Changes settings, given as an object of share-link keys (like the
    /// constructor's) or as query text. Training-only settings (learning rate,
    /// optimizer constants, schedule, batch size, regularization, dropout,
    /// augmentation, early stopping, view) apply from the next step and keep the
    /// weights; any other change rebuilds the experiment.
    ///
    /// # Errors
    /// One line per bad setting; the playground is then unchanged.
    #[wasm_bindgen(js_name = setSettings)]
    pub fn set_settings(&mut self, changes: JsValue) -> Result<(), JsError> {
        let query = match changes.as_string() {
            Some(text) => text,
            None => {
                let entries = Entries::from_js(&changes)
                    .ok_or_else(|| JsError::new("settings must be an object or query text"))?;
                let spelled = entries.spell();
                if !spelled.errors.is_empty() {
                    return Err(JsError::new(&spelled.errors.join("\n")));
                }
                spelled.query
            }
        };
        let parsed = self.session.config().apply_query(&query);
        let mut problems: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
        problems.extend(parsed.warnings.iter().map(ToString::to_string));
        if !problems.is_empty() {
            return Err(JsError::new(&problems.join("\n")));
        }
        self.session
            .set_config(parsed.config)
            .map_err(|error| JsError::new(&error.to_string()))
    }

    /// Every setting's current value in link spelling, keyed by its share-link key.
    ///
    /// # Errors
    /// Only if the browser cannot parse the values' JSON text, which would be a bug.
    pub fn values(&self) -> Result<Object, JsError> {
        let mut text = String::new();
        let mut values = JsonObject::open(&mut text);
        for setting in SETTINGS {
            values.text(setting.key, &setting.kind.format(self.session.config()));
        }
        values.close();
        JSON::parse(&text)
            .map(Object::from)
            .map_err(|_| JsError::new("values: the settings could not be read"))
    }
}

fn describe_kind(row: &mut JsonObject<'_>, kind: &Kind) {
    match *kind {
        Kind::Choice { names, .. } => {
            row.text("type", "choice");
            row.texts("names", names);
        }
        Kind::Int { min, max, .. } => {
            row.text("type", "int");
            row.number("min", min.into());
            row.number("max", max.into());
        }
        Kind::Float {
            min, max, open_min, ..
        } => {
            row.text("type", "float");
            row.number("min", min.into());
            row.number("max", max.into());
            row.flag("openMin", open_min);
        }
        Kind::Bool { .. } => row.text("type", "bool"),
        Kind::List {
            max_len, min, max, ..
        } => {
            row.text("type", "list");
            row.number("maxLen", max_len as f64);
            row.number("min", min.into());
            row.number("max", max.into());
        }
        Kind::Seed { .. } => row.text("type", "seed"),
        Kind::Points { max, .. } => {
            row.text("type", "points");
            row.number("max", max as f64);
        }
    }
}

fn group_name(group: Group) -> &'static str {
    match group {
        Group::Data => "data",
        Group::Features => "features",
        Group::Network => "network",
        Group::Training => "training",
        Group::View => "view",
    }
}
