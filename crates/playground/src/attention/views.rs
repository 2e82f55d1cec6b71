//! What the attention lab's views read from a session: every head's attention
//! over one input, one head's walk from queries and keys to its weighted sum,
//! accuracy with heads knocked out, per-position and exact-match accuracy, and
//! for the text task the next word after a prompt and sampled continuations.
//! Forward passes only; nothing here trains.

use alloc::vec::Vec;

use tensor::nn::{LAYER_NORM_EPS, Linear};
use tensor::{Tape, Tensor};

use super::session::{AttentionSession, Scores, scores};
use super::tasks::{Sequences, answer};
use crate::error::ConfigError;
use crate::sequence::{self, Units};

/// Every head's attention over one input, and the network's answers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// The input's tokens.
    pub input: Vec<u16>,
    /// The most likely token at each position.
    pub answers: Vec<u16>,
    /// For each block, `[heads, T, T]`: row `i` of head `h` is how position
    /// `i` weighs each position.
    pub attention: Vec<Vec<f32>>,
}

/// One head of one block on one input, step by step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeadWalk {
    /// The head's width, `dim / heads`.
    pub width: usize,
    /// The queries, `[T, width]`.
    pub queries: Vec<f32>,
    /// The keys, `[T, width]`.
    pub keys: Vec<f32>,
    /// The values, `[T, width]`.
    pub values: Vec<f32>,
    /// `q·k / sqrt(width)`, `[T, T]`; masked entries of a causal head are `-inf`.
    pub scores: Vec<f32>,
    /// The softmax of each row of `scores`, `[T, T]`.
    pub weights: Vec<f32>,
    /// The weighted sums of the values, `[T, width]`.
    pub mixed: Vec<f32>,
}

/// How the test set comes out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TestReport {
    /// The share of test tokens answered right.
    pub token_accuracy: f32,
    /// The share of test sequences answered right at every position.
    pub exact_match: f32,
    /// The share answered right at each position.
    pub positions: Vec<f32>,
}

