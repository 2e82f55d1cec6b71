//! The typed experiment configuration and its choice enums. Owns the meaning of
//! each field and the checks that span several fields; parsing, defaults and
//! limits of single fields come from the settings table in `settings`.

use alloc::string::String;
use alloc::vec::Vec;

use tensor::{Activation, Init};

use crate::attention::config::AttentionConfig;
use crate::dataset::{DatasetKind, Point};
use crate::digits::config::DigitsConfig;
use crate::lab::Lab;
use crate::sequence::config::SequenceConfig;
use crate::words::config::WordsConfig;

/// Classification (labels are classes) or regression (labels are numbers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Problem {
    /// Predict a class per point.
    #[default]
    Classification,
    /// Predict a number per point.
    Regression,
}

/// What the training minimises.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LossKind {
    /// Half the squared error, `0.5 (o - y)^2` averaged over the points, as
    /// TensorFlow Playground (classes as targets of +1 / -1 through a tanh
    /// output; past 2 classes one output per class, the halves summed).
    #[default]
    Mse,
    /// Cross-entropy on logits: sigmoid for two classes, softmax for more.
    CrossEntropy,
}

/// The optimizer's update rule (its hyperparameters are separate settings).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OptimizerChoice {
    /// Plain stochastic gradient descent.
    #[default]
    Sgd,
    /// SGD with momentum.
    Momentum,
    /// SGD with Nesterov momentum.
    Nesterov,
    /// RMSProp.
    RmsProp,
    /// Adam.
    Adam,
    /// Adam with decoupled weight decay.
    AdamW,
}

/// How the learning rate changes over epochs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Schedule {
    /// Always the base rate.
    #[default]
    Constant,
    /// Multiplied by the decay factor every `lr_epochs` epochs.
    Step,
    /// Half a cosine from the base rate down to 0 over `lr_epochs` epochs, then 0.
    Cosine,
}

/// The weight penalty added to the loss (TensorFlow Playground's `regularization`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Regularization {
    /// No penalty.
    #[default]
    None,
    /// `rate * sum |w|`: drives weights to exactly zero.
    L1,
    /// `rate * sum w^2 / 2`: shrinks every weight.
    L2,
}

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Follow the browser.
    #[default]
    Auto,
    /// English.
    En,
    /// Chinese.
    Zh,
}

/// How fast the page trains while playing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pace {
    /// One epoch a second.
    Epochs1,
    /// Three epochs a second.
    Epochs3,
    /// Ten epochs a second.
    Epochs10,
    /// Thirty epochs a second.
    Epochs30,
    /// A hundred epochs a second.
    Epochs100,
    /// As many as a frame's budget allows.
    #[default]
    Max,
}

impl Pace {
    /// Epochs per second, or `None` for as fast as possible.
    pub fn epochs_per_second(self) -> Option<u32> {
        match self {
            Pace::Epochs1 => Some(1),
            Pace::Epochs3 => Some(3),
            Pace::Epochs10 => Some(10),
            Pace::Epochs30 => Some(30),
            Pace::Epochs100 => Some(100),
            Pace::Max => None,
        }
    }
}

/// Which input features the network sees (TensorFlow Playground's seven).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// `x1`
    pub x: bool,
    /// `x2`
    pub y: bool,
    /// `x1^2`
    pub x_squared: bool,
    /// `x2^2`
    pub y_squared: bool,
    /// `x1 x2`
    pub x_times_y: bool,
    /// `sin x1`
    pub sin_x: bool,
    /// `sin x2`
    pub sin_y: bool,
}

