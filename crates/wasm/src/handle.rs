//! The `Playground` handle: one `playground::Session` behind coarse calls
//! (train, read metrics, predict a grid, paint it, list the points). Converts
//! arguments, results and errors; every decision is the session's.

use js_sys::{Float32Array, Uint8ClampedArray};
use playground::{Config, ConfigError, Session, colors};
use wasm_bindgen::prelude::{JsError, JsValue, wasm_bindgen};

use crate::bilingual;
use crate::budget::Limits;
use crate::metrics::JsMetrics;
use crate::options::{Entries, Spelled};

/// One experiment being trained, for the page.
///
/// Build it from a config object (`new Playground({dataset: "spiral"})`) or a
/// share link (`Playground.fromQuery("dataset=spiral")`); both go through the
/// same parser, so they give the same numbers bit for bit.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Playground {
    pub(crate) session: Session,
    warnings: Vec<String>,
    rgba: Vec<u8>,
}

#[wasm_bindgen]
impl Playground {
    /// A playground from a config object whose keys are the share-link keys and
    /// whose values are numbers, booleans, strings or arrays
    /// (`{dataset: "spiral", learningRate: 0.03, networkShape: [8, 8]}`);
    /// `null`/`undefined` values and a missing object mean the defaults.
    /// Unknown keys are ignored and listed by `warnings()`.
    ///
    /// # Errors
    /// One line per bad setting: `key=value: what is allowed`.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Playground, JsValue> {
        let entries = if config.is_null() || config.is_undefined() {
            Entries::default()
        } else {
            Entries::from_js(&config).ok_or_else(|| {
                bilingual::error(
                    "a config must be an object of settings, like {dataset: \"spiral\", learningRate: 0.03}",
                    "配置须为设置组成的对象，例如 {dataset: \"spiral\", learningRate: 0.03}",
                )
            })?
        };
        Self::build(entries.spell())
    }

    /// A playground from a share link: a whole URL, the part after `#` or `?`,
    /// or the bare query. Strict: use `parseLink` first to read a link leniently.
    ///
    /// # Errors
    /// One line per bad setting: `key=value: what is allowed`.
    #[wasm_bindgen(js_name = fromQuery)]
    pub fn from_query(link: &str) -> Result<Playground, JsValue> {
        Self::build(Spelled {
            query: link.to_owned(),
            errors: Vec::new(),
        })
    }

    /// The keys that were ignored when this playground was built, one sentence each.
    pub fn warnings(&self) -> Vec<String> {
        self.warnings.clone()
    }

    /// Takes up to `n` updates (fewer if training stops) and returns the mean
    /// loss of the last batch (NaN before the first update).
    ///
    /// # Errors
    /// When `n` exceeds `maxSteps`.
    #[wasm_bindgen(js_name = trainSteps)]
    pub fn train_steps(&mut self, n: u32) -> Result<f32, JsError> {
        check_count("trainSteps", "updates", n, self.max_steps())?;
        Ok(self.session.train_steps(u64::from(n)))
    }

    /// Trains `n` more whole epochs (fewer if training stops) and returns the
    /// mean loss of the last batch.
    ///
    /// # Errors
    /// When `n` exceeds `maxEpochs`.
    #[wasm_bindgen(js_name = trainEpochs)]
    pub fn train_epochs(&mut self, n: u32) -> Result<f32, JsError> {
        check_count("trainEpochs", "epochs", n, self.max_epochs())?;
        Ok(self.session.train_epochs(u64::from(n)))
    }

    /// The progress now, as `{step, epoch, learningRate, batchLoss, trainLoss,
    /// testLoss, trainAccuracy, testAccuracy, layers: [{gradNorm, weightNorm,
    /// updateRatio}], bestEpoch, stop: {reason, message, step, epoch,
    /// bestEpoch}}`; accuracies are fractions, and every missing or non-finite
    /// number is `null` (`stop` is `null` while training can go on).
    ///
    /// # Errors
    /// Only if building the JS object fails.
    pub fn metrics(&self) -> Result<JsValue, JsError> {
        JsMetrics::from(&self.session.metrics()).to_js()
    }

    /// The class probabilities over a `width x height` grid of the plane, pixel
    /// by pixel from the top-left, `classCount` numbers per pixel (one
    /// prediction per pixel for regression). Pixel `(i, j)` is the point
    /// `x = -E + 2E (i + 0.5) / width`, `y = E - 2E (j + 0.5) / height` with
    /// `E = gridExtent()`.
    ///
    /// # Errors
    /// When the grid is empty or has more than `maxGridPixels` pixels.
    #[wasm_bindgen(js_name = predictGrid)]
    pub fn predict_grid(&mut self, width: u32, height: u32) -> Result<Float32Array, JsError> {
        Ok(Float32Array::from(self.outputs(width, height)?))
    }

    /// The grid of `predictGrid` painted as RGBA pixels (4 bytes per pixel,
    /// ready for `new ImageData(rgba, width)`): class colours faded by
    /// confidence, or full colour everywhere with `discretize`.
    ///
    /// # Errors
    /// When the grid is empty or has more than `maxGridPixels` pixels.
    #[wasm_bindgen(js_name = heatmapRgba)]
    pub fn heatmap_rgba(
        &mut self,
        width: u32,
        height: u32,
        discretize: bool,
    ) -> Result<Uint8ClampedArray, JsError> {
        let classes = self.session.objective().classes();
        let mut rgba = core::mem::take(&mut self.rgba);
        let outputs = self.outputs(width, height)?;
        rgba.clear();
        rgba.resize(width as usize * height as usize * 4, 0);
        match classes {
            Some(classes) => colors::class_rgba(outputs, classes, discretize, &mut rgba),
            None => colors::regression_rgba(outputs, discretize, &mut rgba),
        }
        let pixels = Uint8ClampedArray::from(rgba.as_slice());
        self.rgba = rgba;
        Ok(pixels)
    }

    /// Every data point as four numbers `[x, y, label, isTest]`, training
    /// points first (in training order, hand-added points last), then test
    /// points (`isTest` is 1).
    pub fn points(&self) -> Float32Array {
        let train = &self.session.train_set().points;
        let test = &self.session.test_set().points;
        let mut flat = Vec::with_capacity(4 * (train.len() + test.len()));
        for (points, is_test) in [(train, 0.0), (test, 1.0)] {
            for point in points {
                flat.extend([point.x, point.y, point.label, is_test]);
            }
        }
        Float32Array::from(flat.as_slice())
    }

    /// The number of classes, or `undefined` for regression.
    #[wasm_bindgen(getter, js_name = classCount)]
    pub fn class_count(&self) -> Option<u32> {
        self.session
            .objective()
            .classes()
            .and_then(|classes| u32::try_from(classes).ok())
    }

    /// The most updates one `trainSteps` call may take with this network and
    /// batch size, so no call freezes the tab (at least 1).
    #[wasm_bindgen(getter, js_name = maxSteps)]
    pub fn max_steps(&self) -> u32 {
        Limits::of(&self.session).steps
    }

    /// Whether training has stopped (diverged or stopped early; `metrics().stop`
    /// says why): a cheap check between calls, where `metrics()` scores every point.
    #[wasm_bindgen(getter)]
    pub fn stopped(&self) -> bool {
        self.session.stopped().is_some()
    }

    /// The updates left until the current epoch is complete (at least 1): the
    /// page trains an epoch in `trainSteps` calls of at most `maxSteps` that end
    /// there, so an epoch that costs more than one call's budget spreads over frames.
    #[wasm_bindgen(getter, js_name = epochStepsLeft)]
    pub fn epoch_steps_left(&self) -> u32 {
        u32::try_from(self.session.steps_left_in_epoch()).unwrap_or(u32::MAX)
    }

    /// The most epochs one `trainEpochs` call may train with this network (at
    /// least 1, even when one epoch costs more than a call's budget: see `Limits`).
    #[wasm_bindgen(getter, js_name = maxEpochs)]
    pub fn max_epochs(&self) -> u32 {
        Limits::of(&self.session).epochs
    }

    /// The most pixels one `predictGrid` or `heatmapRgba` call may cover with this network.
    #[wasm_bindgen(getter, js_name = maxGridPixels)]
    pub fn max_grid_pixels(&self) -> u32 {
        u32::try_from(Limits::of(&self.session).grid_pixels).unwrap_or(u32::MAX)
    }

    /// Whether the link asks for hard class regions (`discretize`).
    #[wasm_bindgen(getter)]
    pub fn discretize(&self) -> bool {
        self.session.config().discretize
    }

    /// Whether the link asks to draw the test points (`showTestData`).
    #[wasm_bindgen(getter, js_name = showTestData)]
    pub fn show_test_data(&self) -> bool {
        self.session.config().show_test_data
    }

    /// The share link of the current settings (without `#`): `v=1` and every
    /// setting that differs from its default.
    pub fn query(&self) -> String {
        self.session.config().to_query()
    }

    /// Starts over with the same data and the same initial weights.
    pub fn reset(&mut self) {
        self.session.reset();
    }

    /// Starts over with the next weight seed (same data); returns the new
    /// `initSeed`, which `query()` now carries.
    #[wasm_bindgen(js_name = newWeights)]
    pub fn new_weights(&mut self) -> String {
        self.session.new_weights().to_owned()
    }
}

