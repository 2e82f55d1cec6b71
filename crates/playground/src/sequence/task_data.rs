//! What a sequence session trains and is measured on: for the text task the
//! corpus, its split and the windows cut from each side; for the adding
//! problem and digit reversal a fixed test set and a fixed sample of the
//! training distribution. Owns how a training batch is drawn.

use alloc::vec::Vec;

use tensor::Rng;

use super::adding::AddingSet;
use super::config::{SequenceConfig, Task};
use super::corpus::{Corpus, TextSplit};
use crate::attention::config::AttentionTask;
use crate::attention::tasks::{SYMBOLS, Sequences, distinct_symbols, draw_symbols};

/// The adding problem's and digit reversal's test sequences (and their training sample's).
pub const ADDING_TEST_SEQUENCES: usize = 256;
/// The token that stands in for the input while the reversal is given back, after the digits.
pub const CUE: u16 = SYMBOLS as u16;
/// The reversal task's tokens: the digits, then the cue.
pub const REVERSE_TOKENS: [&str; SYMBOLS + 1] =
    ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "?"];

/// Sequences cut to one length, with what the network should answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Batch {
    /// Token sequences of `steps` tokens: at step `t` of sequence `b` the
    /// network reads `inputs[b * steps + t]` and should answer
    /// `targets[b * steps + t]`, from step `answer_from` on.
    Text {
        /// `[batch, steps]` token ids.
        inputs: Vec<u16>,
        /// `[batch, steps]`: each input's next token (text), or the reversal's
        /// digit (reverse; the cue while the digits are read).
        targets: Vec<u16>,
        /// The first step that is scored: 0 for text, the number of digits for reversal.
        answer_from: usize,
    },
    /// Adding-problem sequences and their sums.
    Adding(AddingSet),
}

impl Batch {
    /// The number of sequences.
    pub fn len(&self, length: usize) -> usize {
        match self {
            Batch::Text { inputs, .. } => inputs.len() / length.max(1),
            Batch::Adding(set) => set.len(),
        }
    }

    /// Whether it holds no sequence.
    pub fn is_empty(&self) -> bool {
        match self {
            Batch::Text { inputs, .. } => inputs.is_empty(),
            Batch::Adding(set) => set.is_empty(),
        }
    }
}

/// A task's data for one config.
#[derive(Clone, Debug)]
pub enum TaskData {
    /// Next-token prediction on the corpus.
    Text {
        /// The corpus read in the config's units.
        corpus: Corpus,
        /// The training and test streams.
        split: TextSplit,
    },
    /// The adding problem.
    Adding,
    /// Digit reversal, with its test set drawn once.
    Reverse {
        /// The test sequences, which training never draws.
        test: Batch,
        /// The test sequences as numbers, sorted, for training to skip.
        held_out: Vec<u64>,
    },
}

impl TaskData {
    /// The data of `config`'s task, split by the data seed.
    pub fn new(config: &SequenceConfig, data_seed: u64) -> Self {
        match config.task {
            Task::Text => {
                let corpus = Corpus::new(config.units);
                let split = corpus.split(data_seed);
                TaskData::Text { corpus, split }
            }
            Task::Adding => TaskData::Adding,
            Task::Reverse => {
                let length = config.length;
                let (set, held_out) = distinct_symbols(
                    AttentionTask::Reverse,
                    length,
                    ADDING_TEST_SEQUENCES,
                    data_seed,
                );
                TaskData::Reverse {
                    test: with_cues(set),
                    held_out,
                }
            }
        }
    }

    /// The size of the output: the vocabulary (text), the digits and the cue
    /// (reverse), or 1 (adding).
    pub fn vocabulary(&self) -> usize {
        match self {
            TaskData::Text { corpus, .. } => corpus.vocabulary.len(),
            TaskData::Adding => 1,
            TaskData::Reverse { .. } => REVERSE_TOKENS.len(),
        }
    }