/// Every setting of one experiment. Build it with [`Config::default`] or
/// [`Config::from_query`]; [`Config::validate`] checks what spans fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The lab: which of the other settings apply.
    pub lab: Lab,
    /// The digits lab's own settings.
    pub digits: DigitsConfig,
    /// The sequence lab's own settings.
    pub sequence: SequenceConfig,
    /// The words lab's own settings.
    pub words: WordsConfig,
    /// The attention lab's own settings.
    pub attention: AttentionConfig,
    /// Classification or regression.
    pub problem: Problem,
    /// The classification dataset.
    pub dataset: DatasetKind,
    /// The regression dataset.
    pub reg_dataset: DatasetKind,
    /// Number of classes (spiral and gauss; the others have 2).
    pub classes: usize,
    /// Number of points generated.
    pub num_samples: usize,
    /// Noise, in TensorFlow Playground's percent.
    pub noise: u32,
    /// Percent of the points used for training; the rest are test points.
    pub perc_train_data: u32,
    /// Seed of the data (points and split).
    pub seed: String,
    /// Input features.
    pub features: Features,
    /// Hidden layer widths, input side first.
    pub network_shape: Vec<usize>,
    /// Hidden activation.
    pub activation: Activation,
    /// Weight initialisation scheme.
    pub init: Init,
    /// Multiplier on every initial weight.
    pub init_scale: f32,
    /// Seed of the initial weights, dropout masks and augmentation noise.
    pub init_seed: String,
    /// The loss.
    pub loss: LossKind,
    /// The optimizer.
    pub optimizer: OptimizerChoice,
    /// Base learning rate.
    pub learning_rate: f32,
    /// Momentum coefficient (momentum and Nesterov).
    pub momentum: f32,
    /// Adam's first-moment decay.
    pub beta1: f32,
    /// Adam's second-moment decay.
    pub beta2: f32,
    /// RMSProp's squared-gradient decay.
    pub rho: f32,
    /// AdamW's decoupled weight decay.
    pub weight_decay: f32,
    /// Learning-rate schedule.
    pub lr_schedule: Schedule,
    /// Schedule period in epochs.
    pub lr_epochs: u32,
    /// Step-decay factor.
    pub lr_decay: f32,
    /// Examples per update (a batch larger than the training set uses all of it).
    pub batch_size: usize,
    /// Weight penalty kind.
    pub regularization: Regularization,
    /// Weight penalty rate.
    pub regularization_rate: f32,
    /// Dropout rate on hidden units during training.
    pub dropout: f32,
    /// Standard deviation of the jitter added to training inputs each epoch.
    pub augment_noise: f32,
    /// Early-stopping patience in epochs (0 = off).
    pub patience: u32,
    /// Points added by hand.
    pub user_points: Vec<Point>,
    /// Whether the page draws test points.
    pub show_test_data: bool,
    /// Whether the page draws hard class regions instead of confidence.
    pub discretize: bool,
    /// Interface language.
    pub lang: Lang,
    /// How fast the page trains while playing.
    pub speed: Pace,
    /// The epoch at whose end the page pauses by itself (0: never). A view
    /// setting: training itself does not read it; the CLI trains to it when
    /// given no length.
    pub pause_at: u32,
}

impl Config {
    /// The dataset in use for the current problem.
    pub fn active_dataset(&self) -> DatasetKind {
        match self.problem {
            Problem::Classification => self.dataset,
            Problem::Regression => self.reg_dataset,
        }
    }

    /// The number of classes, or `None` for regression.
    pub fn class_count(&self) -> Option<usize> {
        match self.problem {
            Problem::Regression => None,
            Problem::Classification if self.dataset.has_class_choice() => Some(self.classes),
            Problem::Classification => Some(2),
        }
    }

    /// How many output units the network has: one for regression and for two
    /// classes (TensorFlow Playground's single output), one per class otherwise.
    pub fn output_units(&self) -> usize {
        match self.class_count() {
            Some(classes) if classes > 2 => classes,
            _ => 1,
        }
    }

    /// The learning rate the schedule gives in `epoch` (counted from 0).
    pub fn learning_rate_at(&self, epoch: u64) -> f32 {
        let base = self.learning_rate;
        let period = self.lr_epochs.max(1) as f32;
        let epoch = epoch as f32;
        match self.lr_schedule {
            Schedule::Constant => base,
            Schedule::Step => base * libm::powf(self.lr_decay, libm::floorf(epoch / period)),
            Schedule::Cosine => {
                let progress = (epoch / period).min(1.0);
                base * 0.5 * (1.0 + libm::cosf(core::f32::consts::PI * progress))
            }
        }
    }

    /// The layer widths of the whole network, inputs first.
    pub fn layer_sizes(&self) -> Vec<usize> {
        let mut sizes = Vec::with_capacity(self.network_shape.len() + 2);
        sizes.push(self.features.count());
        sizes.extend_from_slice(&self.network_shape);
        sizes.push(self.output_units());
        sizes
    }
}

