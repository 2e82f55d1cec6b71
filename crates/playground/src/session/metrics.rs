//! What the page and the CLI read after training: losses, accuracies, the
//! per-layer gradient picture, the best epoch and why training stopped.

use alloc::string::String;
use alloc::vec::Vec;

use super::Session;

/// The gradient health of one layer at the last update.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LayerStats {
    /// `|dL/dW|`, the L2 norm of the weight gradient.
    pub grad_norm: f32,
    /// `|W|`, the L2 norm of the weights after the update.
    pub weight_norm: f32,
    /// `|update| / |W|` for the weights.
    pub update_ratio: f32,
}

/// Why training stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum Stop {
    /// Early stopping ran out of patience; the best epoch's weights were restored.
    EarlyStopped {
        /// The epoch at which it stopped.
        epoch: u64,
        /// The epoch whose weights were restored.
        best_epoch: u64,
    },
    /// The loss or a weight stopped being finite; the last finite weights were kept.
    Diverged {
        /// The update at which it happened.
        step: u64,
        /// The setting most likely to blame.
        cause: Cause,
        /// The mean loss of the batch of that update, before the weights were
        /// restored: huge, or not finite at all.
        loss: f32,
        /// What happened, its likely cause and what to try.
        message: String,
        /// The same in Chinese.
        message_zh: String,
    },
}

/// What most likely made training diverge, read from how it happened (see
/// `Session::divergence_cause`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// The steps were too large: the learning rate.
    LearningRate,
    /// The starting weights were too large: the initial scale (or the
    /// initialisation for the network's width).
    InitScale,
}

impl Cause {
    /// The key of the setting to blame, as links spell it.
    pub fn key(self) -> &'static str {
        match self {
            Cause::LearningRate => "learningRate",
            Cause::InitScale => "initScale",
        }
    }
}

impl Stop {
    /// The loss or the gradients stopped being finite at update `step`, whose
    /// batch lost `loss`, and the weights before it were kept; `hint` says
    /// what to try, in English and Chinese.
    pub(crate) fn weights_diverged(step: u64, cause: Cause, loss: f32, hint: [&str; 2]) -> Stop {
        let [hint, hint_zh] = hint;
        Stop::Diverged {
            step,
            cause,
            loss,
            message: alloc::format!(
                "Training diverged at update {step}: the loss or the gradients stopped being finite. The weights before that update were kept. {hint}"
            ),
            message_zh: alloc::format!(
                "训练在第 {step} 次更新时发散：损失或梯度不再是有限数。已保留那次更新之前的权重。{hint_zh}"
            ),
        }
    }

    /// A sentence for the learner.
    pub fn message(&self) -> String {
        match self {
            Stop::EarlyStopped { epoch, best_epoch } => alloc::format!(
                "Early stopping at epoch {epoch}: the test loss has not improved since epoch {best_epoch}, whose weights were restored."
            ),
            Stop::Diverged { message, .. } => message.clone(),
        }
    }

    /// The same sentence in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            Stop::EarlyStopped { epoch, best_epoch } => alloc::format!(
                "第 {epoch} 轮提前停止：测试损失自第 {best_epoch} 轮起不再下降，已恢复那一轮的权重。"
            ),
            Stop::Diverged { message_zh, .. } => message_zh.clone(),
        }
    }
}

/// Loss and accuracy over the whole training and test sets, in evaluation
/// mode (no dropout, no augmentation).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evaluation {
    /// Mean loss over the training set, penalty excluded.
    pub train_loss: f32,
    /// Mean loss over the test set.
    pub test_loss: f32,
    /// Fraction of training points classified right (`None` for regression).
    pub train_accuracy: Option<f32>,
    /// Fraction of test points classified right (`None` for regression).
    pub test_accuracy: Option<f32>,
}

/// Everything about the session's progress at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// Updates taken.
    pub step: u64,
    /// Epochs completed.
    pub epoch: u64,
    /// The learning rate the schedule gives now.
    pub learning_rate: f32,
    /// Mean loss of the last batch (NaN before the first step).
    pub batch_loss: f32,
    /// Whole-set losses and accuracies.
    pub evaluation: Evaluation,
    /// Per layer, input side first: gradient norms and update ratios.
    pub layers: Vec<LayerStats>,
    /// The epoch with the lowest test loss so far (early stopping on).
    pub best_epoch: Option<u64>,
    /// Why training stopped, if it did.
    pub stop: Option<Stop>,
}

impl Session {
    /// Losses and accuracies over the whole training and test sets.
    pub fn evaluate(&self) -> Evaluation {
        let (train_loss, train_accuracy) = self.score(&self.train);
        let (test_loss, test_accuracy) = self.score(&self.test);
        Evaluation {
            train_loss,
            test_loss,
            train_accuracy,
            test_accuracy,
        }
    }

    /// The session's progress now.
    pub fn metrics(&self) -> Metrics {
        Metrics {
            step: self.step,
            epoch: self.epoch,
            learning_rate: self.learning_rate(),
            batch_loss: self.batch_loss,
            evaluation: self.evaluate(),
            layers: self.layer_stats.clone(),
            best_epoch: self.best.as_ref().map(|(epoch, _, _)| *epoch),
            stop: self.stop.clone(),
        }
    }

    /// Mean loss and accuracy of the current network on `set`.
    fn score(&self, set: &super::Examples) -> (f32, Option<f32>) {
        let rows = set.len();
        if rows == 0 {
            return (0.0, self.objective.classes().map(|_| 0.0));
        }
        let mut outputs = Vec::new();
        self.model.forward_layers(&set.inputs, rows, &mut outputs);
        let Some(prediction) = outputs.last() else {
            return (0.0, None);
        };
        let units = self.config.output_units();
        let mut total = 0.0;
        let mut right = 0usize;
        for (i, row) in prediction.chunks_exact(units).enumerate() {
            let label = set.labels[i];
            total +=
                self.objective
                    .example_loss(row, &set.targets[i * units..(i + 1) * units], label);
            right += usize::from(self.objective.predicted_class(row) == label);
        }
        let accuracy = self.objective.classes().map(|_| right as f32 / rows as f32);
        (total / rows as f32, accuracy)
    }
}