impl Playground {
    /// Parses the spelled query strictly (type errors first, then the
    /// parser's) and builds the session.
    fn build(spelled: Spelled) -> Result<Playground, JsValue> {
        let parsed = Config::parse_query(&spelled.query);
        if !spelled.errors.is_empty() || !parsed.errors.is_empty() {
            let mut en = spelled.errors.clone();
            en.extend(parsed.errors.iter().map(ToString::to_string));
            let mut zh = spelled.errors;
            zh.extend(parsed.errors.iter().map(ConfigError::to_string_zh));
            return Err(bilingual::error(&en.join("\n"), &zh.join("\n")));
        }
        let session =
            Session::new(parsed.config).map_err(|error| bilingual::config_errors([&error]))?;
        Ok(Playground {
            session,
            warnings: parsed.warnings.iter().map(ToString::to_string).collect(),
            rgba: Vec::new(),
        })
    }

    /// The class probabilities of a `width x height` grid, within this
    /// network's pixel budget.
    fn outputs(&mut self, width: u32, height: u32) -> Result<&[f32], JsError> {
        let pixels = u64::from(width) * u64::from(height);
        let most = Limits::of(&self.session).grid_pixels;
        if pixels > most as u64 {
            return Err(JsError::new(&format!(
                "a grid of {width} x {height} is more than the {most} pixels this network may \
                 predict in one call, so the page stays responsive"
            )));
        }
        self.session
            .predict_outputs(width as usize, height as usize)
            .map_err(|message| JsError::new(&message))
    }
}

/// Rejects a count above `max` with a message that says what is allowed.
fn check_count(method: &str, unit: &str, n: u32, max: u32) -> Result<(), JsError> {
    if n > max {
        return Err(JsError::new(&format!(
            "{method}({n}): at most {max} {unit} per call with this network and batch size, \
             so the page stays responsive"
        )));
    }
    Ok(())
}
