//! The thin `#[wasm_bindgen]` layer between the page and `playground`: one
//! `Playground` handle over a training session, plus a few free functions. It
//! converts types and errors for JS and holds no math and no rules of its own.

#[cfg(feature = "attention")]
mod attention;
mod bilingual;
mod budget;
mod data;
#[cfg(feature = "digits")]
mod digits;
mod handle;
#[cfg(any(feature = "sequence", feature = "words", feature = "attention"))]
mod js_values;
mod json;
mod json_writer;
#[cfg(any(feature = "sequence", feature = "words", feature = "attention"))]
mod lab_session;
mod link;
mod metrics;
mod network;
mod number_text;
mod options;
mod panic;
mod preview;
#[cfg(feature = "sequence")]
mod sequence;
mod settings;
#[cfg(feature = "words")]
mod words;

use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(feature = "attention")]
pub use attention::{AttentionLab, MAX_ATTENTION_STEPS_PER_CALL};
pub use budget::{MAX_EPOCHS_PER_CALL, MAX_STEPS_PER_CALL, MAX_WORK_PER_CALL};
pub use data::{max_user_points, parse_data, point_limit};
#[cfg(feature = "digits")]
pub use digits::{DigitsLab, MAX_DIGITS_STEPS_PER_CALL};
pub use handle::Playground;
pub use link::{grid_extent, palette, parse_link, random_seed};
pub use panic::on_panic;
pub use preview::dataset_preview;
#[cfg(feature = "sequence")]
pub use sequence::{MAX_SEQUENCE_STEPS_PER_CALL, SequenceLab};
pub use settings::{feature_maps, form_change_of, notes_of, relevant_of, settings_table};
#[cfg(feature = "words")]
pub use words::{MAX_WORDS_STEPS_PER_CALL, MAX_WORDS_WORK_PER_CALL, WordsLab};

/// Runs once when the module is instantiated: panics (which would be bugs)
/// reach the console and the page's `onPanic` listener with their message
/// instead of "unreachable".
#[wasm_bindgen(start)]
fn start() {
    panic::install_hook();
}
