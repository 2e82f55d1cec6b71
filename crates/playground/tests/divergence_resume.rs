//! After a divergence, the learner does what the message says: a lower
//! learning rate starts over from the link's initial weights (the kept ones
//! are blown up), while any other training setting leaves the session stopped.

use playground::{Config, Session, Stop};

const DIVERGES: &str = "learningRate=10&activation=linear&problem=regression&networkShape=8,8,8";

fn fresh(link: &str) -> Session {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    Session::new(config).unwrap_or_else(|e| panic!("{link}: {e}"))
}

fn diverged() -> Session {
    let mut session = fresh(DIVERGES);
    session.train_steps(200);
    assert!(
        matches!(session.stopped(), Some(Stop::Diverged { .. })),
        "{DIVERGES} diverges within 200 steps: {:?}",
        session.stopped()
    );
    session
}

#[test]
fn a_new_learning_rate_after_a_divergence_starts_over_and_trains() {
    let mut session = diverged();
    let mut slower = session.config().clone();
    slower.learning_rate = 0.01;
    session.set_config(slower).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(session.stopped(), None);
    assert_eq!((session.step(), session.epoch()), (0, 0));
    let start = fresh(&DIVERGES.replace("learningRate=10", "learningRate=0.01"));
    assert_eq!(session.model(), start.model(), "the link's initial weights");
    session.train_steps(50);
    assert_eq!(session.step(), 50);
    assert_eq!(session.stopped(), None);
}

#[test]
fn other_training_settings_leave_a_diverged_session_stopped() {
    let mut session = diverged();
    let step = session.step();
    let mut bigger_batches = session.config().clone();
    bigger_batches.batch_size = 20;
    session
        .set_config(bigger_batches)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(session.stopped(), Some(Stop::Diverged { .. })));
    session.train_steps(3);
    assert_eq!(session.step(), step);
}
