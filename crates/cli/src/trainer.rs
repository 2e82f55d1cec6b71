//! What the run loop needs of a lab's session, so one loop trains every lab:
//! its clock, its stop, one update and its metrics.

use playground::attention::AttentionSession;
use playground::digits::{DigitsSession, MAX_TEST_SHIFT};
use playground::sequence::SequenceSession;
use playground::sequence::config::Task;
use playground::words::WordsSession;
use playground::{Config, Metrics, Session};

use crate::report::LabFields;

/// A lab's training session, as the run loop drives it.
pub trait Trainer {
    /// The settings it runs.
    fn config(&self) -> &Config;
    /// Updates taken so far.
    fn step(&self) -> u64;
    /// Epochs completed so far.
    fn epoch(&self) -> u64;
    /// Whether training has stopped by itself.
    fn stopped(&self) -> bool;
    /// Takes one update.
    fn train_step(&mut self);
    /// The progress now.
    fn metrics(&self) -> Metrics;
    /// The summary's fields of this lab alone, beside `metrics`, the progress now.
    fn lab_fields(&self, _metrics: &Metrics) -> Option<LabFields> {
        None
    }
}

impl Trainer for Session {
    fn config(&self) -> &Config {
        Session::config(self)
    }
    fn step(&self) -> u64 {
        Session::step(self)
    }
    fn epoch(&self) -> u64 {
        Session::epoch(self)
    }
    fn stopped(&self) -> bool {
        Session::stopped(self).is_some()
    }
    fn train_step(&mut self) {
        self.train_steps(1);
    }
    fn metrics(&self) -> Metrics {
        Session::metrics(self)
    }
}

impl Trainer for DigitsSession {
    fn config(&self) -> &Config {
        DigitsSession::config(self)
    }
    fn step(&self) -> u64 {
        DigitsSession::step(self)
    }
    fn epoch(&self) -> u64 {
        DigitsSession::epoch(self)
    }
    fn stopped(&self) -> bool {
        DigitsSession::stopped(self).is_some()
    }
    fn train_step(&mut self) {
        self.train_steps(1);
    }
    fn metrics(&self) -> Metrics {
        DigitsSession::metrics(self)
    }
    fn lab_fields(&self, _metrics: &Metrics) -> Option<LabFields> {
        Some(LabFields::Digits {
            parameters: self.network().parameter_count(),
            shifted_accuracy: (0..=MAX_TEST_SHIFT)
                .map(|pixels| self.shifted_accuracy(pixels))
                .collect(),
        })
    }
}

impl Trainer for SequenceSession {
    fn config(&self) -> &Config {
        SequenceSession::config(self)
    }
    fn step(&self) -> u64 {
        SequenceSession::step(self)
    }
    fn epoch(&self) -> u64 {
        SequenceSession::epoch(self)
    }
    fn stopped(&self) -> bool {
        SequenceSession::stopped(self).is_some()
    }
    fn train_step(&mut self) {
        self.train_steps(1);
    }
    fn metrics(&self) -> Metrics {
        SequenceSession::metrics(self)
    }
    fn lab_fields(&self, metrics: &Metrics) -> Option<LabFields> {
        let gradients = self.gradients();
        let text = self.config().sequence.task == Task::Text;
        Some(LabFields::Sequence {
            parameters: self.model().parameter_count(),
            baseline_loss: self.baseline_loss(),
            perplexity: text.then(|| metrics.evaluation.test_loss.exp()),
            gradient_norm: gradients.norm,
            step_gradient_norms: gradients.per_step.clone(),
        })
    }
}

impl Trainer for WordsSession {
    fn config(&self) -> &Config {
        WordsSession::config(self)
    }
    fn step(&self) -> u64 {
        WordsSession::step(self)
    }
    fn epoch(&self) -> u64 {
        WordsSession::epoch(self)
    }
    fn stopped(&self) -> bool {
        WordsSession::stopped(self).is_some() || self.finished()
    }
    fn train_step(&mut self) {
        self.train_steps(1);
    }
    fn metrics(&self) -> Metrics {
        WordsSession::metrics(self)
    }
    fn lab_fields(&self, _metrics: &Metrics) -> Option<LabFields> {
        let summary = self.summary();
        Some(LabFields::Words {
            parameters: self.parameter_count(),
            vocabulary: self.vocabulary().len(),
            group_neighbours: summary.map(|s| s.group_neighbours),
            similar_pair: summary.map(|s| s.similar_pair),
            distant_pair: summary.map(|s| s.distant_pair),
            analogy_rank: summary.map(|s| s.analogy_rank),
        })
    }
}

impl Trainer for AttentionSession {
    fn config(&self) -> &Config {
        AttentionSession::config(self)
    }
    fn step(&self) -> u64 {
        AttentionSession::step(self)
    }
    fn epoch(&self) -> u64 {
        AttentionSession::epoch(self)
    }
    fn stopped(&self) -> bool {
        AttentionSession::stopped(self).is_some()
    }
    fn train_step(&mut self) {
        self.train_steps(1);
    }
    fn metrics(&self) -> Metrics {
        AttentionSession::metrics(self)
    }
    fn lab_fields(&self, _metrics: &Metrics) -> Option<LabFields> {
        let report = self.test_report();
        let symbols = !self.config().attention.task.is_text();
        Some(LabFields::Attention {
            parameters: self.model().parameter_count(),
            exact_match: symbols.then_some(report.exact_match),
            position_accuracy: report.positions,
        })
    }
}
