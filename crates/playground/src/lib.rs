//! The experiment engine: datasets, the settings table with its share-link codec,
//! and the training session. No JS, no DOM: the wasm crate only wraps it.
//!
//! Features: `std` (on by default) builds with std; `json` (on by default) reads
//! the export files through serde_json. The page leaves `json` out and reads them
//! with the browser's `JSON.parse` through `Session::import_weights_with`.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod attention;
mod codec;
pub mod colors;
pub mod config;
pub mod dataset;
pub mod digits;
mod error;
pub mod float_text;
pub mod lab;
pub mod sequence;
pub mod session;
pub mod settings;
mod validate;
pub mod words;

pub use codec::{MAX_LINK_LEN, MAX_PAIRS, Parsed, VERSION, percent_decode};
pub use config::{Config, seed_value};
pub use error::{ConfigError, ConfigWarning, FileError};
pub use lab::{Lab, Labs};
pub use session::{Cause, Metrics, Session, Stop};
