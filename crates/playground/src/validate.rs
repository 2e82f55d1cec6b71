//! Checks that span several settings, each with the repair the lenient link
//! reader applies (the setting at fault goes back to its default), and, for
//! configs built field by field, the single-setting limits of the table.

use alloc::format;
use alloc::vec::Vec;

use crate::config::{Config, LossKind, Problem};
use crate::error::ConfigError;
use crate::float_text::format_f32;
use crate::lab::Lab;
use crate::sequence::config::Task;
use crate::settings::{self, MAX_REVERSE_DIGITS, Setting};
use crate::words::config::CorpusChoice;

/// One broken rule: the error and how to fix the config.
type Broken = (ConfigError, fn(&mut Config));

impl Config {
    /// Checks every setting against the table's limits (a config read from a
    /// link always passes; one built field by field may not), then the rules
    /// that span several settings.
    ///
    /// # Errors
    /// The first setting out of its limits or the first broken rule, naming the key at fault.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if let Some(error) = self.setting_out_of_limits() {
            return Err(error);
        }
        match self.problems().into_iter().next() {
            Some((error, _)) => Err(error),
            None => Ok(()),
        }
    }

    /// [`Config::validate`] for the session of `lab`, which opens no other lab's config.
    ///
    /// # Errors
    /// As [`Config::validate`], or the `lab` key naming another lab.
    pub fn validate_for(&self, lab: Lab) -> Result<(), ConfigError> {
        self.validate()?;
        if self.lab != lab {
            let [en, zh] = lab.title();
            return Err(ConfigError::new(
                "lab",
                self.lab.name(),
                format!("this session trains {en}; open other labs with their own session"),
                format!("这个会话只训练{zh}；其他实验室用各自的会话"),
            ));
        }
        Ok(())
    }

    /// The first setting the table would not read back from its own link
    /// spelling: out of its limits or not finite (first pass), or not
    /// representable there, like a count beyond `u32` or a regression dataset
    /// as the classification one (second pass, once every number is finite and
    /// the configs compare).
    fn setting_out_of_limits(&self) -> Option<ConfigError> {
        let read_back = |copy: &mut Config, setting: &Setting| {
            setting.kind.apply(copy, &setting.kind.format(self))
        };
        let mut scratch = self.clone();
        let setting = settings::rows(self.lab)
            .find(|setting| !read_back(&mut scratch, setting))
            .or_else(|| {
                let mut copy = self.clone();
                settings::rows(self.lab)
                    .find(|setting| !read_back(&mut copy, setting) || copy != *self)
            })?;
        Some(ConfigError::not_allowed(
            setting,
            &setting.kind.format(self),
        ))
    }

    /// Puts every setting that breaks a cross-setting rule back to its default
    /// and returns the errors.
    pub(crate) fn repair(&mut self) -> Vec<ConfigError> {
        let mut errors = Vec::new();
        for (error, fix) in self.problems() {
            fix(self);
            errors.push(error);
        }
        errors
    }

    fn problems(&self) -> Vec<Broken> {
        let mut found: Vec<Broken> = Vec::new();
        if self.lab == Lab::Words {
            if let Some(error) = crate::words::pasted_text_problem(&self.words) {
                found.push((error, |c| c.words.corpus = CorpusChoice::default()));
            }
        }
        if self.lab == Lab::Attention && self.attention.dim % self.attention.heads.max(1) != 0 {
            found.push((
                ConfigError::new(
                    "heads",
                    &format!("{}", self.attention.heads),
                    "a number of heads that divides the width (dim)",
                    "能整除宽度（dim）的头数",
                ),
                |c| {
                    let (heads, dim) = (c.attention.heads, c.attention.dim);
                    c.attention.heads = (1..heads).rev().find(|h| dim % h == 0).unwrap_or(1);
                },
            ));
        }
        let reverse = self.sequence.task == Task::Reverse;
        if self.lab == Lab::Sequence && reverse && self.sequence.length > MAX_REVERSE_DIGITS {
            found.push((
                ConfigError::new(
                    "length",
                    &format!("{}", self.sequence.length),
                    format!("at most {MAX_REVERSE_DIGITS} digits to reverse (task=reverse)"),
                    format!("倒序最多 {MAX_REVERSE_DIGITS} 个数字（task=reverse）"),
                ),
                |c| c.sequence.length = MAX_REVERSE_DIGITS,
            ));
        }
        if self.lab != Lab::Plane {
            return found;
        }
        if self.features.count() == 0 {
            found.push((
                ConfigError::new(
                    "x",
                    "false",
                    "at least one input feature must be on",
                    "至少要打开一个输入特征",
                ),
                |c| {
                    c.features.x = true;
                    c.features.y = true;
                },
            ));
        }
        let classification = self.problem == Problem::Classification;
        if classification && !self.dataset.has_class_choice() && self.classes != 2 {
            found.push((
                ConfigError::new(
                    "classes",
                    &format!("{}", self.classes),
                    format!(
                        "{} always has 2 classes; 3 to 6 classes are for spiral and gauss",
                        self.dataset.name()
                    ),
                    format!(
                        "{} 总是 2 类；3 到 6 类只适用于螺旋和高斯数据",
                        self.dataset.name()
                    ),
                ),
                |c| c.classes = 2,
            ));
        }
        if !classification && self.loss == LossKind::CrossEntropy {
            found.push((
                ConfigError::new(
                    "loss",
                    "crossEntropy",
                    "cross-entropy needs classes; regression uses mse",
                    "交叉熵需要类别；回归使用均方误差（mse）",
                ),
                |c| c.loss = LossKind::Mse,
            ));
        }
        if let Some(bad) = self
            .user_points
            .iter()
            .find(|p| !self.label_allowed(p.label))
        {
            let (allowed, allowed_zh) = match self.class_count() {
                Some(classes) => (
                    format!(
                        "a class label must be a whole number from 0 to {}",
                        classes - 1
                    ),
                    format!("类别标签须为 0 到 {} 之间的整数", classes - 1),
                ),
                None => (
                    "a regression label must be a number in [-1, 1]".into(),
                    "回归标签须为 [-1, 1] 范围内的数".into(),
                ),
            };
            found.push((
                ConfigError::new(
                    "userPoints",
                    &[bad.x, bad.y, bad.label].map(format_f32).join(","),
                    allowed,
                    allowed_zh,
                ),
                |c| c.user_points.clear(),
            ));
        }
        found
    }

    fn label_allowed(&self, label: f32) -> bool {
        match self.class_count() {
            Some(classes) => label >= 0.0 && label < classes as f32 && libm::truncf(label) == label,
            None => (-1.0..=1.0).contains(&label),
        }
    }
}
