//! The update loop of the labs whose networks train on the tape with a fresh
//! batch at every update (the sequence and attention labs): the config, the
//! weights and their backup, the optimizer, the clock, the loss with its
//! penalty, the gradients' global norm (clipped or not), the step, the
//! divergence rule, each layer's gradient health and early stopping. The labs
//! record their network's forward pass and loss; everything after is here.

use alloc::vec::Vec;

use tensor::{Grads, Optimizer, Tape, Tensor, Var, global_norm};

use super::{
    Best, Cause, Evaluation, LayerStats, Metrics, Stop, build_optimizer, early_stop,
    penalized_loss, take_live,
};
use crate::config::Config;
use crate::error::ConfigError;
use crate::settings;

/// Updates per epoch: batches are drawn afresh at every update, so an epoch
/// is a fixed number of them, the unit the pace and the schedules count in.
pub const EPOCH_STEPS: u64 = 100;

/// A network whose parameters the loop updates, in the order its forward
/// pass records them.
pub(crate) trait Weights: Clone {
    /// Every parameter, in recording order.
    fn params(&self) -> impl Iterator<Item = &Tensor>;
    /// Every parameter, writable, in the same order.
    fn params_mut(&mut self) -> impl Iterator<Item = &mut Tensor>;
}

/// What to tell the learner when an update diverges: the setting to blame
/// and what to try, in English and Chinese.
pub(crate) type Blame = (Cause, [&'static str; 2]);

/// One lab's network being trained on the tape, with everything its updates keep.
#[derive(Debug)]
pub(crate) struct TapeTraining<M> {
    /// The settings it runs.
    pub(crate) config: Config,
    /// The network.
    pub(crate) model: M,
    /// The weights before the last update, restored when it diverges.
    backup: M,
    optimizer: Optimizer,
    /// The tape each update records on.
    pub(crate) tape: Tape,
    /// The last update's gradients.
    pub(crate) grads: Grads,
    step: u64,
    batch_loss: f32,
    layer_stats: Vec<LayerStats>,
    best: Best<M>,
    stop: Option<Stop>,
}

impl<M: Weights> TapeTraining<M> {
    /// A fresh loop over `model` with `config`'s optimizer.
    pub(crate) fn new(config: Config, model: M) -> Self {
        Self {
            backup: model.clone(),
            optimizer: build_optimizer(&config),
            tape: Tape::new(),
            grads: Grads::new(),
            step: 0,
            batch_loss: f32::NAN,
            layer_stats: Vec::new(),
            best: None,
            stop: None,
            config,
            model,
        }
    }

    /// Takes `config`'s live settings, or returns `true` when a setting that
    /// is not live changed and the session must be rebuilt.
    pub(crate) fn set_config(&mut self, config: Config) -> Result<bool, ConfigError> {
        config.validate()?;
        if settings::rebuilds(&self.config, &config) {
            return Ok(true);
        }
        take_live(
            &self.config,
            &config,
            &mut self.optimizer,
            &mut self.best,
            &mut self.stop,
        );
        self.config = config;
        Ok(false)
    }

    /// Updates taken so far.
    pub(crate) fn step(&self) -> u64 {
        self.step
    }

    /// Epochs ([`EPOCH_STEPS`] updates each) completed so far.
    pub(crate) fn epoch(&self) -> u64 {
        self.step / EPOCH_STEPS
    }

    /// Why training stopped, if it did.
    pub(crate) fn stopped(&self) -> Option<&Stop> {
        self.stop.as_ref()
    }

    /// The learning rate the schedule gives for the current epoch.
    pub(crate) fn learning_rate(&self) -> f32 {
        self.config.learning_rate_at(self.epoch())
    }

    /// The progress now, with `evaluation` of the current weights.
    pub(crate) fn metrics(&self, evaluation: Evaluation) -> Metrics {
        Metrics {
            step: self.step,
            epoch: self.epoch(),
            learning_rate: self.learning_rate(),
            batch_loss: self.batch_loss,
            evaluation,
            layers: self.layer_stats.clone(),
            best_epoch: self.best.as_ref().map(|(epoch, _, _)| *epoch),
            stop: self.stop.clone(),
        }
    }

    /// The mean loss of the last batch, penalty excluded (NaN before the first update).
    pub(crate) fn batch_loss(&self) -> f32 {
        self.batch_loss
    }

    /// Readies an update: the schedule's rate, an empty tape.
    pub(crate) fn begin(&mut self) {
        self.optimizer.set_learning_rate(self.learning_rate());
        self.tape.clear();
    }

    /// Adds the config's penalty on the weight matrices among `params` to
    /// `data_loss`, counts the update and runs the backward pass. Returns the
    /// batch's data loss, or `None` when the loss is not finite (the update
    /// is then undone, and training stops as `blame` says).
    pub(crate) fn backward(&mut self, data_loss: Var, params: &[Var], blame: Blame) -> Option<f32> {
        let weights: Vec<Var> = params
            .iter()
            .zip(self.model.params())
            .filter(|(_, tensor)| tensor.dims().len() == 2)
            .map(|(var, _)| *var)
            .collect();
        let loss = penalized_loss(&mut self.tape, data_loss, &weights, &self.config);
        let batch_loss = self.tape.value(data_loss).data()[0];
        self.step += 1;
        if !self.tape.value(loss).data()[0].is_finite() {
            self.diverge(batch_loss, blame);
            return None;
        }
        self.tape.backward_into(loss, &mut self.grads);
        Some(batch_loss)
    }

    /// The gradients' global norm over `params`, after scaling them down to
    /// `clip` when it is above 0 and they are longer. A norm that is not
    /// finite is the caller's to [`TapeTraining::diverge`] on.
    pub(crate) fn norm(&mut self, params: &[Var], clip: f32) -> f64 {
        if clip > 0.0 {
            self.grads.clip_global_norm(params, clip)
        } else {
            global_norm(params.iter().filter_map(|&p| self.grads.get(p)))
        }
    }

    /// Steps the weights down the gradients of `params`, then, unless a
    /// weight stopped being finite (a stop as `blame` says), records each
    /// layer's health (`layer_of` maps a parameter's index to its layer, of
    /// `layers`) and closes the epoch when one ends: early stopping on
    /// `test_loss` of the weights.
    pub(crate) fn update(
        &mut self,
        params: &[Var],
        batch_loss: f32,
        blame: Blame,
        (layer_of, layers): (impl Fn(usize) -> usize, usize),
        test_loss: impl FnOnce(&M) -> f32,
    ) {
        for (saved, live) in self.backup.params_mut().zip(self.model.params()) {
            saved.data_mut().copy_from_slice(live.data());
        }
        let grads = &self.grads;
        let gradients: Vec<_> = params.iter().filter_map(|&p| grads.get(p)).collect();
        self.optimizer
            .step(self.model.params_mut().zip(gradients.iter().copied()));
        if !self
            .model
            .params()
            .all(|p| p.data().iter().all(|v| v.is_finite()))
        {
            self.diverge(batch_loss, blame);
            return;
        }
        self.batch_loss = batch_loss;
        self.record_layer_stats(params, layer_of, layers);
        if self.step % EPOCH_STEPS == 0 && self.config.patience > 0 {
            let loss = test_loss(&self.model);
            let (patience, epoch) = (self.config.patience, self.epoch());
            if let Some((stop, weights)) =
                early_stop(&mut self.best, epoch, loss, patience, &self.model)
            {
                self.model = weights;
                self.stop = Some(stop);
            }
        }
    }

    /// One [`LayerStats`] per layer: a layer's norms are [`global_norm`]s
    /// over its weight matrices in order, the same bits as the norm of their
    /// values laid end to end.
    fn record_layer_stats(
        &mut self,
        params: &[Var],
        layer_of: impl Fn(usize) -> usize,
        layers: usize,
    ) {
        let norms = self.optimizer.update_norms();
        let matrices: Vec<(usize, Var, &Tensor, f32)> = params
            .iter()
            .zip(self.model.params())
            .enumerate()
            .filter(|(_, (_, tensor))| tensor.dims().len() == 2)
            .map(|(index, (var, tensor))| {
                let update = norms.get(index).copied().unwrap_or(0.0);
                (layer_of(index), *var, tensor, update)
            })
            .collect();
        let grads = &self.grads;
        self.layer_stats = (0..layers)
            .map(|layer| {
                let own = || matrices.iter().filter(move |m| m.0 == layer);
                let grad = global_norm(own().filter_map(|m| grads.get(m.1))) as f32;
                let weight = global_norm(own().map(|m| m.2)) as f32;
                let update = libm::sqrtf(own().map(|m| m.3 * m.3).sum());
                LayerStats::from_norms(grad, weight, update)
            })
            .collect();
    }

    /// The loss, the gradients or a weight stopped being finite at this
    /// update, whose batch lost `loss`: keep the last finite weights and stop
    /// as `blame` says.
    pub(crate) fn diverge(&mut self, loss: f32, (cause, hint): Blame) {
        self.model.clone_from(&self.backup);
        self.stop = Some(Stop::weights_diverged(self.step, cause, loss, hint));
    }
}
