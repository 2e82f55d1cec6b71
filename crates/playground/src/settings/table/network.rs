//! The input-feature and network rows: the seven features, the layers, activation and starting weights.

use super::*;

/// The input-feature and network rows.
pub(super) const NETWORK: &[Setting] = &[
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
    )
    .labs(Labs::ALL),
];
