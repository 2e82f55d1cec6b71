//! What an attention session trains and is measured on: sequences of symbols
//! with the copy, reversal or sorting the network should give back, or windows
//! of the sequence lab's text with each word's next word. Owns how batches are
//! drawn and the fixed test set and training sample; test sequences of the
//! symbol tasks are never drawn for training.

use alloc::vec::Vec;

use tensor::Rng;

use super::config::{AttentionConfig, AttentionTask};
use crate::sequence::config::{SequenceConfig, Task};
use crate::sequence::{Batch, Corpus, TaskData, Units};

/// The symbols of the copy, reverse and sort tasks: the digits 0 to 9.
pub const SYMBOLS: usize = 10;
/// Sequences in the test set and in the training sample of the symbol tasks.
pub const TEST_SEQUENCES: usize = 500;

/// Sequences of one length, each token with the token the network should answer there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sequences {
    /// `[count, length]` token ids.
    pub inputs: Vec<u16>,
    /// `[count, length]`: the answer at each position.
    pub targets: Vec<u16>,
    /// Tokens per sequence.
    pub length: usize,
}

impl Sequences {
    /// The number of sequences.
    pub fn len(&self) -> usize {
        self.inputs.len() / self.length.max(1)
    }

    /// Whether it holds no sequence.
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// Sequence `index`'s inputs.
    pub fn input(&self, index: usize) -> &[u16] {
        &self.inputs[index * self.length..(index + 1) * self.length]
    }

    /// Sequence `index`'s targets.
    pub fn target(&self, index: usize) -> &[u16] {
        &self.targets[index * self.length..(index + 1) * self.length]
    }
}

/// The answer of a symbol task to `input`.
pub fn answer(task: AttentionTask, input: &[u16]) -> Vec<u16> {
    let mut answer = input.to_vec();
    match task {
        AttentionTask::Reverse => answer.reverse(),
        AttentionTask::Sort => answer.sort_unstable(),
        AttentionTask::Copy | AttentionTask::Text => {}
    }
    answer
}

/// A task's data for one config.
#[derive(Clone, Debug)]
pub enum TaskSource {
    /// Random symbol sequences, with the test set's sequences (as base-10
    /// numbers, sorted) that training skips.
    Symbols {
        /// The task.
        task: AttentionTask,
        /// The test set's sequences as numbers, sorted.
        held_out: Vec<u64>,
    },
    /// The sequence lab's text read as words.
    Text(TaskData),
}

impl TaskSource {
    /// The data of `config`'s task; the text is split by the data seed.
    pub fn new(config: &AttentionConfig, data_seed: u64) -> Self {
        if config.task.is_text() {
            let text = SequenceConfig {
                task: Task::Text,
                units: Units::Words,
                ..SequenceConfig::default()
            };
            return TaskSource::Text(TaskData::new(&text, data_seed));
        }
        TaskSource::Symbols {
            task: config.task,
            held_out: Vec::new(),
        }
    }

    /// The tokens the network reads and answers with.
    pub fn vocabulary(&self) -> usize {
        match self {
            TaskSource::Symbols { .. } => SYMBOLS,
            TaskSource::Text(data) => data.vocabulary(),
        }
    }

    /// The text's corpus (`None` for the symbol tasks).
    pub fn corpus(&self) -> Option<&Corpus> {
        match self {
            TaskSource::Text(TaskData::Text { corpus, .. }) => Some(corpus),
            _ => None,
        }
    }

    /// The test set: [`TEST_SEQUENCES`] distinct symbol sequences drawn by
    /// the data seed (which training then skips), or the held-out text cut
    /// into windows.
    pub fn test_set(&mut self, length: usize, data_seed: u64) -> Sequences {
        match self {
            TaskSource::Symbols { task, held_out } => {
                let (set, drawn) = distinct_symbols(*task, length, TEST_SEQUENCES, data_seed);
                *held_out = drawn;
                set
            }
            TaskSource::Text(data) => from_batch(data.test_set(length, data_seed), length),
        }
    }

    /// A fixed sample of the training data as large as the test set, on
    /// which the training loss is measured.
    pub fn train_sample(&self, length: usize, data_seed: u64) -> Sequences {
        let mut rng = Rng::new(data_seed ^ 0x7a11_5a3e);
        match self {
            TaskSource::Symbols { task, held_out } => {
                draw_symbols(*task, length, TEST_SEQUENCES, &mut rng, held_out)
            }
            TaskSource::Text(data) => from_batch(data.train_sample(length, data_seed), length),
        }
    }

    /// `count` training sequences drawn from `rng`.
    pub fn draw(&self, length: usize, count: usize, rng: &mut Rng) -> Sequences {
        match self {
            TaskSource::Symbols { task, held_out } => {
                draw_symbols(*task, length, count, rng, held_out)
            }
            TaskSource::Text(data) => from_batch(data.draw(length, count, rng), length),
        }
    }
}

/// `count` distinct symbol sequences drawn by `data_seed`, with their
/// answers, and the same sequences as numbers, sorted, for training to skip.
/// `count` must stay well below the `10^length` sequences there are.
pub(crate) fn distinct_symbols(
    task: AttentionTask,
    length: usize,
    count: usize,
    data_seed: u64,
) -> (Sequences, Vec<u64>) {
    let mut rng = Rng::new(data_seed);
    let mut set = Sequences {
        length,
        ..Sequences::default()
    };
    let mut held_out = Vec::new();
    while set.len() < count {
        let one = draw_symbols(task, length, 1, &mut rng, &held_out);
        let key = number(&one.inputs);
        held_out.insert(held_out.partition_point(|&n| n < key), key);
        set.inputs.extend(one.inputs);
        set.targets.extend(one.targets);
    }
    (set, held_out)
}

/// `count` random symbol sequences and their answers, none of them in `skip`.
pub(crate) fn draw_symbols(
    task: AttentionTask,
    length: usize,
    count: usize,
    rng: &mut Rng,
    skip: &[u64],
) -> Sequences {
    let mut set = Sequences {
        inputs: Vec::with_capacity(count * length),
        targets: Vec::with_capacity(count * length),
        length,
    };
    let mut input = Vec::with_capacity(length);
    while set.len() < count {
        input.clear();
        input.extend((0..length).map(|_| rng.below(SYMBOLS) as u16));
        if skip.binary_search(&number(&input)).is_ok() {
            continue;
        }
        set.inputs.extend_from_slice(&input);
        set.targets.extend(answer(task, &input));
    }
    set
}

/// A symbol sequence read as a base-10 number, exact up to 19 symbols and
/// wrapped beyond: a longer sequence may share its number with another, so
/// training may skip a sequence it need not, but never draws a test sequence.
fn number(sequence: &[u16]) -> u64 {
    sequence
        .iter()
        .fold(0, |n, &s| n.wrapping_mul(SYMBOLS as u64) + u64::from(s))
}

/// The sequence lab's text windows as sequences.
fn from_batch(batch: Batch, length: usize) -> Sequences {
    match batch {
        Batch::Text {
            inputs, targets, ..
        } => Sequences {
            inputs,
            targets,
            length,
        },
        Batch::Adding(_) => Sequences {
            length,
            ..Sequences::default()
        },
    }
}