impl AttentionSession {
    /// The text's tokens (empty for the symbol tasks), a token's id being its index.
    pub fn vocabulary(&self) -> Vec<&'static str> {
        match self.data.corpus() {
            Some(corpus) => corpus.vocabulary.clone(),
            None => ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"].to_vec(),
        }
    }

    /// How the test set comes out now.
    pub fn test_report(&self) -> TestReport {
        report(&scores(&self.test, &self.run.model), &self.test)
    }

    /// How the test set comes out with the heads in `knocked_out`
    /// (`(block, head)` pairs) silenced: their values are zeroed, so they add
    /// nothing to the block's output. Pairs outside the network are ignored.
    pub fn knock_out(&self, knocked_out: &[(usize, usize)]) -> TestReport {
        let mut model = self.run.model.clone();
        for &(layer, head) in knocked_out {
            let Some(block) = model.blocks.get_mut(layer) else {
                continue;
            };
            let attention = &mut block.attention;
            if head >= attention.heads {
                continue;
            }
            let width = attention.d_model() / attention.heads;
            let columns = head * width..(head + 1) * width;
            let value = &mut attention.value;
            let out = value.out_dim();
            for row in value.weight.data_mut().chunks_exact_mut(out) {
                row[columns.clone()].fill(0.0);
            }
            value.bias.data_mut()[columns].fill(0.0);
        }
        report(&scores(&self.test, &model), &self.test)
    }

    /// Test sequence `example` (wrapped to the test set's size).
    pub fn test_example(&self, example: usize) -> &[u16] {
        let count = self.test.len().max(1);
        self.test.input(example % count)
    }

    /// Test sequence `example`'s targets (wrapped to the test set's size):
    /// the symbol task's answer, or each word's next word.
    pub fn test_target(&self, example: usize) -> &[u16] {
        let count = self.test.len().max(1);
        self.test.target(example % count)
    }

    /// What a symbol task should answer to `input` (`input` unchanged for
    /// the text task, whose next words are not known).
    pub fn expected(&self, input: &[u16]) -> Vec<u16> {
        answer(self.run.config.attention.task, input)
    }

    /// Every head's attention over `input` (cut to the sequence length), and
    /// the network's answers.
    ///
    /// # Errors
    /// A [`ConfigError`] for `input` when it is empty or holds a token
    /// outside the vocabulary, or when a symbol task's input is not exactly
    /// the sequence length.
    pub fn read(&self, input: &[u16]) -> Result<Reading, ConfigError> {
        let input = self.checked(input)?;
        let mut tape = Tape::new();
        let ids: Vec<usize> = input.iter().map(|&id| usize::from(id)).collect();
        let pass = self.run.model.forward(&mut tape, &ids, 1);
        let logits = tape.value(pass.logits);
        let classes = logits.dims()[1];
        Ok(Reading {
            answers: logits
                .data()
                .chunks_exact(classes)
                .map(|row| sequence::argmax(row) as u16)
                .collect(),
            attention: pass
                .probs
                .iter()
                .map(|&p| tape.value(p).data().to_vec())
                .collect(),
            input,
        })
    }

    /// Head `head` of block `layer` on `input`, step by step: the queries,
    /// keys and values of its slice of the projections, the scaled scores,
    /// their softmax and the weighted sums.
    ///
    /// # Errors
    /// As [`AttentionSession::read`], and for `head` or `layer` when the
    /// network has no such head.
    pub fn head_walk(
        &self,
        input: &[u16],
        layer: usize,
        head: usize,
    ) -> Result<HeadWalk, ConfigError> {
        let input = self.checked(input)?;
        let Some(block) = self.run.model.blocks.get(layer) else {
            return Err(ConfigError::new(
                "layer",
                &alloc::format!("{layer}"),
                alloc::format!("a layer from 0 to {}", self.run.model.blocks.len() - 1),
                alloc::format!("0 到 {} 之间的层", self.run.model.blocks.len() - 1),
            ));
        };
        let attention = &block.attention;
        if head >= attention.heads {
            return Err(ConfigError::new(
                "head",
                &alloc::format!("{head}"),
                alloc::format!("a head from 0 to {}", attention.heads - 1),
                alloc::format!("0 到 {} 之间的头", attention.heads - 1),
            ));
        }
        let mut tape = Tape::new();
        let ids: Vec<usize> = input.iter().map(|&id| usize::from(id)).collect();
        let pass = self.run.model.forward(&mut tape, &ids, 1);
        let x = tape.value(pass.block_inputs[layer]).clone();
        let t = input.len();
        let dim = attention.d_model();
        let rows = x.reshaped([t, dim]);
        let normed = layer_norm_rows(&rows, &block.norm1.gain, &block.norm1.bias);
        let width = dim / attention.heads;
        let columns = head * width..(head + 1) * width;
        let slice = |linear: &Linear| project(&normed, linear, columns.clone());
        let (queries, keys, values) = (
            slice(&attention.query),
            slice(&attention.key),
            slice(&attention.value),
        );
        let scale = 1.0 / libm::sqrtf(width as f32);
        let mut scores = alloc::vec![f32::NEG_INFINITY; t * t];
        for i in 0..t {
            for j in 0..t {
                if attention.causal && j > i {
                    continue;
                }
                let q = &queries[i * width..(i + 1) * width];
                let k = &keys[j * width..(j + 1) * width];
                scores[i * t + j] = q.iter().zip(k).map(|(a, b)| a * b).sum::<f32>() * scale;
            }
        }
        let weights: Vec<f32> = scores
            .chunks_exact(t)
            .flat_map(|row| sequence::softmax(row, 1.0))
            .collect();
        let mut mixed = alloc::vec![0.0; t * width];
        for i in 0..t {
            for j in 0..t {
                let w = weights[i * t + j];
                for c in 0..width {
                    mixed[i * width + c] += w * values[j * width + c];
                }
            }
        }
        Ok(HeadWalk {
            width,
            queries,
            keys,
            values,
            scores,
            weights,
            mixed,
        })
    }

    /// `text` read as the corpus's words.
    ///
    /// # Errors
    /// As [`sequence::tokenize`]: not the text task, too long, or unknown words.
    pub fn tokenize(&self, text: &str) -> Result<Vec<u16>, ConfigError> {
        sequence::tokenize(self.data.corpus(), Units::Words, text)
    }

    /// The words `ids` spell, joined by spaces.
    pub fn detokenize(&self, ids: &[u16]) -> alloc::string::String {
        sequence::detokenize(&self.vocabulary(), Units::Words, ids)
    }

    /// The probabilities of every word coming next after `prompt`, read from
    /// its last `length` words. Empty for the symbol tasks or an empty prompt.
    pub fn next_token_probabilities(&self, prompt: &[u16]) -> Vec<f32> {
        self.next_logits(prompt)
            .map(|logits| sequence::softmax(&logits, 1.0))
            .unwrap_or_default()
    }

    /// `count` words written after `prompt` at `temperature`, as
    /// [`sequence::sample`] draws them, each read from the last `length` words.
    pub fn sample(&self, prompt: &[u16], temperature: f32, count: usize, seed: u64) -> Vec<u16> {
        sequence::sample(prompt, temperature, count, seed, |text| {
            self.next_logits(text)
        })
    }

    /// The logits of the word after `prompt`'s last `length` words, or `None`
    /// when the prompt is empty or the task is not text.
    fn next_logits(&self, prompt: &[u16]) -> Option<Vec<f32>> {
        let own = &self.run.config.attention;
        if prompt.is_empty() || !own.task.is_text() {
            return None;
        }
        let window = &prompt[prompt.len().saturating_sub(own.length)..];
        let ids: Vec<usize> = window.iter().map(|&id| usize::from(id)).collect();
        let mut tape = Tape::new();
        let pass = self.run.model.forward(&mut tape, &ids, 1);
        let logits = tape.value(pass.logits);
        let classes = logits.dims()[1];
        logits
            .data()
            .chunks_exact(classes)
            .last()
            .map(<[f32]>::to_vec)
    }

    /// `input` if the network can read it.
    fn checked(&self, input: &[u16]) -> Result<Vec<u16>, ConfigError> {
        let own = &self.run.config.attention;
        let vocabulary = self.data.vocabulary();
        let bad = |expected: alloc::string::String, expected_zh: alloc::string::String| {
            Err(ConfigError::new(
                "input",
                &alloc::format!("{input:?}"),
                expected,
                expected_zh,
            ))
        };
        if input.is_empty() || input.len() > own.length {
            return bad(
                alloc::format!("1 to {} tokens", own.length),
                alloc::format!("1 到 {} 个词元", own.length),
            );
        }
        if !own.task.is_text() && input.len() != own.length {
            return bad(
                alloc::format!("exactly {} symbols", own.length),
                alloc::format!("正好 {} 个符号", own.length),
            );
        }
        if input.iter().any(|&id| usize::from(id) >= vocabulary) {
            return bad(
                alloc::format!("tokens below {vocabulary}"),
                alloc::format!("小于 {vocabulary} 的词元"),
            );
        }
        Ok(input.to_vec())
    }
}

