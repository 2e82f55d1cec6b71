//! `playground::Metrics` as a plain JS object: camelCase fields, counts as
//! numbers, and `null` wherever a number is missing or not finite. Written as
//! JSON text and parsed by the browser in one call; each f32 reads back as the
//! same number it widens to.

use js_sys::JSON;
use playground::{Metrics, Stop};
use wasm_bindgen::{JsError, JsValue};

use crate::json_writer::JsonObject;

/// The JS shape of [`Metrics`], flattened: the evaluation's fields sit at the top.
#[derive(Debug, PartialEq)]
pub struct JsMetrics {
    /// Updates taken.
    pub step: f64,
    /// Epochs completed.
    pub epoch: f64,
    /// The learning rate the schedule gives now.
    pub learning_rate: Option<f32>,
    /// Mean loss of the last batch (`null` before the first step).
    pub batch_loss: Option<f32>,
    /// Mean loss over the training set.
    pub train_loss: Option<f32>,
    /// Mean loss over the test set.
    pub test_loss: Option<f32>,
    /// Fraction of training points classified right (`null` for regression).
    pub train_accuracy: Option<f32>,
    /// Fraction of test points classified right (`null` for regression).
    pub test_accuracy: Option<f32>,
    /// Per layer, input side first.
    pub layers: Vec<JsLayer>,
    /// The epoch with the lowest test loss so far (early stopping on), or `null`.
    pub best_epoch: Option<f64>,
    /// Why training stopped, or `null`.
    pub stop: Option<JsStop>,
}

/// The gradient health of one layer at the last update.
#[derive(Debug, PartialEq)]
pub struct JsLayer {
    /// `|dL/dW|`.
    pub grad_norm: Option<f32>,
    /// `|W|`.
    pub weight_norm: Option<f32>,
    /// `|update| / |W|`.
    pub update_ratio: Option<f32>,
}

/// Why training stopped.
#[derive(Debug, PartialEq)]
pub struct JsStop {
    /// `"earlyStopped"` or `"diverged"`.
    pub reason: &'static str,
    /// A sentence for the learner.
    pub message: String,
    /// The same sentence in Chinese.
    pub message_zh: String,
    /// The update at which training diverged (`null` for early stopping).
    pub step: Option<f64>,
    /// The setting a divergence blames, `"learningRate"` or `"initScale"`
    /// (`null` for early stopping).
    pub cause: Option<&'static str>,
    /// The batch loss a divergence reached at its last update (`null` for
    /// early stopping, and when that loss is not finite).
    pub loss: Option<f32>,
    /// The epoch at which early stopping stopped (`null` when diverged).
    pub epoch: Option<f64>,
    /// The epoch whose weights early stopping restored (`null` when diverged).
    pub best_epoch: Option<f64>,
}

impl From<&Metrics> for JsMetrics {
    fn from(metrics: &Metrics) -> Self {
        let evaluation = &metrics.evaluation;
        Self {
            step: count(metrics.step),
            epoch: count(metrics.epoch),
            learning_rate: finite(metrics.learning_rate),
            batch_loss: finite(metrics.batch_loss),
            train_loss: finite(evaluation.train_loss),
            test_loss: finite(evaluation.test_loss),
            train_accuracy: evaluation.train_accuracy.and_then(finite),
            test_accuracy: evaluation.test_accuracy.and_then(finite),
            layers: metrics
                .layers
                .iter()
                .map(|layer| JsLayer {
                    grad_norm: finite(layer.grad_norm),
                    weight_norm: finite(layer.weight_norm),
                    update_ratio: finite(layer.update_ratio),
                })
                .collect(),
            best_epoch: metrics.best_epoch.map(count),
            stop: metrics.stop.as_ref().map(JsStop::from),
        }
    }
}

impl From<&Stop> for JsStop {
    fn from(stop: &Stop) -> Self {
        let (message, message_zh) = (stop.message(), stop.message_zh());
        match *stop {
            Stop::EarlyStopped { epoch, best_epoch } => Self {
                reason: "earlyStopped",
                message,
                message_zh,
                step: None,
                cause: None,
                loss: None,
                epoch: Some(count(epoch)),
                best_epoch: Some(count(best_epoch)),
            },
            Stop::Diverged {
                step, cause, loss, ..
            } => Self {
                reason: "diverged",
                message,
                message_zh,
                step: Some(count(step)),
                cause: Some(cause.key()),
                loss: finite(loss),
                epoch: None,
                best_epoch: None,
            },
        }
    }
}

