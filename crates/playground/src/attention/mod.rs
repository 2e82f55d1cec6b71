//! The attention lab's engine: the symbol tasks (copy, reverse, sort) and the
//! sequence lab's text read by a causal decoder, a small Transformer, its
//! training session, and what the views read (every head's attention, one
//! head's walk, knock-outs, per-position accuracy, prompts). Knows nothing of the page.

pub mod config;
mod model;
mod session;
pub(crate) mod tasks;
mod views;

pub use crate::session::EPOCH_STEPS;
pub use model::{AttentionModel, Pass, sinusoidal_table};
pub use session::{AttentionSession, Scores};
pub use tasks::{SYMBOLS, Sequences, TEST_SEQUENCES, TaskSource, answer};
pub use views::{HeadWalk, Reading, TestReport};
