//! The sequence lab's rows: the task, the cell and its size, the length and
//! clipping, and the shared training keys whose defaults differ here (Adam at
//! 0.01 in batches of 32).

use super::digits::same_row;
use super::*;
use crate::sequence::Units;
use crate::sequence::config::Task;
use tensor::nn::Cell;

/// The widest hidden state.
pub const MAX_SEQUENCE_HIDDEN: u32 = 128;
/// The largest sequence batch.
pub const MAX_SEQUENCE_BATCH: u32 = 64;
/// The most digits the reversal task reverses (its sequences take twice as many steps).
pub const MAX_REVERSE_DIGITS: usize = 50;
/// The largest clipping norm a link may set.
pub const MAX_CLIP: f32 = 100.0;

/// The sequence lab's rows.
pub(super) const SEQUENCE: &[Setting] = &[
    sequence_row(
        "task",
        Data,
        "text",
        choice::<Task>(|c| index_of(c.sequence.task), |c, i| c.sequence.task = pick(i)),
        [
            "Task",
            "任务",
            "Predict the next word of simple sentences, add the two marked numbers of a long sequence, or read a row of digits and give it back reversed: tests of memory.",
            "预测简单句子的下一个词，把一个长序列中两个被标记的数相加，或读一串数字再倒序说出：考验记忆。",
        ],
    ),
    sequence_row(
        "units",
        Data,
        "words",
        choice::<Units>(|c| index_of(c.sequence.units), |c, i| c.sequence.units = pick(i)),
        [
            "Tokens",
            "词元",
            "Read the text word by word (我 爱 深度 学习) or character by character.",
            "按词（我 爱 深度 学习）或按字符读取文本。",
        ],
    )
    .when(|c| c.sequence.task == Task::Text),
    sequence_row(
        "length",
        Data,
        "20",
        int(
            5,
            100,
            |c| c.sequence.length as u32,
            |c, v| c.sequence.length = v as usize,
        ),
        [
            "Sequence length",
            "序列长度",
            "Steps per sequence: how far back the adding problem's first mark can lie, how many words backpropagation through time runs over, or how many digits to reverse (at most 50; then as many steps to give them back).",
            "每个序列的步数：加法问题的第一个标记最远在多少步之前，随时间反向传播覆盖多少个词，或要倒序的数字个数（最多 50，之后再用同样多的步说出）。",
        ],
    ),
    sequence_row(
        "cell",
        Network,
        "lstm",
        choice::<Cell>(|c| index_of(c.sequence.cell), |c, i| c.sequence.cell = pick(i)),
        [
            "Cell",
            "循环单元",
            "The plain RNN squashes its memory through tanh at every step; the LSTM keeps a cell state behind gates; the GRU does it with two gates.",
            "普通 RNN 每一步都把记忆压过 tanh；LSTM 用门保护一个细胞状态；GRU 只用两个门做到类似的事。",
        ],
    ),
    sequence_row(
        "hidden",
        Network,
        "32",
        int(
            1,
            MAX_SEQUENCE_HIDDEN,
            |c| c.sequence.hidden as u32,
            |c, v| c.sequence.hidden = v as usize,
        ),
        [
            "Hidden units",
            "隐藏单元数",
            "The width of the memory carried from step to step.",
            "从一步传到下一步的记忆（隐藏状态）的宽度。",
        ],
    ),
    same_row(network::NETWORK, "initScale").defaulting(Labs::SEQUENCE, "1"),
    same_row(training::TRAINING, "optimizer").defaulting(Labs::SEQUENCE, "adam"),
    same_row(training::TRAINING, "learningRate").defaulting(Labs::SEQUENCE, "0.01"),
    sequence_row(
        "batchSize",
        Training,
        "32",
        int(
            1,
            MAX_SEQUENCE_BATCH,
            |c| c.batch_size as u32,
            |c, v| c.batch_size = v as usize,
        ),
        [
            "Batch size",
            "批大小",
            "Sequences averaged per update: small batches are noisy, large ones smooth.",
            "每次更新平均的序列数：小批次噪声大，大批次更平滑。",
        ],
    )
    .live()
    .labs(Labs::SEQUENCE.and(Labs::ATTENTION)),
    sequence_row(
        "clip",
        Training,
        "1",
        float(0.0, MAX_CLIP, |c| c.sequence.clip, |c, v| c.sequence.clip = v),
        [
            "Gradient clipping",
            "梯度裁剪",
            "The largest gradient norm an update may take: a longer gradient is scaled down to it. 0 turns clipping off, and large starting weights then make gradients explode.",
            "一次更新允许的最大梯度范数：更长的梯度会被缩放到这个长度。0 表示不裁剪，此时过大的初始权重会让梯度爆炸。",
        ],
    )
    .live(),
];

/// A row of the sequence lab alone.
const fn sequence_row(
    key: &'static str,
    group: Group,
    default: &'static str,
    kind: Kind,
    text: [&'static str; 4],
) -> Setting {
    row(key, group, default, kind, text).labs(Labs::SEQUENCE)
}
