//! Weight initialisation schemes. Owns how a fresh layer's numbers are drawn;
//! the order of draws is fixed (row-major over `[in, out]`), so a seed fixes them.

use alloc::vec::Vec;

use crate::{Rng, Tensor};

/// How a layer's weights (and biases) start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Init {
    /// Uniform in (-0.5, 0.5) with biases 0.1: what TensorFlow Playground uses.
    Uniform,
    /// Glorot/Xavier uniform: U(-a, a), `a = sqrt(6 / (in + out))`; biases 0.
    Xavier,
    /// He/Kaiming normal: N(0, 2 / in); biases 0. Suited to ReLU.
    He,
    /// Every weight and bias 0: all units of a layer stay identical forever
    /// (the symmetry problem), shown on purpose.
    Zeros,
}

impl Init {
    /// Every scheme, in menu order.
    pub const ALL: [Init; 4] = [Init::Uniform, Init::Xavier, Init::He, Init::Zeros];

    /// A weight matrix `[in_dim, out_dim]` drawn from `rng`, every weight multiplied by `scale`.
    pub fn weights(self, in_dim: usize, out_dim: usize, scale: f32, rng: &mut Rng) -> Tensor {
        let count = in_dim * out_dim;
        let data: Vec<f32> = match self {
            Init::Uniform => (0..count).map(|_| rng.uniform() - 0.5).collect(),
            Init::Xavier => {
                let limit = libm::sqrtf(6.0 / (in_dim + out_dim) as f32);
                (0..count)
                    .map(|_| rng.uniform_range(-limit, limit))
                    .collect()
            }
            Init::He => {
                let std = libm::sqrtf(2.0 / in_dim as f32);
                (0..count).map(|_| std * rng.normal()).collect()
            }
            Init::Zeros => alloc::vec![0.0; count],
        };
        Tensor::new(
            [in_dim, out_dim],
            data.into_iter().map(|w| w * scale).collect(),
        )
    }

    /// The starting bias of every unit.
    pub fn bias(self) -> f32 {
        match self {
            Init::Uniform => 0.1,
            Init::Xavier | Init::He | Init::Zeros => 0.0,
        }
    }
}
