//! The sequence lab's engine: its two tasks' data (the text corpus read as words or
//! characters with its unigram baseline, and the adding problem). Knows nothing of the page.

mod adding;
mod corpus;

pub use adding::{AddingSet, BASELINE_MSE, FEATURES, LENGTHS};
pub use corpus::{Corpus, TEST_PERCENT, TEXT, TextSplit, Units};
