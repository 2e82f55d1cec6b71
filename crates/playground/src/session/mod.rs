//! The training session: data, network and optimizer for one `Config`, trained
//! step by step. Owns the session's lifecycle (build, reset, new weights, live
//! setting changes); training, metrics and grid prediction live in submodules.

mod divergence;
mod examples;
mod export;
mod grid;
#[cfg(feature = "json")]
mod json;
mod metrics;
mod objective;
mod shared;
mod tape_training;
mod train;

use alloc::string::ToString;
use alloc::vec::Vec;

use tensor::nn::{Mlp, Workspace};
use tensor::{Optimizer, OptimizerKind, Rng};

use crate::config::{Config, OptimizerChoice, seed_value};
use crate::dataset::{DataSpec, Point, generate, split};
use crate::error::{ConfigError, FileError};
use crate::lab::Lab;
use crate::settings;

pub use examples::Examples;
pub use export::{
    DataFile, EXPORT_VERSION, LayerFile, MAX_DATA_POINTS, PointRow, WeightsFile, parse_data_with,
};
pub use grid::{GRID_EXTENT, Grid};
#[cfg(feature = "json")]
pub use json::parse_data;
pub use metrics::{Cause, Evaluation, LayerStats, Metrics, Stop};
pub use objective::Objective;
pub(crate) use shared::{Best, early_stop, penalized_loss, take_live};
pub use tape_training::EPOCH_STEPS;
pub(crate) use tape_training::{Blame, TapeTraining, Weights};

/// The largest grid a prediction may cover, in points.
pub const MAX_GRID_POINTS: usize = 512 * 512;

/// One experiment being trained.
#[derive(Debug)]
pub struct Session {
    config: Config,
    objective: Objective,
    train: Examples,
    test: Examples,
    model: Mlp,
    optimizer: Optimizer,
    /// Dropout masks and augmentation jitter.
    rng: Rng,
    /// The training step's buffers and gradients.
    workspace: Workspace,
    /// Updates taken so far.
    step: u64,
    /// Epochs completed so far.
    epoch: u64,
    /// Position in the training set within the current epoch.
    cursor: usize,
    /// The training inputs used this epoch (jittered when augmenting).
    epoch_inputs: Vec<f32>,
    /// The weights before the last update, restored when it diverges.
    backup: Mlp,
    /// The mean loss of the last batch, penalty excluded.
    batch_loss: f32,
    /// Gradient norm and update ratio of each layer at the last update.
    layer_stats: Vec<LayerStats>,
    /// The first update from the starting weights (or imported or edited
    /// ones) and the largest layer gradient norm it found, for naming the
    /// cause of a divergence; `None` until that update.
    first_update: Option<(u64, f32)>,
    /// The epoch with the lowest test loss so far, its loss and its weights.
    best: Best<Mlp>,
    stop: Option<Stop>,
    /// Reusable prediction buffers.
    grid: Grid,
}

