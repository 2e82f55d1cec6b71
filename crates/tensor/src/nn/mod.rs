//! Layers built from tape operations (a fully connected layer, a multilayer
//! perceptron, a recurrent layer, and attention with the Transformer block and
//! its embeddings), and the multilayer perceptron's tape-free training step.

mod attention;
mod block;
mod cells;
mod columns;
mod fused;
mod linear;
mod mlp;
mod positional;
mod recurrent;
mod target;

pub use attention::{Attention, AttentionVars};
pub use block::{BlockVars, LAYER_NORM_EPS, LayerNorm, TransformerBlock};
pub use cells::Cell;
pub use columns::Columns;
pub use fused::Workspace;
pub use linear::Linear;
pub use mlp::{Mlp, MlpVars};
pub use positional::{Embeddings, EmbeddingsVars};
pub use recurrent::{Gate, Recurrent, State, Step, Unrolled};
pub use target::{Penalty, PenaltyKind, Target};
