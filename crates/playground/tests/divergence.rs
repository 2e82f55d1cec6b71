//! After a divergence the page keeps a picture and the learner can act on the
//! message: it names the likely cause (the starting weights when the first
//! update already found large gradients and training blew up right after, the
//! learning rate otherwise) and keeps the loss the run reached; the kept
//! weights still predict finite numbers everywhere on the plane, a lower
//! learning rate starts over from the link's initial weights, and any other
//! training setting leaves the session stopped.

use playground::{Cause, Config, Session, Stop};

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

/// What a link's divergence says: its step, cause, the loss it reached, and
/// the loss the kept weights give.
struct Diverged {
    step: u64,
    cause: Cause,
    loss: f32,
    message: String,
    message_zh: String,
    kept_loss: f32,
}

fn diverge(link: &str, steps: u64) -> Diverged {
    let mut session = fresh(link);
    session.train_steps(steps);
    let Some(Stop::Diverged {
        step,
        cause,
        loss,
        message,
        message_zh,
    }) = session.stopped().cloned()
    else {
        panic!(
            "{link} diverges within {steps} steps: {:?}",
            session.stopped()
        );
    };
    Diverged {
        step,
        cause,
        loss,
        message,
        message_zh,
        kept_loss: session.evaluate().train_loss,
    }
}

/// The exploding-gradients lesson: gradients 17, 339, 14,000 at the first
/// three updates, infinite by the fifth.
#[test]
fn too_large_starting_weights_are_named_as_the_cause() {
    let run = diverge(
        "problem=regression&networkShape=8,8,8,8,8,8&initScale=2",
        50,
    );
    assert_eq!((run.step, run.cause), (5, Cause::InitScale));
    assert!(!run.loss.is_finite() || run.loss > 1e10, "{}", run.loss);
    assert!(
        run.message
            .contains("so the starting weights are too large")
            && run.message.ends_with("try an initial scale of 1 or less."),
        "{}",
        run.message
    );
    assert!(
        run.message_zh.contains("初始权重太大") && run.message_zh.contains("1 或更小的初始缩放"),
        "{}",
        run.message_zh
    );
}

/// The exploding-gradients lesson's other preset: small gradients at first
/// (0.19), then steps of rate 2 that grow until step 21. The kept weights give
/// a calm-looking loss; the loss the run reached is not calm.
#[test]
fn a_learning_rate_that_is_too_large_is_named_as_the_cause() {
    let run = diverge(
        "problem=regression&networkShape=8,8,8,8,8,8&activation=tanh&learningRate=2",
        200,
    );
    assert_eq!(run.cause, Cause::LearningRate);
    assert!((15..=30).contains(&run.step), "step {}", run.step);
    assert!(
        run.message.ends_with("try a learning rate below 2."),
        "{}",
        run.message
    );
    assert!(
        run.message.contains("so the learning rate is too large"),
        "{}",
        run.message
    );
    assert!(
        run.message_zh.contains("低于 2 的学习率"),
        "{}",
        run.message_zh
    );
    assert!(run.kept_loss < 1.0, "kept weights: {}", run.kept_loss);
    assert!(!run.loss.is_finite() || run.loss > 1e10, "{}", run.loss);
}

/// Uniform ±0.5 weights on layers of 128 ReLU units multiply the signal by
/// about 3 per layer: the first gradients are in the thousands.
#[test]
fn wide_uniform_layers_suggest_a_smaller_scale_or_another_initialisation() {
    let run = diverge("problem=regression&networkShape=128,128,128,128", 50);
    assert_eq!(run.cause, Cause::InitScale);
    assert!(run.step <= 5, "step {}", run.step);
    assert!(
        run.message
            .ends_with("try an initial scale below 1, or the Xavier or He initialisation."),
        "{}",
        run.message
    );
}

/// Large first gradients (about 650 here) do not blame the starting weights
/// for a blow-up long after them: a rate raised live after 100 calm updates is
/// the rate's doing.
#[test]
fn a_late_divergence_after_large_first_gradients_blames_the_rate() {
    let link = "problem=regression&networkShape=4,2&init=xavier&initScale=2&learningRate=0.03";
    let mut session = fresh(link);
    session.train_steps(100);
    assert_eq!(session.stopped(), None, "{link} trains at 0.03");
    let mut faster = session.config().clone();
    faster.learning_rate = 10.0;
    session.set_config(faster).unwrap_or_else(|e| panic!("{e}"));
    session.train_steps(500);
    let Some(Stop::Diverged { cause, step, .. }) = session.stopped() else {
        panic!("rate 10 diverges: {:?}", session.stopped());
    };
    assert!(*step > 100, "step {step}");
    assert_eq!(*cause, Cause::LearningRate);
}
