//! The attention lab's training session: the task's data and the Transformer
//! for one `Config`, trained on a fresh batch at every update on the labs'
//! shared update loop (`session::TapeTraining`). Owns the batches, the loss,
//! the scores and the layers' grouping; what the views read lives in `views`.

use alloc::vec::Vec;

use tensor::loss::softmax_cross_entropy;
use tensor::{Rng, Tape, Tensor, Var};

use super::model::AttentionModel;
use super::tasks::{Sequences, TaskSource};
use super::views::{TestReport, report};
use crate::config::{Config, seed_value};
use crate::error::ConfigError;
use crate::lab::Lab;
use crate::sequence::argmax;
use crate::session::{Blame, Cause, Evaluation, Metrics, Stop, TapeTraining, Weights};

/// How a set of sequences came out: the mean loss and every position's answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Mean cross-entropy per token, in nats.
    pub loss: f32,
    /// The most likely token at every position, `[count, length]`.
    pub answers: Vec<u16>,
}

/// What a divergence blames: the steps, since the starting weights are small.
const BLAME: Blame = (
    Cause::LearningRate,
    ["Lower the learning rate.", "请降低学习率。"],
);

/// One attention experiment being trained.
#[derive(Debug)]
pub struct AttentionSession {
    pub(super) data: TaskSource,
    pub(super) test: Sequences,
    train_sample: Sequences,
    /// The config, the network and everything its updates keep.
    pub(super) run: TapeTraining<AttentionModel>,
    /// Draws the training batches.
    rng: Rng,
    gradient_norm: f32,
}

impl Weights for AttentionModel {
    fn params(&self) -> impl Iterator<Item = &Tensor> {
        AttentionModel::params(self)
    }
    fn params_mut(&mut self) -> impl Iterator<Item = &mut Tensor> {
        AttentionModel::params_mut(self)
    }
}

impl AttentionSession {
    /// Builds the task's data, the Transformer and the optimizer for `config`.
    ///
    /// # Errors
    /// When `config` is not a valid attention config.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.validate_for(Lab::Attention)?;
        let data_seed = seed_value(&config.seed);
        let weight_seed = seed_value(&config.init_seed);
        let own = &config.attention;
        let mut data = TaskSource::new(own, data_seed);
        let test = data.test_set(own.length, data_seed);
        let train_sample = data.train_sample(own.length, data_seed);
        let model = AttentionModel::new(own, data.vocabulary(), &mut Rng::new(weight_seed));
        Ok(Self {
            rng: Rng::new(data_seed ^ 0xa77e_4710),
            gradient_norm: 0.0,
            run: TapeTraining::new(config, model),
            data,
            test,
            train_sample,
        })
    }

    /// Changes the settings. A change that applies live keeps the trained
    /// weights; one that changes the data or the network returns `true`, and
    /// the caller builds a new session with [`AttentionSession::new`].
    ///
    /// # Errors
    /// When `config` is not a valid attention config.
    pub fn set_config(&mut self, config: Config) -> Result<bool, ConfigError> {
        self.run.set_config(config)
    }

    /// The settings this session runs.
    pub fn config(&self) -> &Config {
        &self.run.config
    }

    /// The network being trained.
    pub fn model(&self) -> &AttentionModel {
        &self.run.model
    }

    /// The test sequences.
    pub fn test_set(&self) -> &Sequences {
        &self.test
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

    /// The last update's global gradient norm (0 before the first).
    pub fn gradient_norm(&self) -> f32 {
        self.gradient_norm
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

    /// Losses and per-token accuracies over the training sample and the test set.
    pub fn evaluate(&self) -> Evaluation {
        self.evaluate_scored(&scores(&self.test, &self.run.model))
    }

    /// The session's progress now.
    pub fn metrics(&self) -> Metrics {
        self.run.metrics(self.evaluate())
    }

    /// The session's progress now and how the test set comes out, from one
    /// pass over it.
    pub fn metrics_and_report(&self) -> (Metrics, TestReport) {
        let test = scores(&self.test, &self.run.model);
        let metrics = self.run.metrics(self.evaluate_scored(&test));
        (metrics, report(&test, &self.test))
    }

    /// [`AttentionSession::evaluate`] given the test set's `test` scores.
    fn evaluate_scored(&self, test: &Scores) -> Evaluation {
        let train = scores(&self.train_sample, &self.run.model);
        Evaluation {
            train_loss: train.loss,
            test_loss: test.loss,
            train_accuracy: Some(token_accuracy(&train.answers, &self.train_sample)),
            test_accuracy: Some(token_accuracy(&test.answers, &self.test)),
        }
    }

    /// One update on a freshly drawn batch.
    fn train_one_step(&mut self) {
        let length = self.run.config.attention.length;
        let size = self.run.config.batch_size.max(1);
        let batch = self.data.draw(length, size, &mut self.rng);
        self.run.begin();
        let run = &mut self.run;
        let ids: Vec<usize> = batch.inputs.iter().map(|&id| usize::from(id)).collect();
        let pass = run.model.forward(&mut run.tape, &ids, size);
        let data_loss = token_loss(&mut run.tape, pass.logits, &batch);
        let Some(loss) = run.backward(data_loss, &pass.params, BLAME) else {
            return;
        };
        let norm = run.norm(&pass.params, 0.0);
        self.gradient_norm = norm as f32;
        if !norm.is_finite() {
            run.diverge(loss, BLAME);
            return;
        }
        let tables = run.model.table_count();
        let per_block = run.model.blocks.first().map_or(1, |b| b.params().count());
        let blocks = run.model.blocks.len();
        let layer_of = move |index: usize| {
            if index < tables {
                0
            } else {
                (1 + (index - tables) / per_block).min(blocks + 1)
            }
        };
        let test = &self.test;
        run.update(&pass.params, loss, BLAME, (layer_of, blocks + 2), |model| {
            scores(test, model).loss
        });
    }
}

/// How `model` does on `set`: the mean loss and its answer at every position.
pub(super) fn scores(set: &Sequences, model: &AttentionModel) -> Scores {
    if set.is_empty() {
        return Scores::default();
    }
    let mut tape = Tape::new();
    let ids: Vec<usize> = set.inputs.iter().map(|&id| usize::from(id)).collect();
    let pass = model.forward(&mut tape, &ids, set.len());
    let loss = token_loss(&mut tape, pass.logits, set);
    let logits = tape.value(pass.logits);
    let classes = logits.dims()[1];
    let answers = logits
        .data()
        .chunks_exact(classes)
        .map(|row| argmax(row) as u16)
        .collect();
    Scores {
        loss: tape.value(loss).data()[0],
        answers,
    }
}

/// The mean cross-entropy of `logits` (`[count * length, vocabulary]`)
/// against every target of `set`.
fn token_loss(tape: &mut Tape, logits: Var, set: &Sequences) -> Var {
    let labels: Vec<usize> = set.targets.iter().map(|&id| usize::from(id)).collect();
    softmax_cross_entropy(tape, logits, &labels)
}

/// The share of `set`'s targets that `answers` got right.
pub(super) fn token_accuracy(answers: &[u16], set: &Sequences) -> f32 {
    let right = answers
        .iter()
        .zip(&set.targets)
        .filter(|(a, t)| a == t)
        .count();
    right as f32 / set.targets.len().max(1) as f32
}
