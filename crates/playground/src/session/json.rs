//! The export files as JSON text through serde_json, for native callers (the CLI,
//! tests, fuzzing); the page reads and writes the same files with the browser's `JSON`.

use alloc::string::{String, ToString};

use serde::de::DeserializeOwned;

use super::Session;
use super::export::parse_data_with;
use crate::dataset::Split;
use crate::error::FileError;

impl Session {
    /// The network's weights as a JSON weights file (see [`super::export`]).
    pub fn export_weights(&self) -> String {
        serde_json::to_string(&self.weights_file()).unwrap_or_default()
    }

    /// Replaces the network's weights with those of a JSON weights file,
    /// keeping the data, the step count and the optimizer state.
    ///
    /// # Errors
    /// As [`Session::import_weights_with`]; the session is then unchanged.
    pub fn import_weights(&mut self, json: &str) -> Result<(), FileError> {
        self.import_weights_with(json, read)
    }

    /// The training and test points as a JSON data file.
    pub fn export_data_json(&self) -> String {
        serde_json::to_string(&self.data_file()).unwrap_or_default()
    }
}

/// Reads a data file, JSON or CSV, as [`parse_data_with`] does.
///
/// # Errors
/// As [`parse_data_with`], with serde_json's line and column for bad JSON.
pub fn parse_data(text: &str) -> Result<Split, FileError> {
    parse_data_with(text, read)
}

fn read<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}
