//! The training session's promises through its public API: a link reproduces
//! its numbers bit for bit, new weights keep the data, early stopping restores
//! the best epoch, dropout is off in evaluation and unbiased in training,
//! augmentation never touches the test set, divergence stops cleanly, live
//! setting changes keep or rebuild as documented, and grid prediction checks its size.

use playground::session::{Evaluation, MAX_GRID_POINTS, Objective};
use playground::{Config, Session, Stop};
use tensor::nn::Mlp;
use tensor::{Rng, Tape};

fn config(link: &str) -> Config {
    Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"))
}

fn session(link: &str) -> Session {
    Session::new(config(link)).unwrap_or_else(|e| panic!("{link}: {e}"))
}

fn eval_bits(e: &Evaluation) -> [u32; 4] {
    [
        e.train_loss.to_bits(),
        e.test_loss.to_bits(),
        e.train_accuracy.unwrap_or(-1.0).to_bits(),
        e.test_accuracy.unwrap_or(-1.0).to_bits(),
    ]
}

/// The bits of every batch loss over `steps` steps, then of the final evaluation.
fn loss_trace(session: &mut Session, steps: u64) -> Vec<u32> {
    let mut trace: Vec<u32> = (0..steps)
        .map(|_| session.train_steps(1).to_bits())
        .collect();
    trace.extend(eval_bits(&session.evaluate()));
    trace
}

fn weights(model: &Mlp) -> Vec<u32> {
    model
        .params()
        .flat_map(|p| p.data().iter().map(|v| v.to_bits()))
        .collect()
}

const BUSY: &str = "numSamples=120&dropout=0.3&augmentNoise=0.2&optimizer=adam&learningRate=0.01\
&regularization=L2&regularizationRate=0.001&lrSchedule=cosine&lrEpochs=5";

#[test]
fn the_same_link_gives_identical_loss_bits_twice_and_after_reset() {
    let first = loss_trace(&mut session(BUSY), 60);
    let second = loss_trace(&mut session(BUSY), 60);
    assert_eq!(first, second);
    let mut again = session(BUSY);
    loss_trace(&mut again, 17);
    again.reset();
    assert_eq!((again.step(), again.epoch()), (0, 0));
    assert_eq!(loss_trace(&mut again, 60), first);
}

#[test]
fn new_weights_change_the_initial_weights_but_not_the_data() {
    let mut s = session("numSamples=100");
    let (before, train, test) = (
        weights(s.model()),
        s.train_set().inputs.clone(),
        s.test_set().inputs.clone(),
    );
    s.train_steps(5);
    let seed = s.new_weights().to_string();
    assert_eq!(seed, "2");
    assert_eq!(s.config().init_seed, "2");
    assert_eq!(s.step(), 0);
    assert_ne!(weights(s.model()), before);
    assert_eq!(s.train_set().inputs, train);
    assert_eq!(s.test_set().inputs, test);
    let fresh = session("numSamples=100&initSeed=2");
    assert_eq!(weights(s.model()), weights(fresh.model()));
}

const OVERFITS: &str = "dataset=gauss&noise=50&numSamples=200&percTrainData=10\
&networkShape=16,16&optimizer=adam&learningRate=0.03";

#[test]
fn early_stopping_restores_the_best_epochs_weights() {
    let mut stopping = session(&format!("{OVERFITS}&patience=3"));
    stopping.train_epochs(200);
    let Some(Stop::EarlyStopped { epoch, best_epoch }) = stopping.stopped().cloned() else {
        panic!("no early stop: {:?}", stopping.stopped());
    };
    assert_eq!(epoch, best_epoch + 3);
    assert_eq!(stopping.metrics().best_epoch, Some(best_epoch));

    // The same run without early stopping, epoch by epoch.
    let mut replay = session(OVERFITS);
    let mut test_losses = Vec::new();
    let mut best_weights = None;
    for e in 1..=epoch {
        replay.train_epochs(1);
        test_losses.push(replay.evaluate().test_loss);
        if e == best_epoch {
            best_weights = Some(replay.model().clone());
        }
    }
    let lowest = test_losses
        .iter()
        .position(|l| test_losses.iter().all(|other| l <= other))
        .map(|i| i as u64 + 1);
    assert_eq!(lowest, Some(best_epoch), "test losses {test_losses:?}");
    assert_eq!(Some(stopping.model()), best_weights.as_ref());
    let restored = stopping.evaluate().test_loss;
    assert_eq!(
        restored.to_bits(),
        test_losses[best_epoch as usize - 1].to_bits()
    );
    assert!(restored < *test_losses.last().unwrap_or(&f32::NAN));

    let step = stopping.step();
    stopping.train_steps(10);
    assert_eq!(stopping.step(), step, "a stopped session takes no steps");
}

