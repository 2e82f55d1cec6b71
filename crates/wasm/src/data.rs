//! Export and import for the page: weights as JSON, data as CSV or JSON, and a
//! data file read back into points. Converts strings and errors; the file
//! formats and every check on them are `playground::session`'s, the JSON text
//! the browser's (`crate::json`).

use js_sys::Float32Array;
use playground::session;
use playground::settings::{MAX_USER_POINTS, POINT_LIMIT};
use wasm_bindgen::prelude::{JsValue, wasm_bindgen};

use crate::bilingual;
use crate::handle::Playground;
use crate::json::{read_data_file, read_weights_file, write_data_file, write_weights_file};

#[wasm_bindgen]
impl Playground {
    /// The network's weights as a JSON weights file (`version`, `sizes`,
    /// `activation`, `output`, `layers: [{weight, bias}]`), exact to the bit.
    #[wasm_bindgen(js_name = exportWeights)]
    pub fn export_weights(&self) -> String {
        write_weights_file(&self.session.weights_file())
    }

    /// Replaces the network's weights with those of a weights file, keeping the
    /// data, the step count and the optimizer state.
    ///
    /// # Errors
    /// The engine's sentence on what is wrong (not JSON, another version, other
    /// layer sizes or activations, a row of the wrong length); the playground
    /// is then unchanged.
    #[wasm_bindgen(js_name = importWeights)]
    pub fn import_weights(&mut self, text: &str) -> Result<(), JsValue> {
        self.session
            .import_weights_with(text, read_weights_file)
            .map_err(|error| bilingual::error(&error.en, &error.zh))
    }

    /// The training and test points as CSV: the header `x,y,label,split`, then
    /// one line per point, training points (added ones last) first.
    #[wasm_bindgen(js_name = exportDataCsv)]
    pub fn export_data_csv(&self) -> String {
        self.session.export_data_csv()
    }

    /// The training and test points as a JSON data file
    /// (`{"version":1,"train":[{"x","y","label"}],"test":[...]}`).
    #[wasm_bindgen(js_name = exportDataJson)]
    pub fn export_data_json(&self) -> String {
        write_data_file(&self.session.data_file())
    }
}

/// Reads a data file (CSV with the header `x,y,label,split`, or the JSON that
/// `exportDataJson` writes) into points, four numbers `[x, y, label, isTest]`
/// each like `Playground.points()`, training points first. Whether the labels
/// suit an experiment is checked when the points are used (`userPoints`).
///
/// # Errors
/// The engine's sentence naming what is wrong and where (the CSV line, the
/// JSON point, or the browser's reason the JSON cannot be read), or that the
/// file holds too many points.
#[wasm_bindgen(js_name = parseData)]
pub fn parse_data(text: &str) -> Result<Float32Array, JsValue> {
    let split = session::parse_data_with(text, read_data_file)
        .map_err(|error| bilingual::error(&error.en, &error.zh))?;
    let mut flat = Vec::with_capacity(4 * (split.train.len() + split.test.len()));
    for (points, is_test) in [(&split.train, 0.0), (&split.test, 1.0)] {
        for point in points {
            flat.extend([point.x, point.y, point.label, is_test]);
        }
    }
    Ok(Float32Array::from(flat.as_slice()))
}

/// The largest `|x|` or `|y|` an added point (`userPoints`) may have.
#[wasm_bindgen(js_name = pointLimit)]
pub fn point_limit() -> f32 {
    POINT_LIMIT
}

/// The most points that may be added by hand (`userPoints`).
#[wasm_bindgen(js_name = maxUserPoints)]
pub fn max_user_points() -> u32 {
    u32::try_from(MAX_USER_POINTS).unwrap_or(u32::MAX)
}
