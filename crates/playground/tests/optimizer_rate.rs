//! A change of optimizer in the form brings a learning rate that suits it, and
//! the learning rate's note says so; a link keeps the rate it names. With the
//! brought rate every optimizer trains the default spiral, and Adam the 3-arm
//! spiral that sticks near 41% at SGD's 0.1.

use playground::settings::find;
use playground::{Config, Lab, Session};

/// Each optimizer and the learning rate choosing it brings.
const RATES: [(&str, f32); 6] = [
    ("sgd", 0.1),
    ("momentum", 0.01),
    ("nesterov", 0.01),
    ("rmsprop", 0.005),
    ("adam", 0.005),
    ("adamw", 0.005),
];

fn link(query: &str) -> Config {
    Config::from_query(query).unwrap_or_else(|e| panic!("{query}: {e}"))
}

fn change(config: &Config, key: &str, text: &str) -> Config {
    config
        .change(key, text)
        .unwrap_or_else(|e| panic!("{key}={text}: {e}"))
}

/// The training accuracy after `epochs` epochs, or earlier once it reaches `target`.
fn accuracy_within(config: Config, epochs: u64, target: f32) -> f32 {
    let mut session = Session::new(config).unwrap_or_else(|e| panic!("{e}"));
    let mut accuracy = 0.0;
    while session.epoch() < epochs && session.stopped().is_none() && accuracy < target {
        session.train_epochs(10);
        accuracy = session.evaluate().train_accuracy.unwrap_or(0.0);
    }
    accuracy
}

#[test]
fn choosing_an_optimizer_in_the_form_brings_its_learning_rate() {
    let start = link("learningRate=0.3&optimizer=momentum");
    for (name, rate) in RATES {
        let changed = change(&start, "optimizer", name);
        assert_eq!(changed.learning_rate, rate, "{name}");
    }
}

#[test]
fn a_link_keeps_the_learning_rate_it_names() {
    assert_eq!(link("optimizer=adam&learningRate=0.1").learning_rate, 0.1);
    assert_eq!(
        link("learningRate=0.02&optimizer=rmsprop").learning_rate,
        0.02
    );
    assert_eq!(
        link("optimizer=adam").learning_rate,
        0.1,
        "the default rate"
    );
}

#[test]
fn the_learning_rate_says_beside_it_that_the_optimizer_set_it() {
    let Some(note) = find(Lab::Plane, "learningRate").and_then(|row| row.note) else {
        panic!("the learning rate row has no note");
    };
    let adam = change(&Config::default(), "optimizer", "adam");
    assert!((note.shown)(&adam));
    assert!(!(note.shown)(&Config::default()), "SGD's default rate");
    assert!(!(note.shown)(&change(&adam, "learningRate", "0.02")));
    assert!(!(note.shown)(&link("optimizer=adam&learningRate=0.1")));
    assert!(
        note.en
            .starts_with("Changing the optimizer sets a learning rate")
    );
    assert!(note.zh.contains("优化器") && note.zh.contains("学习率"));
}

#[test]
fn every_optimizer_trains_the_default_spiral_with_the_rate_it_brings() {
    for (name, _) in RATES {
        let config = change(&Config::default(), "optimizer", name);
        let accuracy = accuracy_within(config, 300, 0.95);
        assert!(accuracy >= 0.95, "{name}: {accuracy} after 300 epochs");
    }
}

#[test]
fn adam_with_its_own_rate_fits_three_arms_that_it_cannot_at_sgds_rate() {
    let three = link("classes=3&loss=crossEntropy");
    let brought = change(&three, "optimizer", "adam");
    let accuracy = accuracy_within(brought, 500, 0.9);
    assert!(
        accuracy >= 0.9,
        "Adam at 0.005: {accuracy} after 500 epochs"
    );
    let kept = link("classes=3&loss=crossEntropy&optimizer=adam&learningRate=0.1");
    let accuracy = accuracy_within(kept, 500, 0.9);
    assert!(accuracy < 0.6, "Adam at 0.1: {accuracy} after 500 epochs");
}
