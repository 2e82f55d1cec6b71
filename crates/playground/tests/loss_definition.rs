//! The squared error the loss row names is what the engine computes, exactly
//! as its help text says: ½·(output − target)² averaged over the points, the
//! classes as targets −1 and +1 through a tanh output, so an output of 0
//! everywhere scores 0.5, which is where a linear network on the circle sits.

use playground::settings::{Kind, find};
use playground::{Config, Lab, Session};

fn session(link: &str) -> Session {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    Session::new(config).unwrap_or_else(|e| panic!("{link}: {e}"))
}

/// ½·(o − t)² averaged over the training points, from the network's own outputs.
fn by_hand(session: &Session) -> f32 {
    let set = session.train_set();
    let mut outputs = Vec::new();
    session
        .model()
        .forward_layers(&set.inputs, set.len(), &mut outputs);
    let Some(prediction) = outputs.last() else {
        panic!("no output layer");
    };
    let mut total = 0.0;
    for ((output, &label), stored) in prediction.iter().zip(&set.labels).zip(&set.targets) {
        assert!((-1.0..=1.0).contains(output), "a tanh output: {output}");
        let target = if label == 1 { 1.0 } else { -1.0 };
        assert_eq!(*stored, target, "class {label}");
        total += 0.5 * (output - target) * (output - target);
    }
    total / set.len() as f32
}

#[test]
fn the_train_loss_is_half_the_squared_error_with_targets_of_plus_and_minus_one() {
    for link in [
        "",
        "dataset=circle&networkShape=4",
        "dataset=xor&activation=tanh",
    ] {
        let mut session = session(link);
        for _ in 0..3 {
            let engine = session.evaluate().train_loss;
            let hand = by_hand(&session);
            assert!(
                (engine - hand).abs() <= 1e-5 * hand.max(1.0),
                "{link}: {engine} vs {hand}"
            );
            session.train_epochs(20);
        }
    }
}

#[test]
fn an_output_of_zero_everywhere_scores_one_half() {
    let zeros = session("init=zeros");
    assert_eq!(zeros.evaluate().train_loss, 0.5);
    assert_eq!(zeros.evaluate().test_loss, 0.5);
}

#[test]
fn a_linear_network_on_the_circle_sits_near_one_half() {
    let mut linear = session("dataset=circle&networkShape=&activation=linear");
    linear.train_epochs(300);
    let loss = linear.evaluate().train_loss;
    assert!((0.45..0.56).contains(&loss), "{loss}");
}

#[test]
fn the_loss_row_says_what_is_computed_in_both_languages() {
    let Some(row) = find(Lab::Plane, "loss") else {
        panic!("no loss row");
    };
    for part in [
        "½·(output − target)²",
        "averaged over the points",
        "−1 and +1",
        "tanh",
        "0.5",
    ] {
        assert!(row.help_en.contains(part), "{part}: {}", row.help_en);
    }
    for part in ["½·(输出 − 目标)²", "取平均", "−1 和 +1", "tanh", "0.5"] {
        assert!(row.help_zh.contains(part), "{part}: {}", row.help_zh);
    }
    let Kind::Choice { names, labels, .. } = row.kind else {
        panic!("the loss is a choice");
    };
    let mse = names.iter().position(|n| *n == "mse").unwrap_or(usize::MAX);
    assert!(
        labels
            .get(mse)
            .is_some_and(|[en, zh]| en.contains("½") && zh.contains("½"))
    );
}
