//! The `AttentionLab` handle: one `playground::attention::AttentionSession`
//! for the attention lab's page, built from a link. Converts arguments,
//! results and errors; every decision (tasks, attention, walks, knock-outs,
//! prompts) is the session's.

use js_sys::{Array, Float32Array, Object, Uint16Array};
use playground::attention::{AttentionSession, EPOCH_STEPS, TestReport};
use playground::{Config, ConfigError};
use wasm_bindgen::prelude::{JsError, JsValue, wasm_bindgen};

use crate::bilingual;
use crate::js_values::{number, set};
use crate::lab_session::{LabSession, config_error, lab_handle_basics};
use crate::metrics::JsMetrics;

/// The most updates one `trainSteps` call may take, so one call stays bounded.
pub const MAX_ATTENTION_STEPS_PER_CALL: u32 = 1000;
/// How many next words `predict` lists, most likely first.
const TOP_TOKENS: usize = 10;

/// One attention experiment being trained, for the page.
#[wasm_bindgen]
#[derive(Debug)]
pub struct AttentionLab {
    session: AttentionSession,
}

lab_handle_basics!(AttentionLab);

#[wasm_bindgen]
impl AttentionLab {
    /// Takes up to `n` updates (fewer if training stops) and returns the mean
    /// loss of the last batch.
    ///
    /// # Errors
    /// When `n` exceeds [`MAX_ATTENTION_STEPS_PER_CALL`], in both languages.
    #[wasm_bindgen(js_name = trainSteps)]
    pub fn train_steps(&mut self, n: u32) -> Result<f32, JsValue> {
        if n > MAX_ATTENTION_STEPS_PER_CALL {
            return Err(bilingual::error(
                &format!(
                    "trainSteps({n}): at most {MAX_ATTENTION_STEPS_PER_CALL} updates per call"
                ),
                &format!("trainSteps({n})：每次调用最多 {MAX_ATTENTION_STEPS_PER_CALL} 次更新"),
            ));
        }
        Ok(self.session.train_steps(u64::from(n)))
    }

    /// The updates left in the current epoch (an epoch is a fixed number of them).
    #[wasm_bindgen(js_name = stepsLeftInEpoch)]
    pub fn steps_left_in_epoch(&self) -> f64 {
        (EPOCH_STEPS - self.session.step() % EPOCH_STEPS) as f64
    }

    /// The network's weights and biases.
    #[wasm_bindgen(js_name = parameterCount)]
    pub fn parameter_count(&self) -> f64 {
        self.session.model().parameter_count() as f64
    }

    /// The labs' metrics (losses, per-token accuracies, per-layer gradient
    /// norms, the stop) plus `exactMatch` (the share of test sequences right
    /// at every position; `null` for the text task), `positionAccuracy` (a
    /// `Float32Array`, one per position) and `gradientNorm` (the last
    /// update's global norm).
    ///
    /// # Errors
    /// Only if the object cannot be built, which would be a bug.
    pub fn metrics(&self) -> Result<JsValue, JsError> {
        let (metrics, report) = self.session.metrics_and_report();
        let object = JsMetrics::from(&metrics).to_js()?;
        self.put_report(&object, &report);
        set(
            &object,
            "gradientNorm",
            &number(self.session.gradient_norm()),
        );
        Ok(object)
    }

    /// The tokens, a token's id being its index: the digits 0–9 for the
    /// symbol tasks, the text's words for the text task.
    pub fn vocabulary(&self) -> Array {
        self.session
            .vocabulary()
            .iter()
            .map(|&token| JsValue::from_str(token))
            .collect()
    }

    /// Test sequence `example` (wrapped to the test set's size), as token ids.
    #[wasm_bindgen(js_name = testExample)]
    pub fn test_example(&self, example: u32) -> Uint16Array {
        Uint16Array::from(self.session.test_example(example as usize))
    }

    /// Test sequence `example`'s targets (wrapped to the test set's size), as
    /// token ids: the symbol task's answer, or each word's next word.
    #[wasm_bindgen(js_name = testTarget)]
    pub fn test_target(&self, example: u32) -> Uint16Array {
        Uint16Array::from(self.session.test_target(example as usize))
    }

    /// How the test set comes out now, from one pass over it and nothing
    /// else: `{testAccuracy, exactMatch, positionAccuracy}` (for checks of
    /// accuracy between updates, cheaper than `metrics`).
    #[wasm_bindgen(js_name = testReport)]
    pub fn test_report(&self) -> Object {
        self.report_object(&self.session.test_report())
    }

    /// What a symbol task should answer to `input` (`input` itself for text).
    pub fn expected(&self, input: &[u16]) -> Uint16Array {
        Uint16Array::from(self.session.expected(input).as_slice())
    }

