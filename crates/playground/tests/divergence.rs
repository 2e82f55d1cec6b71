//! After a divergence the page keeps a picture and the learner can act on the
//! message: the kept weights still predict finite numbers everywhere on the
//! plane, a lower learning rate starts over from the link's initial weights,
//! and any other training setting leaves the session stopped.

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

#[test]
fn the_kept_weights_predict_finite_numbers_on_the_whole_plane() {
    for link in [
        DIVERGES,
        "learningRate=10&activation=linear&networkShape=8,8,8&loss=crossEntropy",
    ] {
        let mut session = fresh(link);
        session.train_steps(200);
        let Some(Stop::Diverged { step, .. }) = session.stopped().cloned() else {
            panic!("{link} diverges within 200 steps: {:?}", session.stopped());
        };
        assert!(session.metrics().batch_loss.is_finite(), "{link}");
        assert!(session.evaluate().train_loss.is_finite(), "{link}");
        let grid = session
            .predict_grid(40, 40)
            .unwrap_or_else(|e| panic!("{link}: {e}"));
        assert!(
            grid.probabilities().iter().all(|p| p.is_finite()),
            "{link}: the kept weights of step {step} predict non-finite numbers"
        );
    }
}
