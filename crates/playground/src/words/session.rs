//! The words lab's training session: the text's examples, the two tables of
//! word vectors (the input vectors, which the views show, and the output
//! vectors contexts are scored against) and the optimizer for one `Config`,
//! trained by Word2Vec with negative sampling and sparse updates that touch
//! only the rows a batch used. Owns the lifecycle and the update loop; what
//! the views read lives in `views`.

use alloc::vec::Vec;

use tensor::{Grads, Optimizer, Rng, RowGrad, Tape, Tensor, Var, loss, stats};

use super::config::{Method, WordsConfig};
use super::corpus::WordCorpus;
use super::examples::{Examples, test_sentences};
use super::noise::Noise;
use super::scoring::Scored;
use crate::config::{Config, seed_value};
use crate::error::ConfigError;
use crate::lab::Lab;
use crate::session::{Cause, Evaluation, LayerStats, Metrics, Stop, build_optimizer, take_live};
use crate::settings;

/// The most training examples the train loss and accuracy are measured on.
const TRAIN_SAMPLE: usize = 2000;

/// One words experiment being trained.
#[derive(Debug)]
pub struct WordsSession {
    pub(super) config: Config,
    pub(super) corpus: WordCorpus,
    train: Examples,
    train_sample: Scored,
    test: Scored,
    noise: Noise,
    /// The input vectors (`[vocab, dim]`, plus for CBOW a row of padding that
    /// short windows point at with weight 0) and the output vectors (`[vocab, dim]`).
    pub(super) tables: [Tensor; 2],
    optimizer: Optimizer,
    /// Shuffles the examples and draws the negatives.
    rng: Rng,
    /// This epoch's order of the training examples.
    order: Vec<u32>,
    /// How many of `order` this epoch has trained on.
    cursor: usize,
    tape: Tape,
    grads: Grads,
    step: u64,
    epoch: u64,
    batch_loss: f32,
    /// The last update's gradient norm and update norm of each table (none
    /// before the first); [`WordsSession::metrics`] reads the tables' own norms.
    update_norms: Option<[(f32, f32); 2]>,
    stop: Option<Stop>,
}

