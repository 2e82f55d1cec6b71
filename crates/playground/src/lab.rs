//! The labs of the playground (the `lab` key: the 2-D plane, digits, ...) and
//! sets of them, with which the settings table tags each row.

/// The lab an experiment belongs to: which data, model and views it has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lab {
    /// The 2-D playground: points in the plane and a dense network.
    #[default]
    Plane,
    /// scikit-learn's 8 x 8 handwritten digits and a convolutional network.
    Digits,
    /// Text and the adding problem, read step by step by an RNN, LSTM or GRU.
    Sequence,
    /// Word embeddings learned from text by Word2Vec (skip-gram or CBOW).
    Words,
    /// A tiny Transformer: symbol tasks (copy, reverse, sort) and next-word prediction.
    Attention,
}

impl Lab {
    /// Every lab, in the switcher's order.
    pub const ALL: [Lab; 5] = [
        Lab::Plane,
        Lab::Digits,
        Lab::Sequence,
        Lab::Words,
        Lab::Attention,
    ];

    /// The lab's name, as links spell it.
    pub fn name(self) -> &'static str {
        match self {
            Lab::Plane => "plane",
            Lab::Digits => "digits",
            Lab::Sequence => "sequence",
            Lab::Words => "words",
            Lab::Attention => "attention",
        }
    }

    /// The lab's name in messages, in English and in Chinese.
    pub fn title(self) -> [&'static str; 2] {
        match self {
            Lab::Plane => ["the plane lab", "二维平面实验室"],
            Lab::Digits => ["the digits lab", "手写数字实验室"],
            Lab::Sequence => ["the sequence lab", "序列实验室"],
            Lab::Words => ["the words lab", "词向量实验室"],
            Lab::Attention => ["the attention lab", "注意力实验室"],
        }
    }

    /// The one-lab set of this lab.
    pub const fn only(self) -> Labs {
        Labs(1 << self as u8)
    }
}

/// A set of labs: the labs a row of the settings table belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Labs(u8);

impl Labs {
    /// The plane lab alone.
    pub const PLANE: Labs = Lab::Plane.only();
    /// The digits lab alone.
    pub const DIGITS: Labs = Lab::Digits.only();
    /// The sequence lab alone.
    pub const SEQUENCE: Labs = Lab::Sequence.only();
    /// The words lab alone.
    pub const WORDS: Labs = Lab::Words.only();
    /// The attention lab alone.
    pub const ATTENTION: Labs = Lab::Attention.only();
    /// Every lab: settings every experiment has (the seeds, the language, the pace).
    pub const ALL: Labs = Labs(u8::MAX);

    /// This set and `other`'s labs.
    pub const fn and(self, other: Labs) -> Labs {
        Labs(self.0 | other.0)
    }

    /// This set without `other`'s labs.
    pub const fn except(self, other: Labs) -> Labs {
        Labs(self.0 & !other.0)
    }

    /// Whether `lab` is in the set.
    pub const fn has(self, lab: Lab) -> bool {
        self.0 & (1 << lab as u8) != 0
    }
}
