//! The data rows: problem, datasets, classes, points, noise, split and seed.

use super::*;

/// The data rows.
pub(super) const DATA: &[Setting] = &[
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
    )
    .brings(|c| {
        if c.problem == Problem::Regression {
            c.loss = LossKind::Mse;
        }
    }),
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
    )
    .when(|c| c.problem == Problem::Classification)
    .brings(|c| {
        if !c.dataset.has_class_choice() {
            c.classes = 2;
        }
    }),
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
    )
    .when(|c| c.problem == Problem::Regression),
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
    )
    .when(|c| c.problem == Problem::Classification && c.dataset.has_class_choice())
    .brings(bring_with_classes),
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
    )
    .labs(Labs::ALL),
];

/// What choosing the number of classes brings along: past 2 classes the output
/// is a softmax over the classes, and cross-entropy is the loss that fits it.
/// Spirals of 4 to 6 arms also need three layers of 16 units and Adam to reach
/// 95% training accuracy within 1,000 epochs for every data seed (SGD with
/// cross-entropy on 12-12 stays at 46-92%), so those come along too.
fn bring_with_classes(config: &mut Config) {
    if config.classes > 2 {
        config.loss = LossKind::CrossEntropy;
        config.optimizer = OptimizerChoice::Adam;
        config.learning_rate = super::training::rate_for(OptimizerChoice::Adam);
        config.network_shape = alloc::vec![16, 16, 16];
    }
}
