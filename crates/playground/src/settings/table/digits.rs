//! The digits lab's rows: its model and shape, its training set and
//! augmentation, and the shared training keys whose defaults differ here
//! (Adam at 0.01 in batches of 32, as the C1 workload).

use super::*;
use crate::digits::config::{Model, Pooling};

/// The most filters of the first convolution.
pub const MAX_FILTERS1: u32 = 16;
/// The most filters of the second convolution.
pub const MAX_FILTERS2: u32 = 32;
/// The most hidden units of the digits MLP.
pub const MAX_HIDDEN: u32 = 256;
/// The largest digits batch.
pub const MAX_DIGITS_BATCH: u32 = 128;
/// The most training images a link may ask for (the split holds fewer: all of them are used).
pub const MAX_TRAIN_SIZE: u32 = 1797;

/// The digits lab's rows.
pub(super) const DIGITS: &[Setting] = &[
    digits_row(
        "model",
        Network,
        "cnn",
        choice::<Model>(|c| index_of(c.digits.model), |c, i| c.digits.model = pick(i)),
        [
            "Model",
            "模型",
            "A convolutional network, a dense network with about as many weights, or softmax regression on the pixels.",
            "卷积网络、参数量相近的全连接网络，或直接在像素上做 softmax 回归。",
        ],
    ),
    digits_row(
        "filters1",
        Network,
        "16",
        int(
            1,
            MAX_FILTERS1,
            |c| c.digits.filters1 as u32,
            |c, v| c.digits.filters1 = v as usize,
        ),
        [
            "Filters, conv 1",
            "卷积层 1 的滤波器数",
            "How many kernels the first convolution slides over the image: one feature map each.",
            "第一个卷积层在图像上滑动的卷积核个数：每个核得到一张特征图。",
        ],
    )
    .when(is_cnn),
    digits_row(
        "filters2",
        Network,
        "32",
        int(
            1,
            MAX_FILTERS2,
            |c| c.digits.filters2 as u32,
            |c, v| c.digits.filters2 = v as usize,
        ),
        [
            "Filters, conv 2",
            "卷积层 2 的滤波器数",
            "How many kernels the second convolution slides over the first one's maps.",
            "第二个卷积层在第一层特征图上滑动的卷积核个数。",
        ],
    )
    .when(is_cnn),
    digits_row(
        "kernel",
        Network,
        "3",
        Kind::Choice {
            names: &["1", "3", "5"],
            labels: &[["1 x 1", "1 x 1"], ["3 x 3", "3 x 3"], ["5 x 5", "5 x 5"]],
            get: |c| c.digits.kernel / 2,
            set: |c, i| c.digits.kernel = 2 * i + 1,
        },
        [
            "Kernel size",
            "卷积核大小",
            "The side of each kernel: the local receptive field one output pixel sees. Maps are padded to keep their size.",
            "每个卷积核的边长：一个输出像素看到的局部感受野。特征图四周补零以保持大小。",
        ],
    )
    .when(is_cnn),
    digits_row(
        "pooling",
        Network,
        "max",
        choice::<Pooling>(|c| index_of(c.digits.pooling), |c, i| c.digits.pooling = pick(i)),
        [
            "Pooling",
            "池化",
            "How each convolution's maps are halved: the largest or the mean value of each 2 x 2 window, or not at all.",
            "每个卷积层的特征图如何缩小一半：取每个 2 x 2 窗口的最大值或平均值，或不池化。",
        ],
    )
    .when(is_cnn),
    digits_row(
        "hidden",
        Network,
        "81",
        int(
            1,
            MAX_HIDDEN,
            |c| c.digits.hidden as u32,
            |c, v| c.digits.hidden = v as usize,
        ),
        [
            "Hidden units",
            "隐藏单元数",
            "The dense network's one hidden layer: 81 units give about as many weights as the default CNN (6,090).",
            "全连接网络唯一隐藏层的单元数：81 个时参数量与默认的卷积网络（6,090）相近。",
        ],
    )
    .when(|c| c.digits.model == Model::Mlp),
    digits_row(
        "trainSize",
        Data,
        "1797",
        int(
            10,
            MAX_TRAIN_SIZE,
            |c| c.digits.train_size as u32,
            |c, v| c.digits.train_size = v as usize,
        ),
        [
            "Training images",
            "训练图像数",
            "How many training images to learn from, the same share of each digit; more than the training split holds uses all of it. 50 overfit, all of them do not.",
            "用多少张训练图像学习，每个数字所占比例相同；超过训练集大小时用全部训练图像。50 张会过拟合，全部则不会。",
        ],
    ),
    augment(
        "augShift",
        |c| c.digits.augment.shift,
        |c, v| c.digits.augment.shift = v,
        [
            "Shift",
            "平移",
            "Move each training image by up to 1 pixel each time it is used.",
            "每次使用训练图像时，随机平移至多 1 个像素。",
        ],
    ),
    augment(
        "augRotate",
        |c| c.digits.augment.rotate,
        |c, v| c.digits.augment.rotate = v,
        [
            "Rotate",
            "旋转",
            "Turn each training image by a small random angle.",
            "把每张训练图像随机旋转一个小角度。",
        ],
    ),
    augment(
        "augFlip",
        |c| c.digits.augment.flip,
        |c, v| c.digits.augment.flip = v,
        [
            "Flip",
            "翻转",
            "Mirror training images left to right: a mirrored 3 is no digit, so this hurts here.",
            "把训练图像左右镜像：镜像的 3 不是数字，所以这里反而有害。",
        ],
    ),
    augment(
        "augNoise",
        |c| c.digits.augment.noise,
        |c, v| c.digits.augment.noise = v,
        [
            "Pixel noise",
            "像素噪声",
            "Add random noise to every pixel of the training images.",
            "给训练图像的每个像素加入随机噪声。",
        ],
    ),
    same_row(training::TRAINING, "optimizer").defaulting(Labs::DIGITS, "adam"),
    same_row(training::TRAINING, "learningRate").defaulting(Labs::DIGITS, "0.01"),
    digits_row(
        "batchSize",
        Training,
        "32",
        int(
            1,
            MAX_DIGITS_BATCH,
            |c| c.batch_size as u32,
            |c, v| c.batch_size = v as usize,
        ),
        [
            "Batch size",
            "批大小",
            "Images averaged per update: small batches are noisy, large ones smooth.",
            "每次更新平均的图像数：小批次噪声大，大批次更平滑。",
        ],
    )
    .live(),
];

/// A row of the digits lab alone.
const fn digits_row(
    key: &'static str,
    group: Group,
    default: &'static str,
    kind: Kind,
    text: [&'static str; 4],
) -> Setting {
    row(key, group, default, kind, text).labs(Labs::DIGITS)
}

fn is_cnn(config: &Config) -> bool {
    config.digits.model == Model::Cnn
}

/// A digits augmentation switch, off by default and live.
const fn augment(
    key: &'static str,
    get: fn(&Config) -> bool,
    set: fn(&mut Config, bool),
    text: [&'static str; 4],
) -> Setting {
    digits_row(key, Training, "false", flag(get, set), text).live()
}

/// The row of `rows` with `key`, found at compile time.
pub(super) const fn same_row(rows: &[Setting], key: &str) -> Setting {
    let mut i = 0;
    while i < rows.len() {
        if same_text(rows[i].key, key) {
            return rows[i];
        }
        i += 1;
    }
    panic!("same_row: no row has this key")
}

const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
