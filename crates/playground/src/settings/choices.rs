//! The spelled-out names of every choice setting, in menu order. Owns the
//! mapping between enum values and the words that appear in links.

use tensor::nn::Cell;
use tensor::{Activation, Init};

use crate::attention::config::{AttentionTask, Positions};
use crate::config::{Lang, LossKind, OptimizerChoice, Pace, Problem, Regularization, Schedule};
use crate::dataset::DatasetKind;
use crate::digits::config::{Model, Pooling};
use crate::lab::Lab;
use crate::sequence::Units;
use crate::sequence::config::Task;
use crate::words::config::{CorpusChoice, Method};

/// An enum whose values are offered as named choices.
pub trait Named: Copy + PartialEq + 'static {
    /// Every value, in menu order.
    const ALL: &'static [Self];
    /// The link spelling of each value, in the same order.
    const NAMES: &'static [&'static str];
    /// Each value's label in the form, in English and Chinese, in the same order.
    const LABELS: &'static [[&'static str; 2]];
}

/// The menu position of `value`.
pub fn index_of<T: Named>(value: T) -> usize {
    T::ALL.iter().position(|v| *v == value).unwrap_or(0)
}

/// The value at menu position `index` (the first one if out of range).
pub fn pick<T: Named>(index: usize) -> T {
    T::ALL.get(index).copied().unwrap_or(T::ALL[0])
}

/// A classification dataset (the `dataset` key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassSet(pub DatasetKind);

/// A regression dataset (the `regDataset` key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegSet(pub DatasetKind);

impl Named for ClassSet {
    const ALL: &'static [Self] = &[
        ClassSet(DatasetKind::Circle),
        ClassSet(DatasetKind::Xor),
        ClassSet(DatasetKind::Gauss),
        ClassSet(DatasetKind::Spiral),
        ClassSet(DatasetKind::Moons),
    ];
    const NAMES: &'static [&'static str] = &["circle", "xor", "gauss", "spiral", "moons"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Circle", "圆环"],
        ["XOR", "异或"],
        ["Gaussian", "高斯"],
        ["Spiral", "螺旋"],
        ["Moons", "双月"],
    ];
}

impl Named for RegSet {
    const ALL: &'static [Self] = &[RegSet(DatasetKind::Plane), RegSet(DatasetKind::MultiGauss)];
    const NAMES: &'static [&'static str] = &["reg-plane", "reg-gauss"];
    const LABELS: &'static [[&'static str; 2]] = &[["Plane", "平面"], ["Gaussian bumps", "高斯峰"]];
}

impl Named for Problem {
    const ALL: &'static [Self] = &[Problem::Classification, Problem::Regression];
    const NAMES: &'static [&'static str] = &["classification", "regression"];
    const LABELS: &'static [[&'static str; 2]] =
        &[["Classification", "分类"], ["Regression", "回归"]];
}

impl Named for Activation {
    const ALL: &'static [Self] = &Activation::ALL;
    const NAMES: &'static [&'static str] = &[
        "relu",
        "leakyRelu",
        "elu",
        "gelu",
        "softplus",
        "sigmoid",
        "tanh",
        "linear",
        "sine",
    ];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["ReLU", "ReLU"],
        ["Leaky ReLU", "Leaky ReLU"],
        ["ELU", "ELU"],
        ["GELU", "GELU"],
        ["Softplus", "Softplus"],
        ["Sigmoid", "Sigmoid"],
        ["Tanh", "Tanh"],
        ["Linear (none)", "线性（无）"],
        ["Sine", "正弦"],
    ];
}

impl Named for Init {
    const ALL: &'static [Self] = &Init::ALL;
    const NAMES: &'static [&'static str] = &["uniform", "xavier", "he", "zeros"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Uniform ±0.5", "均匀 ±0.5"],
        ["Xavier (Glorot)", "Xavier（Glorot）"],
        ["He (Kaiming)", "He（Kaiming）"],
        ["All zeros", "全零"],
    ];
}

impl Named for LossKind {
    const ALL: &'static [Self] = &[LossKind::Mse, LossKind::CrossEntropy];
    const NAMES: &'static [&'static str] = &["mse", "crossEntropy"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Squared error ½·(o − t)²", "平方误差 ½·(o − t)²"],
        ["Cross-entropy", "交叉熵"],
    ];
}

impl Named for OptimizerChoice {
    const ALL: &'static [Self] = &[
        OptimizerChoice::Sgd,
        OptimizerChoice::Momentum,
        OptimizerChoice::Nesterov,
        OptimizerChoice::RmsProp,
        OptimizerChoice::Adam,
        OptimizerChoice::AdamW,
    ];
    const NAMES: &'static [&'static str] =
        &["sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["SGD", "SGD（随机梯度下降）"],
        ["Momentum", "动量"],
        ["Nesterov", "Nesterov"],
        ["RMSProp", "RMSProp"],
        ["Adam", "Adam"],
        ["AdamW", "AdamW"],
    ];
}

impl Named for Schedule {
    const ALL: &'static [Self] = &[Schedule::Constant, Schedule::Step, Schedule::Cosine];
    const NAMES: &'static [&'static str] = &["constant", "step", "cosine"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Constant", "恒定"],
        ["Step decay", "分段衰减"],
        ["Cosine", "余弦"],
    ];
}

impl Named for Regularization {
    const ALL: &'static [Self] = &[Regularization::None, Regularization::L1, Regularization::L2];
    const NAMES: &'static [&'static str] = &["none", "L1", "L2"];
    const LABELS: &'static [[&'static str; 2]] = &[["None", "无"], ["L1", "L1"], ["L2", "L2"]];
}