impl WordsSession {
    /// Reads the text, cuts its examples and draws the starting vectors for `config`.
    ///
    /// # Errors
    /// When `config` is not a valid words config (a pasted text too short among them).
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.validate_for(Lab::Words)?;
        let words = &config.words;
        let corpus = WordCorpus::new(words);
        let data_seed = seed_value(&config.seed);
        let held_out = test_sentences(corpus.sentences.len(), data_seed);
        let part = |test: bool| {
            let sentences = corpus.sentences.iter().zip(&held_out);
            let chosen = sentences.filter(move |(_, held)| **held == test);
            Examples::new(
                chosen.map(|(s, _)| s.as_slice()),
                words.method,
                words.window,
            )
        };
        let (train, test) = (part(false), part(true));
        if train.is_empty() {
            return Err(ConfigError::new(
                "text",
                "",
                "Your text has no two of its 500 most frequent words in one sentence",
                "你的文本中没有一个句子包含两个最常见的 500 个词",
            ));
        }
        let noise = Noise::new(&corpus.counts);
        let mut draws = Rng::new(data_seed ^ 0x0000_e9a1);
        let train_sample = Scored::new(train.sample(TRAIN_SAMPLE), &noise, words, &mut draws);
        let test = Scored::new(test, &noise, words, &mut draws);
        let weight_seed = seed_value(&config.init_seed);
        let tables = starting_vectors(&corpus, &config, &mut Rng::new(weight_seed));
        Ok(Self {
            optimizer: build_optimizer(&config),
            rng: Rng::new(weight_seed ^ 0x05e5_510e),
            order: Vec::new(),
            cursor: 0,
            tape: Tape::new(),
            grads: Grads::new(),
            step: 0,
            epoch: 0,
            batch_loss: f32::NAN,
            update_norms: None,
            stop: None,
            config,
            corpus,
            train,
            train_sample,
            test,
            noise,
            tables,
        })
    }

    /// Changes the settings. A change that applies live keeps the trained
    /// vectors; one that changes the text, the method, the window or the
    /// dimension returns `true`, and the caller builds a new session.
    ///
    /// # Errors
    /// When `config` is not a valid words config.
    pub fn set_config(&mut self, config: Config) -> Result<bool, ConfigError> {
        config.validate()?;
        if settings::rebuilds(&self.config, &config) {
            return Ok(true);
        }
        take_live(
            &self.config,
            &config,
            &mut self.optimizer,
            &mut None::<(u64, f32, ())>,
            &mut self.stop,
        );
        self.config = config;
        Ok(false)
    }

    /// The settings this session runs.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The text, its vocabulary and its groups.
    pub fn corpus(&self) -> &WordCorpus {
        &self.corpus
    }

    /// Updates taken so far.
    pub fn step(&self) -> u64 {
        self.step
    }

    /// Passes over the training examples completed so far.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Updates one epoch takes.
    pub fn epoch_steps(&self) -> u64 {
        self.train.len().div_ceil(self.config.batch_size.max(1)) as u64
    }

    /// The training examples of one epoch.
    pub fn train_examples(&self) -> usize {
        self.train.len()
    }

    /// Why training stopped early, if it did.
    pub fn stopped(&self) -> Option<&Stop> {
        self.stop.as_ref()
    }

    /// Whether the last of the config's epochs is done.
    pub fn finished(&self) -> bool {
        self.epoch >= u64::from(self.config.words.epochs)
    }

    /// The learning rate the schedule gives for the current epoch.
    pub fn learning_rate(&self) -> f32 {
        self.config.learning_rate_at(self.epoch)
    }

    /// The number of trained numbers: two vectors per word.
    pub fn parameter_count(&self) -> usize {
        2 * self.corpus.vocabulary.len() * self.config.words.dim
    }

    /// Takes up to `steps` updates (fewer once training finishes or stops)
    /// and returns the mean loss of the last batch.
    pub fn train_steps(&mut self, steps: u64) -> f32 {
        for _ in 0..steps {
            if self.stop.is_some() || self.finished() {
                break;
            }
            self.train_one_step();
        }
        self.batch_loss
    }

    /// Trains until `epochs` more epochs are complete (or training finishes or stops).
    pub fn train_epochs(&mut self, epochs: u64) -> f32 {
        let target = self.epoch + epochs;
        while self.epoch < target && self.stop.is_none() && !self.finished() {
            self.train_one_step();
        }
        self.batch_loss
    }

    /// The loss and the share of right calls (a context scored above 0, a
    /// negative below) on a sample of the training examples and on the test text.
    pub fn evaluate(&self) -> Evaluation {
        let (train_loss, train_accuracy) = self.train_sample.score(self);
        let (test_loss, test_accuracy) = self.test.score(self);
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
            layers: self.layer_stats(),
            best_epoch: None,
            stop: self.stop.clone(),
        }
    }

    /// Each table's gradient norm, weight norm and update ratio after the last
    /// update, the input vectors first (none before the first update).
    fn layer_stats(&self) -> Vec<LayerStats> {
        let Some(norms) = self.update_norms else {
            return Vec::new();
        };
        norms
            .iter()
            .zip(&self.tables)
            .map(|(&(grad, update), table)| {
                LayerStats::from_norms(grad, stats::l2_norm(table.data()), update)
            })
            .collect()
    }

    /// One update on the next batch of this epoch's examples.
    fn train_one_step(&mut self) {
        if self.cursor == 0 {
            self.order = (0..self.train.len() as u32).collect();
            self.rng.shuffle(&mut self.order);
        }
        let end = (self.cursor + self.config.batch_size.max(1)).min(self.order.len());
        let batch = Batch::draw(
            &self.train,
            &self.order[self.cursor..end],
            &self.noise,
            &self.config.words,
            self.corpus.vocabulary.len(),
            &mut self.rng,
        );
        self.cursor = end;
        self.optimizer.set_learning_rate(self.learning_rate());
        self.step += 1;

        let tape = &mut self.tape;
        tape.clear();
        let (inputs, outputs) = batch.forward(tape, &self.tables);
        let logits = tape.row_dot(inputs.hidden, outputs);
        let targets = tape.input([batch.targets.len()], &batch.targets);
        let data_loss = loss::bce_with_logits(tape, logits, targets);
        let batch_loss = tape.value(data_loss).item();
        if batch_loss.is_finite() {
            tape.backward_into(data_loss, &mut self.grads);
            self.update(inputs.rows, outputs, batch_loss);
        } else {
            self.diverge(batch_loss);
        }
        if self.cursor >= self.order.len() {
            self.cursor = 0;
            self.epoch += 1;
        }
    }

    /// Steps the rows the batch used, unless that makes a vector not finite.
    fn update(&mut self, input_rows: Var, output_rows: Var, batch_loss: f32) {
        let (Some(d_in), Some(d_out)) = (self.grads.rows(input_rows), self.grads.rows(output_rows))
        else {
            return;
        };
        let grads = [d_in, d_out];
        let saved = [0, 1].map(|t| saved_rows(&self.tables[t], grads[t]));
        let [input, output] = &mut self.tables;
        self.optimizer.step_rows([(input, d_in), (output, d_out)]);
        if (0..2).all(|t| rows_finite(&self.tables[t], grads[t])) {
            self.batch_loss = batch_loss;
            let updates = self.optimizer.update_norms();
            self.update_norms = Some([0, 1].map(|t| {
                let update = updates.get(t).copied().unwrap_or(0.0);
                (stats::l2_norm(grads[t].rows()), update)
            }));
            return;
        }
        for (t, rows) in saved.iter().enumerate() {
            restore_rows(&mut self.tables[t], grads[t], rows);
        }
        self.diverge(batch_loss);
    }

    /// The loss or a vector stopped being finite: the update was not kept.
    fn diverge(&mut self, loss: f32) {
        self.stop = Some(Stop::Diverged {
            step: self.step,
            cause: Cause::LearningRate,
            loss,
            message: alloc::format!(
                "Training diverged at update {}: the loss or the vectors stopped being finite. The vectors before that update were kept. Lower the learning rate.",
                self.step
            ),
            message_zh: alloc::format!(
                "训练在第 {} 次更新时发散：损失或词向量不再是有限数。已保留那次更新之前的词向量。请降低学习率。",
                self.step
            ),
        });
    }
}

