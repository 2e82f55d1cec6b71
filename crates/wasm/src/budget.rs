//! How much work one call may do, so that no call from the page freezes the
//! tab. A browser concern, not the engine's: the session trains whatever it is
//! asked to. Work is counted in units of one example (or grid pixel) through
//! one weight, which costs about 2 ns in Chromium's wasm on the dev machine.

use playground::Session;
use playground::session::MAX_GRID_POINTS;

/// The most updates one `trainSteps` call takes, however small the network.
pub const MAX_STEPS_PER_CALL: u32 = 10_000;
/// The most epochs one `trainEpochs` call trains, however small the network.
pub const MAX_EPOCHS_PER_CALL: u32 = 100;
/// The most work one call may cost, in units of one example through one
/// weight: about a third of a second.
pub const MAX_WORK_PER_CALL: u64 = 150_000_000;

/// Work of one update beyond its batch, per weight: the optimizer, the backup
/// of the weights and the gradient statistics each touch every weight.
const UPDATE_PASSES: u64 = 3;
/// Work of one update whatever the network (the tape, the batch, the schedule).
const UPDATE_OVERHEAD: u64 = 4_000;

/// The call limits of one session's current network and batch size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Updates per `trainSteps` call (at least 1).
    pub steps: u32,
    /// Epochs per `trainEpochs` call (at least 1). At least 1 even when one
    /// epoch costs more than a call's budget (the largest network at batch 1 on
    /// 1,800 training points: about 5.6 times), so the page never calls
    /// `trainEpochs`: it trains an epoch in calls of at most `steps` updates,
    /// each ending where the epoch does (`epochStepsLeft`), over several frames.
    pub epochs: u32,
    /// Pixels per `predictGrid` / `heatmapRgba` call.
    pub grid_pixels: usize,
}

impl Limits {
    /// The limits for `session` as it is configured now.
    pub fn of(session: &Session) -> Self {
        let sizes = session.model().sizes();
        let weights: u64 = sizes
            .windows(2)
            .map(|pair| (pair[0] * pair[1]) as u64)
            .sum::<u64>()
            .max(1);
        let examples = session.train_set().len().max(1) as u64;
        let batch = (session.config().batch_size as u64).clamp(1, examples);
        let update = weights * (batch + UPDATE_PASSES) + UPDATE_OVERHEAD;
        let calls = |cost: u64, most: u32| {
            u32::try_from(MAX_WORK_PER_CALL / cost.max(1))
                .unwrap_or(most)
                .clamp(1, most)
        };
        Self {
            steps: calls(update, MAX_STEPS_PER_CALL),
            epochs: calls(update * examples.div_ceil(batch), MAX_EPOCHS_PER_CALL),
            grid_pixels: usize::try_from(MAX_WORK_PER_CALL / weights)
                .unwrap_or(MAX_GRID_POINTS)
                .min(MAX_GRID_POINTS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use playground::Config;

    fn session(link: &str) -> Session {
        match Config::from_query(link).map(Session::new) {
            Ok(Ok(session)) => session,
            _ => panic!("{link} builds"),
        }
    }

    fn limits(link: &str) -> Limits {
        Limits::of(&session(link))
    }

    #[test]
    fn small_batches_on_the_default_network_limit_epochs_not_steps() {
        let small = limits("batchSize=1&numSamples=2000&percTrainData=90");
        assert_eq!(small.steps, MAX_STEPS_PER_CALL);
        assert!(
            (5..MAX_EPOCHS_PER_CALL).contains(&small.epochs),
            "{small:?}"
        );
    }

    #[test]
    fn the_default_network_gets_the_fixed_caps() {
        assert_eq!(
            limits("v=1"),
            Limits {
                steps: MAX_STEPS_PER_CALL,
                epochs: MAX_EPOCHS_PER_CALL,
                grid_pixels: MAX_GRID_POINTS,
            }
        );
    }

    #[test]
    fn an_epoch_of_the_largest_network_at_batch_one_costs_more_than_one_call() {
        let link = "networkShape=128,128,128,128,128,128,128,128&numSamples=2000&percTrainData=90";
        let session = session(&format!("{link}&batchSize=1"));
        let steps = limits(&format!("{link}&batchSize=1")).steps;
        assert!(
            u64::from(steps) < session.steps_left_in_epoch(),
            "{steps} updates per call, {} per epoch",
            session.steps_left_in_epoch()
        );
    }

    #[test]
    fn an_epoch_trained_in_calls_within_the_step_limit_ends_where_one_whole_epoch_does() {
        let link = "networkShape=16,16&numSamples=500&percTrainData=90&batchSize=7\
                    &augmentNoise=0.1&patience=3&dropout=0.1&lrSchedule=step&lrEpochs=1";
        let mut whole = session(link);
        let mut split = session(link);
        for _ in 0..3 {
            whole.train_epochs(1);
            // What the page does: calls of at most 50 updates (a small `steps`
            // limit), each ending at the epoch's end.
            let epoch = split.epoch();
            let mut calls = 0;
            while split.epoch() == epoch {
                split.train_steps(split.steps_left_in_epoch().min(50));
                calls += 1;
            }
            assert!(calls > 1, "the epoch took {calls} calls");
            assert_eq!((split.step(), split.epoch()), (whole.step(), whole.epoch()));
        }
        let bits = |session: &Session| -> Vec<u32> {
            let metrics = session.metrics();
            session
                .model()
                .params()
                .flat_map(|p| p.data().iter().map(|v| v.to_bits()))
                .chain([
                    metrics.evaluation.train_loss.to_bits(),
                    metrics.evaluation.test_loss.to_bits(),
                    metrics.batch_loss.to_bits(),
                    metrics.learning_rate.to_bits(),
                ])
                .collect()
        };
        assert_eq!(bits(&split), bits(&whole));
    }

    #[test]
    fn the_steps_left_in_an_epoch_count_down_to_its_end_then_start_again() {
        // 45 training points in batches of 10: four of 10 and one of 5.
        let mut session = session("numSamples=50&percTrainData=90&batchSize=10");
        assert_eq!(session.steps_left_in_epoch(), 5);
        session.train_steps(3);
        assert_eq!(session.steps_left_in_epoch(), 2);
        session.train_steps(2);
        assert_eq!((session.epoch(), session.steps_left_in_epoch()), (1, 5));
    }

    #[test]
    fn the_largest_network_still_gets_one_step_and_one_epoch_but_a_smaller_grid() {
        let big = limits(
            "networkShape=128,128,128,128,128,128,128,128&numSamples=2000&percTrainData=90&batchSize=2000",
        );
        assert_eq!((big.steps, big.epochs), (1, 1), "{big:?}");
        // 150M units over about 115,000 weights: a 36 x 36 strip per call.
        assert!((30 * 30..50 * 50).contains(&big.grid_pixels), "{big:?}");
    }
}
