//! The words lab's engine: the built-in texts and their word groups, a pasted
//! text read as sentences, Word2Vec's examples and noise distribution, the
//! training session (skip-gram or CBOW with negative sampling) and what the
//! views read (neighbours, analogies, the projection, co-occurrence counts).
//! Knows nothing of the page.

pub mod config;
mod corpus;
mod examples;
mod groups;
mod noise;
mod scoring;
mod session;
mod vectors_file;
mod views;

pub use corpus::{EN_TEXT, MAX_VOCAB, MIN_TEXT_WORDS, WordCorpus, ZH_TEXT, pasted_text_problem};
pub use examples::{Examples, TEST_PERCENT};
pub use groups::{EN_GROUPS, Group, ZH_GROUPS};
pub use noise::{NOISE_POWER, Noise};
pub use session::WordsSession;
pub use views::{Neighbour, Summary};
