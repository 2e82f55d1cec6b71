//! The words lab's rows: the text (built-in or pasted), Word2Vec's method,
//! window, negatives and dimension, the epochs, and the shared training keys
//! whose defaults differ here (Adam in batches of 256).

use super::digits::same_row;
use super::*;
use crate::words::config::{CorpusChoice, Method};

/// The longest pasted text, in bytes of UTF-8.
pub const MAX_TEXT_BYTES: usize = 20_000;
/// The widest window, in words on each side.
pub const MAX_WINDOW: u32 = 8;
/// The most negatives per true context.
pub const MAX_NEGATIVES: u32 = 20;
/// The longest word vector.
pub const MAX_DIM: u32 = 64;
/// The most epochs a link may ask for.
pub const MAX_WORDS_EPOCHS: u32 = 200;
/// The largest words batch, in (word, context) examples.
pub const MAX_WORDS_BATCH: u32 = 1024;

/// The words lab's rows.
pub(super) const WORDS: &[Setting] = &[
    words_row(
        "corpus",
        Data,
        "zh",
        choice::<CorpusChoice>(|c| index_of(c.words.corpus), |c, i| c.words.corpus = pick(i)),
        [
            "Text",
            "文本",
            "The sentences the vectors learn from: the built-in Chinese or English ones, whose animals, foods, colours, numbers, vehicles and people share contexts, or your own.",
            "词向量从哪些句子中学习：内置的中文或英文句子（动物、食物、颜色、数字、交通工具和人物各自出现在相似的上下文中），或你自己的文本。",
        ],
    ),
    words_row(
        "text",
        Data,
        "",
        Kind::Text {
            max_bytes: MAX_TEXT_BYTES,
            get: |c| &c.words.text,
            set: |c, v| c.words.text = v,
        },
        [
            "Your text",
            "你的文本",
            "Sentences separated by line breaks or sentence marks, words by spaces; Chinese without spaces is read character by character. The 500 most frequent words are learned.",
            "句子之间用换行或句号分隔，词之间用空格分隔；没有空格的中文按字读取。只学习最常见的 500 个词。",
        ],
    )
    .when(|c| c.words.corpus == CorpusChoice::Custom),
    words_row(
        "window",
        Data,
        "2",
        int(
            1,
            MAX_WINDOW,
            |c| c.words.window as u32,
            |c, v| c.words.window = v as usize,
        ),
        [
            "Window",
            "窗口",
            "How many words on each side count as a word's context: small windows find words of the same kind, large ones words of the same topic.",
            "一个词左右各多少个词算作它的上下文：小窗口找到同类的词，大窗口找到同一话题的词。",
        ],
    ),
    words_row(
        "method",
        Network,
        "sgns",
        choice::<Method>(|c| index_of(c.words.method), |c, i| c.words.method = pick(i)),
        [
            "Method",
            "方法",
            "Skip-gram: each word predicts the words around it. CBOW: the mean of the words around predicts the word in the middle.",
            "Skip-gram：每个词预测它周围的词。CBOW：用周围词的平均预测中间的词。",
        ],
    ),
    words_row(
        "dim",
        Network,
        "16",
        int(
            2,
            MAX_DIM,
            |c| c.words.dim as u32,
            |c, v| c.words.dim = v as usize,
        ),
        [
            "Dimension",
            "维度",
            "The length of each word's vector. A one-hot vector needs as many as there are words.",
            "每个词向量的长度。独热向量需要的长度等于词的个数。",
        ],
    ),
    words_row(
        "negatives",
        Training,
        "5",
        int(
            1,
            MAX_NEGATIVES,
            |c| c.words.negatives as u32,
            |c, v| c.words.negatives = v as usize,
        ),
        [
            "Negatives",
            "负样本数",
            "Random words, drawn by frequency to the power 0.75, that each true context is told apart from.",
            "每个真实上下文要区分开的随机词的个数，按词频的 0.75 次方抽取。",
        ],
    )
    .live(),
    same_row(training::TRAINING, "optimizer").defaulting(Labs::WORDS, "adam"),
    same_row(training::TRAINING, "learningRate").defaulting(Labs::WORDS, "0.01"),
    words_row(
        "batchSize",
        Training,
        "256",
        int(
            1,
            MAX_WORDS_BATCH,
            |c| c.batch_size as u32,
            |c, v| c.batch_size = v as usize,
        ),
        [
            "Batch size",
            "批大小",
            "(word, context) examples per update.",
            "每次更新使用的（词，上下文）样本数。",
        ],
    )
    .live(),
    words_row(
        "epochs",
        Training,
        "20",
        int(
            1,
            MAX_WORDS_EPOCHS,
            |c| c.words.epochs,
            |c, v| c.words.epochs = v,
        ),
        [
            "Epochs",
            "轮数",
            "Passes over the text; training finishes after the last one.",
            "遍历文本的次数；最后一轮结束后训练完成。",
        ],
    )
    .live(),
];

/// A row of the words lab alone.
const fn words_row(
    key: &'static str,
    group: Group,
    default: &'static str,
    kind: Kind,
    text: [&'static str; 4],
) -> Setting {
    row(key, group, default, kind, text).labs(Labs::WORDS)
}
