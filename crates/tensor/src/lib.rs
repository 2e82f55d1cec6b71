//! A no_std tensor with reverse-mode autograd, layers, losses and optimizers,
//! small enough to read in an evening and fast on tiny networks.
//!
//! Values are f32, row-major and contiguous, of rank 0 to 4. Operations on a
//! [`Tape`] compute eagerly and record a node; [`Tape::backward`] walks the
//! nodes in reverse and returns a [`Grads`] store. Parameters live outside the
//! tape (in [`nn::Mlp`], say) and never hold gradients.
//!
//! ```
//! use tensor::{Tape, Tensor};
//! let mut tape = Tape::new();
//! let w = tape.param(&Tensor::new([2], vec![3.0, -1.0]));
//! let y = tape.mul(w, w); // used twice: d(w*w)/dw = 2w
//! let loss = tape.sum(y);
//! let grads = tape.backward(loss);
//! assert_eq!(grads.get(w).unwrap().data(), &[6.0, -2.0]);
//! ```
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod activation;
mod attention_core;
mod backward;
mod batched;
mod clip;
mod conv_grad;
mod derived;
pub mod direct_conv;
mod embedding;
mod im2col;
mod image;
mod init;
pub mod kernels;
pub mod loss;
mod math;
pub mod nn;
mod norm;
mod optim;
mod pool;
pub mod rng;
mod row_bias;
mod row_dot;
mod rows;
mod shape;
mod sparse;
pub mod stats;
mod tape;
mod tensor;
mod unary;

pub use activation::{Activation, LEAKY_RELU_SLOPE};
pub use backward::Grads;
pub use clip::global_norm;
pub use init::Init;
pub use optim::{Optimizer, OptimizerKind};
pub use rng::Rng;
pub use rows::RowGrad;
pub use shape::{MAX_RANK, Shape};
pub use tape::{Tape, Var};
pub use tensor::Tensor;
pub use unary::{Unary, fast_tanh, positive_part, sigmoid};
