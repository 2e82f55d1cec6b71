//! What a divergence means: the weights to keep, the loss it reached, its
//! likely cause and the sentence that tells the learner what to try. Owns the
//! rule that names the cause; noticing a divergence is the update loop's.

use alloc::format;
use alloc::string::String;

use tensor::Init;
use tensor::stats;

use super::{Cause, Session, Stop};
use crate::float_text::format_f32;

/// A largest layer gradient norm at the first update above this means the
/// starting weights already amplify what passes through the layers. The
/// defaults start near 0.5 (regression near 1.3, 8 layers of 128 with Xavier
/// near 0.1); the exploding-gradients lesson's 6 layers at initial scale 2
/// start at 17, and 4 layers of 128 uniform ReLU units in the thousands.
const START_GRADIENT_LIMIT: f32 = 10.0;

/// A divergence fewer than this many updates after the first one, following
/// large gradients at it, is blamed on the starting weights. Those blow up
/// within a handful of updates (the lesson's network by the 5th update at
/// most rates from 0.1 to 10); a divergence later on comes from the
/// steps taken (a rate raised live, or a rate too large for a network that
/// trains at smaller ones: 4-2 ReLU with Xavier at scale 2 starts at 650 and
/// trains at 2, but blows up at 3 after about 60 updates).
const EARLY_UPDATES: u64 = 20;

impl Session {
    /// The largest gradient norm of any layer's weights in the workspace, or
    /// infinity when one is not a number.
    pub(super) fn largest_grad_norm(&self) -> f32 {
        let grads = self.workspace.grads();
        (0..self.model.layers.len())
            .filter_map(|layer| grads.get(2 * layer))
            .map(|grad| stats::l2_norm(grad.data()))
            .fold(0.0, |largest, norm| {
                if norm.is_nan() {
                    f32::INFINITY
                } else {
                    largest.max(norm)
                }
            })
    }

    /// The likely cause of a divergence at update `step`: the starting weights
    /// when the first update from them already found a gradient norm above
    /// [`START_GRADIENT_LIMIT`] (or none that is a number) and training blew up
    /// within [`EARLY_UPDATES`] updates of it; the learning rate otherwise. At
    /// the first update the rate has not yet acted, so a large gradient there
    /// is the starting weights' alone.
    pub(super) fn divergence_cause(&self, step: u64) -> Cause {
        match self.first_update {
            Some((first, largest))
                if largest > START_GRADIENT_LIMIT && step.saturating_sub(first) < EARLY_UPDATES =>
            {
                Cause::InitScale
            }
            _ => Cause::LearningRate,
        }
    }

    /// Restores the last finite weights and stops, naming the likely cause and
    /// keeping `loss`, the batch loss the failing update reached. If even
    /// those weights predict non-finite losses, the initial weights come back
    /// instead, so nothing the page reads is ever NaN or infinite.
    pub(super) fn diverge(&mut self, loss: f32) {
        core::mem::swap(&mut self.model, &mut self.backup);
        let kept = self.evaluate();
        if !kept.train_loss.is_finite() || !kept.test_loss.is_finite() {
            self.model = super::build_model(&self.config, self.objective);
        }
        let cause = self.divergence_cause(self.step);
        let (message, message_zh) = self.divergence_message(cause);
        self.stop = Some(Stop::Diverged {
            step: self.step,
            cause,
            loss,
            message,
            message_zh,
        });
    }

    /// What happened, why and what to try, in English and Chinese.
    fn divergence_message(&self, cause: Cause) -> (String, String) {
        let step = self.step;
        match cause {
            Cause::LearningRate => {
                let rate = format_f32(self.config.learning_rate);
                (
                    format!(
                        "Training diverged at step {step}: the gradients were small at the first \
                         step, but the updates grew until the loss or a weight stopped being a \
                         finite number, so the learning rate is too large. The last finite \
                         weights are kept; try a learning rate below {rate}."
                    ),
                    format!(
                        "训练在第 {step} 步发散：第一步的梯度并不大，但更新越来越大，直到损失或\
                         某个权重不再是有限的数，说明学习率太大。已保留最后一组有限的权重；\
                         请试试低于 {rate} 的学习率。"
                    ),
                )
            }
            Cause::InitScale => {
                let scale = format_f32(self.config.init_scale);
                let (try_en, try_zh) = if self.config.init_scale > 1.0 {
                    (
                        String::from("try an initial scale of 1 or less"),
                        String::from("请试试 1 或更小的初始缩放"),
                    )
                } else if self.config.init == Init::Uniform {
                    (
                        format!(
                            "try an initial scale below {scale}, or the Xavier or He initialisation"
                        ),
                        format!("请试试低于 {scale} 的初始缩放，或 Xavier、He 初始化"),
                    )
                } else {
                    (
                        format!("try an initial scale below {scale}"),
                        format!("请试试低于 {scale} 的初始缩放"),
                    )
                };
                (
                    format!(
                        "Training diverged at step {step}: the gradients were already large at \
                         the first step and grew layer by layer from there, so the starting \
                         weights are too large. The last finite weights are kept; {try_en}."
                    ),
                    format!(
                        "训练在第 {step} 步发散：第一步的梯度就已经很大，并逐层放大，说明初始\
                         权重太大。已保留最后一组有限的权重；{try_zh}。"
                    ),
                )
            }
        }
    }
}
