//! Text typed by the learner and text written by a network, for every lab that
//! predicts the next word of the corpus (the sequence and attention labs): a
//! prompt read as the corpus's tokens, a softmax at a temperature, sampling a
//! continuation from any next-token model, and ids spelled back as text.

use alloc::string::String;
use alloc::vec::Vec;

use tensor::Rng;

use super::corpus::{Corpus, Units};
use crate::error::ConfigError;

/// The longest prompt, in characters.
pub const MAX_PROMPT_CHARS: usize = 200;
/// The most tokens one sampling call writes.
pub const MAX_SAMPLE_TOKENS: usize = 200;
/// The lowest and highest sampling temperatures.
pub const TEMPERATURES: (f32, f32) = (0.05, 5.0);

/// `text` read as `corpus`'s tokens: words cut at spaces, and a run of
/// characters without spaces cut into the longest words the vocabulary has
/// (so 我爱 reads as 我 爱); or one token per character.
///
/// # Errors
/// A [`ConfigError`] for `prompt` when there is no corpus (the task is not
/// text), the prompt is longer than [`MAX_PROMPT_CHARS`], or a part of it is
/// no token of the corpus.
pub fn tokenize(
    corpus: Option<&Corpus>,
    units: Units,
    text: &str,
) -> Result<Vec<u16>, ConfigError> {
    let Some(corpus) = corpus else {
        return Err(ConfigError::new(
            "prompt",
            text,
            "prompts are read by the text task only",
            "只有文本任务读取提示",
        ));
    };
    if text.chars().count() > MAX_PROMPT_CHARS {
        return Err(ConfigError::new(
            "prompt",
            "…",
            "at most 200 characters",
            "最多 200 个字符",
        ));
    }
    let unknown = |part: &str| {
        ConfigError::new(
            "prompt",
            part,
            "words of the corpus (see the vocabulary list)",
            "语料中出现过的词（见词表）",
        )
    };
    let mut ids = Vec::new();
    match units {
        Units::Characters => {
            for (at, c) in text.char_indices() {
                let piece = &text[at..at + c.len_utf8()];
                ids.push(corpus.id(piece).ok_or_else(|| unknown(piece))?);
            }
        }
        Units::Words => {
            for chunk in text.split_whitespace() {
                let mut rest = chunk;
                while !rest.is_empty() {
                    let ends: Vec<usize> = rest
                        .char_indices()
                        .map(|(at, c)| at + c.len_utf8())
                        .collect();
                    let (end, id) = ends
                        .iter()
                        .rev()
                        .find_map(|&end| corpus.id(&rest[..end]).map(|id| (end, id)))
                        .ok_or_else(|| unknown(chunk))?;
                    ids.push(id);
                    rest = &rest[end..];
                }
            }
        }
    }
    Ok(ids)
}

/// `count` (at most [`MAX_SAMPLE_TOKENS`]) tokens written after `prompt`,
/// each drawn from `next_logits`'s distribution for the text so far,
/// sharpened or flattened by `temperature` (clamped to [`TEMPERATURES`]),
/// with `seed`'s random numbers. Stops early when `next_logits` has no answer.
pub fn sample(
    prompt: &[u16],
    temperature: f32,
    count: usize,
    seed: u64,
    next_logits: impl Fn(&[u16]) -> Option<Vec<f32>>,
) -> Vec<u16> {
    let (low, high) = TEMPERATURES;
    let temperature = if temperature.is_finite() {
        temperature.clamp(low, high)
    } else {
        1.0
    };
    let mut rng = Rng::new(seed);
    let mut text: Vec<u16> = prompt.to_vec();
    let mut written = Vec::new();
    for _ in 0..count.min(MAX_SAMPLE_TOKENS) {
        let Some(logits) = next_logits(&text) else {
            break;
        };
        let probabilities = softmax(&logits, temperature);
        let draw = rng.uniform();
        let mut total = 0.0;
        let mut pick = probabilities.len() - 1;
        for (id, p) in probabilities.iter().enumerate() {
            total += p;
            if draw < total {
                pick = id;
                break;
            }
        }
        text.push(pick as u16);
        written.push(pick as u16);
    }
    written
}

/// The text `ids` spell in `vocabulary`: words joined by spaces, characters as they are.
pub fn detokenize(vocabulary: &[&str], units: Units, ids: &[u16]) -> String {
    let separator = match units {
        Units::Words => " ",
        Units::Characters => "",
    };
    let words: Vec<&str> = ids
        .iter()
        .filter_map(|&id| vocabulary.get(usize::from(id)).copied())
        .collect();
    words.join(separator)
}

/// `exp(logit / temperature)`, normalised, computed from the largest logit down so it cannot overflow.
pub fn softmax(logits: &[f32], temperature: f32) -> Vec<f32> {
    let top = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let weights: Vec<f32> = logits
        .iter()
        .map(|&l| libm::expf((l - top) / temperature))
        .collect();
    let total: f32 = weights.iter().sum();
    weights.iter().map(|w| w / total).collect()
}
