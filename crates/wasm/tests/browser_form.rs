//! The page form's wasm calls in real Chromium: dataset thumbnails come from
//! the engine's generators, and bad arguments are JS errors, not panics.
#![cfg(target_arch = "wasm32")]

use playground_wasm::dataset_preview;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

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
