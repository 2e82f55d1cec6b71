//! The digits lab's training session: the split, the network and the
//! optimizer for one `Config`, trained batch by batch on the tape. Owns the
//! lifecycle and the update loop; what the views read lives in `views`.

use alloc::vec::Vec;

use tensor::loss::softmax_cross_entropy;
use tensor::{Grads, Optimizer, Rng, Tape};

use super::augment::{add_noise, flip, random_rotate, random_shift};
use super::data::{Digits, Image, PIXELS};
use super::network::Network;
use super::split::{max_train_size, stratified_split};
use crate::config::{Config, seed_value};
use crate::error::{ConfigError, FileError};
use crate::lab::Lab;
use crate::session::{
    Best, Cause, Evaluation, LayerStats, Metrics, Stop, build_optimizer, early_stop,
    penalized_loss, take_live,
};
use crate::settings;

/// The standard deviation of the pixel-noise augmentation (pixels are in [0, 1]).
pub const NOISE_STD: f32 = 0.1;

/// Images and their labels, laid out for the network.
#[derive(Clone, Debug, Default)]
pub struct ImageSet {
    /// `len * 64` pixels in [0, 1], image after image.
    pub pixels: Vec<f32>,
    /// The digit of each image.
    pub labels: Vec<usize>,
}

impl ImageSet {
    fn of(digits: &Digits, indices: &[usize]) -> Self {
        let mut set = ImageSet::default();
        for &index in indices {
            set.pixels.extend_from_slice(digits.image(index));
            set.labels.push(digits.label(index));
        }
        set
    }

    /// The number of images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Image `index`'s pixels.
    pub fn image(&self, index: usize) -> &[f32] {
        &self.pixels[index * PIXELS..][..PIXELS]
    }
}

/// One digits experiment being trained.
#[derive(Debug)]
pub struct DigitsSession {
    pub(super) config: Config,
    pub(super) train: ImageSet,
    pub(super) test: ImageSet,
    pub(super) network: Network,
    /// The weights before the last update, restored when it diverges.
    backup: Network,
    optimizer: Optimizer,
    /// Shuffles, dropout masks and augmentation.
    rng: Rng,
    tape: Tape,
    grads: Grads,
    /// The training images' order this epoch.
    order: Vec<usize>,
    batch_pixels: Vec<f32>,
    batch_labels: Vec<usize>,
    step: u64,
    epoch: u64,
    cursor: usize,
    batch_loss: f32,
    layer_stats: Vec<LayerStats>,
    /// The epoch with the lowest test loss so far, its loss and its weights.
    best: Best<Network>,
    stop: Option<Stop>,
}

impl DigitsSession {
    /// Splits `digits` and builds the network and the optimizer for `config`.
    ///
    /// # Errors
    /// When `config` is not a valid digits config.
    pub fn new(config: Config, digits: &Digits) -> Result<Self, ConfigError> {
        config.validate_for(Lab::Digits)?;
        let most = max_train_size(digits.labels());
        let split = stratified_split(
            digits.labels(),
            config.digits.train_size.min(most),
            seed_value(&config.seed),
        );
        let train = ImageSet::of(digits, &split.train);
        let test = ImageSet::of(digits, &split.test);
        let weight_seed = seed_value(&config.init_seed);
        let network = Network::new(&config.digits, &mut Rng::new(weight_seed));
        let mut session = Self {
            backup: network.clone(),
            optimizer: build_optimizer(&config),
            rng: Rng::new(weight_seed ^ 0xd161_7500),
            tape: Tape::new(),
            grads: Grads::new(),
            order: (0..train.len()).collect(),
            batch_pixels: Vec::new(),
            batch_labels: Vec::new(),
            step: 0,
            epoch: 0,
            cursor: 0,
            batch_loss: f32::NAN,
            layer_stats: Vec::new(),
            best: None,
            stop: None,
            config,
            train,
            test,
            network,
        };
        session.rng.shuffle(&mut session.order);
        Ok(session)
    }

    /// Changes the settings. A change that applies live keeps the trained
    /// weights; one that changes the data or the network returns `true`, and
    /// the caller builds a new session with [`DigitsSession::new`].
    ///
    /// # Errors
    /// When `config` is not a valid digits config.
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

