//! Every learning rate the page offers, on every dataset, activation, loss and optimizer,
//! either trains or stops with the divergence message, and no number that is not finite ever
//! reaches what the page draws: the charts (losses, accuracies, gradient statistics, the
//! learning rate) and the heatmap (the grid's predictions). Training runs in chunks, the way
//! the page trains between frames, and everything is checked after each chunk.

use playground::settings::Named;
use playground::{Cause, Config, Session, Stop, colors};
use tensor::Activation;

/// The learning rates to try: TensorFlow Playground's menu, which the page's lessons and
/// presets use, and the ends of what the page's field accepts, `(0, 10]` (the smallest
/// positive f32 and 10).
const LEARNING_RATES: [&str; 13] = [
    "1e-45", "0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "5",
    "10",
];
/// Every activation the page offers, as links spell them.
const ACTIVATIONS: &[&str] = <Activation as Named>::NAMES;
/// Every dataset, as link settings: two and more classes, both losses, regression.
const DATASETS: [&str; 14] = [
    "dataset=circle",
    "dataset=xor",
    "dataset=gauss",
    "dataset=spiral",
    "dataset=moons",
    "dataset=circle&loss=crossEntropy",
    "dataset=xor&loss=crossEntropy",
    "dataset=gauss&loss=crossEntropy",
    "dataset=spiral&loss=crossEntropy",
    "dataset=moons&loss=crossEntropy",
    "dataset=spiral&classes=3&loss=crossEntropy",
    "dataset=gauss&classes=6",
    "problem=regression&regDataset=reg-plane",
    "problem=regression&regDataset=reg-gauss",
];
/// Every optimizer, with the momentum and Adam constants at their most aggressive.
const OPTIMIZERS: [&str; 6] = [
    "optimizer=sgd",
    "optimizer=momentum&momentum=0.999",
    "optimizer=nesterov&momentum=0.999",
    "optimizer=rmsprop",
    "optimizer=adam",
    "optimizer=adamw&weightDecay=1",
];
/// Updates per chunk (one frame's worth), and chunks per configuration.
const CHUNK: u64 = 40;
const CHUNKS: usize = 5;

/// What training one configuration showed.
#[derive(Default)]
struct Outcome {
    /// Whether it stopped with the divergence message.
    diverged: bool,
    /// Numbers the engine computed that are not finite, which the wasm layer hands the
    /// charts as missing and the heatmap paints neutral grey (see [`check_drawn`]).
    not_finite: Vec<String>,
}

/// Trains `link` chunk by chunk, the way the page plays it; `Err` says what broke the rules.
fn sweep_one(link: &str) -> Result<Outcome, String> {
    let config = Config::from_query(link).map_err(|e| format!("refused: {e}"))?;
    let mut session = Session::new(config).map_err(|e| format!("refused: {e}"))?;
    let mut outcome = Outcome::default();
    for _ in 0..CHUNKS {
        let before = session.step();
        session.train_steps(CHUNK);
        check_drawn(&mut session, &mut outcome)?;
        match session.stopped() {
            None if session.step() == before + CHUNK => {}
            None => {
                return Err(format!(
                    "took {} updates of {CHUNK}",
                    session.step() - before
                ));
            }
            Some(Stop::Diverged { message, cause, .. }) => {
                let advice = match cause {
                    Cause::LearningRate => "try a learning rate below",
                    Cause::InitScale => "try an initial scale",
                };
                if !message.starts_with("Training diverged at step") || !message.contains(advice) {
                    return Err(format!("an unclear divergence message: {message}"));
                }
                let step = session.step();
                session.train_steps(CHUNK);
                if session.step() != step {
                    return Err("a diverged session kept training".into());
                }
                check_drawn(&mut session, &mut outcome)?;
                outcome.diverged = true;
                return Ok(outcome);
            }
            Some(other) => return Err(format!("stopped for another reason: {other:?}")),
        }
    }
    Ok(outcome)
}

