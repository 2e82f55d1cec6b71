//! The text a words experiment learns from, read as sentences of word ids:
//! the built-in Chinese or English sentences with their word groups, or the
//! learner's pasted text. The vocabulary is the most frequent words, most
//! frequent first; words outside it are dropped from the sentences.

use alloc::string::String;
use alloc::vec::Vec;

use super::config::{CorpusChoice, WordsConfig};
use super::groups::{EN_GROUPS, Group, ZH_GROUPS};
use crate::error::ConfigError;

/// The built-in Chinese sentences, one a line, words separated by spaces
/// (`corpus.py` writes them).
pub const ZH_TEXT: &str = include_str!("corpus_zh.txt");
/// The built-in English sentences, in the same form.
pub const EN_TEXT: &str = include_str!("corpus_en.txt");
/// The most words a vocabulary keeps: the most frequent ones.
pub const MAX_VOCAB: usize = 500;
/// The fewest words a pasted text must have.
pub const MIN_TEXT_WORDS: usize = 10;
/// A run of Chinese characters longer than this, without spaces, is read one
/// character at a time: the text was not cut into words.
const LONGEST_CHINESE_WORD: usize = 4;

/// A text read as word ids.
#[derive(Clone, Debug, PartialEq)]
pub struct WordCorpus {
    /// The words, most frequent first (ties in order of first appearance); a
    /// word's id is its index.
    pub vocabulary: Vec<String>,
    /// How often each word occurs.
    pub counts: Vec<u32>,
    /// The sentences as ids, words outside the vocabulary dropped.
    pub sentences: Vec<Vec<u32>>,
    /// The groups of the built-in text (none for a pasted one).
    pub groups: &'static [Group],
}

impl WordCorpus {
    /// The text `config` names (a pasted one too short to learn from, which
    /// [`pasted_text_problem`] reports, gives a corpus without examples).
    pub fn new(config: &WordsConfig) -> Self {
        match config.corpus {
            CorpusChoice::Zh => Self::read(ZH_TEXT, ZH_GROUPS),
            CorpusChoice::En => Self::read(EN_TEXT, EN_GROUPS),
            CorpusChoice::Custom => Self::read(&config.text, &[]),
        }
    }

    /// Reads `text`: sentences end at line breaks and sentence marks, words
    /// are cut at spaces and other punctuation, Latin letters are lowercased,
    /// and Chinese written without spaces is read character by character.
    pub fn read(text: &str, groups: &'static [Group]) -> Self {
        let tokens: Vec<Vec<String>> = sentences(text).map(words_of).collect();
        let mut vocabulary: Vec<String> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        let mut index = alloc::collections::BTreeMap::new();
        for word in tokens.iter().flatten() {
            let id = *index.entry(word.as_str()).or_insert_with(|| {
                vocabulary.push(word.clone());
                counts.push(0);
                vocabulary.len() - 1
            });
            counts[id] += 1;
        }
        let mut order: Vec<usize> = (0..vocabulary.len()).collect();
        order.sort_by_key(|&id| (core::cmp::Reverse(counts[id]), id));
        order.truncate(MAX_VOCAB);
        let mut new_id = alloc::vec![u32::MAX; vocabulary.len()];
        for (rank, &id) in order.iter().enumerate() {
            new_id[id] = rank as u32;
        }
        let sentences = tokens
            .iter()
            .map(|sentence| {
                let ids = sentence.iter().map(|word| new_id[index[word.as_str()]]);
                ids.filter(|&id| id != u32::MAX).collect::<Vec<u32>>()
            })
            .filter(|ids| !ids.is_empty())
            .collect();
        Self {
            vocabulary: order.iter().map(|&id| vocabulary[id].clone()).collect(),
            counts: order.iter().map(|&id| counts[id]).collect(),
            sentences,
            groups,
        }
    }

    /// The id of `word`, if it is in the vocabulary.
    pub fn id(&self, word: &str) -> Option<usize> {
        self.vocabulary.iter().position(|w| w == word)
    }

    /// The number of words in the text (within the vocabulary).
    pub fn len(&self) -> usize {
        self.sentences.iter().map(Vec::len).sum()
    }

    /// Whether the text has no words.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
}

/// The sentences of `text`: cut at line breaks and sentence marks.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\r', '.', '!', '?', '。', '！', '？', ';', '；'])
        .filter(|s| !s.trim().is_empty())
}

/// The words of one sentence, lowercased.
fn words_of(sentence: &str) -> Vec<String> {
    pieces(sentence)
        .map(|piece| piece.chars().flat_map(char::to_lowercase).collect())
        .collect()
}

/// The words of one sentence as they are written: cut at spaces and
/// punctuation, and a long run of Chinese characters cut into characters.
fn pieces(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|token| token.trim_matches(['\'', '-']))
        .filter(|token| !token.is_empty())
        .flat_map(|token| {
            let chinese = token.chars().all(is_chinese);
            let split = chinese && token.chars().count() > LONGEST_CHINESE_WORD;
            let whole = (!split).then_some(token);
            let characters = token.char_indices().filter(move |_| split);
            let characters = characters.map(move |(at, c)| &token[at..at + c.len_utf8()]);
            whole.into_iter().chain(characters)
        })
}

/// Whether `c` is a Chinese character (the CJK unified ideographs and their
/// first extension).
fn is_chinese(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// What is wrong with the pasted text of `config`, if it is the text in use:
/// fewer than [`MIN_TEXT_WORDS`] words, or no sentence of two words.
pub fn pasted_text_problem(config: &WordsConfig) -> Option<ConfigError> {
    if config.corpus != CorpusChoice::Custom {
        return None;
    }
    let (mut words, mut longest) = (0, 0);
    for sentence in sentences(&config.text) {
        let count = pieces(sentence).count();
        words += count;
        longest = longest.max(count);
    }
    if words >= MIN_TEXT_WORDS && longest > 1 {
        return None;
    }
    let shown: String = config.text.chars().take(40).collect();
    Some(ConfigError::new(
        "text",
        &shown,
        alloc::format!(
            "Your text must hold at least {MIN_TEXT_WORDS} words, with sentences of two words or more"
        ),
        alloc::format!("你的文本须至少包含 {MIN_TEXT_WORDS} 个词，且句子至少有两个词"),
    ))
}
