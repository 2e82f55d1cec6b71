//! The sequence lab's engine: its three tasks' data (the text corpus read as words or
//! characters with its unigram baseline, the adding problem, and digit reversal), the
//! recurrent network, its training session by backpropagation through time and what the
//! views read. Knows nothing of the page.

mod adding;
pub mod config;
mod corpus;
mod loss;
mod model;
mod prompt;
mod session;
mod task_data;
mod views;

pub use crate::session::EPOCH_STEPS;
pub use adding::{AddingSet, BASELINE_MSE, FEATURES, LENGTHS};
pub use corpus::{Corpus, TEST_PERCENT, TEXT, TextSplit, Units};
pub(crate) use loss::argmax;
pub use model::{EMBEDDING, Inputs, Pass, SequenceModel};
pub use prompt::{
    MAX_PROMPT_CHARS, MAX_SAMPLE_TOKENS, TEMPERATURES, detokenize, sample, softmax, tokenize,
};
pub use session::{GradientReport, SequenceSession};
pub use task_data::{ADDING_TEST_SEQUENCES, Batch, CUE, REVERSE_TOKENS, TaskData};
pub use views::Trace;
