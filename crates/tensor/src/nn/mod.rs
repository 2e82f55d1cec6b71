//! Layers built from tape operations (a fully connected layer, a multilayer
//! perceptron and a recurrent layer), and the multilayer perceptron's tape-free
//! training step.

mod cells;
mod columns;
mod fused;
mod linear;
mod mlp;
mod recurrent;
mod target;

pub use cells::Cell;
pub use columns::Columns;
pub use fused::Workspace;
pub use linear::Linear;
pub use mlp::{Mlp, MlpVars};
pub use recurrent::{Gate, Recurrent, State, Step, Unrolled};
pub use target::{Penalty, PenaltyKind, Target};
