//! The sequence lab's training session: the task's data, the recurrent
//! network and the optimizer for one `Config`, trained by backpropagation
//! through time with optional gradient clipping. Owns the lifecycle and the
//! update loop; what the views read lives in `views`.

use alloc::vec::Vec;

use tensor::{Grads, Optimizer, Rng, Tape, Tensor, Var, global_norm, stats};

use super::loss::{accuracy, batch_loss};
use super::model::{Inputs, SequenceModel};
use super::task_data::{Batch, TaskData};
use crate::config::{Config, seed_value};
use crate::error::ConfigError;
use crate::lab::Lab;
use crate::session::{
    Best, Cause, Evaluation, LayerStats, Metrics, Stop, build_optimizer, early_stop,
    penalized_loss, take_live,
};
use crate::settings;

/// Updates per epoch: the data is drawn afresh at every update, so an epoch
/// is a fixed number of them, the unit the pace and the schedules count in.
pub const EPOCH_STEPS: u64 = 100;

/// What the last update's gradients looked like.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GradientReport {
    /// The global norm of every parameter's gradient, before clipping.
    pub norm: f32,
    /// Whether clipping scaled the update down.
    pub clipped: bool,
    /// For each time step, the norm of the loss's gradient with respect to
    /// that step's hidden state (summed over the batch's sequences): how much
    /// of the error reaches back to it.
    pub per_step: Vec<f32>,
}

/// One sequence experiment being trained.
#[derive(Debug)]
pub struct SequenceSession {
    pub(super) config: Config,
    pub(super) data: TaskData,
    pub(super) test: Batch,
    train_sample: Batch,
    baseline: f32,
    pub(super) model: SequenceModel,
    /// The weights before the last update, restored when it diverges.
    backup: SequenceModel,
    optimizer: Optimizer,
    /// Draws batches and dropout masks.
    rng: Rng,
    tape: Tape,
    grads: Grads,
    step: u64,
    batch_loss: f32,
    gradients: GradientReport,
    layer_stats: Vec<LayerStats>,
    best: Best<SequenceModel>,
    stop: Option<Stop>,
}

