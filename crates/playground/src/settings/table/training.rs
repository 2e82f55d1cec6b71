//! The training rows: loss, optimizer and its constants, learning rate and schedule, batch size, regularization, dropout, augmentation, early stopping.

use super::*;

/// The training rows.
pub(super) const TRAINING: &[Setting] = &[
    row(
        "loss",
        Training,
        "mse",
        choice::<LossKind>(|c| index_of(c.loss), |c, i| c.loss = pick(i)),
        [
            "Loss",
            "损失函数",
            "Squared error as TensorFlow Playground computes it: ½·(output − target)² averaged over the points, the classes as targets −1 and +1 through a tanh output, so an output of 0 everywhere scores 0.5 (past 2 classes, one such output per class, summed). Or cross-entropy.",
            "平方误差，与 TensorFlow Playground 的算法相同：½·(输出 − 目标)² 对所有点取平均，类别目标为 −1 和 +1，输出经过 tanh，所以处处输出 0 的损失为 0.5（超过 2 类时每类一个这样的输出，损失相加）。或交叉熵。",
        ],
    )
    .when(|c| c.problem == Problem::Classification)
    .note(Note {
        shown: |c| c.class_count().is_some_and(|classes| classes > 2),
        en: "With more than 2 classes the output is a softmax over the classes, and cross-entropy is the loss that fits it: choosing the classes switched to it.",
        zh: "超过 2 类时，输出是各类别上的 softmax，与之相配的损失是交叉熵：选择类别数时已自动切换。",
    }),
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
    )
    .live()
    .brings(|c| c.learning_rate = rate_for(c.optimizer)),
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
    )
    .live()
    .note(Note {
        shown: |c| c.optimizer != OptimizerChoice::Sgd && c.learning_rate == rate_for(c.optimizer),
        en: "Changing the optimizer sets a learning rate that suits it; change it after if you like.",
        zh: "更换优化器时会一并设置适合它的学习率；之后可以再改。",
    }),
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
    )
    .live()
    .when(|c| matches!(c.optimizer, OptimizerChoice::Momentum | OptimizerChoice::Nesterov))
    .labs(Labs::ALL),
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
    )
    .live()
    .when(|c| matches!(c.optimizer, OptimizerChoice::Adam | OptimizerChoice::AdamW))
    .labs(Labs::ALL),
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
    )
    .live()
    .when(|c| matches!(c.optimizer, OptimizerChoice::Adam | OptimizerChoice::AdamW))
    .labs(Labs::ALL),
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
    )
    .live()
    .when(|c| c.optimizer == OptimizerChoice::RmsProp)
    .labs(Labs::ALL),
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
    )
    .live()
    .when(|c| c.optimizer == OptimizerChoice::AdamW)
    .labs(Labs::ALL),
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
    )
    .live()
    .labs(Labs::ALL),
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
    )
    .live()
    .when(|c| c.lr_schedule != Schedule::Constant)
    .labs(Labs::ALL),
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
    )
    .live()
    .when(|c| c.lr_schedule == Schedule::Step)
    .labs(Labs::ALL),
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
    )
    .live(),
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
    )
    .live()
    .labs(Labs::ALL.except(Labs::WORDS)),
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
    )
    .live()
    .when(|c| c.regularization != Regularization::None)
    .labs(Labs::ALL.except(Labs::WORDS)),
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
    )
    .live()
    .labs(Labs::ALL.except(Labs::WORDS.and(Labs::ATTENTION))),
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
    )
    .live(),
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
    )
    .live()
    .labs(Labs::ALL.except(Labs::WORDS)),
];

/// The learning rate a form change of optimizer brings along: each trains the
/// default link (2-arm spiral, 12-12 tanh, squared error) to 98-100% training
/// accuracy in 300 epochs for data and weight seeds 1 to 5, and the 3-arm
/// spiral with cross-entropy to 85-100% in 500 epochs (on 12-12) and 98-100% in
/// 300 (on 16-16-16, what choosing 3 classes brings). Momentum and Nesterov
/// carry about ten steps at once (momentum 0.9), so they take a tenth of SGD's
/// 0.1; at 0.03 they already overshoot (62-97%). RMSProp, Adam and AdamW scale
/// each step by the gradient's running size and stick near chance at 0.1
/// (34-38% on 3 arms); 0.005 suits all three (0.01 also trains, 0.003 crawls).
pub(super) fn rate_for(optimizer: OptimizerChoice) -> f32 {
    match optimizer {
        OptimizerChoice::Sgd => 0.1,
        OptimizerChoice::Momentum | OptimizerChoice::Nesterov => 0.01,
        OptimizerChoice::RmsProp | OptimizerChoice::Adam | OptimizerChoice::AdamW => 0.005,
    }
}