/// Token, exact-match and per-position accuracy of `scores` on `set`.
pub(super) fn report(scores: &Scores, set: &Sequences) -> TestReport {
    let length = set.length.max(1);
    let mut positions = alloc::vec![0usize; length];
    let mut exact = 0usize;
    for (answers, targets) in scores
        .answers
        .chunks_exact(length)
        .zip(set.targets.chunks_exact(length))
    {
        let mut all = true;
        for (t, (a, b)) in answers.iter().zip(targets).enumerate() {
            if a == b {
                positions[t] += 1;
            } else {
                all = false;
            }
        }
        exact += usize::from(all);
    }
    let count = set.len().max(1) as f32;
    TestReport {
        token_accuracy: positions.iter().sum::<usize>() as f32 / (count * length as f32),
        exact_match: exact as f32 / count,
        positions: positions
            .iter()
            .map(|&right| right as f32 / count)
            .collect(),
    }
}

/// Each row of `rows` (`[T, dim]`) normalised, times `gain`, plus `bias`, as
/// `Tape::layer_norm` computes it.
fn layer_norm_rows(rows: &Tensor, gain: &Tensor, bias: &Tensor) -> Vec<f32> {
    let dim = gain.len();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows.data().chunks_exact(dim) {
        let mean = row.iter().sum::<f32>() / dim as f32;
        let variance = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / dim as f32;
        let inverse = 1.0 / libm::sqrtf(variance + LAYER_NORM_EPS);
        for ((v, g), b) in row.iter().zip(gain.data()).zip(bias.data()) {
            out.push((v - mean) * inverse * g + b);
        }
    }
    out
}

/// `rows · weight + bias` (`rows`: `[T, in]`), keeping only `columns` of the output.
fn project(rows: &[f32], linear: &Linear, columns: core::ops::Range<usize>) -> Vec<f32> {
    let (inputs, outputs) = (linear.in_dim(), linear.out_dim());
    let weight = linear.weight.data();
    let mut out = Vec::with_capacity(rows.len() / inputs * columns.len());
    for row in rows.chunks_exact(inputs) {
        for c in columns.clone() {
            let dot: f32 = row
                .iter()
                .enumerate()
                .map(|(k, x)| x * weight[k * outputs + c])
                .sum();
            out.push(dot + linear.bias.data()[c]);
        }
    }
    out
}