    /// Replaces the network's weights and biases with imported ones (the CLI's
    /// `--export` file, read by the caller): one `(weight, bias)` pair of flat
    /// values per layer, input side first. Keeps the data, the settings and the
    /// clock; lifts a stop.
    ///
    /// # Errors
    /// A [`FileError`] naming the layer when the file has another number of
    /// layers, a layer another number of values, or a value is not finite.
    pub fn import_weights(&mut self, layers: &[(&[f32], &[f32])]) -> Result<(), FileError> {
        let have = self.network.layers.len();
        if layers.len() != have {
            return Err(FileError::new(
                alloc::format!("the file has {} layers, this network {have}", layers.len()),
                alloc::format!("文件有 {} 层，这个网络有 {have} 层", layers.len()),
            ));
        }
        for (index, (layer, (weight, bias))) in self.network.layers.iter().zip(layers).enumerate() {
            let wanted = (layer.weight.len(), layer.bias.len());
            if (weight.len(), bias.len()) != wanted {
                return Err(FileError::new(
                    alloc::format!(
                        "layer {}: the file has {} weights and {} biases, this network {} and {}",
                        index + 1,
                        weight.len(),
                        bias.len(),
                        wanted.0,
                        wanted.1
                    ),
                    alloc::format!(
                        "第 {} 层：文件有 {} 个权重和 {} 个偏置，这个网络是 {} 和 {}",
                        index + 1,
                        weight.len(),
                        bias.len(),
                        wanted.0,
                        wanted.1
                    ),
                ));
            }
            if !weight.iter().chain(bias.iter()).all(|v| v.is_finite()) {
                return Err(FileError::new(
                    alloc::format!(
                        "layer {}: every weight and bias must be a finite number",
                        index + 1
                    ),
                    alloc::format!("第 {} 层：每个权重和偏置都必须是有限数", index + 1),
                ));
            }
        }
        for (layer, (weight, bias)) in self.network.layers.iter_mut().zip(layers) {
            layer.weight.data_mut().copy_from_slice(weight);
            layer.bias.data_mut().copy_from_slice(bias);
        }
        self.backup.clone_from(&self.network);
        self.best = None;
        self.stop = None;
        Ok(())
    }

    /// The settings this session runs.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The network being trained.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// The training images.
    pub fn train_set(&self) -> &ImageSet {
        &self.train
    }

    /// The test images.
    pub fn test_set(&self) -> &ImageSet {
        &self.test
    }

    /// Updates taken so far.
    pub fn step(&self) -> u64 {
        self.step
    }

    /// Epochs completed so far.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Why training stopped, if it did.
    pub fn stopped(&self) -> Option<&Stop> {
        self.stop.as_ref()
    }

    /// The learning rate the schedule gives for the current epoch.
    pub fn learning_rate(&self) -> f32 {
        self.config.learning_rate_at(self.epoch)
    }

    /// The updates left until the current epoch is complete (at least 1).
    pub fn steps_left_in_epoch(&self) -> u64 {
        let left = self.train.len().saturating_sub(self.cursor);
        (left.div_ceil(self.config.batch_size.max(1)) as u64).max(1)
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
        let target = self.epoch + epochs;
        while self.epoch < target && self.stop.is_none() {
            self.train_one_step();
        }
        self.batch_loss
    }