/// One batch: the rows to look up and the target of each score.
struct Batch {
    /// Skip-gram: each example's word. CBOW: each example's context words,
    /// padded to the window's width.
    input_ids: Vec<usize>,
    /// CBOW: each context slot's weight, `1 / contexts` or 0 for padding.
    weights: Vec<f32>,
    /// Which example each score belongs to.
    score_example: Vec<usize>,
    /// The word each score is against: the true context, then the negatives.
    output_ids: Vec<usize>,
    /// 1 for a true context, 0 for a negative.
    targets: Vec<f32>,
    /// The context slots of each CBOW example.
    slots: usize,
}

/// The tape's handles of the input side of a batch.
struct Inputs {
    /// The rows looked up in the input table (their gradient is the update).
    rows: Var,
    /// One input vector per score.
    hidden: Var,
}

impl Batch {
    /// The batch of the examples at `indices`, with fresh negatives; CBOW's
    /// padding points at row `pad`, past the vocabulary.
    fn draw(
        examples: &Examples,
        indices: &[u32],
        noise: &Noise,
        words: &WordsConfig,
        pad: usize,
        rng: &mut Rng,
    ) -> Self {
        let scores = words.negatives + 1;
        let slots = 2 * words.window;
        let mut batch = Batch {
            input_ids: Vec::with_capacity(indices.len() * scores),
            weights: Vec::new(),
            score_example: Vec::new(),
            output_ids: Vec::with_capacity(indices.len() * scores),
            targets: Vec::with_capacity(indices.len() * scores),
            slots,
        };
        for (position, &index) in indices.iter().enumerate() {
            let index = index as usize;
            let (word, contexts) = (examples.words[index], examples.contexts(index));
            let (input, target) = match words.method {
                Method::Sgns => (word, contexts[0]),
                Method::Cbow => (word, word),
            };
            match words.method {
                Method::Sgns => batch.input_ids.push(input as usize),
                Method::Cbow => {
                    let share = 1.0 / contexts.len() as f32;
                    batch.input_ids.extend(contexts.iter().map(|&c| c as usize));
                    batch.input_ids.extend((contexts.len()..slots).map(|_| pad));
                    batch.weights.extend(contexts.iter().map(|_| share));
                    batch.weights.extend((contexts.len()..slots).map(|_| 0.0));
                }
            }
            batch.score_example.extend((0..scores).map(|_| position));
            batch.output_ids.push(target as usize);
            batch.targets.push(1.0);
            for _ in 0..words.negatives {
                batch.output_ids.push(noise.draw(rng, target) as usize);
                batch.targets.push(0.0);
            }
        }
        batch
    }

