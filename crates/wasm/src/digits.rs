//! The `DigitsLab` handle: one `playground::digits::DigitsSession` for the
//! digits lab's page, built from a link and the un-gzipped digits file the page
//! fetched. Converts arguments, results and errors; every decision is the session's.

use js_sys::{Array, Float32Array, Object, Reflect};
use playground::digits::network::LayerKind;
use playground::digits::{Digits, DigitsSession, checked_image};
use playground::{Config, ConfigError};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{JsError, JsValue, wasm_bindgen};

use crate::bilingual;
use crate::metrics::JsMetrics;

/// The most updates one `trainSteps` call may take, so one call stays short.
pub const MAX_DIGITS_STEPS_PER_CALL: u32 = 1000;

/// One digits experiment being trained, for the page.
#[wasm_bindgen]
#[derive(Debug)]
pub struct DigitsLab {
    session: DigitsSession,
    data: Digits,
}

#[wasm_bindgen]
impl DigitsLab {
    /// The digits experiment of `link` (strict: every bad setting is an error)
    /// on `data`, the un-gzipped bytes of web/labs/digits/digits.bin.gz.
    ///
    /// # Errors
    /// The link's bad settings, one a line, or what is wrong with the file, in
    /// both languages.
    #[wasm_bindgen(constructor)]
    pub fn new(link: &str, data: &[u8]) -> Result<DigitsLab, JsValue> {
        let data = Digits::decode(data)
            .map_err(|error| bilingual::error(&error.message(), &error.message_zh()))?;
        let config = Config::from_query(link).map_err(|e| bilingual::config_errors([&e]))?;
        let session = DigitsSession::new(config, &data).map_err(config_error)?;
        Ok(DigitsLab { session, data })
    }

    /// The share link of the running experiment (`v=1&lab=digits&…`).
    pub fn link(&self) -> String {
        self.session.config().to_query()
    }

    /// Changes the settings to those of `link` (read leniently on top of the
    /// current ones, as the form does): live settings keep the weights, the
    /// others start over. Returns whether it started over.
    ///
    /// # Errors
    /// The link's bad settings, one a line; nothing changes then.
    #[wasm_bindgen(js_name = applyLink)]
    pub fn apply_link(&mut self, link: &str) -> Result<bool, JsValue> {
        let parsed = self.session.config().apply_query(link);
        if !parsed.errors.is_empty() {
            return Err(bilingual::config_errors(&parsed.errors));
        }
        if self
            .session
            .set_config(parsed.config.clone())
            .map_err(config_error)?
        {
            self.session = DigitsSession::new(parsed.config, &self.data).map_err(config_error)?;
            return Ok(true);
        }
        Ok(false)
    }

    /// The network as the digits lab's weights file, the text the CLI's
    /// `--export` writes for the same link and steps.
    #[wasm_bindgen(js_name = exportWeights)]
    pub fn export_weights(&self) -> String {
        self.session.weights_file()
    }

    /// Replaces the weights with those of a weights file the page read with
    /// `JSON.parse` (`exportWeights` or the CLI's `--export`:
    /// `{lab: "digits", layers: [{weight: [numbers], bias: [numbers]}, …]}`),
    /// keeping the step count and the optimizer state.
    ///
    /// # Errors
    /// What is wrong with the file, naming the place (`layers[1].weight[4] must
    /// be a number`) or the layer whose size differs, in both languages; the
    /// weights are then unchanged.
    #[wasm_bindgen(js_name = importWeights)]
    pub fn import_weights(&mut self, file: &JsValue) -> Result<(), JsValue> {
        let lab = field(file, "lab");
        if lab.as_string().as_deref() != Some("digits") {
            return Err(bilingual::error(
                "it is not a weights file of the digits lab: its \"lab\" must be \"digits\"",
                "这不是手写数字实验室的权重文件：其中的 \"lab\" 必须是 \"digits\"",
            ));
        }
        let mut values = Vec::new();
        for (index, layer) in items(&field(file, "layers"), "layers")?.iter().enumerate() {
            let weight = numbers(&field(layer, "weight"), &format!("layers[{index}].weight"))?;
            let bias = numbers(&field(layer, "bias"), &format!("layers[{index}].bias"))?;
            values.push((weight, bias));
        }
        let pairs: Vec<(&[f32], &[f32])> = values
            .iter()
            .map(|(w, b)| (w.as_slice(), b.as_slice()))
            .collect();
        self.session
            .import_weights(&pairs)
            .map_err(|error| bilingual::error(&error.en, &error.zh))
    }

    /// Starts the same experiment over: the same split and starting weights.
    pub fn reset(&mut self) -> Result<(), JsValue> {
        let config = self.session.config().clone();
        self.session = DigitsSession::new(config, &self.data).map_err(config_error)?;
        Ok(())
    }

    /// Takes up to `n` updates (fewer if training stops) and returns the mean
    /// loss of the last batch.
    ///
    /// # Errors
    /// When `n` exceeds [`MAX_DIGITS_STEPS_PER_CALL`].
    #[wasm_bindgen(js_name = trainSteps)]
    pub fn train_steps(&mut self, n: u32) -> Result<f32, JsError> {
        if n > MAX_DIGITS_STEPS_PER_CALL {
            return Err(JsError::new(&format!(
                "trainSteps({n}): at most {MAX_DIGITS_STEPS_PER_CALL} updates per call"
            )));
        }
        Ok(self.session.train_steps(u64::from(n)))
    }

    /// The updates left in the current epoch (at least 1).
    #[wasm_bindgen(js_name = stepsLeftInEpoch)]
    pub fn steps_left_in_epoch(&self) -> f64 {
        self.session.steps_left_in_epoch() as f64
    }

