//! The rows last in the form: hand-added points and the view settings (speed and
//! the epoch to pause at among them).

use super::*;

/// The rows last in the form.
pub(super) const PAGE: &[Setting] = &[
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
    )
    .live(),
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
    )
    .live(),
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
    )
    .live()
    .labs(Labs::ALL),
    row(
        "speed",
        View,
        "max",
        choice::<Pace>(|c| index_of(c.speed), |c, i| c.speed = pick(i)),
        [
            "Speed",
            "速度",
            "How many epochs to train per second while playing.",
            "运行时每秒训练多少轮。",
        ],
    )
    .live()
    .labs(Labs::ALL),
    row(
        "pauseAt",
        View,
        "0",
        int(0, MAX_PAUSE_AT, |c| c.pause_at, |c, v| c.pause_at = v),
        [
            "Pause at epoch",
            "在第几轮暂停",
            "Training pauses by itself when this epoch ends; 0 never pauses. Lessons use it to stop at the moment they talk about.",
            "训练在这一轮结束时自动暂停；0 表示从不暂停。课程用它停在所讲的那一刻。",
        ],
    )
    .live()
    .labs(Labs::ALL),
];