    /// Looks the batch's rows up on `tape`: the input vector of every example
    /// (the word's for skip-gram, the mean of the context words' for CBOW),
    /// repeated for each of its scores, and the output vector each score is against.
    fn forward(&self, tape: &mut Tape, tables: &[Tensor; 2]) -> (Inputs, Var) {
        let rows = tape.embedding_sparse(&tables[0], &self.input_ids);
        let per_example = if self.weights.is_empty() {
            rows
        } else {
            let dim = tables[0].shape().dim(1);
            let examples = self.weights.len() / self.slots.max(1);
            let weights = tape.input([self.weights.len(), 1], &self.weights);
            let weights = tape.broadcast_to(weights, [self.weights.len(), dim]);
            let weighted = tape.mul(rows, weights);
            let windows = tape.reshape(weighted, [examples, self.slots, dim]);
            let sums = tape.sum_axis(windows, 1);
            tape.reshape(sums, [examples, dim])
        };
        let hidden = tape.embedding(per_example, &self.score_example);
        let outputs = tape.embedding_sparse(&tables[1], &self.output_ids);
        (Inputs { rows, hidden }, outputs)
    }
}

/// word2vec's start: input vectors uniform in `±0.5 / dim`, output vectors 0.
fn starting_vectors(corpus: &WordCorpus, config: &Config, rng: &mut Rng) -> [Tensor; 2] {
    let (vocab, dim) = (corpus.vocabulary.len(), config.words.dim);
    let scale = 0.5 / dim as f32;
    let mut input: Vec<f32> = (0..vocab * dim)
        .map(|_| rng.uniform_range(-scale, scale))
        .collect();
    let rows = match config.words.method {
        Method::Sgns => vocab,
        Method::Cbow => {
            input.resize((vocab + 1) * dim, 0.0);
            vocab + 1
        }
    };
    [Tensor::new([rows, dim], input), Tensor::zeros([vocab, dim])]
}

/// The rows of `table` that `grad` touches, as they are before the update.
fn saved_rows(table: &Tensor, grad: &RowGrad) -> Vec<f32> {
    let dim = grad.dim();
    let rows = grad
        .ids()
        .iter()
        .map(|&id| &table.data()[id * dim..][..dim]);
    rows.flatten().copied().collect()
}

/// Whether the rows `grad` touched in `table` are all finite.
fn rows_finite(table: &Tensor, grad: &RowGrad) -> bool {
    let dim = grad.dim();
    grad.ids().iter().all(|&id| {
        table.data()[id * dim..][..dim]
            .iter()
            .all(|v| v.is_finite())
    })
}

/// Puts back the rows `grad` touched in `table` from `saved`.
fn restore_rows(table: &mut Tensor, grad: &RowGrad, saved: &[f32]) {
    let dim = grad.dim();
    for (&id, row) in grad.ids().iter().zip(saved.chunks_exact(dim.max(1))) {
        table.data_mut()[id * dim..][..dim].copy_from_slice(row);
    }
}