#[test]
fn dropout_is_off_when_evaluating() {
    let mut s = session("numSamples=100&dropout=0.5");
    s.train_steps(30);
    let first = s.evaluate();
    assert_eq!(eval_bits(&first), eval_bits(&s.evaluate()));
    let grid: Vec<f32> = s
        .predict_grid(9, 7)
        .map(|g| g.values.clone())
        .unwrap_or_default();
    assert_eq!(
        s.predict_grid(9, 7).map(|g| g.values.clone()).ok(),
        Some(grid)
    );
    let mut without = s.config().clone();
    without.dropout = 0.0;
    s.set_config(without).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(eval_bits(&s.evaluate()), eval_bits(&first));
}

#[test]
fn dropout_keeps_the_mean_of_each_hidden_unit_in_training() {
    let s = session("networkShape=8,8&activation=relu&init=he");
    let model = s.model();
    let row = [0.7f32, -1.3];
    let rows = 4000;
    let batch: Vec<f32> = row.iter().copied().cycle().take(2 * rows).collect();
    let mut plain = Vec::new();
    model.forward_layers(&row, 1, &mut plain);
    let mut tape = Tape::new();
    let x = tape.input([rows, 2], &batch);
    let mut rng = Rng::new(7);
    let vars = model.forward(&mut tape, x, Some((0.5, &mut rng)));
    let dropped = tape.value(vars.hidden[0]).data();
    let live: Vec<usize> = (0..8).filter(|&u| plain[0][u] != 0.0).collect();
    assert!(
        !live.is_empty(),
        "every first-layer unit is dead: {:?}",
        plain[0]
    );
    let zeros = dropped
        .chunks_exact(8)
        .flat_map(|r| live.iter().map(move |&u| r[u]))
        .filter(|v| *v == 0.0)
        .count();
    let share = zeros as f32 / (rows * live.len()) as f32;
    assert!(
        (share - 0.5).abs() < 0.05,
        "half the units should be dropped, {share}"
    );
    for (unit, &expected) in plain[0].iter().enumerate() {
        let mean = dropped.iter().skip(unit).step_by(8).sum::<f32>() / rows as f32;
        // Each value is 0 or 2h with equal odds: the mean's standard error is |h| / sqrt(rows).
        let tolerance = 5.0 * expected.abs() / (rows as f32).sqrt() + 1e-6;
        assert!(
            (mean - expected).abs() <= tolerance,
            "unit {unit}: mean {mean}, undropped {expected}"
        );
    }
}

/// A session whose training set is one batch, so each step is one epoch.
fn one_batch_epochs(extra: &str) -> Session {
    session(&format!(
        "numSamples=100&percTrainData=50&batchSize=50{extra}"
    ))
}

/// The batch loss of the next epoch, taken from `start`'s weights.
fn loss_from(s: &mut Session, start: &Mlp) -> f32 {
    s.set_model(start.clone()).unwrap_or_else(|e| panic!("{e}"));
    s.train_steps(1)
}

#[test]
fn augmentation_jitters_training_inputs_each_epoch_but_never_the_test_set() {
    let mut plain = one_batch_epochs("");
    let mut jittered = one_batch_epochs("&augmentNoise=0.3");
    let start = plain.model().clone();
    assert_eq!(&start, jittered.model());

    let plain_losses = [loss_from(&mut plain, &start), loss_from(&mut plain, &start)];
    assert_eq!(plain_losses[0].to_bits(), plain_losses[1].to_bits());
    let jittered_losses = [
        loss_from(&mut jittered, &start),
        loss_from(&mut jittered, &start),
        loss_from(&mut jittered, &start),
    ];
    assert_ne!(jittered_losses[0], plain_losses[0], "epoch 1 is jittered");
    assert_ne!(
        jittered_losses[0], jittered_losses[1],
        "each epoch has its own jitter"
    );
    assert_ne!(jittered_losses[1], jittered_losses[2]);

    assert_eq!(jittered.test_set().inputs, plain.test_set().inputs);
    assert_eq!(jittered.train_set().inputs, plain.train_set().inputs);
    jittered
        .set_model(start.clone())
        .unwrap_or_else(|e| panic!("{e}"));
    plain.set_model(start).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        eval_bits(&jittered.evaluate()),
        eval_bits(&plain.evaluate()),
        "evaluation sees the clean points"
    );
}

