//! How much work one call may do, so that no call from the page freezes the
//! tab. A browser concern, not the engine's: the session trains whatever it is
//! asked to. Work is counted in multiply-adds through the network's weights.

use playground::Session;
use playground::session::MAX_GRID_POINTS;

/// The most updates one `trainSteps` call takes, however small the network.
pub const MAX_STEPS_PER_CALL: u32 = 10_000;
/// The most epochs one `trainEpochs` call trains, however small the network.
pub const MAX_EPOCHS_PER_CALL: u32 = 100;
/// The most multiply-adds one call may cost: a few tenths of a second in
/// Chromium (measured: about 2.5e9 per second natively, less in wasm).
pub const MAX_WORK_PER_CALL: u64 = 500_000_000;

/// Multiply-adds to train on one example: forward, and backward to both the
/// inputs and the weights, each about one per weight.
const TRAIN_PASSES: u64 = 3;

/// The call limits of one session's current network and batch size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Updates per `trainSteps` call (at least 1).
    pub steps: u32,
    /// Epochs per `trainEpochs` call (at least 1).
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
        let calls = |cost: u64, most: u32| {
            u32::try_from(MAX_WORK_PER_CALL / cost.max(1))
                .unwrap_or(most)
                .clamp(1, most)
        };
        Self {
            steps: calls(TRAIN_PASSES * weights * batch, MAX_STEPS_PER_CALL),
            epochs: calls(TRAIN_PASSES * weights * examples, MAX_EPOCHS_PER_CALL),
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

    fn limits(link: &str) -> Limits {
        match Config::from_query(link).map(Session::new) {
            Ok(Ok(session)) => Limits::of(&session),
            _ => panic!("{link} builds"),
        }
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
    fn the_largest_network_still_gets_one_step_and_one_epoch_but_a_smaller_grid() {
        let big = limits(
            "networkShape=64,64,64,64,64,64,64,64&numSamples=2000&percTrainData=90&batchSize=2000",
        );
        assert!((1..10).contains(&big.steps), "{big:?}");
        assert!((1..10).contains(&big.epochs), "{big:?}");
        assert!((100 * 100..200 * 200).contains(&big.grid_pixels), "{big:?}");
    }
}
