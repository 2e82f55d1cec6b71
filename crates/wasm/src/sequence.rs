//! The `SequenceLab` handle: one `playground::sequence::SequenceSession` for
//! the sequence lab's page, built from a link. Converts arguments, results and
//! errors; every decision (tokens, probabilities, sampling, traces) is the session's.

use js_sys::{Array, Float32Array, Object};
use playground::sequence::{EPOCH_STEPS, SequenceSession, config::Task};
use playground::settings::{Named, index_of};
use playground::{Config, ConfigError};
use wasm_bindgen::prelude::{JsError, JsValue, wasm_bindgen};

use crate::bilingual;
use crate::js_values::{number, set};
use crate::lab_session::{LabSession, config_error, lab_handle_basics};
use crate::metrics::JsMetrics;

/// The most updates one `trainSteps` call may take, so one call stays bounded.
pub const MAX_SEQUENCE_STEPS_PER_CALL: u32 = 1000;
/// How many next tokens `predict` lists, most likely first.
const TOP_TOKENS: usize = 10;

/// One sequence experiment being trained, for the page.
#[wasm_bindgen]
#[derive(Debug)]
pub struct SequenceLab {
    session: SequenceSession,
}

lab_handle_basics!(SequenceLab);

#[wasm_bindgen]
impl SequenceLab {
    /// Takes up to `n` updates (fewer if training stops) and returns the mean
    /// loss of the last batch.
    ///
    /// # Errors
    /// When `n` exceeds [`MAX_SEQUENCE_STEPS_PER_CALL`], in both languages.
    #[wasm_bindgen(js_name = trainSteps)]
    pub fn train_steps(&mut self, n: u32) -> Result<f32, JsValue> {
        if n > MAX_SEQUENCE_STEPS_PER_CALL {
            return Err(bilingual::error(
                &format!("trainSteps({n}): at most {MAX_SEQUENCE_STEPS_PER_CALL} updates per call"),
                &format!("trainSteps({n})：每次调用最多 {MAX_SEQUENCE_STEPS_PER_CALL} 次更新"),
            ));
        }
        Ok(self.session.train_steps(u64::from(n)))
    }

    /// The updates left in the current epoch (an epoch is a fixed number of them).
    #[wasm_bindgen(js_name = stepsLeftInEpoch)]
    pub fn steps_left_in_epoch(&self) -> f64 {
        (EPOCH_STEPS - self.session.step() % EPOCH_STEPS) as f64
    }

    /// The last update's global gradient norm before clipping (0 before the
    /// first update), without evaluating anything: the page reads it after
    /// every update.
    #[wasm_bindgen(js_name = gradientNorm)]
    pub fn gradient_norm(&self) -> f32 {
        self.session.gradients().norm
    }

    /// Whether clipping scaled the last update down.
    pub fn clipped(&self) -> bool {
        self.session.gradients().clipped
    }

    /// The last update's gradient norm at each time step's hidden state.
    #[wasm_bindgen(js_name = stepGradientNorms)]
    pub fn step_gradient_norms(&self) -> Vec<f32> {
        self.session.gradients().per_step.clone()
    }

    /// The network's weights and biases.
    #[wasm_bindgen(js_name = parameterCount)]
    pub fn parameter_count(&self) -> f64 {
        self.session.model().parameter_count() as f64
    }

    /// The digits lab's metrics (losses, accuracies, per-layer gradient
    /// norms, the stop) plus `baselineLoss` (the loss of ignoring the
    /// sequence), `perplexity` (`exp(testLoss)`, text only, else `null`),
    /// `gradientNorm` (the last update's global norm before clipping),
    /// `clipped` and `stepGradientNorms` (a `Float32Array`, one per time step).
    ///
    /// # Errors
    /// Only if the object cannot be built, which would be a bug.
    pub fn metrics(&self) -> Result<JsValue, JsError> {
        let metrics = self.session.metrics();
        let object = JsMetrics::from(&metrics).to_js()?;
        let gradients = self.session.gradients();
        let test_loss = metrics.evaluation.test_loss;
        let perplexity = match self.session.config().sequence.task {
            Task::Text => number(test_loss.exp()),
            Task::Adding | Task::Reverse => JsValue::NULL,
        };
        set(
            &object,
            "baselineLoss",
            &number(self.session.baseline_loss()),
        );
        set(&object, "perplexity", &perplexity);
        set(&object, "gradientNorm", &number(gradients.norm));
        set(&object, "clipped", &JsValue::from_bool(gradients.clipped));
        set(
            &object,
            "stepGradientNorms",
            &Float32Array::from(gradients.per_step.as_slice()),
        );
        Ok(object)
    }

