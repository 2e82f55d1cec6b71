//! The word groups of the built-in corpora, in Chinese and in English: the
//! words whose vectors should end up near each other, which the projection
//! colours and the group score counts.

/// A group of words that share their contexts in the built-in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    /// The group's name in English.
    pub name_en: &'static str,
    /// The group's name in Chinese.
    pub name_zh: &'static str,
    /// Its words in the corpus's language.
    pub words: &'static [&'static str],
}

/// The groups of the Chinese corpus.
pub const ZH_GROUPS: &[Group] = &[
    group("animals", "动物", &["猫", "狗", "马", "牛", "羊", "鸟"]),
    group("foods", "食物", &["米饭", "面条", "面包", "苹果", "香蕉"]),
    group("colours", "颜色", &["红", "绿", "蓝", "黄"]),
    group("numbers", "数字", &["一", "二", "三", "四", "五"]),
    group("vehicles", "交通工具", &["汽车", "火车", "飞机", "自行车"]),
    group(
        "people",
        "人物",
        &["国王", "王后", "男人", "女人", "王子", "公主"],
    ),
];

/// The groups of the English corpus, in the same order as [`ZH_GROUPS`].
pub const EN_GROUPS: &[Group] = &[
    group(
        "animals",
        "动物",
        &["cat", "dog", "horse", "cow", "sheep", "bird"],
    ),
    group(
        "foods",
        "食物",
        &["rice", "noodles", "bread", "apple", "banana"],
    ),
    group("colours", "颜色", &["red", "green", "blue", "yellow"]),
    group("numbers", "数字", &["one", "two", "three", "four", "five"]),
    group(
        "vehicles",
        "交通工具",
        &["car", "train", "plane", "bicycle"],
    ),
    group(
        "people",
        "人物",
        &["king", "queen", "man", "woman", "prince", "princess"],
    ),
];

const fn group(
    name_en: &'static str,
    name_zh: &'static str,
    words: &'static [&'static str],
) -> Group {
    Group {
        name_en,
        name_zh,
        words,
    }
}
