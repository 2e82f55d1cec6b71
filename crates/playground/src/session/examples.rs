//! Points turned into network inputs and targets. Owns the feature matrix, the
//! target encoding per loss, and the jittered copy used for augmentation.

use alloc::vec::Vec;

use tensor::Rng;

use crate::config::{Config, Features, LossKind};
use crate::dataset::Point;

/// A set of points with their inputs and targets laid out for the network.
#[derive(Clone, Debug, Default)]
pub struct Examples {
    /// The points themselves.
    pub points: Vec<Point>,
    /// `[len, features]`, row-major.
    pub inputs: Vec<f32>,
    /// `[len, output units]`, row-major: ±1 per unit for squared error on
    /// classes, 0/1 for two-class cross-entropy, the value for regression.
    pub targets: Vec<f32>,
    /// The class of each point (0 for regression).
    pub labels: Vec<usize>,
}

impl Examples {
    /// Lays out `points` for a network configured by `config`.
    pub fn new(points: Vec<Point>, config: &Config) -> Self {
        let mut inputs = Vec::with_capacity(points.len() * config.features.count());
        for p in &points {
            config.features.compute(p.x, p.y, &mut inputs);
        }
        let units = config.output_units();
        let mut targets = Vec::with_capacity(points.len() * units);
        let mut labels = Vec::with_capacity(points.len());
        for p in &points {
            let class = p.label.max(0.0) as usize;
            labels.push(class);
            match (config.class_count(), config.loss) {
                (None, _) => targets.push(p.label),
                (Some(2), LossKind::Mse) => targets.push(if class == 1 { 1.0 } else { -1.0 }),
                (Some(2), LossKind::CrossEntropy) => targets.push(class as f32),
                (Some(_), _) => {
                    targets.extend((0..units).map(|k| if k == class { 1.0 } else { -1.0 }))
                }
            }
        }
        Self {
            points,
            inputs,
            targets,
            labels,
        }
    }

    /// The number of examples.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// True when there are no examples.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// Inputs of the points moved by Gaussian jitter of standard deviation
    /// `sigma`, features recomputed: the augmented copy for one epoch.
    pub fn jittered_inputs(
        &self,
        features: &Features,
        sigma: f32,
        rng: &mut Rng,
        out: &mut Vec<f32>,
    ) {
        out.clear();
        for p in &self.points {
            let x = p.x + sigma * rng.normal();
            let y = p.y + sigma * rng.normal();
            features.compute(x, y, out);
        }
    }
}
