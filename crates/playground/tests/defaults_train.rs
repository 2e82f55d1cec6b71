//! The settings a learner reaches by changing one field train: for every
//! classification dataset and every class count the form offers, starting from
//! the defaults and changing the dataset, the classes and the data seed through
//! [`Config::change`] (so each brings along what its row says), training reaches
//! 95% training accuracy within 1,000 epochs, for data seeds 1, 2 and 3. The
//! table it prints also gives each cell's worst accuracy after the 1,000 epochs
//! (Adam at a constant rate can dip for a few epochs after it has converged).

use playground::dataset::DatasetKind;
use playground::{Config, Session};

/// The accuracy every cell must reach, and the epochs it has to get there.
const TARGET: f32 = 0.95;
const EPOCHS: u64 = 1000;
const SEEDS: [&str; 3] = ["1", "2", "3"];

/// The classification datasets in the form, with the class counts it offers each.
fn cells() -> Vec<(DatasetKind, usize)> {
    let offered = DatasetKind::ALL
        .into_iter()
        .filter(|kind| !kind.is_regression());
    offered
        .flat_map(|kind| {
            let classes = if kind.has_class_choice() {
                2..=6
            } else {
                2..=2
            };
            classes.map(move |k| (kind, k))
        })
        .collect()
}

/// What the form holds after the learner picks `kind`, `classes` (when it is not
/// already 2) and the data `seed`, one field at a time, from the defaults.
fn chosen(kind: DatasetKind, classes: usize, seed: &str) -> Config {
    let mut config = Config::default();
    let mut change = |key: &str, text: &str| {
        config = config
            .change(key, text)
            .unwrap_or_else(|e| panic!("{} {classes}: {key}={text}: {e}", kind.name()));
    };
    change("dataset", kind.name());
    if classes != 2 {
        change("classes", &classes.to_string());
    }
    change("seed", seed);
    config
}

/// How one run went: the first epoch whose training accuracy reached
/// [`TARGET`], and the training accuracy after [`EPOCHS`] epochs.
struct Run {
    reached: Option<u64>,
    last: f32,
}

/// Trains [`EPOCHS`] epochs, one at a time, reading the training accuracy after each.
fn run(config: Config) -> Run {
    let mut session = Session::new(config).unwrap_or_else(|e| panic!("{e}"));
    let mut run = Run {
        reached: None,
        last: f32::NAN,
    };
    while session.epoch() < EPOCHS && session.stopped().is_none() {
        session.train_epochs(1);
        run.last = session.evaluate().train_accuracy.unwrap_or(f32::NAN);
        if run.reached.is_none() && run.last >= TARGET {
            run.reached = Some(session.epoch());
        }
    }
    run
}

#[test]
fn every_dataset_and_class_count_reached_from_the_defaults_trains_to_95_percent() {
    let mut failures = Vec::new();
    println!("training accuracy over data seeds {SEEDS:?}, {EPOCHS} epochs");
    println!("dataset  classes  slowest to {TARGET}  worst at the end");
    for (kind, classes) in cells() {
        let runs: Vec<Run> = SEEDS
            .into_iter()
            .map(|seed| {
                let config = chosen(kind, classes, seed);
                let link = config.to_query();
                let run = run(config);
                if run.reached.is_none() {
                    failures.push(format!("{link}: {} after {EPOCHS} epochs", run.last));
                }
                run
            })
            .collect();
        let reached: Option<Vec<u64>> = runs.iter().map(|run| run.reached).collect();
        let slowest = reached.and_then(|epochs| epochs.into_iter().max());
        let slowest = slowest.map_or("never".into(), |epoch| format!("epoch {epoch}"));
        let worst = runs
            .iter()
            .map(|run| run.last)
            .fold(f32::INFINITY, f32::min);
        println!("{:8} {classes:7}  {slowest:>16}  {worst:16.3}", kind.name());
    }
    assert!(
        failures.is_empty(),
        "never reached {TARGET} training accuracy within {EPOCHS} epochs:\n{}",
        failures.join("\n")
    );
}
