//! The examples Word2Vec trains on, cut from the sentences by the window:
//! skip-gram takes each (word, context word) pair as an example, CBOW each
//! word with all the context words around it. Also the split of the
//! sentences into training and test text.

use alloc::vec::Vec;

use tensor::Rng;

use super::config::Method;

/// The share of sentences held out as test text, in percent.
pub const TEST_PERCENT: usize = 10;
/// The fewest sentences a text needs before any is held out.
const MIN_SENTENCES_TO_SPLIT: usize = 10;

/// Examples: a word, and the context words it is trained with (one for
/// skip-gram, the window for CBOW).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Examples {
    /// Each example's word.
    pub words: Vec<u32>,
    /// The context words of every example, one after the other.
    contexts: Vec<u32>,
    /// Where each example's context words start in `contexts`, plus the end.
    starts: Vec<u32>,
}

impl Examples {
    /// The examples of `sentences` for `method` with `window` words on each side.
    pub fn new<'a>(
        sentences: impl IntoIterator<Item = &'a [u32]>,
        method: Method,
        window: usize,
    ) -> Self {
        let mut examples = Self {
            starts: alloc::vec![0],
            ..Self::default()
        };
        for sentence in sentences {
            for (at, &word) in sentence.iter().enumerate() {
                let around = at.saturating_sub(window)..(at + window + 1).min(sentence.len());
                let contexts = around.filter(|&j| j != at).map(|j| sentence[j]);
                match method {
                    Method::Sgns => {
                        for context in contexts {
                            examples.push(word, &[context]);
                        }
                    }
                    Method::Cbow => {
                        let contexts: Vec<u32> = contexts.collect();
                        if !contexts.is_empty() {
                            examples.push(word, &contexts);
                        }
                    }
                }
            }
        }
        examples
    }

    fn push(&mut self, word: u32, contexts: &[u32]) {
        self.words.push(word);
        self.contexts.extend_from_slice(contexts);
        self.starts.push(self.contexts.len() as u32);
    }

    /// The number of examples.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The context words of example `index`.
    pub fn contexts(&self, index: usize) -> &[u32] {
        &self.contexts[self.starts[index] as usize..self.starts[index + 1] as usize]
    }

    /// Up to `most` examples, evenly spread over these.
    pub fn sample(&self, most: usize) -> Self {
        let mut sample = Self {
            starts: alloc::vec![0],
            ..Self::default()
        };
        let stride = self.len().div_ceil(most.max(1)).max(1);
        for index in (0..self.len()).step_by(stride) {
            sample.push(self.words[index], self.contexts(index));
        }
        sample
    }
}

/// Which sentences are test text: about [`TEST_PERCENT`] of them, drawn by
/// `seed`, once there are enough sentences to spare any.
pub fn test_sentences(count: usize, seed: u64) -> Vec<bool> {
    let mut held_out = alloc::vec![false; count];
    if count < MIN_SENTENCES_TO_SPLIT {
        return held_out;
    }
    let mut order: Vec<usize> = (0..count).collect();
    Rng::new(seed ^ 0x07e5_75e7).shuffle(&mut order);
    for &index in &order[..count * TEST_PERCENT / 100] {
        held_out[index] = true;
    }
    held_out
}