fn assert_no_nan_after_divergence(link: &str, check_layers: bool) {
    let mut s = session(link);
    s.train_steps(1000);
    let Some(Stop::Diverged {
        step,
        cause,
        message,
        message_zh,
        ..
    }) = s.stopped().cloned()
    else {
        panic!("{link} did not diverge: {:?}", s.stopped());
    };
    assert_eq!(cause, playground::Cause::LearningRate, "{link}");
    assert_eq!(s.step(), step);
    assert!(message.contains(&format!("step {step}")), "{message}");
    assert!(message.contains("learning rate below 10"), "{message}");
    assert!(
        message_zh.contains(&format!("第 {step} 步")),
        "{message_zh}"
    );
    assert!(s.model().params().all(|p| p.all_finite()));
    let m = s.metrics();
    assert!(!m.batch_loss.is_nan(), "{m:?}");
    assert!(
        !m.evaluation.train_loss.is_nan() && !m.evaluation.test_loss.is_nan(),
        "{m:?}"
    );
    if check_layers {
        for layer in &m.layers {
            let numbers = [layer.grad_norm, layer.weight_norm, layer.update_ratio];
            assert!(numbers.iter().all(|v| !v.is_nan()), "{m:?}");
        }
    }
    s.train_steps(10);
    assert_eq!(s.step(), step, "a diverged session takes no steps");
}

#[test]
fn a_divergent_run_stops_naming_the_step_and_leaves_no_nan() {
    assert_no_nan_after_divergence("learningRate=10&activation=linear&problem=regression", true);
    // Layer norms of weights near f32's limit overflow to inf (inf / inf is
    // NaN), so only the losses are checked for this deep one.
    assert_no_nan_after_divergence(
        "learningRate=10&networkShape=8,8,8,8,8,8&activation=relu&problem=regression",
        false,
    );
}

#[test]
fn changing_the_learning_rate_keeps_the_step_and_the_weights() {
    let mut s = session("numSamples=100");
    s.train_steps(12);
    let (step, epoch, before) = (s.step(), s.epoch(), s.model().clone());
    let mut faster = s.config().clone();
    faster.learning_rate = 0.3;
    s.set_config(faster).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((s.step(), s.epoch()), (step, epoch));
    assert_eq!(s.model(), &before);
    assert_eq!(s.learning_rate(), 0.3);
    assert_eq!(s.metrics().learning_rate, 0.3);
    s.train_steps(1);
    assert_eq!(s.step(), step + 1);
}

#[test]
fn changing_the_network_shape_rebuilds_the_session() {
    let mut s = session("numSamples=100");
    s.train_steps(12);
    let mut wider = s.config().clone();
    wider.network_shape = vec![5, 3, 2];
    s.set_config(wider).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((s.step(), s.epoch()), (0, 0));
    assert_eq!(s.model().sizes(), [2, 5, 3, 2, 1]);
}

#[test]
fn a_config_breaking_a_rule_is_refused_and_leaves_the_session_unchanged() {
    let mut s = session("numSamples=100");
    s.train_steps(3);
    let mut broken = s.config().clone();
    broken.features.x = false;
    broken.features.y = false;
    let error = s.set_config(broken.clone()).err();
    assert_eq!(error.map(|e| e.key), Some("x".to_string()));
    assert_eq!(s.step(), 3);
    assert_eq!(Session::new(broken).err().map(|e| e.key), Some("x".into()));
}

#[test]
fn grid_prediction_has_one_map_per_unit_and_probabilities_that_sum_to_one() {
    let mut s = session("networkShape=3&classes=3&loss=crossEntropy");
    let grid = s.predict_grid(7, 5).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((grid.width, grid.height, grid.per_pixel), (7, 5, 3));
    assert_eq!(grid.layer_sizes, [2, 3, 3]);
    assert_eq!(grid.values.len(), 35 * (3 + 2 + 3 + 3));
    for pixel in grid.probabilities().chunks_exact(3) {
        assert!((pixel.iter().sum::<f32>() - 1.0).abs() < 1e-5, "{pixel:?}");
    }
    let x_map = grid.neuron(0, 0).unwrap_or_default();
    let y_map = grid.neuron(0, 1).unwrap_or_default();
    assert_eq!(x_map[2], -6.0 + 12.0 * 2.5 / 7.0, "column 2");
    assert_eq!(y_map[7], 6.0 - 12.0 * 1.5 / 5.0, "row 1");
    assert!(grid.neuron(1, 3).is_none() && grid.neuron(3, 0).is_none());
    assert_eq!(grid.neuron(2, 2).map(<[f32]>::len), Some(35));
}

fn features_of(link: &str) -> playground::config::Features {
    Config::from_query(link)
        .unwrap_or_else(|e| panic!("{link}: {e}"))
        .features
}

