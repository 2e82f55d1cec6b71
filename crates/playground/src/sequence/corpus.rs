//! The text task's corpus: short Chinese and English sentences written for this project
//! (`corpus.py` writes `corpus.txt`), read as words (spaced as in 我 爱 深度 学习) or as
//! characters, split by the data seed into training and test sentences, and the unigram
//! baseline a model that ignores the context reaches.

use alloc::vec::Vec;
use tensor::Rng;

/// The corpus, one sentence a line, words separated by spaces.
pub const TEXT: &str = include_str!("corpus.txt");

/// The percent of the sentences held out for testing (rounded down).
pub const TEST_PERCENT: usize = 20;

/// What one token of the text is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Units {
    /// A word, as the spaces cut them; a sentence ends with its full stop (。 or .).
    #[default]
    Words,
    /// A character, the spaces and each line's end included.
    Characters,
}

/// The corpus as token ids: its vocabulary (sorted, so an id does not depend on the order
/// of the sentences) and each sentence's tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corpus {
    /// Every distinct token, sorted; a token's id is its index.
    pub vocabulary: Vec<&'static str>,
    /// Each sentence's token ids, in the file's order.
    pub sentences: Vec<Vec<u16>>,
}

/// The tokens of one line.
fn tokens(line: &'static str, units: Units) -> Vec<&'static str> {
    match units {
        Units::Words => line.split(' ').filter(|word| !word.is_empty()).collect(),
        Units::Characters => {
            let mut chars: Vec<&'static str> = line
                .char_indices()
                .map(|(at, c)| &line[at..at + c.len_utf8()])
                .collect();
            chars.push("\n");
            chars
        }
    }
}

impl Corpus {
    /// The shipped corpus read as `units`.
    pub fn new(units: Units) -> Self {
        Self::read(TEXT, units)
    }

    /// `text` (one sentence a line) read as `units`.
    ///
    /// # Panics
    /// If `text` has more than 65,536 distinct tokens.
    pub fn read(text: &'static str, units: Units) -> Self {
        let lines: Vec<&'static str> = text
            .lines()
            .filter(|line| !line.trim().is_empty())
            .collect();
        let mut vocabulary: Vec<&'static str> =
            lines.iter().flat_map(|line| tokens(line, units)).collect();
        vocabulary.sort_unstable();
        vocabulary.dedup();
        assert!(
            vocabulary.len() <= 1 << 16,
            "Corpus::read: too many distinct tokens"
        );
        let sentences = lines
            .iter()
            .map(|line| {
                tokens(line, units)
                    .iter()
                    .map(|token| vocabulary.binary_search(token).unwrap_or_default() as u16)
                    .collect()
            })
            .collect();
        Self {
            vocabulary,
            sentences,
        }
    }

    /// The id of `token`, if the corpus has it.
    pub fn id(&self, token: &str) -> Option<u16> {
        self.vocabulary
            .binary_search(&token)
            .ok()
            .map(|id| id as u16)
    }

    /// The sentences cut in two by `Rng::new(seed)`: they are shuffled, the first
    /// `TEST_PERCENT`% held out for testing, and each side's sentences joined into one stream
    /// of tokens, in the shuffled order.
    pub fn split(&self, seed: u64) -> TextSplit {
        let mut order: Vec<usize> = (0..self.sentences.len()).collect();
        Rng::new(seed).shuffle(&mut order);
        let held_out = self.sentences.len() * TEST_PERCENT / 100;
        let stream = |indices: &[usize]| -> Vec<u16> {
            indices
                .iter()
                .flat_map(|&i| self.sentences[i].iter().copied())
                .collect()
        };
        let mut train_starts = Vec::with_capacity(order.len() - held_out);
        let mut at = 0;
        for &i in &order[held_out..] {
            train_starts.push(at);
            at += self.sentences[i].len();
        }
        TextSplit {
            train: stream(&order[held_out..]),
            test: stream(&order[..held_out]),
            train_starts,
        }
    }
}

/// The training and test token streams.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSplit {
    /// The tokens the network trains on.
    pub train: Vec<u16>,
    /// The held-out tokens the test loss is measured on.
    pub test: Vec<u16>,
    /// Where each training sentence starts in `train`, in order.
    pub train_starts: Vec<usize>,
}

impl TextSplit {
    /// Training sentence `index`'s tokens.
    pub fn train_sentence(&self, index: usize) -> &[u16] {
        let start = self.train_starts[index];
        let end = self
            .train_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.train.len());
        &self.train[start..end]
    }
}

impl TextSplit {
    /// The unigram baseline in nats: the mean cross-entropy of the test tokens under each
    /// token's frequency in the training stream, add-one smoothed over `vocabulary` tokens
    /// (so a token the training stream lacks costs a finite loss).
    pub fn unigram_loss(&self, vocabulary: usize) -> f32 {
        let mut counts = alloc::vec![0u32; vocabulary];
        for &token in &self.train {
            counts[usize::from(token)] += 1;
        }
        let total = (self.train.len() + vocabulary) as f64;
        let loss: f64 = self
            .test
            .iter()
            .map(|&token| -libm::log((f64::from(counts[usize::from(token)]) + 1.0) / total))
            .sum();
        (loss / self.test.len().max(1) as f64) as f32
    }
}
