//! The one declarative table of settings: key, type, limits, default, a
//! description in English and Chinese, whether a change applies live or
//! rebuilds, when the setting matters and what changing it brings along. It is
//! the single source for the config's defaults and validation, the share-link
//! codec, the session's live changes and the page's form.

use crate::config::Config;
use crate::lab::{Lab, Labs};

mod change;
mod choices;
mod kind;
mod table;

pub use change::rebuilds;
pub use choices::{ClassSet, Named, RegSet, index_of, pick};
pub use kind::{Kind, POINT_LIMIT, SEED_MAX_LEN};
pub use table::{MAX_ATTENTION_DIM, MAX_HEADS, MAX_LENGTH};
pub use table::{
    MAX_CLIP, MAX_DIGITS_BATCH, MAX_FILTERS1, MAX_FILTERS2, MAX_HIDDEN, MAX_LAYERS, MAX_PAUSE_AT,
    MAX_REVERSE_DIGITS, MAX_SAMPLES, MAX_SEQUENCE_BATCH, MAX_SEQUENCE_HIDDEN, MAX_TRAIN_SIZE,
    MAX_UNITS, MAX_USER_POINTS, SETTINGS,
};
pub use table::{
    MAX_DIM, MAX_NEGATIVES, MAX_TEXT_BYTES, MAX_WINDOW, MAX_WORDS_BATCH, MAX_WORDS_EPOCHS,
};

/// Which panel of the page a setting belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Which lab the experiment is in: the page's lab switcher, not a form field.
    Lab,
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
    /// The labs whose experiments have it. A key may have one row per lab,
    /// when its default differs between labs.
    pub labs: Labs,
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

    /// The same setting, in the experiments of `labs`.
    pub(crate) const fn labs(mut self, labs: Labs) -> Self {
        self.labs = labs;
        self
    }

    /// The same setting for `labs` with another default: a key whose default
    /// differs from lab to lab has one row per lab.
    pub(crate) const fn defaulting(mut self, labs: Labs, default: &'static str) -> Self {
        self.labs = labs;
        self.default = default;
        self
    }

    /// The same setting, with `note` beside its field.
    pub(crate) const fn note(mut self, note: Note) -> Self {
        self.note = Some(note);
        self
    }
}

/// The setting of `lab` with URL key `key`.
pub fn find(lab: Lab, key: &str) -> Option<&'static Setting> {
    rows(lab).find(|s| s.key == key)
}

/// The settings of `lab`'s experiments, in form order.
pub fn rows(lab: Lab) -> impl Iterator<Item = &'static Setting> {
    SETTINGS.iter().filter(move |s| s.labs.has(lab))
}
