//! The one declarative table of settings: key, type, limits, default and a
//! description in English and Chinese for each. It is the single source for the
//! config's defaults and validation, the share-link codec, and the page's form.

mod choices;
mod kind;
mod table;

pub use choices::{ClassSet, Named, RegSet, index_of, pick};
pub use kind::{Kind, POINT_LIMIT, SEED_MAX_LEN};
pub use table::{MAX_LAYERS, MAX_SAMPLES, MAX_UNITS, MAX_USER_POINTS, SETTINGS};

/// Which panel of the page a setting belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// The data and how it is split.
    Data,
    /// The input features.
    Features,
    /// The network's shape and starting weights.
    Network,
    /// The loss, optimizer and regularization.
    Training,
    /// How the page shows things.
    View,
}

/// One setting: everything the codec, the validation and the form need.
#[derive(Clone, Copy)]
pub struct Setting {
    /// The URL key (TensorFlow Playground's where it has the setting).
    pub key: &'static str,
    /// The panel it belongs to.
    pub group: Group,
    /// Its type, limits and field.
    pub kind: Kind,
    /// The default, in link spelling.
    pub default: &'static str,
    /// A short English label.
    pub name_en: &'static str,
    /// A short Chinese label.
    pub name_zh: &'static str,
    /// One English sentence on what it does.
    pub help_en: &'static str,
    /// One Chinese sentence on what it does.
    pub help_zh: &'static str,
}

/// The setting with URL key `key`.
pub fn find(key: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.key == key)
}
