//! The sequence lab's part of the config: the task, the cell and its size,
//! the sequence length and gradient clipping. Training settings shared with
//! the other labs (optimizer, learning rate, batch, seeds) stay in `Config`.

use tensor::nn::Cell;

use super::corpus::Units;

/// What the network learns to do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Task {
    /// Predict the next token of the corpus at every step.
    #[default]
    Text,
    /// Read a sequence of numbers and markers and give the sum of the two marked numbers.
    Adding,
    /// Read a row of digits, then give them back last first, one per step,
    /// while cues stand in for the input.
    Reverse,
}

impl Task {
    /// The steps a sequence of `length` takes: twice it for reversal (the
    /// digits, then as many cues), else `length`.
    pub fn steps(self, length: usize) -> usize {
        match self {
            Task::Reverse => 2 * length,
            Task::Text | Task::Adding => length,
        }
    }
}

/// The sequence lab's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct SequenceConfig {
    /// The task.
    pub task: Task,
    /// The recurrent cell.
    pub cell: Cell,
    /// What a token of the text is (the text task only).
    pub units: Units,
    /// The width of the hidden state.
    pub hidden: usize,
    /// Steps per sequence: the adding problem's length, or the text windows
    /// backpropagation through time runs over.
    pub length: usize,
    /// The largest global gradient norm an update may take; 0 turns clipping off.
    pub clip: f32,
}

impl Default for SequenceConfig {
    fn default() -> Self {
        Self {
            task: Task::default(),
            cell: Cell::Lstm,
            units: Units::default(),
            hidden: 0,
            length: 0,
            clip: 0.0,
        }
    }
}