    /// Every head's attention over `input` (token ids), as `{input, answers,
    /// layers: [Float32Array [heads, T, T]], heads, length}`.
    ///
    /// # Errors
    /// An input of the wrong length or with unknown tokens, naming `input`.
    pub fn read(&self, input: &[u16]) -> Result<Object, JsValue> {
        let reading = self.session.read(input).map_err(config_error)?;
        let object = Object::new();
        set(
            &object,
            "input",
            &Uint16Array::from(reading.input.as_slice()),
        );
        set(
            &object,
            "answers",
            &Uint16Array::from(reading.answers.as_slice()),
        );
        let layers: Array = reading
            .attention
            .iter()
            .map(|matrix| JsValue::from(Float32Array::from(matrix.as_slice())))
            .collect();
        set(&object, "layers", &layers);
        set(
            &object,
            "heads",
            &JsValue::from_f64(self.session.config().attention.heads as f64),
        );
        set(
            &object,
            "length",
            &JsValue::from_f64(reading.input.len() as f64),
        );
        Ok(object)
    }

    /// Head `head` of block `layer` on `input`, step by step, as `{width,
    /// queries, keys, values, scores, weights, mixed}` (`Float32Array`s row by
    /// row; masked scores are `-Infinity`).
    ///
    /// # Errors
    /// As [`AttentionLab::read`], and naming `layer` or `head` when there is none.
    #[wasm_bindgen(js_name = headWalk)]
    pub fn head_walk(&self, input: &[u16], layer: u32, head: u32) -> Result<Object, JsValue> {
        let walk = self
            .session
            .head_walk(input, layer as usize, head as usize)
            .map_err(config_error)?;
        let object = Object::new();
        set(&object, "width", &JsValue::from_f64(walk.width as f64));
        for (key, values) in [
            ("queries", &walk.queries),
            ("keys", &walk.keys),
            ("values", &walk.values),
            ("scores", &walk.scores),
            ("weights", &walk.weights),
            ("mixed", &walk.mixed),
        ] {
            set(&object, key, &Float32Array::from(values.as_slice()));
        }
        Ok(object)
    }

    /// The test set with the heads `knocked` silenced (pairs of block and
    /// head, flattened: `[layer0, head0, layer1, head1, …]`), as
    /// `{testAccuracy, exactMatch, positionAccuracy}`. Pairs outside the
    /// network are ignored.
    #[wasm_bindgen(js_name = knockOut)]
    pub fn knock_out(&self, knocked: &[u32]) -> Object {
        let pairs: Vec<(usize, usize)> = knocked
            .chunks_exact(2)
            .map(|pair| (pair[0] as usize, pair[1] as usize))
            .collect();
        self.report_object(&self.session.knock_out(&pairs))
    }

    /// The [`TOP_TOKENS`] most likely words after `prompt`, most likely
    /// first, as `{token, probability}` (empty for an empty prompt).
    ///
    /// # Errors
    /// A part of the prompt that is no word of the corpus, a prompt over 200
    /// characters, or a symbol task, naming `prompt`, in both languages.
    pub fn predict(&self, prompt: &str) -> Result<Array, JsValue> {
        let ids = self.session.tokenize(prompt).map_err(config_error)?;
        let probabilities = self.session.next_token_probabilities(&ids);
        let mut order: Vec<usize> = (0..probabilities.len()).collect();
        order.sort_by(|&a, &b| probabilities[b].total_cmp(&probabilities[a]));
        let vocabulary = self.session.vocabulary();
        Ok(order
            .iter()
            .take(TOP_TOKENS)
            .map(|&id| {
                let entry = Object::new();
                let token = vocabulary.get(id).copied().unwrap_or("");
                set(&entry, "token", &JsValue::from_str(token));
                set(&entry, "probability", &number(probabilities[id]));
                JsValue::from(entry)
            })
            .collect())
    }

    /// `count` words (at most 200) written after `prompt` at `temperature`
    /// (clamped to 0.05..5) with `seed`'s random numbers, as text.
    ///
    /// # Errors
    /// As [`AttentionLab::predict`].
    pub fn sample(
        &self,
        prompt: &str,
        temperature: f32,
        count: u32,
        seed: f64,
    ) -> Result<String, JsValue> {
        let ids = self.session.tokenize(prompt).map_err(config_error)?;
        let seed = if seed.is_finite() {
            seed.abs() as u64
        } else {
            0
        };
        let written = self.session.sample(&ids, temperature, count as usize, seed);
        Ok(self.session.detokenize(&written))
    }
}

impl AttentionLab {
    /// `{testAccuracy, exactMatch, positionAccuracy}` of `report`.
    fn report_object(&self, report: &TestReport) -> Object {
        let object = Object::new();
        set(&object, "testAccuracy", &number(report.token_accuracy));
        self.put_report(&object, report);
        object
    }

    /// Puts `exactMatch` (`null` for text) and `positionAccuracy` on `object`.
    fn put_report(&self, object: &JsValue, report: &TestReport) {
        let exact = match self.session.config().attention.task.is_text() {
            true => JsValue::NULL,
            false => number(report.exact_match),
        };
        set(object, "exactMatch", &exact);
        set(
            object,
            "positionAccuracy",
            &Float32Array::from(report.positions.as_slice()),
        );
    }
}

impl LabSession for AttentionSession {
    fn open(config: Config) -> Result<Self, ConfigError> {
        AttentionSession::new(config)
    }
    fn settings(&self) -> &Config {
        self.config()
    }
    fn retune(&mut self, config: Config) -> Result<bool, ConfigError> {
        self.set_config(config)
    }
}
