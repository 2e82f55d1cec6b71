//! Layers built from tape operations: a fully connected layer and a multilayer perceptron.

mod linear;
mod mlp;

pub use linear::Linear;
pub use mlp::{Mlp, MlpVars};