impl Features {
    /// The URL keys of the features, in input order.
    pub const KEYS: [&'static str; 7] =
        ["x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"];

    /// Every feature on.
    pub const ALL: Features = Features {
        x: true,
        y: true,
        x_squared: true,
        y_squared: true,
        x_times_y: true,
        sin_x: true,
        sin_y: true,
    };

    /// Whether each feature is on, in [`Features::KEYS`] order.
    pub fn flags(&self) -> [bool; 7] {
        [
            self.x,
            self.y,
            self.x_squared,
            self.y_squared,
            self.x_times_y,
            self.sin_x,
            self.sin_y,
        ]
    }

    /// How many features are on.
    pub fn count(&self) -> usize {
        self.flags().iter().filter(|&&on| on).count()
    }

    /// Appends the enabled features of the point `(x, y)` to `out`, in key order.
    pub fn compute(&self, x: f32, y: f32, out: &mut Vec<f32>) {
        let start = out.len();
        out.resize(start + self.count(), 0.0);
        self.compute_columns(&[x], &[y], &mut out[start..]);
    }

    /// The enabled features of the points `(xs[p], ys[p])` held column-wise:
    /// one row of `xs.len()` values per feature in `out`, in key order. The
    /// rows are plain loops, which vectorize.
    pub fn compute_columns(&self, xs: &[f32], ys: &[f32], out: &mut [f32]) {
        fn fill(row: &mut [f32], xs: &[f32], ys: &[f32], feature: impl Fn(f32, f32) -> f32) {
            for ((value, &x), &y) in row.iter_mut().zip(xs).zip(ys) {
                *value = feature(x, y);
            }
        }
        let mut rows = out.chunks_exact_mut(xs.len().max(1));
        for (index, on) in self.flags().into_iter().enumerate() {
            if !on {
                continue;
            }
            let Some(row) = rows.next() else {
                return;
            };
            match index {
                0 => fill(row, xs, ys, |x, _| x),
                1 => fill(row, xs, ys, |_, y| y),
                2 => fill(row, xs, ys, |x, _| x * x),
                3 => fill(row, xs, ys, |_, y| y * y),
                4 => fill(row, xs, ys, |x, y| x * y),
                5 => fill(row, xs, ys, |x, _| libm::sinf(x)),
                _ => fill(row, xs, ys, |_, y| libm::sinf(y)),
            }
        }
    }
}

impl Config {
    /// A config with placeholder values, for [`Default`] to overwrite from the table.
    pub(crate) fn blank() -> Self {
        Self {
            lab: Lab::default(),
            digits: DigitsConfig::default(),
            sequence: SequenceConfig::default(),
            words: WordsConfig::default(),
            attention: AttentionConfig::default(),
            problem: Problem::default(),
            dataset: DatasetKind::Spiral,
            reg_dataset: DatasetKind::Plane,
            classes: 2,
            num_samples: 0,
            noise: 0,
            perc_train_data: 50,
            seed: String::new(),
            features: Features::default(),
            network_shape: Vec::new(),
            activation: Activation::Tanh,
            init: Init::Uniform,
            init_scale: 1.0,
            init_seed: String::new(),
            loss: LossKind::default(),
            optimizer: OptimizerChoice::default(),
            learning_rate: 0.0,
            momentum: 0.0,
            beta1: 0.0,
            beta2: 0.0,
            rho: 0.0,
            weight_decay: 0.0,
            lr_schedule: Schedule::default(),
            lr_epochs: 1,
            lr_decay: 1.0,
            batch_size: 1,
            regularization: Regularization::default(),
            regularization_rate: 0.0,
            dropout: 0.0,
            augment_noise: 0.0,
            patience: 0,
            user_points: Vec::new(),
            show_test_data: false,
            discretize: false,
            lang: Lang::default(),
            speed: Pace::default(),
            pause_at: 0,
        }
    }
}

/// A 64-bit seed from a seed text: its value if it is a whole number, else its
/// FNV-1a hash (so TensorFlow Playground's seeds like `0.12345` work too).
pub fn seed_value(text: &str) -> u64 {
    text.parse::<u64>().unwrap_or_else(|_| {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    })
}
