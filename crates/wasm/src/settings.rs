//! The settings table for the page's form, changing settings of a running
//! playground, and the input features' maps. Converts the engine's table,
//! rules and errors; decides nothing.

use js_sys::{Array, Float32Array, JSON, Object};
use playground::session::Grid;
use playground::settings::{self, Applies, Group, Kind};
use playground::{Config, ConfigError, ConfigWarning, Lab};
use wasm_bindgen::prelude::{JsError, JsValue, wasm_bindgen};

use crate::bilingual;
use crate::handle::Playground;
use crate::json_writer::JsonObject;
use crate::options::Entries;

/// Every setting of a lab's form (`lab`: `"plane"`, the default, or `"digits"`) as `{key, group, type, default, nameEn, nameZh, helpEn,
/// helpZh, allowed, allowedZh, applies, noteEn?, noteZh?, ...limits}`, in form
/// order. `type` is `choice` (with `names`, `labelsEn` and `labelsZh`), `int`
/// or `float` (with `min`, `max`, and `openMin` for floats), `bool`, `list`
/// (with `maxLen`, `min`, `max`), `seed` or `points` (with `max`). `group` is
/// `data`, `features`, `network`, `training` or `view`; `applies` is `live`
/// (a change keeps the trained weights) or `rebuild` (it starts over). A note
/// is shown beside the field while `notes()` lists the key.
///
/// The table is written as JSON text and parsed by the browser in one call.
///
/// # Errors
/// Only if the browser cannot parse that text, which would be a bug.
#[wasm_bindgen(js_name = settingsTable)]
pub fn settings_table(lab: Option<String>) -> Result<Array, JsError> {
    let lab = match lab.as_deref() {
        None => Lab::Plane,
        Some(name) => Lab::ALL
            .into_iter()
            .find(|lab| lab.name() == name)
            // Quoted by hand: `{name:?}` would link core's Unicode escaping tables, 7.6 KB
            // of the plane's .wasm.
            .ok_or_else(|| JsError::new(&format!("settingsTable: no lab is called \"{name}\"")))?,
    };
    let mut text = String::from("[");
    let form = settings::rows(lab).filter(|s| s.group != Group::Lab);
    for (index, setting) in form.enumerate() {
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
        row.text("allowedZh", &setting.kind.allowed_zh());
        row.text(
            "applies",
            match setting.applies {
                Applies::Live => "live",
                Applies::Rebuild => "rebuild",
            },
        );
        if let Some(note) = setting.note {
            row.text("noteEn", note.en);
            row.text("noteZh", note.zh);
        }
        describe_kind(&mut row, &setting.kind);
        row.close();
    }
    text.push(']');
    JSON::parse(&text)
        .map(|table| Array::from(&table))
        .map_err(|_| JsError::new("settingsTable: the table could not be read"))
}

/// Every input feature's value over a `size x size` grid of the plane, one map
/// after another in the order of the table's `features` rows, laid out as the
/// maps of `neuronMaps` (top row first, pixel centres): the formulas the
/// network reads, for the features' pictures.
///
/// # Errors
/// When the grid is empty or too large.
#[wasm_bindgen(js_name = featureMaps)]
pub fn feature_maps(size: u32) -> Result<Float32Array, JsError> {
    Grid::feature_maps(size as usize)
        .map(|maps| Float32Array::from(maps.as_slice()))
        .map_err(|message| JsError::new(&message))
}

#[wasm_bindgen]
impl Playground {
    /// Changes settings, given as an object of share-link keys (like the
    /// constructor's) or as query text, exactly as given. Settings whose row
    /// `applies` live keep the trained weights; a change of any other setting
    /// that matters rebuilds the experiment.
    ///
    /// # Errors
    /// An `Error` with one line per bad setting in `message` (English) and
    /// `messageZh` (Chinese); the playground is then unchanged.
    #[wasm_bindgen(js_name = setSettings)]
    pub fn set_settings(&mut self, changes: JsValue) -> Result<(), JsValue> {
        let query = match changes.as_string() {
            Some(text) => text,
            None => {
                let entries = Entries::from_js(&changes).ok_or_else(|| {
                    bilingual::error(
                        "settings must be an object or query text",
                        "设置须为对象或查询文本",
                    )
                })?;
                let spelled = entries.spell();
                if !spelled.errors.is_empty() {
                    let lines = spelled.errors.join("\n");
                    return Err(bilingual::error(&lines, &lines));
                }
                spelled.query
            }
        };
        let parsed = self.session.config().apply_query(&query);
        if !parsed.errors.is_empty() || !parsed.warnings.is_empty() {
            let en: Vec<String> = (parsed.errors.iter().map(ToString::to_string))
                .chain(parsed.warnings.iter().map(ToString::to_string))
                .collect();
            let zh: Vec<String> = (parsed.errors.iter().map(ConfigError::to_string_zh))
                .chain(parsed.warnings.iter().map(ConfigWarning::to_string_zh))
                .collect();
            return Err(bilingual::error(&en.join("\n"), &zh.join("\n")));
        }
        self.session
            .set_config(parsed.config)
            .map_err(|error| bilingual::config_errors([&error]))
    }