impl Named for Lab {
    const ALL: &'static [Self] = &Lab::ALL;
    const NAMES: &'static [&'static str] = &["plane", "digits", "sequence", "words", "attention"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["2-D plane", "二维平面"],
        ["Digits (CNN)", "手写数字（CNN）"],
        ["Sequences (RNN)", "序列（RNN）"],
        ["Words (embeddings)", "词向量（嵌入）"],
        ["Attention (Transformer)", "注意力（Transformer）"],
    ];
}

impl Named for Task {
    const ALL: &'static [Self] = &[Task::Text, Task::Adding, Task::Reverse];
    const NAMES: &'static [&'static str] = &["text", "adding", "reverse"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Next word (text)", "预测下一个词（文本）"],
        ["Adding problem (memory)", "加法问题（记忆）"],
        ["Reverse digits (memory)", "倒序数字（记忆）"],
    ];
}

impl Named for Units {
    const ALL: &'static [Self] = &[Units::Words, Units::Characters];
    const NAMES: &'static [&'static str] = &["words", "characters"];
    const LABELS: &'static [[&'static str; 2]] = &[["Words", "词"], ["Characters", "字符"]];
}

impl Named for Cell {
    const ALL: &'static [Self] = &Cell::ALL;
    const NAMES: &'static [&'static str] = &["rnn", "lstm", "gru"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Plain RNN (tanh)", "普通 RNN（tanh）"],
        ["LSTM", "LSTM"],
        ["GRU", "GRU"],
    ];
}

impl Named for Model {
    const ALL: &'static [Self] = &[Model::Cnn, Model::Mlp, Model::Linear];
    const NAMES: &'static [&'static str] = &["cnn", "mlp", "linear"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Convolutional (CNN)", "卷积网络（CNN）"],
        ["Dense (MLP)", "全连接网络（MLP）"],
        ["Softmax regression", "Softmax 回归"],
    ];
}

impl Named for Pooling {
    const ALL: &'static [Self] = &[Pooling::Max, Pooling::Average, Pooling::None];
    const NAMES: &'static [&'static str] = &["max", "avg", "none"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Max 2 x 2", "最大 2 x 2"],
        ["Average 2 x 2", "平均 2 x 2"],
        ["None", "无"],
    ];
}

impl Named for Lang {
    const ALL: &'static [Self] = &[Lang::Auto, Lang::En, Lang::Zh];
    const NAMES: &'static [&'static str] = &["auto", "en", "zh"];
    const LABELS: &'static [[&'static str; 2]] =
        &[["Auto", "自动"], ["English", "English"], ["中文", "中文"]];
}

impl Named for Pace {
    const ALL: &'static [Self] = &[
        Pace::Epochs1,
        Pace::Epochs3,
        Pace::Epochs10,
        Pace::Epochs30,
        Pace::Epochs100,
        Pace::Max,
    ];
    const NAMES: &'static [&'static str] = &["1", "3", "10", "30", "100", "max"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["1 epoch/s", "每秒 1 轮"],
        ["3 epochs/s", "每秒 3 轮"],
        ["10 epochs/s", "每秒 10 轮"],
        ["30 epochs/s", "每秒 30 轮"],
        ["100 epochs/s", "每秒 100 轮"],
        ["As fast as possible", "尽可能快"],
    ];
}

impl Named for CorpusChoice {
    const ALL: &'static [Self] = &[CorpusChoice::Zh, CorpusChoice::En, CorpusChoice::Custom];
    const NAMES: &'static [&'static str] = &["zh", "en", "custom"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Chinese sentences", "中文句子"],
        ["English sentences", "英文句子"],
        ["My own text", "我自己的文本"],
    ];
}

impl Named for Method {
    const ALL: &'static [Self] = &[Method::Sgns, Method::Cbow];
    const NAMES: &'static [&'static str] = &["sgns", "cbow"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Skip-gram (negative sampling)", "Skip-gram（负采样）"],
        ["CBOW", "CBOW（连续词袋）"],
    ];
}

impl Named for AttentionTask {
    const ALL: &'static [Self] = &[
        AttentionTask::Copy,
        AttentionTask::Reverse,
        AttentionTask::Sort,
        AttentionTask::Text,
    ];
    const NAMES: &'static [&'static str] = &["copy", "reverse", "sort", "text"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Copy", "复制"],
        ["Reverse", "倒序"],
        ["Sort", "排序"],
        ["Next word (text)", "预测下一个词（文本）"],
    ];
}

impl Named for Positions {
    const ALL: &'static [Self] = &[Positions::Learned, Positions::Sinusoidal, Positions::Off];
    const NAMES: &'static [&'static str] = &["learned", "sinusoidal", "off"];
    const LABELS: &'static [[&'static str; 2]] = &[
        ["Learned", "学习得到"],
        ["Sinusoidal", "正弦"],
        ["Off", "关闭"],
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T: Named>() {
        assert_eq!(T::ALL.len(), T::NAMES.len());
        assert_eq!(T::ALL.len(), T::LABELS.len());
        for (i, value) in T::ALL.iter().enumerate() {
            assert_eq!(index_of(*value), i);
            assert!(pick::<T>(i) == *value);
        }
    }

    #[test]
    fn every_choice_has_one_name_per_value() {
        check::<ClassSet>();
        check::<RegSet>();
        check::<Problem>();
        check::<Activation>();
        check::<Init>();
        check::<LossKind>();
        check::<OptimizerChoice>();
        check::<Schedule>();
        check::<Regularization>();
        check::<Lang>();
        check::<Pace>();
        check::<Lab>();
        check::<CorpusChoice>();
        check::<Method>();
    }
}