    /// `batch` training sequences of `length` steps drawn from `rng`: text
    /// windows of training sentences drawn at random one after another (so
    /// each window starts a sentence, and the order of the training stream
    /// cannot be learned by heart), or fresh adding problems.
    pub fn draw(&self, length: usize, batch: usize, rng: &mut Rng) -> Batch {
        match self {
            TaskData::Text { split, .. } => {
                let sentences = split.train_starts.len();
                let mut inputs = Vec::with_capacity(batch * length);
                let mut targets = Vec::with_capacity(batch * length);
                let mut window = Vec::with_capacity(length + 1);
                for _ in 0..batch {
                    window.clear();
                    while window.len() <= length && sentences > 0 {
                        window.extend_from_slice(split.train_sentence(rng.below(sentences)));
                    }
                    window.resize(length + 1, 0);
                    inputs.extend_from_slice(&window[..length]);
                    targets.extend_from_slice(&window[1..=length]);
                }
                Batch::Text {
                    inputs,
                    targets,
                    answer_from: 0,
                }
            }
            TaskData::Adding => Batch::Adding(AddingSet::draw(length, batch, rng)),
            TaskData::Reverse { held_out, .. } => with_cues(draw_symbols(
                AttentionTask::Reverse,
                length,
                batch,
                rng,
                held_out,
            )),
        }
    }

    /// The test sequences: the test stream cut into consecutive windows, or
    /// [`ADDING_TEST_SEQUENCES`] adding problems or distinct reversals drawn by the data seed.
    pub fn test_set(&self, length: usize, data_seed: u64) -> Batch {
        match self {
            TaskData::Text { split, .. } => windows(&split.test, length, usize::MAX),
            TaskData::Adding => Batch::Adding(AddingSet::draw(
                length,
                ADDING_TEST_SEQUENCES,
                &mut Rng::new(data_seed),
            )),
            TaskData::Reverse { test, .. } => test.clone(),
        }
    }

    /// A fixed sample of the training data as large as the test set, on
    /// which the training loss is measured.
    pub fn train_sample(&self, length: usize, data_seed: u64) -> Batch {
        match self {
            TaskData::Text { split, .. } => windows(&split.train, length, split.test.len()),
            TaskData::Adding | TaskData::Reverse { .. } => self.draw(
                length,
                ADDING_TEST_SEQUENCES,
                &mut Rng::new(data_seed ^ 0x7a11_5a3e),
            ),
        }
    }
}

/// `stream`'s first `most` tokens (or all) cut into consecutive windows of
/// `length` inputs, each followed by its targets; a last window too short is left out.
fn windows(stream: &[u16], length: usize, most: usize) -> Batch {
    let usable = stream.len().min(most.saturating_add(1));
    let count = usable.saturating_sub(1) / length.max(1);
    let mut inputs = Vec::with_capacity(count * length);
    let mut targets = Vec::with_capacity(count * length);
    for w in 0..count {
        let start = w * length;
        inputs.extend_from_slice(&stream[start..start + length]);
        targets.extend_from_slice(&stream[start + 1..start + length + 1]);
    }
    Batch::Text {
        inputs,
        targets,
        answer_from: 0,
    }
}

/// Reversals as the recurrent network reads them: each sequence's digits,
/// then as many cues, during which it should give the digits back last first.
fn with_cues(set: Sequences) -> Batch {
    let length = set.length;
    let mut inputs = Vec::with_capacity(2 * set.inputs.len());
    let mut targets = Vec::with_capacity(2 * set.inputs.len());
    for index in 0..set.len() {
        inputs.extend_from_slice(set.input(index));
        inputs.extend(core::iter::repeat_n(CUE, length));
        targets.extend(core::iter::repeat_n(CUE, length));
        targets.extend_from_slice(set.target(index));
    }
    Batch::Text {
        inputs,
        targets,
        answer_from: length,
    }
}