    /// The text task's tokens, a token's id being its index (empty for adding).
    pub fn vocabulary(&self) -> Array {
        self.session
            .vocabulary()
            .iter()
            .map(|&token| JsValue::from_str(token))
            .collect()
    }

    /// The [`TOP_TOKENS`] most likely tokens after `prompt`, most likely
    /// first, as `{token, probability}` (empty for an empty prompt).
    ///
    /// # Errors
    /// A part of the prompt that is no token of the corpus, a prompt over 200
    /// characters, or the adding task, naming `prompt`, in both languages.
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

    /// `count` tokens (at most 200) written after `prompt` at `temperature`
    /// (clamped to 0.05..5) with `seed`'s random numbers, as text.
    ///
    /// # Errors
    /// As [`SequenceLab::predict`].
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

    /// Test sequence `example` (wrapped to the test set's size) read step by
    /// step, as `{length, hidden, cell: "rnn"|"lstm"|"gru", gates: [{name,
    /// values}], cellState, hiddenState, inputs, outputs, tokens, predicted}`:
    /// each array `[length, hidden]` row by row; `tokens` and `predicted` (the
    /// most likely next token at each step) are the text task's, else empty.
    pub fn trace(&self, example: u32) -> Object {
        let trace = self.session.trace(example as usize);
        let sequence = &self.session.config().sequence;
        let object = Object::new();
        set(
            &object,
            "length",
            &JsValue::from_f64(sequence.length as f64),
        );
        set(
            &object,
            "hidden",
            &JsValue::from_f64(sequence.hidden as f64),
        );
        set(&object, "cell", &JsValue::from_str(name_of(sequence.cell)));
        let gates: Array = sequence
            .cell
            .gates()
            .iter()
            .zip(&trace.gates)
            .map(|(name, values)| {
                let gate = Object::new();
                set(&gate, "name", &JsValue::from_str(name));
                set(&gate, "values", &Float32Array::from(values.as_slice()));
                JsValue::from(gate)
            })
            .collect();
        set(&object, "gates", &gates);
        set(
            &object,
            "cellState",
            &Float32Array::from(trace.cell.as_slice()),
        );
        set(
            &object,
            "hiddenState",
            &Float32Array::from(trace.hidden.as_slice()),
        );
        set(
            &object,
            "inputs",
            &Float32Array::from(trace.inputs.as_slice()),
        );
        set(
            &object,
            "outputs",
            &Float32Array::from(trace.outputs.as_slice()),
        );
        let (tokens, predicted) = match sequence.task {
            Task::Text | Task::Reverse => (self.tokens(&trace.inputs), self.tokens(&trace.outputs)),
            Task::Adding => (Array::new(), Array::new()),
        };
        set(&object, "tokens", &tokens);
        set(&object, "predicted", &predicted);
        object
    }
}

impl SequenceLab {
    /// The tokens whose ids `ids` holds (as the trace gives them, in f32).
    fn tokens(&self, ids: &[f32]) -> Array {
        ids.iter()
            .map(|&id| JsValue::from_str(&self.session.detokenize(&[id as u16])))
            .collect()
    }
}

/// A choice's link spelling (`lstm`).
fn name_of<T: Named>(value: T) -> &'static str {
    T::NAMES.get(index_of(value)).copied().unwrap_or("")
}

impl LabSession for SequenceSession {
    fn open(config: Config) -> Result<Self, ConfigError> {
        SequenceSession::new(config)
    }
    fn settings(&self) -> &Config {
        self.config()
    }
    fn retune(&mut self, config: Config) -> Result<bool, ConfigError> {
        self.set_config(config)
    }
}