#[test]
fn every_grid_pixel_and_map_is_the_network_run_on_that_pixels_features() {
    // 10,000 pixels: many strips and a short last one; seven features, three classes
    let link = "networkShape=5,4&classes=3&loss=crossEntropy&xTimesY=true&xSquared=true\
                &ySquared=true&sinX=true&sinY=true";
    let mut s = session(link);
    s.train_steps(20);
    let model = s.model().clone();
    let objective = s.objective();
    let grid = s.predict_grid(100, 100).unwrap_or_else(|e| panic!("{e}"));
    let sizes = grid.layer_sizes.clone();
    let features = sizes[0];
    assert_eq!(features, 7);
    let map = |layer: usize, unit: usize| grid.neuron(layer, unit).unwrap_or_default();
    let rows: Vec<f32> = (0..grid.pixels())
        .flat_map(|p| (0..features).map(move |f| (f, p)))
        .map(|(f, p)| map(0, f)[p])
        .collect();
    assert_eq!(
        map(0, 0)[199],
        -6.0 + 12.0 * 99.5 / 100.0,
        "x of pixel (99, 1)"
    );
    assert_eq!(
        map(0, 1)[199],
        6.0 - 12.0 * 1.5 / 100.0,
        "y of pixel (99, 1)"
    );
    for pixel in [0, 199, 5_050, 9_999] {
        let mut one = Vec::new();
        features_of(link).compute(map(0, 0)[pixel], map(0, 1)[pixel], &mut one);
        let from_maps: Vec<f32> = (0..features).map(|f| map(0, f)[pixel]).collect();
        assert_eq!(from_maps, one, "the features of pixel {pixel}");
    }
    let mut outputs = Vec::new();
    model.forward_layers(&rows, grid.pixels(), &mut outputs);
    for (layer, values) in outputs.iter().enumerate() {
        let units = sizes[layer + 1];
        for unit in 0..units {
            let expected: Vec<u32> = values
                .iter()
                .skip(unit)
                .step_by(units)
                .map(|v| v.to_bits())
                .collect();
            let got: Vec<u32> = map(layer + 1, unit).iter().map(|v| v.to_bits()).collect();
            assert_eq!(got, expected, "layer {}, unit {unit}", layer + 1);
        }
    }
    let mut expected = vec![0.0; 3];
    let last = outputs.last().map(Vec::as_slice).unwrap_or_default();
    for (pixel, got) in grid.probabilities().chunks_exact(3).enumerate() {
        objective.probabilities(&last[pixel * 3..][..3], &mut expected);
        assert_eq!(got, expected.as_slice(), "pixel {pixel}");
    }
}

#[test]
fn grid_prediction_refuses_empty_and_oversized_grids() {
    let mut s = session("numSamples=50");
    for (w, h) in [(0, 10), (10, 0), (0, 0), (513, 512), (usize::MAX, 2)] {
        let error = s.predict_grid(w, h).err().unwrap_or_default();
        assert!(
            error.contains(&format!("1 to {MAX_GRID_POINTS} pixels")),
            "{w} x {h}: {error}"
        );
    }
    assert!(s.predict_grid(1, 1).is_ok());
    assert!(s.predict_grid(512, 512).is_ok());
}

#[test]
fn probabilities_of_columns_match_those_of_rows_for_every_objective() {
    let objectives = [
        Objective::HalfSquared { classes: None },
        Objective::HalfSquared { classes: Some(2) },
        Objective::HalfSquared { classes: Some(3) },
        Objective::BinaryLogit,
        Objective::Softmax { classes: 4 },
    ];
    let values = [-3.5, -1.0, -0.2, 0.0, 0.7, 1.0, 2.5, 90.0, -90.0];
    for objective in objectives {
        let width = objective.probability_width();
        let units = match objective {
            Objective::HalfSquared { classes: Some(2) } | Objective::BinaryLogit => 1,
            _ => width,
        };
        let points = values.len();
        // unit u of point p, column-wise: a different value per unit and point
        let columns: Vec<f32> = (0..units * points)
            .map(|i| values[(i * 5 + i / points) % points])
            .collect();
        let mut together = vec![f32::NAN; points * width];
        objective.probabilities_columns(&columns, points, &mut together);
        for (point, got) in together.chunks_exact(width).enumerate() {
            let row: Vec<f32> = (0..units).map(|u| columns[u * points + point]).collect();
            let mut one = vec![f32::NAN; width];
            objective.probabilities(&row, &mut one);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(got), bits(&one), "{objective:?}, point {point}");
            if width > 1 {
                let total: f32 = got.iter().sum();
                assert!((total - 1.0).abs() < 1e-6, "{objective:?}: {got:?}");
            }
        }
    }
}
