//! What the sequence lab's views read from a session: a typed prompt read as
//! tokens, the next token's probabilities after it, sampled continuations at
//! a temperature, and one test sequence's hidden states, cell states and gates
//! at every step. Forward passes only; nothing here trains.

use alloc::string::String;
use alloc::vec::Vec;

use tensor::Tape;

use super::config::Task;
use super::model::Inputs;
use super::prompt;
use super::session::{SequenceSession, inputs};
use super::task_data::{Batch, REVERSE_TOKENS, TaskData};
use crate::error::ConfigError;

/// One sequence read step by step: its inputs and what the cell held after each step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// The tokens (text, reverse), or each step's number and marker (adding, two per step).
    pub inputs: Vec<f32>,
    /// Each gate's activations, in the cell's gate order: `[length, hidden]` each.
    pub gates: Vec<Vec<f32>>,
    /// The LSTM's cell state, `[length, hidden]`; empty for other cells.
    pub cell: Vec<f32>,
    /// The hidden state, `[length, hidden]`.
    pub hidden: Vec<f32>,
    /// The network's answer: the sum (adding), or the most likely token at
    /// each step (text: the next token; reverse: the digit given back).
    pub outputs: Vec<f32>,
}

impl SequenceSession {
    /// The tokens of the text task, or the digits and the cue of reversal
    /// (empty for adding), a token's id being its index.
    pub fn vocabulary(&self) -> &[&'static str] {
        match &self.data {
            TaskData::Text { corpus, .. } => &corpus.vocabulary,
            TaskData::Adding => &[],
            TaskData::Reverse { .. } => &REVERSE_TOKENS,
        }
    }

    /// `text` read as the session's tokens: words cut at spaces, and a run of
    /// characters without spaces cut into the longest words the vocabulary
    /// has (so 我爱 reads as 我 爱); or one token per character.
    ///
    /// # Errors
    /// A [`ConfigError`] for `prompt` when the task is not text, the prompt
    /// is longer than [`MAX_PROMPT_CHARS`](super::MAX_PROMPT_CHARS), or a part of it is no token of the corpus.
    pub fn tokenize(&self, text: &str) -> Result<Vec<u16>, ConfigError> {
        let corpus = match &self.data {
            TaskData::Text { corpus, .. } => Some(corpus),
            TaskData::Adding | TaskData::Reverse { .. } => None,
        };
        prompt::tokenize(corpus, self.run.config.sequence.units, text)
    }

    /// The probabilities of every token coming next after `prompt`, read
    /// from a zero state as the training windows are; the unigram-free
    /// answer of an untrained network is near uniform. Empty for the adding task.
    pub fn next_token_probabilities(&self, prompt: &[u16]) -> Vec<f32> {
        self.next_logits(prompt)
            .map(|logits| prompt::softmax(&logits, 1.0))
            .unwrap_or_default()
    }

    /// `count` (at most [`MAX_SAMPLE_TOKENS`](super::MAX_SAMPLE_TOKENS)) tokens written after `prompt`,
    /// each drawn from the next-token distribution sharpened or flattened by
    /// `temperature` (clamped to [`TEMPERATURES`](super::TEMPERATURES)), with `seed`'s random numbers.
    pub fn sample(&self, prompt: &[u16], temperature: f32, count: usize, seed: u64) -> Vec<u16> {
        prompt::sample(prompt, temperature, count, seed, |text| {
            self.next_logits(text)
        })
    }

    /// The text `ids` spell: words joined by spaces, characters as they are.
    pub fn detokenize(&self, ids: &[u16]) -> String {
        prompt::detokenize(self.vocabulary(), self.run.config.sequence.units, ids)
    }

    /// Test sequence `example` (wrapped to the test set's size) read step by
    /// step: what each gate, the cell state and the hidden state held.
    pub fn trace(&self, example: usize) -> Trace {
        let length = self.steps();
        let count = self.test.len(length);
        if count == 0 {
            return Trace::default();
        }
        let example = example % count;
        let one = match &self.test {
            Batch::Text {
                inputs,
                targets,
                answer_from,
            } => Batch::Text {
                inputs: inputs[example * length..][..length].to_vec(),
                targets: targets[example * length..][..length].to_vec(),
                answer_from: *answer_from,
            },
            Batch::Adding(set) => {
                let mut single = set.clone();
                let width = super::adding::FEATURES * length;
                single.inputs = set.inputs[example * width..][..width].to_vec();
                single.targets = alloc::vec![set.targets[example]];
                Batch::Adding(single)
            }
        };
        let mut tape = Tape::new();
        let pass = self
            .run
            .model
            .forward(&mut tape, inputs(&one), 1, length, None);
        let gates = self.run.config.sequence.cell.gates().len();
        let mut trace = Trace {
            inputs: match &one {
                Batch::Text { inputs, .. } => inputs.iter().map(|&id| f32::from(id)).collect(),
                Batch::Adding(set) => set.inputs.clone(),
            },
            gates: alloc::vec![Vec::new(); gates],
            ..Trace::default()
        };
        for step in &pass.unrolled.steps {
            trace
                .hidden
                .extend_from_slice(tape.value(step.hidden).data());
            if let Some(cell) = step.cell {
                trace.cell.extend_from_slice(tape.value(cell).data());
            }
            for (gate, var) in trace.gates.iter_mut().zip(&step.gates) {
                gate.extend_from_slice(tape.value(*var).data());
            }
        }
        trace.outputs = match self.run.config.sequence.task {
            Task::Adding => tape.value(pass.outputs[0]).data().to_vec(),
            Task::Text | Task::Reverse => pass
                .outputs
                .iter()
                .map(|&o| super::loss::argmax(tape.value(o).data()) as f32)
                .collect(),
        };
        trace
    }

    /// The logits of the token after `prompt`, or `None` when there is no
    /// prompt or the task is not text.
    fn next_logits(&self, prompt: &[u16]) -> Option<Vec<f32>> {
        if prompt.is_empty() || self.run.config.sequence.task != Task::Text {
            return None;
        }
        let mut tape = Tape::new();
        let pass = self
            .run
            .model
            .forward(&mut tape, Inputs::Tokens(prompt), 1, prompt.len(), None);
        let last = *pass.outputs.last()?;
        Some(tape.value(last).data().to_vec())
    }
}
