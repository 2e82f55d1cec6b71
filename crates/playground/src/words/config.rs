//! The words lab's part of the config: which text, which Word2Vec method,
//! the window, the negatives, the dimension and how many epochs. Training
//! settings shared with the other labs (optimizer, learning rate, batch,
//! seeds) stay in `Config`.

use alloc::string::String;

/// The text the embeddings learn from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CorpusChoice {
    /// The built-in Chinese sentences, words separated by spaces.
    #[default]
    Zh,
    /// The built-in English sentences.
    En,
    /// The learner's own text, the `text` setting.
    Custom,
}

/// How the embeddings are trained.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Method {
    /// Skip-gram with negative sampling: each word predicts the words around it.
    #[default]
    Sgns,
    /// Continuous bag of words: the mean of the words around predicts the word.
    Cbow,
}

/// The words lab's settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordsConfig {
    /// Which text.
    pub corpus: CorpusChoice,
    /// The learner's text, read when `corpus` is [`CorpusChoice::Custom`].
    pub text: String,
    /// Skip-gram or CBOW.
    pub method: Method,
    /// Context words on each side of a word.
    pub window: usize,
    /// Random words scored against each true context as non-contexts.
    pub negatives: usize,
    /// The length of each word's vector.
    pub dim: usize,
    /// Passes over the text, after which training finishes.
    pub epochs: u32,
}
