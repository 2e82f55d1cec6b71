//! The attention lab's part of the config: the task, the sequence length, the
//! Transformer's layers, heads and width, and how positions are given. Training
//! settings shared with the other labs (optimizer, learning rate, batch, seeds)
//! stay in `Config`.

/// What the Transformer learns to do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AttentionTask {
    /// Give back the sequence as it is.
    Copy,
    /// Give back the sequence in reverse order.
    #[default]
    Reverse,
    /// Give back the sequence's symbols in ascending order.
    Sort,
    /// Predict the next word of the sequence lab's text, seeing only the words before.
    Text,
}

impl AttentionTask {
    /// Whether the task reads the text (a causal decoder) rather than symbols.
    pub fn is_text(self) -> bool {
        self == AttentionTask::Text
    }
}

/// How the network learns where each token stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Positions {
    /// A learned vector per position, added to the token's.
    #[default]
    Learned,
    /// The fixed sines and cosines of "Attention Is All You Need".
    Sinusoidal,
    /// No position at all: attention then sees a bag of tokens.
    Off,
}

/// The attention lab's settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttentionConfig {
    /// The task.
    pub task: AttentionTask,
    /// Tokens per sequence.
    pub length: usize,
    /// Transformer blocks.
    pub layers: usize,
    /// Attention heads per block; they divide `dim`.
    pub heads: usize,
    /// The width of every token's vector (`d_model`).
    pub dim: usize,
    /// How positions are given.
    pub positions: Positions,
}

impl AttentionConfig {
    /// The feed-forward layer's width: twice `dim`.
    pub fn feed_forward(&self) -> usize {
        2 * self.dim
    }
}
