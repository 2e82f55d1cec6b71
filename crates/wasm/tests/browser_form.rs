//! The page form's wasm calls in real Chromium: dataset thumbnails come from
//! the engine's generators, bad arguments are JS errors, not panics, the
//! values carry the epoch to pause at, a change of optimizer brings its
//! learning rate, and a divergence names its cause.
#![cfg(target_arch = "wasm32")]

use playground_wasm::dataset_preview;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{from_link, get};

/// Property `key` of a playground's `values()` as text.
fn value(link: &str, key: &str) -> Option<String> {
    let values = from_link(link)
        .values()
        .map(JsValue::from)
        .unwrap_or(JsValue::NULL);
    get(&values, key).as_string()
}

#[wasm_bindgen_test]
fn the_values_carry_the_epoch_to_pause_at_as_text() {
    assert_eq!(value("", "pauseAt").as_deref(), Some("0"));
    assert_eq!(value("pauseAt=7", "pauseAt").as_deref(), Some("7"));
}

#[wasm_bindgen_test]
fn a_form_change_of_optimizer_brings_its_learning_rate() {
    let playground = from_link("");
    let changes = playground
        .form_change("optimizer", "adam")
        .map(JsValue::from)
        .unwrap_or(JsValue::NULL);
    assert_eq!(
        get(&changes, "learningRate").as_string().as_deref(),
        Some("0.005")
    );
    assert_eq!(
        value("optimizer=adam&learningRate=0.1", "learningRate").as_deref(),
        Some("0.1")
    );
}

#[wasm_bindgen_test]
fn a_divergence_names_its_cause_and_the_loss_it_reached() {
    let mut playground = from_link("problem=regression&networkShape=8,8,8,8,8,8&initScale=2");
    assert!(playground.train_steps(50).is_ok());
    let metrics = playground.metrics().unwrap_or(JsValue::NULL);
    let stop = get(&metrics, "stop");
    assert_eq!(
        get(&stop, "reason").as_string().as_deref(),
        Some("diverged")
    );
    assert_eq!(
        get(&stop, "cause").as_string().as_deref(),
        Some("initScale")
    );
    let loss = get(&stop, "loss");
    assert!(
        loss.is_null() || loss.as_f64().is_some_and(|l| l > 1e10),
        "{loss:?}"
    );
}

/// The preview's numbers, or a panic with the error.
fn preview(dataset: &str, classes: u32, noise: u32, seed: &str, count: u32) -> Vec<f32> {
    match dataset_preview(dataset, classes, noise, seed, count) {
        Ok(array) => array.to_vec(),
        Err(_) => panic!("datasetPreview({dataset}, {classes}, {noise}, {seed}, {count}) failed"),
    }
}

#[wasm_bindgen_test]
fn preview_gives_count_triples_inside_the_plane_with_every_class() {
    let points = preview("spiral", 3, 0, "1", 90);
    assert_eq!(points.len(), 3 * 90);
    let mut seen = [false; 3];
    for triple in points.chunks(3) {
        assert!(
            triple[0].abs() <= 6.5 && triple[1].abs() <= 6.5,
            "{triple:?}"
        );
        seen[triple[2] as usize] = true;
    }
    assert_eq!(seen, [true; 3]);
}

#[wasm_bindgen_test]
fn preview_depends_on_seed_and_repeats_for_the_same_seed() {
    let a = preview("gauss", 2, 20, "7", 40);
    assert_eq!(a, preview("gauss", 2, 20, "7", 40));
    assert_ne!(a, preview("gauss", 2, 20, "8", 40));
}

#[wasm_bindgen_test]
fn regression_preview_has_targets_in_range() {
    let points = preview("reg-gauss", 2, 0, "1", 50);
    assert!(points.chunks(3).all(|p| (-1.0..=1.0).contains(&p[2])));
}

#[wasm_bindgen_test]
fn bad_preview_arguments_are_errors() {
    assert!(dataset_preview("<script>", 2, 0, "1", 10).is_err());
    assert!(dataset_preview("spiral", 9, 0, "1", 10).is_err());
    assert!(dataset_preview("spiral", 2, 80, "1", 10).is_err());
    assert!(dataset_preview("spiral", 2, 0, "1", 1_000_000).is_err());
}
