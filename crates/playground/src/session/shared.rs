//! What every lab's session does alike: each layer's gradient health after an
//! update, early stopping's bookkeeping at an epoch's end, and the training
//! settings a running session takes live.

use tensor::loss::{l1_penalty, l2_penalty};
use tensor::{Optimizer, Tape, Var, stats};

use super::{LayerStats, Stop, build_optimizer, optimizer_kind};
use crate::config::{Config, Regularization};

/// The best epoch so far while early stopping is on: its number, its test loss
/// and its weights (`M`, the lab's network).
pub(crate) type Best<M> = Option<(u64, f32, M)>;

impl LayerStats {
    /// A layer's stats from its weight gradient, its weights after the update
    /// and the norm of the update.
    pub(crate) fn measure(grad: &[f32], weight: &[f32], update: f32) -> Self {
        Self::from_norms(stats::l2_norm(grad), stats::l2_norm(weight), update)
    }

    /// A layer's stats from the norms of its weight gradient, its weights and its update.
    pub(crate) fn from_norms(grad_norm: f32, weight_norm: f32, update: f32) -> Self {
        LayerStats {
            grad_norm,
            weight_norm,
            update_ratio: stats::update_ratio(update, weight_norm),
        }
    }
}

/// `data_loss` plus the config's L1 or L2 penalty on `weights` times its rate,
/// or `data_loss` alone when there is no penalty or its rate is 0.
pub(crate) fn penalized_loss(
    tape: &mut Tape,
    data_loss: Var,
    weights: &[Var],
    config: &Config,
) -> Var {
    let rate = config.regularization_rate;
    let penalty = match config.regularization {
        Regularization::None => None,
        _ if rate == 0.0 => None,
        Regularization::L1 => l1_penalty(tape, weights),
        Regularization::L2 => l2_penalty(tape, weights),
    };
    match penalty {
        Some(penalty) => {
            let scaled = tape.scale(penalty, rate);
            tape.add(data_loss, scaled)
        }
        None => data_loss,
    }
}

/// Early stopping at the end of `epoch`, whose test loss is `test_loss`: keeps
/// the best epoch's weights, and once `patience` epochs have passed without a
/// better one, returns the stop and the weights to restore.
pub(crate) fn early_stop<M: Clone>(
    best: &mut Best<M>,
    epoch: u64,
    test_loss: f32,
    patience: u32,
    weights: &M,
) -> Option<(Stop, M)> {
    let improved = best
        .as_ref()
        .is_none_or(|(_, lowest, _)| test_loss < *lowest);
    if improved {
        *best = Some((epoch, test_loss, weights.clone()));
        return None;
    }
    let (best_epoch, _, kept) = best.as_ref()?;
    (epoch - best_epoch >= u64::from(patience)).then(|| {
        let stop = Stop::EarlyStopped {
            epoch,
            best_epoch: *best_epoch,
        };
        (stop, kept.clone())
    })
}

/// Takes the live training settings of `new` into a session running `old`:
/// the optimizer (a new rule starts its state over, new constants keep it),
/// and early stopping (off forgets the best epoch; a new patience lifts an
/// early stop).
pub(crate) fn take_live<M>(
    old: &Config,
    new: &Config,
    optimizer: &mut Optimizer,
    best: &mut Best<M>,
    stop: &mut Option<Stop>,
) {
    if new.optimizer != old.optimizer {
        *optimizer = build_optimizer(new);
    }
    let live = optimizer_kind(new);
    if live != optimizer.kind() {
        optimizer.set_kind(live);
    }
    if new.patience == 0 {
        *best = None;
    }
    if matches!(stop, Some(Stop::EarlyStopped { .. })) && new.patience != old.patience {
        *stop = None;
    }
}
