//! The one declarative table of settings: key, type, limits, default, a
//! description in English and Chinese, whether a change applies live or
//! rebuilds, when the setting matters and what changing it brings along. It is
//! the single source for the config's defaults and validation, the share-link
//! codec, the session's live changes and the page's form.

use crate::config::Config;

mod change;
mod choices;
mod kind;
mod table;

pub use change::rebuilds;
pub use choices::{ClassSet, Named, RegSet, index_of, pick};
pub use kind::{Kind, POINT_LIMIT, SEED_MAX_LEN};
pub use table::{MAX_LAYERS, MAX_PAUSE_AT, MAX_SAMPLES, MAX_UNITS, MAX_USER_POINTS, SETTINGS};

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

/// What a running experiment does when a setting changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// From the next step, keeping the trained weights.
    Live,
    /// The data or the network change: the experiment starts over.
    Rebuild,
}

/// A sentence shown beside a setting's field while `shown` holds.
#[derive(Clone, Copy)]
pub struct Note {
    /// When the note applies.
    pub shown: fn(&Config) -> bool,
    /// The sentence in English.
    pub en: &'static str,
    /// The sentence in Chinese.
    pub zh: &'static str,
}

/// One setting: everything the codec, the validation, the session and the form need.
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
    /// Whether a change keeps the trained weights or starts over.
    pub applies: Applies,
    /// Whether the setting matters given the others (the form hides it when not).
    pub relevant: fn(&Config) -> bool,
    /// What changing it in the form brings along, so the experiment stays valid
    /// and trains (a dataset without a class choice has 2 classes, ...).
    pub brings: fn(&mut Config),
    /// A sentence beside the field, while it applies.
    pub note: Option<Note>,
}

impl Setting {
    /// The same setting, applied live rather than rebuilding.
    pub(crate) const fn live(mut self) -> Self {
        self.applies = Applies::Live;
        self
    }

    /// The same setting, relevant only while `relevant` holds.
    pub(crate) const fn when(mut self, relevant: fn(&Config) -> bool) -> Self {
        self.relevant = relevant;
        self
    }

    /// The same setting, bringing `brings` along when the form changes it.
    pub(crate) const fn brings(mut self, brings: fn(&mut Config)) -> Self {
        self.brings = brings;
        self
    }

    /// The same setting, with `note` beside its field.
    pub(crate) const fn note(mut self, note: Note) -> Self {
        self.note = Some(note);
        self
    }
}

/// The setting with URL key `key`.
pub fn find(key: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.key == key)
}
