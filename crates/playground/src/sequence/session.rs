//! The sequence lab's training session: the task's data and the recurrent
//! network for one `Config`, trained by backpropagation through time with
//! optional gradient clipping on the labs' shared update loop
//! (`session::TapeTraining`). Owns the batches, the loss, the gradient's reach
//! back in time and the layers' grouping; what the views read lives in `views`.

use alloc::vec::Vec;

use tensor::{Rng, Tape, Tensor, stats};

use super::loss::{accuracy, batch_loss};
use super::model::{Inputs, SequenceModel};
use super::task_data::{Batch, TaskData};
use crate::attention::tasks::SYMBOLS;
use crate::config::{Config, seed_value};
use crate::error::ConfigError;
use crate::lab::Lab;
use crate::session::{Blame, Cause, Evaluation, Metrics, Stop, TapeTraining, Weights};

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
    pub(super) data: TaskData,
    pub(super) test: Batch,
    train_sample: Batch,
    baseline: f32,
    /// The config, the network and everything its updates keep.
    pub(super) run: TapeTraining<SequenceModel>,
    /// Draws batches and dropout masks.
    rng: Rng,
    gradients: GradientReport,
}

impl Weights for SequenceModel {
    fn params(&self) -> impl Iterator<Item = &Tensor> {
        SequenceModel::params(self)
    }
    fn params_mut(&mut self) -> impl Iterator<Item = &mut Tensor> {
        SequenceModel::params_mut(self)
    }
}

