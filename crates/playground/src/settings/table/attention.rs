//! The attention lab's rows: the task, the length, the Transformer's layers,
//! heads and width, how positions are given, and the shared training keys
//! whose defaults differ here (Adam at 0.003); the batch size is the sequence
//! lab's row.

use super::digits::same_row;
use super::*;
use crate::attention::config::{AttentionTask, Positions};

/// The longest sequence.
pub const MAX_LENGTH: u32 = 12;
/// The most blocks and the most heads per block.
pub const MAX_HEADS: u32 = 4;
/// The widest token vector.
pub const MAX_ATTENTION_DIM: u32 = 64;

/// The attention lab's rows.
pub(super) const ATTENTION: &[Setting] = &[
    attention_row(
        "task",
        Data,
        "reverse",
        choice::<AttentionTask>(
            |c| index_of(c.attention.task),
            |c, i| c.attention.task = pick(i),
        ),
        [
            "Task",
            "任务",
            "Copy, reverse or sort a row of digits, or predict the next word of the sequence lab's text.",
            "复制、倒序或排序一串数字，或预测序列实验室文本的下一个词。",
        ],
    ),
    attention_row(
        "length",
        Data,
        "8",
        int(
            4,
            MAX_LENGTH,
            |c| c.attention.length as u32,
            |c, v| c.attention.length = v as usize,
        ),
        [
            "Sequence length",
            "序列长度",
            "Tokens per sequence.",
            "每个序列的词元数。",
        ],
    ),
    attention_row(
        "layers",
        Network,
        "1",
        int(
            1,
            MAX_HEADS,
            |c| c.attention.layers as u32,
            |c, v| c.attention.layers = v as usize,
        ),
        [
            "Layers",
            "层数",
            "Transformer blocks: attention, then a feed-forward layer.",
            "Transformer 块数：每块先注意力，再前馈。",
        ],
    ),
    attention_row(
        "heads",
        Network,
        "2",
        int(
            1,
            MAX_HEADS,
            |c| c.attention.heads as u32,
            |c, v| c.attention.heads = v as usize,
        ),
        [
            "Heads",
            "注意力头数",
            "Heads per layer, each with its own queries, keys and values. They divide the width.",
            "每层的头数，各有自己的查询、键和值，须整除宽度。",
        ],
    ),
    attention_row(
        "dim",
        Network,
        "32",
        int(
            4,
            MAX_ATTENTION_DIM,
            |c| c.attention.dim as u32,
            |c, v| c.attention.dim = v as usize,
        ),
        [
            "Width",
            "宽度",
            "Each token's vector length (d_model).",
            "每个词元向量的长度（d_model）。",
        ],
    ),
    attention_row(
        "positions",
        Network,
        "learned",
        choice::<Positions>(
            |c| index_of(c.attention.positions),
            |c, i| c.attention.positions = pick(i),
        ),
        [
            "Positions",
            "位置编码",
            "How attention learns where each token stands. Off, it sees a bag of tokens.",
            "让注意力知道词元位置的方式。关闭后，它只看到一袋词元。",
        ],
    ),
    same_row(training::TRAINING, "optimizer").defaulting(Labs::ATTENTION, "adam"),
    same_row(training::TRAINING, "learningRate").defaulting(Labs::ATTENTION, "0.003"),
];

/// A row of the attention lab alone.
const fn attention_row(
    key: &'static str,
    group: Group,
    default: &'static str,
    kind: Kind,
    text: [&'static str; 4],
) -> Setting {
    row(key, group, default, kind, text).labs(Labs::ATTENTION)
}