    /// Whether training has stopped by itself (early stopping or divergence);
    /// `metrics().stop` says why.
    pub fn stopped(&self) -> bool {
        self.session.stopped().is_some()
    }

    /// Updates taken.
    pub fn step(&self) -> f64 {
        self.session.step() as f64
    }

    /// Epochs completed.
    pub fn epoch(&self) -> f64 {
        self.session.epoch() as f64
    }

    /// Losses, accuracies, per-layer gradient norms and the stop, as the
    /// plane's `metrics()`.
    ///
    /// # Errors
    /// Only if the object cannot be built, which would be a bug.
    pub fn metrics(&self) -> Result<JsValue, JsError> {
        JsMetrics::from(&self.session.metrics()).to_js()
    }

    /// The class probabilities of an 8 x 8 image (64 numbers in [0, 1], row by row).
    ///
    /// # Errors
    /// When the image is not 64 numbers in [0, 1], naming what is wrong.
    pub fn probabilities(&self, pixels: &[f32]) -> Result<Vec<f32>, JsValue> {
        let image = checked_image(pixels).map_err(config_error)?;
        Ok(self.session.probabilities(&image).to_vec())
    }

    /// Each layer's output for one image, input side first, as `{shape, values}`.
    ///
    /// # Errors
    /// When the image is not 64 numbers in [0, 1].
    #[wasm_bindgen(js_name = layerOutputs)]
    pub fn layer_outputs(&self, pixels: &[f32]) -> Result<Array, JsValue> {
        let image = checked_image(pixels).map_err(config_error)?;
        Ok(self
            .session
            .layer_outputs(&image)
            .iter()
            .map(|t| shaped(t.dims(), t.data()))
            .collect())
    }

    /// Every layer as `{kind: "conv"|"dense", shape, weights, parameters}`:
    /// the kernels of each convolution, and each layer's parameter count.
    pub fn layers(&self) -> Array {
        self.session
            .network()
            .layers
            .iter()
            .map(|layer| {
                let object = shaped(layer.weight.dims(), layer.weight.data());
                let kind = match layer.kind {
                    LayerKind::Conv { .. } => "conv",
                    LayerKind::Dense { .. } => "dense",
                };
                set(&object, "kind", &JsValue::from_str(kind));
                set(
                    &object,
                    "parameters",
                    &JsValue::from_f64(layer.parameter_count() as f64),
                );
                JsValue::from(object)
            })
            .collect()
    }

    /// `counts[truth * 10 + predicted]` over the test set.
    pub fn confusion(&self) -> Vec<u32> {
        self.session.confusion().iter().flatten().copied().collect()
    }

    /// The misclassified test images as `[test index, predicted digit, …]` pairs.
    pub fn misclassified(&self) -> Vec<u32> {
        self.session
            .misclassified()
            .iter()
            .flat_map(|&(index, predicted)| [index as u32, predicted as u32])
            .collect()
    }

    /// Test accuracy on test images shifted `pixels` pixels (0 to 3) four ways.
    #[wasm_bindgen(js_name = shiftedAccuracy)]
    pub fn shifted_accuracy(&self, pixels: u32) -> f32 {
        self.session.shifted_accuracy(pixels as usize)
    }

    /// How many test images there are.
    #[wasm_bindgen(js_name = testCount)]
    pub fn test_count(&self) -> u32 {
        self.session.test_set().len() as u32
    }

    /// Test image `index`'s 64 pixels (empty past the end).
    #[wasm_bindgen(js_name = testImage)]
    pub fn test_image(&self, index: u32) -> Vec<f32> {
        let set = self.session.test_set();
        let index = index as usize;
        match index < set.len() {
            true => set.image(index).to_vec(),
            false => Vec::new(),
        }
    }

    /// Test image `index`'s digit (10 past the end).
    #[wasm_bindgen(js_name = testLabel)]
    pub fn test_label(&self, index: u32) -> u32 {
        self.session
            .test_set()
            .labels
            .get(index as usize)
            .map_or(10, |&label| label as u32)
    }
}

/// `{shape, values}` with the values as a `Float32Array`.
fn shaped(shape: &[usize], values: &[f32]) -> Object {
    let object = Object::new();
    let dims: Array = shape.iter().map(|&d| JsValue::from_f64(d as f64)).collect();
    set(&object, "shape", &dims);
    set(&object, "values", &Float32Array::from(values));
    object
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // setting a property on a fresh plain object cannot fail
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn config_error(error: ConfigError) -> JsValue {
    bilingual::config_errors([&error])
}

/// Property `key` of `value`; `undefined` when it is missing or `value` is no object.
fn field(value: &JsValue, key: &str) -> JsValue {
    if value.is_object() {
        Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// The items of the array at `at` in a weights file.
fn items(value: &JsValue, at: &str) -> Result<Vec<JsValue>, JsValue> {
    value
        .dyn_ref::<Array>()
        .map(|array| array.iter().collect())
        .ok_or_else(|| {
            bilingual::error(
                &format!("{at} must be an array [...]"),
                &format!("{at} 必须是数组 [...]"),
            )
        })
}

/// The numbers of the array at `at`, as f32.
fn numbers(value: &JsValue, at: &str) -> Result<Vec<f32>, JsValue> {
    items(value, at)?
        .iter()
        .enumerate()
        .map(|(index, item)| {
            item.as_f64().map(|v| v as f32).ok_or_else(|| {
                bilingual::error(
                    &format!("{at}[{index}] must be a number"),
                    &format!("{at}[{index}] 必须是数字"),
                )
            })
        })
        .collect()
}
