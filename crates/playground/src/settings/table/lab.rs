//! The first row of every link: which lab the experiment is in. Switching
//! labs in the form starts from the new lab's defaults, keeping the language.

use super::*;

/// The `lab` row: every lab has it, and it is read before any other key,
/// since the other keys and their defaults depend on it.
pub(super) const LAB: &[Setting] = &[row(
    "lab",
    Group::Lab,
    "plane",
    choice::<Lab>(|c| index_of(c.lab), |c, i| c.lab = pick(i)),
    [
        "Lab",
        "实验室",
        "Which lab: the 2-D plane, the handwritten digits or sequences. Each has its own settings.",
        "哪个实验室：二维平面、手写数字或序列。每个实验室有自己的设置。",
    ],
)
.labs(Labs::ALL)
.brings(|c| {
    let lang = c.lang;
    *c = Config::for_lab(c.lab);
    c.lang = lang;
})];
