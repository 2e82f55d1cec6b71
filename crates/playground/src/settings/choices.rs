//! The spelled-out names of every choice setting, in menu order. Owns the
//! mapping between enum values and the words that appear in links.

use tensor::{Activation, Init};

use crate::config::{Lang, LossKind, OptimizerChoice, Problem, Regularization, Schedule};
use crate::dataset::DatasetKind;

/// An enum whose values are offered as named choices.
pub trait Named: Copy + PartialEq + 'static {
    /// Every value, in menu order.
    const ALL: &'static [Self];
    /// The link spelling of each value, in the same order.
    const NAMES: &'static [&'static str];
}

/// The menu position of `value`.
pub fn index_of<T: Named>(value: T) -> usize {
    T::ALL.iter().position(|v| *v == value).unwrap_or(0)
}

/// The value at menu position `index` (the first one if out of range).
pub fn pick<T: Named>(index: usize) -> T {
    T::ALL.get(index).copied().unwrap_or(T::ALL[0])
}

/// A classification dataset (the `dataset` key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassSet(pub DatasetKind);

/// A regression dataset (the `regDataset` key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegSet(pub DatasetKind);

impl Named for ClassSet {
    const ALL: &'static [Self] = &[
        ClassSet(DatasetKind::Circle),
        ClassSet(DatasetKind::Xor),
        ClassSet(DatasetKind::Gauss),
        ClassSet(DatasetKind::Spiral),
        ClassSet(DatasetKind::Moons),
    ];
    const NAMES: &'static [&'static str] = &["circle", "xor", "gauss", "spiral", "moons"];
}

impl Named for RegSet {
    const ALL: &'static [Self] = &[RegSet(DatasetKind::Plane), RegSet(DatasetKind::MultiGauss)];
    const NAMES: &'static [&'static str] = &["reg-plane", "reg-gauss"];
}

impl Named for Problem {
    const ALL: &'static [Self] = &[Problem::Classification, Problem::Regression];
    const NAMES: &'static [&'static str] = &["classification", "regression"];
}

impl Named for Activation {
    const ALL: &'static [Self] = &Activation::ALL;
    const NAMES: &'static [&'static str] = &[
        "relu",
        "leakyRelu",
        "elu",
        "gelu",
        "softplus",
        "sigmoid",
        "tanh",
        "linear",
        "sine",
    ];
}

impl Named for Init {
    const ALL: &'static [Self] = &Init::ALL;
    const NAMES: &'static [&'static str] = &["uniform", "xavier", "he", "zeros"];
}

impl Named for LossKind {
    const ALL: &'static [Self] = &[LossKind::Mse, LossKind::CrossEntropy];
    const NAMES: &'static [&'static str] = &["mse", "crossEntropy"];
}

impl Named for OptimizerChoice {
    const ALL: &'static [Self] = &[
        OptimizerChoice::Sgd,
        OptimizerChoice::Momentum,
        OptimizerChoice::Nesterov,
        OptimizerChoice::RmsProp,
        OptimizerChoice::Adam,
        OptimizerChoice::AdamW,
    ];
    const NAMES: &'static [&'static str] =
        &["sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"];
}

impl Named for Schedule {
    const ALL: &'static [Self] = &[Schedule::Constant, Schedule::Step, Schedule::Cosine];
    const NAMES: &'static [&'static str] = &["constant", "step", "cosine"];
}

impl Named for Regularization {
    const ALL: &'static [Self] = &[Regularization::None, Regularization::L1, Regularization::L2];
    const NAMES: &'static [&'static str] = &["none", "L1", "L2"];
}

impl Named for Lang {
    const ALL: &'static [Self] = &[Lang::Auto, Lang::En, Lang::Zh];
    const NAMES: &'static [&'static str] = &["auto", "en", "zh"];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T: Named>() {
        assert_eq!(T::ALL.len(), T::NAMES.len());
        for (i, value) in T::ALL.iter().enumerate() {
            assert_eq!(index_of(*value), i);
            assert!(pick::<T>(i) == *value);
        }
    }

    #[test]
    fn every_choice_has_one_name_per_value() {
        check::<ClassSet>();
        check::<RegSet>();
        check::<Problem>();
        check::<Activation>();
        check::<Init>();
        check::<LossKind>();
        check::<OptimizerChoice>();
        check::<Schedule>();
        check::<Regularization>();
        check::<Lang>();
    }
}
