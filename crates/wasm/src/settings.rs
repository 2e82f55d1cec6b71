//! The settings table for the page's form, and changing settings of a running
//! playground. Converts the engine's table and errors; decides nothing.

use js_sys::{Array, Object, Reflect};
use playground::settings::{Group, Kind, SETTINGS};
use wasm_bindgen::prelude::{JsError, JsValue, wasm_bindgen};

use crate::handle::Playground;
use crate::options::Entries;

/// Every setting as `{key, group, type, default, nameEn, nameZh, helpEn,
/// helpZh, ...limits}`, in form order. `type` is `choice` (with `names`),
/// `int` or `float` (with `min`, `max`, and `openMin` for floats), `bool`,
/// `list` (with `maxLen`, `min`, `max`), `seed` or `points` (with `max`).
/// `group` is `data`, `features`, `network`, `training` or `view`.
///
/// # Errors
/// Only if building the JS objects fails.
#[wasm_bindgen(js_name = settingsTable)]
pub fn settings_table() -> Result<Array, JsError> {
    let table = Array::new();
    for setting in SETTINGS {
        let row = Object::new();
        set(&row, "key", setting.key.into())?;
        set(&row, "group", group_name(setting.group).into())?;
        set(&row, "default", setting.default.into())?;
        set(&row, "nameEn", setting.name_en.into())?;
        set(&row, "nameZh", setting.name_zh.into())?;
        set(&row, "helpEn", setting.help_en.into())?;
        set(&row, "helpZh", setting.help_zh.into())?;
        set(&row, "allowed", setting.kind.allowed().into())?;
        describe_kind(&row, &setting.kind)?;
        table.push(&row);
    }
    Ok(table)
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
    /// Only if building the JS object fails.
    pub fn values(&self) -> Result<Object, JsError> {
        let values = Object::new();
        for setting in SETTINGS {
            set(
                &values,
                setting.key,
                setting.kind.format(self.session.config()).into(),
            )?;
        }
        Ok(values)
    }
}

fn describe_kind(row: &Object, kind: &Kind) -> Result<(), JsError> {
    let number = |value: f64| JsValue::from_f64(value);
    match *kind {
        Kind::Choice { names, .. } => {
            set(row, "type", "choice".into())?;
            let list: Array = names.iter().map(|n| JsValue::from_str(n)).collect();
            set(row, "names", list.into())
        }
        Kind::Int { min, max, .. } => {
            set(row, "type", "int".into())?;
            set(row, "min", number(min.into()))?;
            set(row, "max", number(max.into()))
        }
        Kind::Float {
            min, max, open_min, ..
        } => {
            set(row, "type", "float".into())?;
            set(row, "min", number(min.into()))?;
            set(row, "max", number(max.into()))?;
            set(row, "openMin", open_min.into())
        }
        Kind::Bool { .. } => set(row, "type", "bool".into()),
        Kind::List {
            max_len, min, max, ..
        } => {
            set(row, "type", "list".into())?;
            set(row, "maxLen", number(max_len as f64))?;
            set(row, "min", number(min.into()))?;
            set(row, "max", number(max.into()))
        }
        Kind::Seed { .. } => set(row, "type", "seed".into()),
        Kind::Points { max, .. } => {
            set(row, "type", "points".into())?;
            set(row, "max", number(max as f64))
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

fn set(object: &Object, key: &str, value: JsValue) -> Result<(), JsError> {
    Reflect::set(object, &JsValue::from_str(key), &value)
        .map(|_| ())
        .map_err(|_| JsError::new("could not build a settings object"))
}
