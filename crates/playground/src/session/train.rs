//! Training steps: batches in order through the training set, the scheduled
//! learning rate, the weight penalty, early stopping and noticing divergence.
//! Owns the update loop; what the outputs mean is `Objective`'s, what a
//! divergence means is `divergence`'s.

use tensor::nn::{Penalty, PenaltyKind};

use super::{Cause, LayerStats, Session, Stop, early_stop};
use crate::config::Regularization;

impl Session {
    /// Takes up to `steps` updates (fewer if training stops) and returns the
    /// mean loss of the last batch, penalty excluded.
    pub fn train_steps(&mut self, steps: u64) -> f32 {
        self.schedule_learning_rate();
        for _ in 0..steps {
            if self.stop.is_some() {
                break;
            }
            self.train_one_step();
        }
        self.batch_loss
    }

    /// Trains until `epochs` more epochs are complete (or training stops) and
    /// returns the mean loss of the last batch.
    pub fn train_epochs(&mut self, epochs: u64) -> f32 {
        let target = self.epoch + epochs;
        self.schedule_learning_rate();
        while self.epoch < target && self.stop.is_none() {
            self.train_one_step();
        }
        self.batch_loss
    }

    /// The updates left until the current epoch is complete (at least 1): a
    /// caller that trains in short calls uses it to end them where
    /// `train_epochs(1)` would.
    pub fn steps_left_in_epoch(&self) -> u64 {
        let left = self.train.len().saturating_sub(self.cursor);
        let batch = self.config.batch_size.max(1);
        (left.div_ceil(batch) as u64).max(1)
    }

    /// The learning rate the schedule gives for the current epoch.
    pub fn learning_rate(&self) -> f32 {
        self.config.learning_rate_at(self.epoch)
    }

    /// Hands the optimizer the schedule's rate for the current epoch. The rate
    /// changes only with the epoch and the settings, so this runs at the start
    /// of every training call (the settings may have changed) and of every
    /// epoch, not on every step.
    fn schedule_learning_rate(&mut self) {
        self.optimizer.set_learning_rate(self.learning_rate());
    }

    /// One update on the next batch of the training set (the last batch of an
    /// epoch may be smaller). Training data is used in its stored order every
    /// epoch, as TensorFlow Playground does.
    fn train_one_step(&mut self) {
        let total = self.train.len();
        if total == 0 {
            // A validated config always has a training point; stop rather than loop.
            self.stop = Some(Stop::Diverged {
                step: self.step,
                cause: Cause::LearningRate,
                loss: f32::NAN,
                message: "there are no training points: raise the number of points or the training percent".into(),
                message_zh: "没有训练数据点：请增加样本数或训练集比例".into(),
            });
            return;
        }
        let batch = self.config.batch_size.clamp(1, total - self.cursor);
        let start = self.cursor;
        let width = self.config.features.count();
        let units = self.config.output_units();

        let rate = self.config.regularization_rate;
        let penalty = match self.config.regularization {
            Regularization::None => None,
            _ if rate == 0.0 => None,
            Regularization::L1 => Some(Penalty {
                kind: PenaltyKind::L1,
                rate,
            }),
            Regularization::L2 => Some(Penalty {
                kind: PenaltyKind::L2,
                rate,
            }),
        };
        let target = self.objective.target(
            &self.train.targets[start * units..(start + batch) * units],
            &self.train.labels[start..start + batch],
        );
        let dropout = (self.config.dropout > 0.0).then_some((self.config.dropout, &mut self.rng));
        let batch_loss = self.model.loss_and_gradients(
            &self.epoch_inputs[start * width..(start + batch) * width],
            batch,
            target,
            penalty,
            dropout,
            &mut self.workspace,
        );
        if self.first_update.is_none() {
            self.first_update = Some((self.step + 1, self.largest_grad_norm()));
        }
        if !batch_loss.is_finite() {
            // These weights already fail; the backup holds the ones before the
            // last update, whose batch loss was finite (and is still recorded).
            self.step += 1;
            self.diverge(batch_loss);
            return;
        }

        for (saved, live) in self.backup.params_mut().zip(self.model.params()) {
            saved.data_mut().copy_from_slice(live.data());
        }
        self.optimizer
            .step(self.model.params_mut().zip(self.workspace.grads()));
        self.step += 1;

        if !self.model.params().all(|p| all_finite(p.data())) {
            self.diverge(batch_loss);
            return;
        }
        self.batch_loss = batch_loss;
        self.record_layer_stats();
        // Finite but huge weights: their norms or update ratios overflow, and
        // the next step's loss would.
        let overflowed = self.layer_stats.iter().any(|s| {
            !s.grad_norm.is_finite()
                || !s.weight_norm.is_finite()
                || (s.weight_norm > 0.0 && !s.update_ratio.is_finite())
        });
        if overflowed {
            self.diverge(batch_loss);
            return;
        }
        self.cursor += batch;
        if self.cursor >= total {
            self.end_epoch();
        }
    }

    fn record_layer_stats(&mut self) {
        let norms = self.optimizer.update_norms();
        let grads = self.workspace.grads();
        self.layer_stats.clear();
        for (layer, linear) in self.model.layers.iter().enumerate() {
            let update = norms.get(2 * layer).copied().unwrap_or(0.0);
            self.layer_stats.push(LayerStats::measure(
                grads[2 * layer].data(),
                linear.weight.data(),
                update,
            ));
        }
    }

    /// Closes an epoch: early stopping, then the next epoch's inputs.
    fn end_epoch(&mut self) {
        self.epoch += 1;
        self.cursor = 0;
        self.schedule_learning_rate();
        if self.config.patience > 0 {
            let test_loss = self.evaluate().test_loss;
            let patience = self.config.patience;
            if let Some((stop, weights)) =
                early_stop(&mut self.best, self.epoch, test_loss, patience, &self.model)
            {
                self.model = weights;
                self.stop = Some(stop);
            }
        }
        self.begin_epoch();
    }

    /// Prepares the inputs of the coming epoch (a fresh jitter when augmenting).
    pub(super) fn begin_epoch(&mut self) {
        let sigma = self.config.augment_noise;
        if sigma > 0.0 {
            let mut inputs = core::mem::take(&mut self.epoch_inputs);
            self.train
                .jittered_inputs(&self.config.features, sigma, &mut self.rng, &mut inputs);
            self.epoch_inputs = inputs;
        } else if self.epoch_inputs != self.train.inputs {
            self.epoch_inputs.clone_from(&self.train.inputs);
        }
    }
}

/// Whether every value is finite, checked without an early exit so that the
/// loop vectorizes (it runs on every parameter after every step).
fn all_finite(values: &[f32]) -> bool {
    values.iter().fold(true, |finite, v| finite & v.is_finite())
}