    /// The settings that change when the form sets `key` to `value` (link
    /// spelling): that one, and what its row brings along (more than 2 classes
    /// bring cross-entropy, ...), as an object to pass to `setSettings`.
    ///
    /// # Errors
    /// An `Error` in both languages when `key` is not a setting, `value` is
    /// not allowed, or the change breaks a rule across settings.
    #[wasm_bindgen(js_name = formChange)]
    pub fn form_change(&self, key: &str, value: &str) -> Result<Object, JsValue> {
        form_change(self.session.config(), key, value)
    }

    /// Whether each setting matters given the others, keyed by its share-link
    /// key: the form hides the ones that do not.
    ///
    /// # Errors
    /// Only if the browser cannot parse the JSON text, which would be a bug.
    pub fn relevant(&self) -> Result<Object, JsError> {
        relevant(self.session.config())
    }

    /// The keys of the settings whose note (`noteEn`, `noteZh` in the table)
    /// applies now.
    pub fn notes(&self) -> Vec<String> {
        notes(self.session.config())
    }

    /// Every setting's current value in link spelling, keyed by its share-link key.
    ///
    /// # Errors
    /// Only if the browser cannot parse the values' JSON text, which would be a bug.
    pub fn values(&self) -> Result<Object, JsError> {
        let mut text = String::new();
        let mut values = JsonObject::open(&mut text);
        for setting in settings::rows(self.session.config().lab) {
            values.text(setting.key, &setting.kind.format(self.session.config()));
        }
        values.close();
        JSON::parse(&text)
            .map(Object::from)
            .map_err(|_| JsError::new("values: the settings could not be read"))
    }
}

/// `formChange` for the experiment of `link` (read leniently), for a lab whose
/// session runs elsewhere (the digits lab's runs in a worker).
///
/// # Errors
/// As `formChange`.
#[wasm_bindgen(js_name = formChangeOf)]
pub fn form_change_of(link: &str, key: &str, value: &str) -> Result<Object, JsValue> {
    form_change(&Config::parse_query(link).config, key, value)
}

/// `relevant` for the experiment of `link` (read leniently).
///
/// # Errors
/// Only if the browser cannot parse the JSON text, which would be a bug.
#[wasm_bindgen(js_name = relevantOf)]
pub fn relevant_of(link: &str) -> Result<Object, JsError> {
    relevant(&Config::parse_query(link).config)
}

/// `notes` for the experiment of `link` (read leniently).
#[wasm_bindgen(js_name = notesOf)]
pub fn notes_of(link: &str) -> Vec<String> {
    notes(&Config::parse_query(link).config)
}

fn form_change(old: &Config, key: &str, value: &str) -> Result<Object, JsValue> {
    let new = old
        .change(key, value)
        .map_err(|error| bilingual::config_errors([&error]))?;
    let mut text = String::new();
    let mut changes = JsonObject::open(&mut text);
    for setting in settings::rows(new.lab) {
        let value = setting.kind.format(&new);
        if setting.key == key || value != setting.kind.format(old) {
            changes.text(setting.key, &value);
        }
    }
    changes.close();
    parse_object(&text, "formChange")
}

fn relevant(config: &Config) -> Result<Object, JsError> {
    let mut text = String::new();
    let mut relevant = JsonObject::open(&mut text);
    for setting in settings::rows(config.lab) {
        relevant.flag(setting.key, (setting.relevant)(config));
    }
    relevant.close();
    parse_object(&text, "relevant").map_err(|_| JsError::new("relevant: not readable"))
}

fn notes(config: &Config) -> Vec<String> {
    settings::rows(config.lab)
        .filter(|setting| setting.note.is_some_and(|note| (note.shown)(config)))
        .map(|setting| setting.key.to_owned())
        .collect()
}

/// The object written as JSON `text`, or an error naming `method`.
fn parse_object(text: &str, method: &str) -> Result<Object, JsValue> {
    JSON::parse(text).map(Object::from).map_err(|_| {
        let en = format!("{method}: the settings could not be read");
        bilingual::error(&en, &en)
    })
}

fn describe_kind(row: &mut JsonObject<'_>, kind: &Kind) {
    match *kind {
        Kind::Choice { names, labels, .. } => {
            row.text("type", "choice");
            row.texts("names", names);
            let english: Vec<&str> = labels.iter().map(|[en, _]| *en).collect();
            let chinese: Vec<&str> = labels.iter().map(|[_, zh]| *zh).collect();
            row.texts("labelsEn", &english);
            row.texts("labelsZh", &chinese);
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
        Kind::Text { max_bytes, .. } => {
            row.text("type", "text");
            row.number("maxBytes", max_bytes as f64);
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
        Group::Lab => "lab",
    }
}
