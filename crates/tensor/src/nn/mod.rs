//! Layers built from tape operations (a fully connected layer and a multilayer
//! perceptron), and the multilayer perceptron's tape-free training step.

mod columns;
mod fused;
mod linear;
mod mlp;
mod target;

pub use columns::Columns;
pub use fused::Workspace;
pub use linear::Linear;
pub use mlp::{Mlp, MlpVars};
pub use target::{Penalty, PenaltyKind, Target};