impl JsMetrics {
    /// The plain JS object.
    ///
    /// # Errors
    /// Only if the browser cannot parse the JSON text, which would be a bug.
    pub fn to_js(&self) -> Result<JsValue, JsError> {
        JSON::parse(&self.to_json())
            .map_err(|_| JsError::new("metrics: the JSON text could not be read"))
    }

    /// The object as JSON text, fields in declaration order.
    fn to_json(&self) -> String {
        let mut text = String::new();
        let mut object = JsonObject::open(&mut text);
        object.number("step", self.step);
        object.number("epoch", self.epoch);
        let numbers = [
            ("learningRate", self.learning_rate),
            ("batchLoss", self.batch_loss),
            ("trainLoss", self.train_loss),
            ("testLoss", self.test_loss),
            ("trainAccuracy", self.train_accuracy),
            ("testAccuracy", self.test_accuracy),
        ];
        for (key, value) in numbers {
            object.number_or_null(key, value.map(f64::from));
        }
        let mut layers = object.array("layers");
        for layer in &self.layers {
            let mut entry = layers.object();
            entry.number_or_null("gradNorm", layer.grad_norm.map(f64::from));
            entry.number_or_null("weightNorm", layer.weight_norm.map(f64::from));
            entry.number_or_null("updateRatio", layer.update_ratio.map(f64::from));
            entry.close();
        }
        layers.close();
        object.number_or_null("bestEpoch", self.best_epoch);
        match &self.stop {
            Some(stop) => stop.write(object.object("stop")),
            None => object.null("stop"),
        }
        object.close();
        text
    }
}

impl JsStop {
    /// Fills and closes `object` with the stop's fields.
    fn write(&self, mut object: JsonObject<'_>) {
        object.text("reason", self.reason);
        object.text("message", &self.message);
        object.text("messageZh", &self.message_zh);
        object.number_or_null("step", self.step);
        object.text_or_null("cause", self.cause);
        object.number_or_null("loss", self.loss.map(f64::from));
        object.number_or_null("epoch", self.epoch);
        object.number_or_null("bestEpoch", self.best_epoch);
        object.close();
    }
}

/// A count as a JS number (exact up to 2^53, far beyond any session).
fn count(value: u64) -> f64 {
    value as f64
}

/// `Some(value)` when it is finite.
fn finite(value: f32) -> Option<f32> {
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use playground::{Cause, Config, Session};

    #[test]
    fn a_fresh_session_has_no_batch_loss_but_finite_set_losses() {
        let Ok(session) = Session::new(Config::default()) else {
            panic!("the default config builds");
        };
        let metrics = JsMetrics::from(&session.metrics());
        assert_eq!(metrics.step, 0.0);
        assert_eq!(metrics.batch_loss, None);
        assert!(metrics.train_loss.is_some_and(f32::is_finite));
        assert!(metrics.test_accuracy.is_some());
        assert_eq!(metrics.stop, None);
    }

    #[test]
    fn a_diverged_stop_keeps_its_step_cause_loss_and_message() {
        let stop = JsStop::from(&Stop::Diverged {
            step: 7,
            cause: Cause::InitScale,
            loss: 5.1e16,
            message: "the loss is not finite".into(),
            message_zh: "损失不是有限数".into(),
        });
        assert_eq!(stop.reason, "diverged");
        assert_eq!(stop.step, Some(7.0));
        assert_eq!(stop.cause, Some("initScale"));
        assert_eq!(stop.loss, Some(5.1e16));
        assert_eq!(stop.message, "the loss is not finite");
        let infinite = JsStop::from(&Stop::Diverged {
            step: 21,
            cause: Cause::LearningRate,
            loss: f32::INFINITY,
            message: String::new(),
            message_zh: String::new(),
        });
        assert_eq!(infinite.cause, Some("learningRate"));
        assert_eq!(infinite.loss, None);
    }

    #[test]
    fn the_exploding_gradients_lessons_give_their_causes() {
        for (link, cause) in [
            (
                "problem=regression&networkShape=8,8,8,8,8,8&initScale=2",
                "initScale",
            ),
            (
                "problem=regression&networkShape=8,8,8,8,8,8&activation=tanh&learningRate=2",
                "learningRate",
            ),
        ] {
            let mut session = Config::from_query(link)
                .map_err(|e| e.to_string())
                .and_then(|config| Session::new(config).map_err(|e| e.to_string()))
                .unwrap_or_else(|e| panic!("{link}: {e}"));
            session.train_steps(200);
            let metrics = JsMetrics::from(&session.metrics());
            let Some(stop) = metrics.stop else {
                panic!("{link} diverges");
            };
            assert_eq!(stop.cause, Some(cause), "{link}");
            assert!(stop.loss.is_none_or(|loss| loss > 1e10), "{link}: {stop:?}");
        }
    }
}
