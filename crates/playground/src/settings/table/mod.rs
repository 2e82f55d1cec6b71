//! The rows of the settings table, one file per part of the form. Keys and
//! spellings follow TensorFlow Playground where it has the setting, so its
//! links open here unchanged.

mod attention;
mod data;
mod digits;
mod lab;
mod network;
mod page;
mod sequence;
mod training;
mod words;

use tensor::{Activation, Init};

use super::choices::{ClassSet, Named, RegSet, index_of, pick};
use super::{Applies, Group, Kind, Note, Setting};
use crate::config::{
    Config, Lang, LossKind, OptimizerChoice, Pace, Problem, Regularization, Schedule,
};
use crate::lab::{Lab, Labs};

use Group::{Data, Features, Network, Training, View};

/// The largest hidden layer and the most hidden layers, so no link can build a
/// network that freezes a tab.
pub const MAX_UNITS: u32 = 128;
/// The most hidden layers.
pub const MAX_LAYERS: usize = 8;
/// The most points a dataset may have.
pub const MAX_SAMPLES: u32 = 2000;
/// The latest epoch a link may pause at.
pub const MAX_PAUSE_AT: u32 = 1_000_000;
/// The most points that may be added by hand.
pub const MAX_USER_POINTS: usize = 200;

pub use attention::{MAX_ATTENTION_DIM, MAX_HEADS, MAX_LENGTH};
pub use digits::{MAX_DIGITS_BATCH, MAX_FILTERS1, MAX_FILTERS2, MAX_HIDDEN, MAX_TRAIN_SIZE};
pub use sequence::{MAX_CLIP, MAX_REVERSE_DIGITS, MAX_SEQUENCE_BATCH, MAX_SEQUENCE_HIDDEN};
pub use words::{
    MAX_DIM, MAX_NEGATIVES, MAX_TEXT_BYTES, MAX_WINDOW, MAX_WORDS_BATCH, MAX_WORDS_EPOCHS,
};

const fn row(
    key: &'static str,
    group: Group,
    default: &'static str,
    kind: Kind,
    text: [&'static str; 4],
) -> Setting {
    let [name_en, name_zh, help_en, help_zh] = text;
    Setting {
        key,
        labs: Labs::PLANE,
        group,
        kind,
        default,
        name_en,
        name_zh,
        help_en,
        help_zh,
        applies: Applies::Rebuild,
        relevant: |_| true,
        brings: |_| {},
        note: None,
    }
}

const fn int(min: u32, max: u32, get: fn(&Config) -> u32, set: fn(&mut Config, u32)) -> Kind {
    Kind::Int { min, max, get, set }
}

const fn float(min: f32, max: f32, get: fn(&Config) -> f32, set: fn(&mut Config, f32)) -> Kind {
    Kind::Float {
        min,
        max,
        open_min: false,
        get,
        set,
    }
}

const fn positive(max: f32, get: fn(&Config) -> f32, set: fn(&mut Config, f32)) -> Kind {
    Kind::Float {
        min: 0.0,
        max,
        open_min: true,
        get,
        set,
    }
}

const fn flag(get: fn(&Config) -> bool, set: fn(&mut Config, bool)) -> Kind {
    Kind::Bool { get, set }
}

const fn choice<T: Named>(get: fn(&Config) -> usize, set: fn(&mut Config, usize)) -> Kind {
    Kind::Choice {
        names: T::NAMES,
        labels: T::LABELS,
        get,
        set,
    }
}

/// The number of settings.
const COUNT: usize = lab::LAB.len()
    + data::DATA.len()
    + network::NETWORK.len()
    + training::TRAINING.len()
    + page::PAGE.len()
    + digits::DIGITS.len()
    + sequence::SEQUENCE.len()
    + words::WORDS.len()
    + attention::ATTENTION.len();

/// Every setting, in form order.
pub static SETTINGS: &[Setting] = &joined([
    lab::LAB,
    data::DATA,
    network::NETWORK,
    training::TRAINING,
    page::PAGE,
    digits::DIGITS,
    sequence::SEQUENCE,
    words::WORDS,
    attention::ATTENTION,
]);

/// The parts of the table one after the other.
const fn joined<const PARTS: usize>(parts: [&[Setting]; PARTS]) -> [Setting; COUNT] {
    let mut all = [parts[0][0]; COUNT];
    let mut at = 0;
    let mut part = 0;
    while part < parts.len() {
        let mut row = 0;
        while row < parts[part].len() {
            all[at] = parts[part][row];
            at += 1;
            row += 1;
        }
        part += 1;
    }
    all
}