impl SequenceSession {
    /// Builds the task's data, the network and the optimizer for `config`.
    ///
    /// # Errors
    /// When `config` is not a valid sequence config.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.validate_for(Lab::Sequence)?;
        let data_seed = seed_value(&config.seed);
        let weight_seed = seed_value(&config.init_seed);
        let seq = &config.sequence;
        let data = TaskData::new(seq, data_seed);
        let test = data.test_set(seq.length, data_seed);
        let train_sample = data.train_sample(seq.length, data_seed);
        let baseline = match (&data, &test) {
            (TaskData::Text { corpus, split }, _) => split.unigram_loss(corpus.vocabulary.len()),
            (_, Batch::Adding(set)) => set.constant_mse(1.0),
            (TaskData::Reverse { .. }, _) => libm::logf(SYMBOLS as f32),
            _ => 0.0,
        };
        let model = SequenceModel::new(
            seq,
            data.vocabulary(),
            config.init_scale,
            &mut Rng::new(weight_seed),
        );
        Ok(Self {
            rng: Rng::new(weight_seed ^ 0x5e9_7e11),
            gradients: GradientReport::default(),
            run: TapeTraining::new(config, model),
            data,
            test,
            train_sample,
            baseline,
        })
    }

    /// Changes the settings. A change that applies live keeps the trained
    /// weights; one that changes the data or the network returns `true`, and
    /// the caller builds a new session with [`SequenceSession::new`].
    ///
    /// # Errors
    /// When `config` is not a valid sequence config.
    pub fn set_config(&mut self, config: Config) -> Result<bool, ConfigError> {
        self.run.set_config(config)
    }

    /// The settings this session runs.
    pub fn config(&self) -> &Config {
        &self.run.config
    }

    /// The network being trained.
    pub fn model(&self) -> &SequenceModel {
        &self.run.model
    }

    /// Updates taken so far.
    pub fn step(&self) -> u64 {
        self.run.step()
    }

    /// Epochs ([`EPOCH_STEPS`](crate::session::EPOCH_STEPS) updates each) completed so far.
    pub fn epoch(&self) -> u64 {
        self.run.epoch()
    }

    /// Why training stopped, if it did.
    pub fn stopped(&self) -> Option<&Stop> {
        self.run.stopped()
    }

    /// The learning rate the schedule gives for the current epoch.
    pub fn learning_rate(&self) -> f32 {
        self.run.learning_rate()
    }

    /// The loss of answering without looking at the sequence: the test
    /// tokens' unigram cross-entropy in nats (text), the test MSE of always
    /// answering 1.0 (adding), or ln 10, a uniform guess among the digits (reverse).
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
            if self.run.stopped().is_some() {
                break;
            }
            self.train_one_step();
        }
        self.run.batch_loss()
    }

    /// Trains until `epochs` more epochs are complete (or training stops).
    pub fn train_epochs(&mut self, epochs: u64) -> f32 {
        let target = self.epoch() + epochs;
        while self.epoch() < target && self.run.stopped().is_none() {
            self.train_one_step();
        }
        self.run.batch_loss()
    }

    /// Losses over the training sample and the test set, and for the token
    /// tasks (text, reverse) the accuracies.
    pub fn evaluate(&self) -> Evaluation {
        let (train_loss, train_accuracy) = self.score(&self.train_sample, &self.run.model);
        let (test_loss, test_accuracy) = self.score(&self.test, &self.run.model);
        Evaluation {
            train_loss,
            test_loss,
            train_accuracy,
            test_accuracy,
        }
    }

    /// The session's progress now.
    pub fn metrics(&self) -> Metrics {
        self.run.metrics(self.evaluate())
    }

    /// Mean loss (and token accuracy) of `model` on `batch`.
    fn score(&self, batch: &Batch, model: &SequenceModel) -> (f32, Option<f32>) {
        score(batch, model, self.steps())
    }

    /// The steps each of the task's sequences takes.
    pub(super) fn steps(&self) -> usize {
        let own = &self.run.config.sequence;
        own.task.steps(own.length)
    }

    /// One update on a freshly drawn batch.
    fn train_one_step(&mut self) {
        let length = self.run.config.sequence.length;
        let steps = self.steps();
        let size = self.run.config.batch_size.max(1);
        let batch = self.data.draw(length, size, &mut self.rng);
        self.run.begin();
        let run = &mut self.run;
        let dropout = (run.config.dropout > 0.0).then_some((run.config.dropout, &mut self.rng));
        let pass = run
            .model
            .forward(&mut run.tape, inputs(&batch), size, steps, dropout);
        let data_loss = batch_loss(&mut run.tape, &pass.outputs, &batch, steps);
        let blame = self.blame();
        let Some(loss) = self.run.backward(data_loss, &pass.params, blame) else {
            return;
        };
        self.gradients.per_step.clear();
        for step in &pass.unrolled.steps {
            let norm = self
                .run
                .grads
                .get(step.hidden)
                .map_or(0.0, |g| stats::l2_norm(g.data()));
            self.gradients.per_step.push(norm);
        }
        let clip = self.run.config.sequence.clip;
        let norm = self.run.norm(&pass.params, clip);
        self.gradients.norm = norm as f32;
        self.gradients.clipped = clip > 0.0 && norm > f64::from(clip);
        if !norm.is_finite() {
            self.run.diverge(loss, blame);
            return;
        }
        let embedding = usize::from(self.run.model.embedding.is_some());
        let recurrent = self.run.model.recurrent.params().count();
        let layer_of = move |index: usize| {
            if index < embedding {
                0
            } else if index < embedding + recurrent {
                embedding
            } else {
                embedding + 1
            }
        };
        let test = &self.test;
        self.run.update(
            &pass.params,
            loss,
            blame,
            (layer_of, embedding + 2),
            |model| score(test, model, steps).0,
        );
    }

    /// What a divergence blames: the learning rate when clipping is on,
    /// else the exploding gradients of large starting weights.
    fn blame(&self) -> Blame {
        if self.run.config.sequence.clip > 0.0 {
            (
                Cause::LearningRate,
                ["Lower the learning rate.", "请降低学习率。"],
            )
        } else {
            (
                Cause::InitScale,
                [
                    "The gradients exploded: turn on gradient clipping, or lower the initial scale or the learning rate.",
                    "梯度爆炸了：请打开梯度裁剪，或降低初始缩放或学习率。",
                ],
            )
        }
    }
}

/// Mean loss (and token accuracy) of `model` on `batch` of sequences of `steps` steps.
fn score(batch: &Batch, model: &SequenceModel, steps: usize) -> (f32, Option<f32>) {
    if batch.is_empty() {
        return (0.0, None);
    }
    let mut tape = Tape::new();
    let pass = model.forward(&mut tape, inputs(batch), batch.len(steps), steps, None);
    let loss = batch_loss(&mut tape, &pass.outputs, batch, steps);
    let right = accuracy(&tape, &pass.outputs, batch, steps);
    (tape.value(loss).data()[0], right)
}

/// What `batch` feeds the network.
pub(super) fn inputs(batch: &Batch) -> Inputs<'_> {
    match batch {
        Batch::Text { inputs, .. } => Inputs::Tokens(inputs),
        Batch::Adding(set) => Inputs::Numbers(&set.inputs),
    }
}