impl Session {
    /// Builds the data, the network and the optimizer for `config`.
    ///
    /// # Errors
    /// When `config` breaks a rule that spans several settings, or is of another lab.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.validate_for(Lab::Plane)?;
        let objective = Objective::of(&config);
        let (train, test) = build_data(&config);
        let model = build_model(&config, objective);
        let mut session = Self {
            optimizer: build_optimizer(&config),
            rng: Rng::new(seed_value(&config.init_seed) ^ 0x5eed_d0d0),
            workspace: Workspace::new(),
            step: 0,
            epoch: 0,
            cursor: 0,
            epoch_inputs: Vec::new(),
            backup: model.clone(),
            batch_loss: f32::NAN,
            layer_stats: Vec::new(),
            first_update: None,
            best: None,
            stop: None,
            grid: Grid::default(),
            config,
            objective,
            train,
            test,
            model,
        };
        session.begin_epoch();
        Ok(session)
    }

    /// The settings this session runs.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// How outputs are read and scored.
    pub fn objective(&self) -> Objective {
        self.objective
    }

    /// The training examples, in training order.
    pub fn train_set(&self) -> &Examples {
        &self.train
    }

    /// The test examples.
    pub fn test_set(&self) -> &Examples {
        &self.test
    }

    /// The network.
    pub fn model(&self) -> &Mlp {
        &self.model
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

    /// Starts over with the same data and the same initial weights.
    pub fn reset(&mut self) {
        if let Ok(fresh) = Session::new(self.config.clone()) {
            *self = fresh;
        }
    }

    /// Starts over with the next weight seed (same data), and returns it.
    pub fn new_weights(&mut self) -> &str {
        let next = seed_value(&self.config.init_seed).wrapping_add(1) % 1_000_000_000;
        self.config.init_seed = next.to_string();
        self.reset();
        &self.config.init_seed
    }

    /// Switches to `config`. A change of settings the table marks live (those
    /// that only steer training, and the view settings) applies from the next
    /// step and keeps the trained weights; a change of any other setting that
    /// matters rebuilds the session ([`settings::rebuilds`]). After a
    /// divergence a new learning rate rebuilds it too: the kept weights are
    /// blown up, so the new rate starts over from the link's initial weights.
    ///
    /// # Errors
    /// When `config` breaks a rule that spans several settings; the session is then unchanged.
    pub fn set_config(&mut self, config: Config) -> Result<(), ConfigError> {
        config.validate()?;
        let diverged = matches!(self.stop, Some(Stop::Diverged { .. }));
        let new_rate = config.learning_rate.to_bits() != self.config.learning_rate.to_bits();
        if settings::rebuilds(&self.config, &config) || (diverged && new_rate) {
            *self = Session::new(config)?;
            return Ok(());
        }
        take_live(
            &self.config,
            &config,
            &mut self.optimizer,
            &mut self.best,
            &mut self.stop,
        );
        self.config = config;
        Ok(())
    }

    /// Replaces the network's weights (an import), keeping the data.
    ///
    /// # Errors
    /// A message when the layer sizes differ from this session's network.
    pub fn set_model(&mut self, model: Mlp) -> Result<(), FileError> {
        if model.sizes() != self.model.sizes() {
            return Err(FileError::layer_sizes(&model.sizes(), &self.model.sizes()));
        }
        self.model.layers = model.layers;
        self.backup = self.model.clone();
        self.first_update = None;
        self.stop = None;
        Ok(())
    }

    /// Sets one weight (`layer`, from input `from` to unit `to`) or, with `from`
    /// equal to the layer's input count, that unit's bias. Returns false when
    /// the position does not exist or the value is not finite.
    pub fn set_weight(&mut self, layer: usize, from: usize, to: usize, value: f32) -> bool {
        let Some(linear) = self.model.layers.get_mut(layer) else {
            return false;
        };
        let (inputs, units) = (linear.in_dim(), linear.out_dim());
        if !value.is_finite() || to >= units || from > inputs {
            return false;
        }
        if from == inputs {
            linear.bias.data_mut()[to] = value;
        } else {
            linear.weight.data_mut()[from * units + to] = value;
        }
        self.first_update = None;
        true
    }
}

/// Generates, splits and lays out the points; hand-added points join the training set.
fn build_data(config: &Config) -> (Examples, Examples) {
    let spec = DataSpec {
        kind: config.active_dataset(),
        classes: config.classes,
        points: config.num_samples,
        noise: config.noise as f32,
        seed: seed_value(&config.seed),
    };
    let mut rng = Rng::new(spec.seed ^ 0x5917_0000);
    let parts = split(generate(&spec), config.perc_train_data, &mut rng);
    let mut train: Vec<Point> = parts.train;
    train.extend_from_slice(&config.user_points);
    (
        Examples::new(train, config),
        Examples::new(parts.test, config),
    )
}

fn build_model(config: &Config, objective: Objective) -> Mlp {
    let mut rng = Rng::new(seed_value(&config.init_seed));
    Mlp::new(
        &config.layer_sizes(),
        config.activation,
        objective.output_activation(),
        config.init,
        config.init_scale,
        &mut rng,
    )
}

/// The optimizer rule and constants `config` names.
pub(crate) fn optimizer_kind(config: &Config) -> OptimizerKind {
    let (beta1, beta2, eps) = (config.beta1, config.beta2, 1e-8);
    match config.optimizer {
        OptimizerChoice::Sgd => OptimizerKind::Sgd,
        OptimizerChoice::Momentum => OptimizerKind::Momentum {
            beta: config.momentum,
        },
        OptimizerChoice::Nesterov => OptimizerKind::Nesterov {
            beta: config.momentum,
        },
        OptimizerChoice::RmsProp => OptimizerKind::RmsProp {
            rho: config.rho,
            eps,
        },
        OptimizerChoice::Adam => OptimizerKind::Adam { beta1, beta2, eps },
        OptimizerChoice::AdamW => OptimizerKind::AdamW {
            beta1,
            beta2,
            eps,
            weight_decay: config.weight_decay,
        },
    }
}

/// A fresh optimizer for `config`.
pub(crate) fn build_optimizer(config: &Config) -> Optimizer {
    Optimizer::new(optimizer_kind(config), config.learning_rate)
}