impl SequenceSession {
    /// Builds the task's data, the network and the optimizer for `config`.
    ///
    /// # Errors
    /// When `config` is not a valid sequence config.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.validate()?;
        if config.lab != Lab::Sequence {
            return Err(ConfigError::new(
                "lab",
                config.lab.name(),
                "this session trains the sequence lab",
                "这个会话只训练序列实验室",
            ));
        }
        let data_seed = seed_value(&config.seed);
        let weight_seed = seed_value(&config.init_seed);
        let seq = &config.sequence;
        let data = TaskData::new(seq, data_seed);
        let test = data.test_set(seq.length, data_seed);
        let train_sample = data.train_sample(seq.length, data_seed);
        let baseline = match (&data, &test) {
            (TaskData::Text { corpus, split }, _) => split.unigram_loss(corpus.vocabulary.len()),
            (_, Batch::Adding(set)) => set.constant_mse(1.0),
            _ => 0.0,
        };
        let model = SequenceModel::new(
            seq,
            data.vocabulary(),
            config.init_scale,
            &mut Rng::new(weight_seed),
        );
        Ok(Self {
            backup: model.clone(),
            optimizer: build_optimizer(&config),
            rng: Rng::new(weight_seed ^ 0x5e9_7e11),
            tape: Tape::new(),
            grads: Grads::new(),
            step: 0,
            batch_loss: f32::NAN,
            gradients: GradientReport::default(),
            layer_stats: Vec::new(),
            best: None,
            stop: None,
            config,
            data,
            test,
            train_sample,
            baseline,
            model,
        })
    }

    /// Changes the settings. A change that applies live keeps the trained
    /// weights; one that changes the data or the network returns `true`, and
    /// the caller builds a new session with [`SequenceSession::new`].
    ///
    /// # Errors
    /// When `config` is not a valid sequence config.
    pub fn set_config(&mut self, config: Config) -> Result<bool, ConfigError> {
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

    /// The settings this session runs.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The network being trained.
    pub fn model(&self) -> &SequenceModel {
        &self.model
    }

    /// Updates taken so far.
    pub fn step(&self) -> u64 {
        self.step
    }

    /// Epochs ([`EPOCH_STEPS`] updates each) completed so far.
    pub fn epoch(&self) -> u64 {
        self.step / EPOCH_STEPS
    }

    /// Why training stopped, if it did.
    pub fn stopped(&self) -> Option<&Stop> {
        self.stop.as_ref()
    }

    /// The learning rate the schedule gives for the current epoch.
    pub fn learning_rate(&self) -> f32 {
        self.config.learning_rate_at(self.epoch())
    }

    /// The loss of answering without looking at the sequence: the test
    /// tokens' unigram cross-entropy in nats (text), or the test MSE of
    /// always answering 1.0 (adding).
    pub fn baseline_loss(&self) -> f32 {
        self.baseline
    }

    /// The last update's gradient norms: global, and per time step.
    pub fn gradients(&self) -> &GradientReport {
        &self.gradients
    }

    /// Takes up to `steps` updates (fewer if training stops) and returns the
    /// mean loss of the last batch, penalty excluded.
    pub fn train_steps(&mut self, steps: u64) -> f32 {
        for _ in 0..steps {
            if self.stop.is_some() {
                break;
            }
            self.train_one_step();
        }
        self.batch_loss
    }

    /// Trains until `epochs` more epochs are complete (or training stops).
    pub fn train_epochs(&mut self, epochs: u64) -> f32 {
        let target = self.epoch() + epochs;
        while self.epoch() < target && self.stop.is_none() {
            self.train_one_step();
        }
        self.batch_loss
    }

    /// Losses over the training sample and the test set, and for text the
    /// next-token accuracies.
    pub fn evaluate(&self) -> Evaluation {
        let (train_loss, train_accuracy) = self.score(&self.train_sample);
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
            epoch: self.epoch(),
            learning_rate: self.learning_rate(),
            batch_loss: self.batch_loss,
            evaluation: self.evaluate(),
            layers: self.layer_stats.clone(),
            best_epoch: self.best.as_ref().map(|(epoch, _, _)| *epoch),
            stop: self.stop.clone(),
        }
    }

    /// Mean loss (and text accuracy) of the network on `batch`.
    fn score(&self, batch: &Batch) -> (f32, Option<f32>) {
        if batch.is_empty() {
            return (0.0, None);
        }
        let length = self.config.sequence.length;
        let mut tape = Tape::new();
        let pass = self
            .model
            .forward(&mut tape, inputs(batch), batch.len(length), length, None);
        let loss = batch_loss(&mut tape, &pass.outputs, batch, length);
        let right = accuracy(&tape, &pass.outputs, batch, length);
        (tape.value(loss).data()[0], right)
    }

    /// One update on a freshly drawn batch.
    fn train_one_step(&mut self) {
        let length = self.config.sequence.length;
        let size = self.config.batch_size.max(1);
        let batch = self.data.draw(length, size, &mut self.rng);
        self.optimizer.set_learning_rate(self.learning_rate());

        let tape = &mut self.tape;
        tape.clear();
        let dropout = (self.config.dropout > 0.0).then_some((self.config.dropout, &mut self.rng));
        let pass = self
            .model
            .forward(tape, inputs(&batch), size, length, dropout);
        let data_loss = batch_loss(tape, &pass.outputs, &batch, length);
        let weights = weight_vars(&self.model, &pass.params);
        let loss = penalized_loss(tape, data_loss, &weights, &self.config);
        let batch_loss = tape.value(data_loss).data()[0];
        self.step += 1;
        if !tape.value(loss).data()[0].is_finite() {
            self.diverge(batch_loss);
            return;
        }
        tape.backward_into(loss, &mut self.grads);
        self.gradients.per_step.clear();
        for step in &pass.unrolled.steps {
            let norm = self
                .grads
                .get(step.hidden)
                .map_or(0.0, |g| stats::l2_norm(g.data()));
            self.gradients.per_step.push(norm);
        }
        let clip = self.config.sequence.clip;
        let norm = if clip > 0.0 {
            self.grads.clip_global_norm(&pass.params, clip)
        } else {
            global_norm(pass.params.iter().filter_map(|&p| self.grads.get(p)))
        };
        self.gradients.norm = norm as f32;
        self.gradients.clipped = clip > 0.0 && norm > f64::from(clip);
        if !norm.is_finite() {
            self.diverge(batch_loss);
            return;
        }

        for (saved, live) in self.backup.params_mut().zip(self.model.params()) {
            saved.data_mut().copy_from_slice(live.data());
        }
        let grads = &self.grads;
        let gradients: Vec<_> = pass.params.iter().filter_map(|&p| grads.get(p)).collect();
        self.optimizer
            .step(self.model.params_mut().zip(gradients.iter().copied()));
        if !self
            .model
            .params()
            .all(|p| p.data().iter().all(|v| v.is_finite()))
        {
            self.diverge(batch_loss);
            return;
        }
        self.batch_loss = batch_loss;
        self.record_layer_stats(&pass.params);
        if self.step % EPOCH_STEPS == 0 {
            self.end_epoch();
        }
    }

    /// One [`LayerStats`] per layer, input side first: the embedding (text),
    /// the recurrent layer (all its weight matrices together) and the output.
    /// A layer's norms are [`global_norm`]s over its matrices in order, the
    /// same bits as the norm of their values laid end to end.
    fn record_layer_stats(&mut self, params: &[Var]) {
        let norms = self.optimizer.update_norms();
        let embedding = usize::from(self.model.embedding.is_some());
        let recurrent = self.model.recurrent.params().count();
        let layer_of = |index: usize| {
            if index < embedding {
                0
            } else if index < embedding + recurrent {
                embedding
            } else {
                embedding + 1
            }
        };
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
        self.layer_stats = (0..=embedding + 1)
            .map(|layer| {
                let own = || matrices.iter().filter(move |m| m.0 == layer);
                let grad = global_norm(own().filter_map(|m| grads.get(m.1))) as f32;
                let weight = global_norm(own().map(|m| m.2)) as f32;
                let update = libm::sqrtf(own().map(|m| m.3 * m.3).sum());
                LayerStats::from_norms(grad, weight, update)
            })
            .collect();
    }

    /// The loss or a weight stopped being finite: keep the last finite weights.
    fn diverge(&mut self, loss: f32) {
        self.model.clone_from(&self.backup);
        let clipping = self.config.sequence.clip > 0.0;
        let (cause, hint, hint_zh) = if clipping {
            (
                Cause::LearningRate,
                "Lower the learning rate.",
                "请降低学习率。",
            )
        } else {
            (
                Cause::InitScale,
                "The gradients exploded: turn on gradient clipping, or lower the initial scale or the learning rate.",
                "梯度爆炸了：请打开梯度裁剪，或降低初始缩放或学习率。",
            )
        };
        self.stop = Some(Stop::Diverged {
            step: self.step,
            cause,
            loss,
            message: alloc::format!(
                "Training diverged at update {}: the loss or the gradients stopped being finite. The weights before that update were kept. {hint}",
                self.step
            ),
            message_zh: alloc::format!(
                "训练在第 {} 次更新时发散：损失或梯度不再是有限数。已保留那次更新之前的权重。{hint_zh}",
                self.step
            ),
        });
    }

    /// Closes an epoch: early stopping on the test loss.
    fn end_epoch(&mut self) {
        if self.config.patience == 0 {
            return;
        }
        let test_loss = self.evaluate().test_loss;
        let patience = self.config.patience;
        let epoch = self.epoch();
        if let Some((stop, weights)) =
            early_stop(&mut self.best, epoch, test_loss, patience, &self.model)
        {
            self.model = weights;
            self.stop = Some(stop);
        }
    }
}

/// The weight matrices among `params` (the penalties' subjects): the
/// embedding, each gate's two maps and the output's weight.
fn weight_vars(model: &SequenceModel, params: &[Var]) -> Vec<Var> {
    params
        .iter()
        .zip(model.params())
        .filter(|(_, tensor)| tensor.dims().len() == 2)
        .map(|(var, _)| *var)
        .collect()
}

/// What `batch` feeds the network.
pub(super) fn inputs(batch: &Batch) -> Inputs<'_> {
    match batch {
        Batch::Text { inputs, .. } => Inputs::Tokens(inputs),
        Batch::Adding(set) => Inputs::Numbers(&set.inputs),
    }
}