    /// Losses and accuracies over the whole training and test sets.
    pub fn evaluate(&self) -> Evaluation {
        let (train_loss, train_accuracy) = self.score(&self.train);
        let (test_loss, test_accuracy) = self.score(&self.test);
        Evaluation {
            train_loss,
            test_loss,
            train_accuracy: Some(train_accuracy),
            test_accuracy: Some(test_accuracy),
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

    /// Mean cross-entropy and accuracy of the network on `set`.
    fn score(&self, set: &ImageSet) -> (f32, f32) {
        if set.is_empty() {
            return (0.0, 0.0);
        }
        let values = self.network.logits(&set.pixels, set.len());
        let mut tape = Tape::new();
        let logits = tape.input([set.len(), super::data::CLASSES], &values);
        let loss = softmax_cross_entropy(&mut tape, logits, &set.labels);
        let right = values
            .chunks_exact(super::data::CLASSES)
            .zip(&set.labels)
            .filter(|(row, label)| argmax(row) == **label)
            .count();
        (tape.value(loss).data()[0], right as f32 / set.len() as f32)
    }

    /// One update on the next batch of this epoch's shuffled order.
    fn train_one_step(&mut self) {
        let total = self.train.len();
        let batch = self.config.batch_size.clamp(1, total - self.cursor);
        self.fill_batch(batch);
        self.optimizer.set_learning_rate(self.learning_rate());

        let tape = &mut self.tape;
        tape.clear();
        let dropout = (self.config.dropout > 0.0).then_some((self.config.dropout, &mut self.rng));
        let pass = self
            .network
            .forward(tape, &self.batch_pixels, batch, dropout);
        let data_loss = softmax_cross_entropy(tape, pass.logits, &self.batch_labels);
        let weights: Vec<_> = pass.params.iter().map(|(w, _)| *w).collect();
        let loss = penalized_loss(tape, data_loss, &weights, &self.config);
        let batch_loss = tape.value(data_loss).data()[0];
        self.step += 1;
        if !tape.value(loss).data()[0].is_finite() {
            self.diverge(batch_loss);
            return;
        }
        tape.backward_into(loss, &mut self.grads);

        for (saved, live) in self.backup.params_mut().zip(self.network.params()) {
            saved.data_mut().copy_from_slice(live.data());
        }
        let grads = &self.grads;
        let gradients: Vec<_> = pass
            .params
            .iter()
            .flat_map(|(w, b)| [*w, *b])
            .filter_map(|var| grads.get(var))
            .collect();
        self.optimizer
            .step(self.network.params_mut().zip(gradients.iter().copied()));
        if !self
            .network
            .params()
            .all(|p| p.data().iter().all(|v| v.is_finite()))
        {
            self.diverge(batch_loss);
            return;
        }
        self.batch_loss = batch_loss;
        self.record_layer_stats(&weights);
        self.cursor += batch;
        if self.cursor >= total {
            self.end_epoch();
        }
    }

    /// Copies the next `batch` images of this epoch's order, augmented as set.
    fn fill_batch(&mut self, batch: usize) {
        let augment = self.config.digits.augment;
        self.batch_pixels.clear();
        self.batch_labels.clear();
        for &index in &self.order[self.cursor..self.cursor + batch] {
            let mut image: Image = [0.0; PIXELS];
            image.copy_from_slice(self.train.image(index));
            if augment.shift {
                image = random_shift(&image, &mut self.rng);
            }
            if augment.rotate {
                image = random_rotate(&image, &mut self.rng);
            }
            if augment.flip && self.rng.uniform() < 0.5 {
                image = flip(&image);
            }
            if augment.noise {
                image = add_noise(&image, NOISE_STD, &mut self.rng);
            }
            self.batch_pixels.extend_from_slice(&image);
            self.batch_labels.push(self.train.labels[index]);
        }
    }

    fn record_layer_stats(&mut self, weights: &[tensor::Var]) {
        let norms = self.optimizer.update_norms();
        self.layer_stats.clear();
        for (layer, (var, params)) in weights.iter().zip(&self.network.layers).enumerate() {
            let grad = self.grads.get(*var).map_or(&[][..], |g| g.data());
            let update = norms.get(2 * layer).copied().unwrap_or(0.0);
            self.layer_stats
                .push(LayerStats::measure(grad, params.weight.data(), update));
        }
    }

    /// The loss or a weight stopped being finite: keep the last finite weights.
    fn diverge(&mut self, loss: f32) {
        self.network.clone_from(&self.backup);
        self.stop = Some(Stop::Diverged {
            step: self.step,
            cause: Cause::LearningRate,
            loss,
            message: alloc::format!(
                "Training diverged at update {}: the loss stopped being finite. The weights before that update were kept. Lower the learning rate.",
                self.step
            ),
            message_zh: alloc::format!(
                "训练在第 {} 次更新时发散：损失不再是有限数。已保留那次更新之前的权重。请降低学习率。",
                self.step
            ),
        });
    }

    /// Closes an epoch: early stopping, then a new shuffled order.
    fn end_epoch(&mut self) {
        self.epoch += 1;
        self.cursor = 0;
        if self.config.patience > 0 {
            let test_loss = self.evaluate().test_loss;
            let patience = self.config.patience;
            if let Some((stop, weights)) = early_stop(
                &mut self.best,
                self.epoch,
                test_loss,
                patience,
                &self.network,
            ) {
                self.network = weights;
                self.stop = Some(stop);
            }
        }
        self.rng.shuffle(&mut self.order);
    }
}

/// The index of the largest value (the first of equals).
pub(super) fn argmax(row: &[f32]) -> usize {
    let mut best = 0;
    for (index, value) in row.iter().enumerate() {
        if *value > row[best] {
            best = index;
        }
    }
    best
}
