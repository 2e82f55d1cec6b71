//! The JSON lines the CLI prints: a metrics line and the closing summary.
//! Owns their field names; the numbers come from the sessions' metrics.

use playground::{Metrics, Stop};
use serde::Serialize;

/// One metrics line (`"kind":"metrics"`), or the body of the summary.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Line {
    kind: &'static str,
    step: u64,
    epoch: u64,
    train_loss: f32,
    test_loss: f32,
    train_accuracy: Option<f32>,
    test_accuracy: Option<f32>,
    learning_rate: f32,
    batch_loss: f32,
    grad_norms: Vec<f32>,
}

/// The last line (`"kind":"summary"`): the metrics and how training ended.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Summary {
    #[serde(flatten)]
    line: Line,
    best_epoch: Option<u64>,
    stop: Option<&'static str>,
    cause: Option<&'static str>,
    diverged_loss: Option<f32>,
    message: Option<String>,
    #[serde(flatten)]
    lab: Option<LabFields>,
}

/// The summary's fields of one lab alone.
#[derive(Serialize)]
#[serde(untagged)]
pub enum LabFields {
    /// The digits lab: the network's size and how it takes shifted test images.
    #[serde(rename_all = "camelCase")]
    Digits {
        /// Weights and biases of the network.
        parameters: usize,
        /// Test accuracy on test images shifted by 0, 1, 2 and 3 pixels.
        shifted_accuracy: Vec<f32>,
    },
    /// The sequence lab: the network's size, the baseline the test loss is
    /// read against, and the last update's gradients.
    #[serde(rename_all = "camelCase")]
    Sequence {
        /// Weights and biases of the network.
        parameters: usize,
        /// The test loss of ignoring the sequence: the unigram cross-entropy
        /// in nats (text) or the MSE of always answering 1.0 (adding).
        baseline_loss: f32,
        /// `exp(testLoss)` for text: the test perplexity.
        perplexity: Option<f32>,
        /// The last update's global gradient norm, before clipping.
        gradient_norm: f32,
        /// Per time step, the norm of the loss's gradient with respect to the hidden state.
        step_gradient_norms: Vec<f32>,
    },
    /// The words lab: the vectors' size and, for the built-in texts, the
    /// figures the lab promises.
    #[serde(rename_all = "camelCase")]
    Words {
        /// Two vectors per word.
        parameters: usize,
        /// The number of words learned.
        vocabulary: usize,
        /// The share of group words whose nearest neighbour is in their group.
        group_neighbours: Option<f32>,
        /// cos(猫, 狗) or cos(cat, dog).
        similar_pair: Option<f32>,
        /// cos(猫, 汽车) or cos(cat, car).
        distant_pair: Option<f32>,
        /// Where 王后 (queen) ranks among the answers to 国王 − 男人 + 女人.
        analogy_rank: Option<usize>,
    },
    /// The attention lab: the network's size and how whole test sequences come out.
    #[serde(rename_all = "camelCase")]
    Attention {
        /// Weights and biases of the network.
        parameters: usize,
        /// The share of test sequences right at every position (symbol tasks).
        exact_match: Option<f32>,
        /// Test accuracy at each position.
        position_accuracy: Vec<f32>,
    },
}

fn line(kind: &'static str, m: &Metrics) -> Line {
    let e = &m.evaluation;
    Line {
        kind,
        step: m.step,
        epoch: m.epoch,
        train_loss: e.train_loss,
        test_loss: e.test_loss,
        train_accuracy: e.train_accuracy,
        test_accuracy: e.test_accuracy,
        learning_rate: m.learning_rate,
        batch_loss: m.batch_loss,
        grad_norms: m.layers.iter().map(|l| l.grad_norm).collect(),
    }
}

/// The metrics line for `metrics`, without a newline.
pub fn metrics_line(metrics: &Metrics) -> String {
    serde_json::to_string(&line("metrics", metrics)).unwrap_or_default()
}

/// The summary line for `metrics` and the lab's own fields, without a newline.
pub fn summary_line(metrics: &Metrics, lab: Option<LabFields>) -> String {
    let stop = metrics.stop.as_ref().map(|stop| match stop {
        Stop::EarlyStopped { .. } => "earlyStopped",
        Stop::Diverged { .. } => "diverged",
    });
    let (cause, diverged_loss) = match metrics.stop {
        Some(Stop::Diverged { cause, loss, .. }) => (Some(cause.key()), Some(loss)),
        _ => (None, None),
    };
    let summary = Summary {
        line: line("summary", metrics),
        best_epoch: metrics.best_epoch,
        stop,
        cause,
        diverged_loss,
        message: metrics.stop.as_ref().map(Stop::message),
        lab,
    };
    serde_json::to_string(&summary).unwrap_or_default()
}