/// Checks what the page would draw now. The charts get every number through the wasm layer,
/// which turns one that is not finite into a gap (`null`), and the heatmap paints a prediction
/// that is not finite neutral grey: `Err` when a pixel takes another colour from one. Numbers
/// that are not finite are noted in `outcome`.
fn check_drawn(session: &mut Session, outcome: &mut Outcome) -> Result<(), String> {
    let metrics = session.metrics();
    let evaluation = metrics.evaluation;
    let state = if metrics.stop.is_some() {
        "stopped"
    } else {
        "training"
    };
    let mut numbers = vec![
        ("learning rate", metrics.learning_rate),
        ("train loss", evaluation.train_loss),
        ("test loss", evaluation.test_loss),
    ];
    if metrics.stop.is_none() {
        numbers.push(("batch loss", metrics.batch_loss));
        for layer in &metrics.layers {
            numbers.push(("gradient norm", layer.grad_norm));
            numbers.push(("weight norm", layer.weight_norm));
            // Documented: weights that are all zero give an infinite ratio.
            if layer.weight_norm > 0.0 {
                numbers.push(("update ratio", layer.update_ratio));
            }
        }
    }
    numbers.extend(evaluation.train_accuracy.map(|a| ("train accuracy", a)));
    numbers.extend(evaluation.test_accuracy.map(|a| ("test accuracy", a)));
    for (name, value) in numbers.iter().filter(|(_, value)| !value.is_finite()) {
        outcome.not_finite.push(format!(
            "step {} ({state}): the {name} is {value}",
            metrics.step
        ));
    }
    let classes = session.objective().classes();
    let grid = session.predict_outputs(12, 12)?.to_vec();
    let mut rgba = vec![0; 12 * 12 * 4];
    match classes {
        Some(classes) => colors::class_rgba(&grid, classes, false, &mut rgba),
        None => colors::regression_rgba(&grid, false, &mut rgba),
    }
    let per_pixel = grid.len() / (12 * 12);
    for (values, pixel) in grid.chunks_exact(per_pixel).zip(rgba.chunks_exact(4)) {
        if values.iter().any(|value| !value.is_finite()) {
            outcome.not_finite.push(format!(
                "step {} ({state}): a pixel predicts {values:?}",
                metrics.step
            ));
            if pixel[..3] != colors::NEUTRAL {
                return Err(format!(
                    "a pixel predicting {values:?} is painted {pixel:?}"
                ));
            }
        }
    }
    Ok(())
}

/// Runs every link and fails listing every configuration that broke the rules (and, when
/// `strict`, every one whose engine computed a number that is not finite); returns how many
/// configurations were tried and how many diverged.
fn sweep(links: impl Iterator<Item = String>, strict: bool) -> (usize, usize) {
    let (mut tried, mut diverged, mut gaps) = (0, 0, 0);
    let mut failures = Vec::new();
    for link in links {
        tried += 1;
        match sweep_one(&link) {
            Ok(outcome) => {
                diverged += usize::from(outcome.diverged);
                if let Some(first) = outcome.not_finite.first() {
                    gaps += 1;
                    if strict {
                        failures.push(format!("{link}: {first}"));
                    }
                }
            }
            Err(why) => failures.push(format!("{link}: {why}")),
        }
    }
    println!(
        "{tried} configurations, {diverged} diverged, {gaps} with a number that is not finite \
         (drawn as a gap or grey), {} failures",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {tried} configurations failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    (tried, diverged)
}

/// Every learning rate on each of `datasets` with every activation.
fn rates_datasets_and_activations(datasets: &[&str]) -> impl Iterator<Item = String> {
    datasets.iter().flat_map(|dataset| {
        ACTIVATIONS.iter().flat_map(move |activation| {
            LEARNING_RATES
                .iter()
                .map(move |rate| format!("{dataset}&activation={activation}&learningRate={rate}"))
        })
    })
}

/// Every learning rate with every optimizer and activation on a deep network, one example per
/// update (the noisiest training the page allows).
fn rates_optimizers_and_activations() -> impl Iterator<Item = String> {
    OPTIMIZERS.iter().flat_map(|optimizer| {
        ACTIVATIONS.iter().flat_map(move |activation| {
            LEARNING_RATES.iter().map(move |rate| {
                format!(
                    "dataset=spiral&networkShape=8,8,8,8,8,8&batchSize=1&{optimizer}\
                     &activation={activation}&learningRate={rate}"
                )
            })
        })
    })
}

#[test]
fn every_learning_rate_on_the_first_datasets_and_every_activation_trains_or_diverges_cleanly() {
    let (tried, diverged) = sweep(rates_datasets_and_activations(&DATASETS[..7]), false);
    assert_eq!(tried, 7 * ACTIVATIONS.len() * LEARNING_RATES.len());
    assert!(diverged > 0, "the sweep never reached a divergence");
}

#[test]
fn every_learning_rate_on_the_other_datasets_and_every_activation_trains_or_diverges_cleanly() {
    let (tried, diverged) = sweep(rates_datasets_and_activations(&DATASETS[7..]), false);
    assert_eq!(tried, 7 * ACTIVATIONS.len() * LEARNING_RATES.len());
    assert!(diverged > 0, "the sweep never reached a divergence");
}

#[test]
fn every_learning_rate_with_every_optimizer_on_a_deep_network_trains_or_diverges_cleanly() {
    let (tried, diverged) = sweep(rates_optimizers_and_activations(), false);
    assert_eq!(
        tried,
        OPTIMIZERS.len() * ACTIVATIONS.len() * LEARNING_RATES.len()
    );
    assert!(diverged > 0, "the sweep never reached a divergence");
}

#[test]
fn every_number_the_engine_computes_for_the_page_is_finite_in_every_configuration() {
    let links = rates_datasets_and_activations(&DATASETS).chain(rates_optimizers_and_activations());
    sweep(links, true);
}
