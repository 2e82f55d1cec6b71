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

/// The characters that end a sentence.
const SENTENCE_ENDS: [char; 10] = ['\n', '\r', '.', '!', '?', '。', '！', '？', ';', '；'];

/// The sentences of `text`: cut at line breaks and sentence marks.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(SENTENCE_ENDS).filter(|s| !s.trim().is_empty())
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
        .split(is_separator)
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

/// The words of `text` and the words of its longest sentence, as
/// [`WordCorpus::read`] cuts them before any is left out of the vocabulary,
/// counted in one pass over the characters: the reader's iterators would
/// add 9 KB to the plane lab's module, which checks pasted texts in every link.
fn count_words(text: &str) -> (usize, usize) {
    let (mut words, mut longest, mut sentence) = (0, 0, 0);
    let mut token = Token::default();
    for c in text.chars().chain(['\n']) {
        let ends_sentence = SENTENCE_ENDS.contains(&c);
        if ends_sentence || is_separator(c) {
            sentence += token.words();
            token = Token::default();
        } else {
            token.push(c);
        }
        if ends_sentence {
            words += sentence;
            longest = longest.max(sentence);
            sentence = 0;
        }
    }
    (words, longest)
}

/// A word being counted, character by character.
#[derive(Default)]
struct Token {
    /// Characters other than a leading or trailing `'` or `-`.
    inner: usize,
    /// `'` and `-` since the last other character.
    pending: usize,
    /// Whether every inner character is Chinese.
    not_chinese: bool,
}

impl Token {
    fn push(&mut self, c: char) {
        if c == '\'' || c == '-' {
            self.pending += usize::from(self.inner > 0);
            return;
        }
        self.not_chinese |= self.pending > 0 || !is_chinese(c);
        self.inner += 1 + self.pending;
        self.pending = 0;
    }

    /// The words the token is read as: none, one, or one per character of
    /// a long run of Chinese.
    fn words(&self) -> usize {
        match self.inner {
            0 => 0,
            n if !self.not_chinese && n > LONGEST_CHINESE_WORD => n,
            _ => 1,
        }
    }
}

/// Whether `c` ends a word: a space, a control character, or punctuation
/// other than the apostrophe and the hyphen that words keep inside (ASCII's,
/// the general punctuation block, the CJK symbols and punctuation block and
/// the fullwidth forms of ASCII punctuation).
fn is_separator(c: char) -> bool {
    match c {
        '\'' | '-' => false,
        c if c.is_ascii() => !c.is_ascii_alphanumeric(),
        c => {
            c.is_whitespace()
                || c.is_control()
                || matches!(u32::from(c),
                    0x2000..=0x206F | 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20
                    | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0x00A0..=0x00BF | 0x00D7 | 0x00F7)
        }
    }
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
    let (words, longest) = count_words(&config.text);
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

#[cfg(test)]
mod tests {
    use alloc::string::String;
    use alloc::vec::Vec;

    use super::{WordCorpus, count_words, sentences};

    /// The one-pass count agrees with the reader on texts made of the characters
    /// each rule looks at: Chinese runs short and long, Latin words, the
    /// apostrophe and hyphen inside and around words, spaces, punctuation and
    /// sentence ends.
    #[test]
    fn the_one_pass_count_agrees_with_the_reader() {
        let alphabet: Vec<char> = "猫狗汽车学习ab1 '-,，。.!\n\t…é".chars().collect();
        let mut state = 0x2545_f491_u32;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                text.push(alphabet[state as usize % alphabet.len()]);
            }
            let corpus = WordCorpus::read(&text, &[]);
            let longest = sentences(&text)
                .map(|s| super::pieces(s).count())
                .max()
                .unwrap_or(0);
            assert_eq!(count_words(&text), (corpus.len(), longest), "{text:?}");
        }
    }
}
