//! The rows of the settings table. Keys and spellings follow TensorFlow
//! Playground where it has the setting, so its links open here unchanged.

use tensor::{Activation, Init};

use super::choices::{ClassSet, Named, RegSet, index_of, pick};
use super::{Group, Kind, Setting};
use crate::config::{Config, Lang, LossKind, OptimizerChoice, Problem, Regularization, Schedule};

use Group::{Data, Features, Network, Training, View};

/// The largest hidden layer and the most hidden layers, so no link can build a
/// network that freezes a tab.
pub const MAX_UNITS: u32 = 64;
/// The most hidden layers.
pub const MAX_LAYERS: usize = 8;
/// The most points a dataset may have.
pub const MAX_SAMPLES: u32 = 2000;
/// The most points that may be added by hand.
pub const MAX_USER_POINTS: usize = 200;

const fn row(
    key: &'static str,
    group: Group,
    default: &'static str,
    kind: Kind,
    text: [&'static str; 4],
) -> Setting {
    let [name_en, name_zh, help_en, help_zh] = text;
    Setting {
        key,
        group,
        kind,
        default,
        name_en,
        name_zh,
        help_en,
        help_zh,
    }
}

const fn int(min: u32, max: u32, get: fn(&Config) -> u32, set: fn(&mut Config, u32)) -> Kind {
    Kind::Int { min, max, get, set }
}

const fn float(min: f32, max: f32, get: fn(&Config) -> f32, set: fn(&mut Config, f32)) -> Kind {
    Kind::Float {
        min,
        max,
        open_min: false,
        get,
        set,
    }
}

const fn positive(max: f32, get: fn(&Config) -> f32, set: fn(&mut Config, f32)) -> Kind {
    Kind::Float {
        min: 0.0,
        max,
        open_min: true,
        get,
        set,
    }
}

const fn flag(get: fn(&Config) -> bool, set: fn(&mut Config, bool)) -> Kind {
    Kind::Bool { get, set }
}

const fn choice<T: Named>(get: fn(&Config) -> usize, set: fn(&mut Config, usize)) -> Kind {
    Kind::Choice {
        names: T::NAMES,
        get,
        set,
    }
}

/// Every setting, in form order.
pub static SETTINGS: &[Setting] = &[
    row(
        "problem",
        Data,
        "classification",
        choice::<Problem>(|c| index_of(c.problem), |c, i| c.problem = pick(i)),
        [
            "Problem",
            "问题类型",
            "Classify points into classes, or predict a number for each point.",
            "把点分成几类，或为每个点预测一个数值。",
        ],
    ),
    row(
        "dataset",
        Data,
        "spiral",
        choice::<ClassSet>(
            |c| index_of(ClassSet(c.dataset)),
            |c, i| c.dataset = pick::<ClassSet>(i).0,
        ),
        [
            "Dataset",
            "数据集",
            "The classification data: circle, xor, gauss, spiral or moons.",
            "分类数据：圆环、异或、高斯、螺旋或双月。",
        ],
    ),
    row(
        "regDataset",
        Data,
        "reg-plane",
        choice::<RegSet>(
            |c| index_of(RegSet(c.reg_dataset)),
            |c, i| c.reg_dataset = pick::<RegSet>(i).0,
        ),
        [
            "Regression data",
            "回归数据",
            "The regression data: a tilted plane or six Gaussian bumps.",
            "回归数据：倾斜平面或六个高斯峰。",
        ],
    ),
    row(
        "classes",
        Data,
        "2",
        int(2, 6, |c| c.classes as u32, |c, v| c.classes = v as usize),
        [
            "Classes",
            "类别数",
            "How many classes the spiral and gauss data have.",
            "螺旋和高斯数据的类别数。",
        ],
    ),
    row(
        "numSamples",
        Data,
        "500",
        int(
            10,
            MAX_SAMPLES,
            |c| c.num_samples as u32,
            |c, v| c.num_samples = v as usize,
        ),
        [
            "Points",
            "样本数",
            "How many points are generated.",
            "生成多少个数据点。",
        ],
    ),
    row(
        "noise",
        Data,
        "0",
        int(0, 50, |c| c.noise, |c, v| c.noise = v),
        [
            "Noise",
            "噪声",
            "How far points stray from the clean pattern, in percent.",
            "数据点偏离理想图案的程度（百分比）。",
        ],
    ),
    row(
        "percTrainData",
        Data,
        "50",
        int(10, 90, |c| c.perc_train_data, |c, v| c.perc_train_data = v),
        [
            "Training data",
            "训练集比例",
            "The percent of points used for training; the rest test the model.",
            "用于训练的数据百分比，其余用于测试。",
        ],
    ),
    row(
        "seed",
        Data,
        "1",
        Kind::Seed {
            get: |c| &c.seed,
            set: |c, v| c.seed = v,
        },
        [
            "Data seed",
            "数据种子",
            "Fixes the points and the train/test split.",
            "固定数据点和训练/测试划分。",
        ],
    ),
    row(
        "x",
        Features,
        "true",
        flag(|c| c.features.x, |c, v| c.features.x = v),
        [
            "x1",
            "x1",
            "The horizontal coordinate as an input.",
            "以横坐标作为输入。",
        ],
    ),
    row(
        "y",
        Features,
        "true",
        flag(|c| c.features.y, |c, v| c.features.y = v),
        [
            "x2",
            "x2",
            "The vertical coordinate as an input.",
            "以纵坐标作为输入。",
        ],
    ),
    row(
        "xSquared",
        Features,
        "false",
        flag(|c| c.features.x_squared, |c, v| c.features.x_squared = v),
        [
            "x1²",
            "x1²",
            "The square of the horizontal coordinate as an input.",
            "以横坐标的平方作为输入。",
        ],
    ),
    row(
        "ySquared",
        Features,
        "false",
        flag(|c| c.features.y_squared, |c, v| c.features.y_squared = v),
        [
            "x2²",
            "x2²",
            "The square of the vertical coordinate as an input.",
            "以纵坐标的平方作为输入。",
        ],
    ),
    row(
        "xTimesY",
        Features,
        "false",
        flag(|c| c.features.x_times_y, |c, v| c.features.x_times_y = v),
        [
            "x1·x2",
            "x1·x2",
            "The product of the coordinates as an input.",
            "以两个坐标的乘积作为输入。",
        ],
    ),
    row(
        "sinX",
        Features,
        "false",
        flag(|c| c.features.sin_x, |c, v| c.features.sin_x = v),
        [
            "sin x1",
            "sin x1",
            "The sine of the horizontal coordinate as an input.",
            "以横坐标的正弦作为输入。",
        ],
    ),
    row(
        "sinY",
        Features,
        "false",
        flag(|c| c.features.sin_y, |c, v| c.features.sin_y = v),
        [
            "sin x2",
            "sin x2",
            "The sine of the vertical coordinate as an input.",
            "以纵坐标的正弦作为输入。",
        ],
    ),
    row(
        "networkShape",
        Network,
        "12,12",
        Kind::List {
            max_len: MAX_LAYERS,
            min: 1,
            max: MAX_UNITS,
            get: |c| &c.network_shape,
            set: |c, v| c.network_shape = v,
        },
        [
            "Hidden layers",
            "隐藏层",
            "The number of units in each hidden layer, input side first.",
            "每个隐藏层的神经元数，从输入侧开始。",
        ],
    ),
    row(
        "activation",
        Network,
        "relu",
        choice::<Activation>(|c| index_of(c.activation), |c, i| c.activation = pick(i)),
        [
            "Activation",
            "激活函数",
            "The nonlinearity after each hidden layer; without one, depth adds nothing.",
            "每个隐藏层之后的非线性函数；没有它，加深网络毫无作用。",
        ],
    ),
    row(
        "init",
        Network,
        "uniform",
        choice::<Init>(|c| index_of(c.init), |c, i| c.init = pick(i)),
        [
            "Initialisation",
            "初始化",
            "How the starting weights are drawn.",
            "初始权重的取法。",
        ],
    ),
    row(
        "initScale",
        Network,
        "1",
        positive(10.0, |c| c.init_scale, |c, v| c.init_scale = v),
        [
            "Initial scale",
            "初始缩放",
            "Multiplies every starting weight: tiny weights make gradients vanish.",
            "所有初始权重乘以此数：权重太小会导致梯度消失。",
        ],
    ),
    row(
        "initSeed",
        Network,
        "1",
        Kind::Seed {
            get: |c| &c.init_seed,
            set: |c, v| c.init_seed = v,
        },
        [
            "Weight seed",
            "权重种子",
            "Fixes the starting weights, dropout and augmentation.",
            "固定初始权重、dropout 和数据增强。",
        ],
    ),
    row(
        "loss",
        Training,
        "mse",
        choice::<LossKind>(|c| index_of(c.loss), |c, i| c.loss = pick(i)),
        [
            "Loss",
            "损失函数",
            "Squared error (as TensorFlow Playground) or cross-entropy.",
            "均方误差（同 TensorFlow Playground）或交叉熵。",
        ],
    ),
    row(
        "optimizer",
        Training,
        "sgd",
        choice::<OptimizerChoice>(|c| index_of(c.optimizer), |c, i| c.optimizer = pick(i)),
        [
            "Optimizer",
            "优化器",
            "The rule that turns gradients into weight updates.",
            "把梯度变成权重更新的规则。",
        ],
    ),
    row(
        "learningRate",
        Training,
        "0.1",
        positive(10.0, |c| c.learning_rate, |c, v| c.learning_rate = v),
        [
            "Learning rate",
            "学习率",
            "The step size of gradient descent; too large diverges, too small crawls.",
            "梯度下降的步长：太大会发散，太小则很慢。",
        ],
    ),
    row(
        "momentum",
        Training,
        "0.9",
        float(0.0, 0.999, |c| c.momentum, |c, v| c.momentum = v),
        [
            "Momentum",
            "动量",
            "How much of the previous step carries into the next (momentum, Nesterov).",
            "上一步有多少延续到下一步（动量、Nesterov）。",
        ],
    ),
    row(
        "beta1",
        Training,
        "0.9",
        float(0.0, 0.999, |c| c.beta1, |c, v| c.beta1 = v),
        [
            "Adam β1",
            "Adam β1",
            "Decay of Adam's running mean of gradients.",
            "Adam 梯度滑动平均的衰减率。",
        ],
    ),
    row(
        "beta2",
        Training,
        "0.999",
        float(0.0, 0.99999, |c| c.beta2, |c, v| c.beta2 = v),
        [
            "Adam β2",
            "Adam β2",
            "Decay of Adam's running mean of squared gradients.",
            "Adam 梯度平方滑动平均的衰减率。",
        ],
    ),
    row(
        "rho",
        Training,
        "0.99",
        float(0.0, 0.99999, |c| c.rho, |c, v| c.rho = v),
        [
            "RMSProp ρ",
            "RMSProp ρ",
            "Decay of RMSProp's running mean of squared gradients.",
            "RMSProp 梯度平方滑动平均的衰减率。",
        ],
    ),
    row(
        "weightDecay",
        Training,
        "0.01",
        float(0.0, 1.0, |c| c.weight_decay, |c, v| c.weight_decay = v),
        [
            "Weight decay",
            "权重衰减",
            "AdamW's decoupled shrinking of every weight each step.",
            "AdamW 每步对所有权重的解耦衰减。",
        ],
    ),
    row(
        "lrSchedule",
        Training,
        "constant",
        choice::<Schedule>(|c| index_of(c.lr_schedule), |c, i| c.lr_schedule = pick(i)),
        [
            "Schedule",
            "学习率调度",
            "Keep the learning rate, cut it in steps, or lower it along a cosine.",
            "保持学习率、分段衰减或按余弦下降。",
        ],
    ),
    row(
        "lrEpochs",
        Training,
        "100",
        int(1, 100_000, |c| c.lr_epochs, |c, v| c.lr_epochs = v),
        [
            "Schedule epochs",
            "调度周期",
            "Epochs between step decays, or the length of the cosine.",
            "分段衰减的间隔轮数，或余弦调度的总轮数。",
        ],
    ),
    row(
        "lrDecay",
        Training,
        "0.5",
        positive(1.0, |c| c.lr_decay, |c, v| c.lr_decay = v),
        [
            "Decay factor",
            "衰减系数",
            "What each step decay multiplies the learning rate by.",
            "每次分段衰减时学习率乘以的系数。",
        ],
    ),
    row(
        "batchSize",
        Training,
        "10",
        int(
            1,
            MAX_SAMPLES,
            |c| c.batch_size as u32,
            |c, v| c.batch_size = v as usize,
        ),
        [
            "Batch size",
            "批大小",
            "Examples averaged per update: small batches are noisy, large ones smooth.",
            "每次更新平均的样本数：小批次噪声大，大批次更平滑。",
        ],
    ),
    row(
        "regularization",
        Training,
        "none",
        choice::<Regularization>(
            |c| index_of(c.regularization),
            |c, i| c.regularization = pick(i),
        ),
        [
            "Regularization",
            "正则化",
            "A penalty on large weights that fights overfitting.",
            "惩罚过大的权重以对抗过拟合。",
        ],
    ),
    row(
        "regularizationRate",
        Training,
        "0",
        float(
            0.0,
            10.0,
            |c| c.regularization_rate,
            |c, v| c.regularization_rate = v,
        ),
        [
            "Regularization rate",
            "正则化率",
            "How strongly large weights are penalised.",
            "对大权重惩罚的力度。",
        ],
    ),
    row(
        "dropout",
        Training,
        "0",
        float(0.0, 0.9, |c| c.dropout, |c, v| c.dropout = v),
        [
            "Dropout",
            "Dropout",
            "The chance each hidden unit is switched off in a training step.",
            "每个训练步中隐藏单元被随机关闭的概率。",
        ],
    ),
    row(
        "augmentNoise",
        Training,
        "0",
        float(0.0, 2.0, |c| c.augment_noise, |c, v| c.augment_noise = v),
        [
            "Augmentation noise",
            "数据增强噪声",
            "Random jitter added to training inputs every epoch.",
            "每轮给训练输入加入的随机抖动。",
        ],
    ),
    row(
        "patience",
        Training,
        "0",
        int(0, 1000, |c| c.patience, |c, v| c.patience = v),
        [
            "Early stopping",
            "早停",
            "Stop after this many epochs without a better test loss, and restore the best weights (0 = off).",
            "测试损失连续这么多轮没有改善就停止，并恢复最佳权重（0 为关闭）。",
        ],
    ),
    row(
        "userPoints",
        Data,
        "",
        Kind::Points {
            max: MAX_USER_POINTS,
            get: |c| &c.user_points,
            set: |c, v| c.user_points = v,
        },
        [
            "Added points",
            "手动添加的点",
            "Points added by clicking on the output, as x,y,label.",
            "在输出图上点击添加的点，格式为 x,y,标签。",
        ],
    ),
    row(
        "showTestData",
        View,
        "false",
        flag(|c| c.show_test_data, |c, v| c.show_test_data = v),
        [
            "Show test data",
            "显示测试数据",
            "Draw the test points over the output.",
            "在输出图上画出测试点。",
        ],
    ),
    row(
        "discretize",
        View,
        "false",
        flag(|c| c.discretize, |c, v| c.discretize = v),
        [
            "Discretize output",
            "离散化输出",
            "Colour regions by their winning class only, not by confidence.",
            "只按预测类别上色，不显示置信度。",
        ],
    ),
    row(
        "lang",
        View,
        "auto",
        choice::<Lang>(|c| index_of(c.lang), |c, i| c.lang = pick(i)),
        [
            "Language",
            "语言",
            "The interface language; auto follows the browser.",
            "界面语言；auto 跟随浏览器。",
        ],
    ),
];
