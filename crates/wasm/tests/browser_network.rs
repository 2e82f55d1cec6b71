//! The network picture's calls in real Chromium: `neuronMaps` has one map per
//! unit and agrees with `predictGrid`, `weights` has every layer's shapes, and
//! `setWeight` changes predictions without restarting, refusing bad values and
//! positions with sentences that say what is allowed.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float32Array, Object};
use playground_wasm::Playground;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{from_link as build, get, message};

/// The plane spans `[-EXTENT, EXTENT]` on both axes.
const EXTENT: f32 = 6.0;

/// Property `key` of a JS object as numbers (a typed array or an array of numbers).
fn numbers(object: &JsValue, key: &str) -> Vec<f32> {
    let value = get(object, key);
    match value.dyn_into::<Float32Array>() {
        Ok(typed) => typed.to_vec(),
        Err(value) => Array::from(&value)
            .iter()
            .map(|n| n.as_f64().unwrap_or(f64::NAN) as f32)
            .collect(),
    }
}

/// `neuronMaps(size)`, which must succeed.
fn maps(playground: &mut Playground, size: u32) -> Object {
    match playground.neuron_maps(size, JsValue::UNDEFINED) {
        Ok(maps) => maps,
        Err(error) => panic!("neuronMaps({size}) failed: {}", message(error.into())),
    }
}

/// The step count in `metrics()`.
fn step(playground: &Playground) -> f64 {
    let metrics = playground.metrics().unwrap_or(JsValue::NULL);
    get(&metrics, "step").as_f64().unwrap_or(f64::NAN)
}

/// The error `setWeight(layer, from, to, value)` is refused with.
fn refusal(playground: &mut Playground, layer: u32, from: u32, to: u32, value: f64) -> String {
    match playground.set_weight(layer, from, to, value) {
        Ok(()) => panic!("setWeight({layer}, {from}, {to}, {value}) was accepted"),
        Err(error) => message(error.into()),
    }
}

#[wasm_bindgen_test]
fn neuron_maps_fill_a_reused_array_of_the_right_size_and_only_that() {
    let mut playground = build("networkShape=4&activation=tanh");
    let first = get(&maps(&mut playground, 6), "maps");
    let reused: Float32Array = first.clone().unchecked_into();
    let before = reused.to_vec();
    if let Err(error) = playground.train_steps(50) {
        panic!("{}", message(error.into()));
    }
    let fresh = numbers(&maps(&mut playground, 6), "maps");
    assert_ne!(fresh, before, "training changes the maps");
    let again = match playground.neuron_maps(6, reused.clone().into()) {
        Ok(result) => result,
        Err(error) => panic!("{}", message(error.into())),
    };
    assert!(get(&again, "maps") == first, "the same array comes back");
    assert_eq!(reused.to_vec(), fresh, "filled with the current maps");
    let other_size = match playground.neuron_maps(5, reused.clone().into()) {
        Ok(result) => result,
        Err(error) => panic!("{}", message(error.into())),
    };
    assert!(
        get(&other_size, "maps") != first,
        "a new array for another size"
    );
    assert_eq!(numbers(&other_size, "maps").len(), 25 * (2 + 4 + 1));
    assert_eq!(
        reused.to_vec(),
        fresh,
        "the array of another size is left alone"
    );
    for wrong in [
        JsValue::NULL,
        JsValue::from_str("maps"),
        Array::new().into(),
    ] {
        match playground.neuron_maps(6, wrong) {
            Ok(result) => assert_eq!(numbers(&result, "maps"), fresh),
            Err(error) => panic!("{}", message(error.into())),
        }
    }
}

#[wasm_bindgen_test]
fn neuron_maps_hold_one_map_per_unit_with_the_features_first() {
    let mut playground = build("networkShape=5,3&xSquared=true");
    let size = 8;
    let result = maps(&mut playground, size);
    assert_eq!(get(&result, "size").as_f64(), Some(8.0));
    let sizes = numbers(&result, "sizes");
    assert_eq!(sizes, [3.0, 5.0, 3.0, 1.0]);
    let all = numbers(&result, "maps");
    let pixels = (size * size) as usize;
    assert_eq!(all.len(), (3 + 5 + 3 + 1) * pixels);
    // Map 0 is x1: column i sits at x = -6 + 12 (i + 0.5) / size on every row.
    // Map 2 is x1²: its square.
    for row in 0..size as usize {
        for column in 0..size as usize {
            let x = -EXTENT + 2.0 * EXTENT * (column as f32 + 0.5) / size as f32;
            let pixel = row * size as usize + column;
            assert_eq!(all[pixel], x, "x1 at ({column}, {row})");
            assert_eq!(all[2 * pixels + pixel], x * x, "x1² at ({column}, {row})");
        }
    }
}

#[wasm_bindgen_test]
fn the_output_units_map_is_what_predict_grid_turns_into_probabilities() {
    // Half squared error through tanh: P(class 1) = (o + 1) / 2.
    let mut tanh = build("networkShape=4");
    assert_eq!(tanh.train_steps(300).map(f32::is_finite).ok(), Some(true));
    let output = numbers(&maps(&mut tanh, 10), "maps")[(2 + 4) * 100..].to_vec();
    let probabilities = tanh.predict_grid(10, 10).map(|p| p.to_vec()).ok();
    let probabilities = probabilities.unwrap_or_default();
    assert_eq!(output.len(), 100);
    assert_eq!(probabilities.len(), 200);
    for (pixel, o) in output.iter().enumerate() {
        let p = ((o + 1.0) * 0.5).clamp(0.0, 1.0);
        assert!(
            (probabilities[2 * pixel + 1] - p).abs() < 1e-6,
            "pixel {pixel}"
        );
    }
    let spread = output
        .iter()
        .fold(0.0f32, |m, o| m.max((o - output[0]).abs()));
    assert!(spread > 1e-3, "the trained output is not flat: {spread}");

    // Cross-entropy: P(class 1) = sigmoid(o).
    let mut logit = build("networkShape=4&loss=crossEntropy");
    let output = numbers(&maps(&mut logit, 6), "maps")[(2 + 4) * 36..].to_vec();
    let probabilities = logit.predict_grid(6, 6).map(|p| p.to_vec()).ok();
    let probabilities = probabilities.unwrap_or_default();
    for (pixel, o) in output.iter().enumerate() {
        let p = 1.0 / (1.0 + (-o).exp());
        assert!(
            (probabilities[2 * pixel + 1] - p).abs() < 1e-6,
            "pixel {pixel}"
        );
    }
}

#[wasm_bindgen_test]
fn a_grid_over_the_networks_budget_is_refused() {
    let mut big = build("networkShape=128,128,128,128,128,128,128,128");
    let most = big.max_grid_pixels();
    let side = (f64::from(most).sqrt() as u32) + 1;
    match big.neuron_maps(side, JsValue::UNDEFINED) {
        Ok(_) => panic!("a {side} x {side} grid was accepted with a budget of {most} pixels"),
        Err(error) => {
            let text = message(error.into());
            assert!(text.contains(&format!("{most} pixels")), "{text}");
        }
    }
    match big.neuron_maps(0, JsValue::UNDEFINED) {
        Ok(_) => panic!("an empty grid was accepted"),
        Err(error) => assert!(message(error.into()).contains("1 to"), "empty grid"),
    }
    assert_eq!(
        numbers(&maps(&mut big, 20), "sizes"),
        [
            2.0, 128.0, 128.0, 128.0, 128.0, 128.0, 128.0, 128.0, 128.0, 1.0
        ]
    );
}

#[wasm_bindgen_test]
fn weights_list_every_layer_row_major_with_its_biases() {
    let playground = build("networkShape=3,2&sinX=true");
    let layers = match playground.weights() {
        Ok(layers) => layers,
        Err(error) => panic!("weights() failed: {}", message(error.into())),
    };
    assert_eq!(layers.length(), 3);
    let shapes: Vec<(f64, f64, usize, usize)> = layers
        .iter()
        .map(|layer| {
            (
                get(&layer, "inputs").as_f64().unwrap_or(f64::NAN),
                get(&layer, "units").as_f64().unwrap_or(f64::NAN),
                numbers(&layer, "weight").len(),
                numbers(&layer, "bias").len(),
            )
        })
        .collect();
    assert_eq!(
        shapes,
        [(3.0, 3.0, 9, 3), (3.0, 2.0, 6, 2), (2.0, 1.0, 2, 1)]
    );
    let first = numbers(&layers.get(0), "weight");
    assert!(first.iter().all(|w| w.is_finite()));
    assert!(
        first.iter().any(|&w| w != first[0]),
        "random weights differ"
    );
}

#[wasm_bindgen_test]
fn set_weight_changes_the_prediction_and_keeps_the_step_count() {
    let mut playground = build("networkShape=4,3");
    assert!(playground.train_steps(50).is_ok());
    let before = playground.predict_grid(5, 5).map(|p| p.to_vec()).ok();

    // Weight from hidden unit 2 of layer 1 to the output: row-major [3, 1], index 2.
    assert!(playground.set_weight(2, 2, 0, 0.75).is_ok());
    let layers = playground.weights().unwrap_or_default();
    assert_eq!(numbers(&layers.get(2), "weight")[2], 0.75);
    // The output's bias: `from` equal to the layer's 3 inputs.
    assert!(playground.set_weight(2, 3, 0, 5.0).is_ok());
    let layers = playground.weights().unwrap_or_default();
    assert_eq!(numbers(&layers.get(2), "bias"), [5.0]);

    let after = playground.predict_grid(5, 5).map(|p| p.to_vec()).ok();
    assert_ne!(before, after, "the prediction follows the edited weights");
    // A bias of 5 through tanh pushes most of the plane towards class 1.
    let after = after.unwrap_or_default();
    let ones = after.chunks(2).filter(|p| p[1] > 0.5).count();
    assert!(ones > 12, "{ones} of 25 pixels are class 1");
    assert_eq!(step(&playground), 50.0, "editing a weight does not restart");
    assert!(playground.train_steps(1).is_ok());
    assert_eq!(step(&playground), 51.0);
}

#[wasm_bindgen_test]
fn set_weight_refuses_non_finite_values_and_missing_positions() {
    let mut playground = build("networkShape=4,3");
    let weights_before = numbers(&playground.weights().unwrap_or_default().get(0), "weight");

    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e40] {
        let text = refusal(&mut playground, 0, 0, 0, value);
        assert!(text.contains("finite number"), "{value}: {text}");
    }
    let text = refusal(&mut playground, 3, 0, 0, 1.0);
    assert!(text.contains("layer must be 0 to 2"), "{text}");
    let text = refusal(&mut playground, 0, 0, 4, 1.0);
    assert!(
        text.contains("layer 0 has 4 units, so to must be 0 to 3"),
        "{text}"
    );
    let text = refusal(&mut playground, 1, 5, 0, 1.0);
    assert!(
        text.contains("layer 1 has 4 inputs, so from must be 0 to 4 (4 is the bias)"),
        "{text}"
    );
    assert!(text.starts_with("setWeight(1, 5, 0, 1)"), "{text}");
    let weights_after = numbers(&playground.weights().unwrap_or_default().get(0), "weight");
    assert_eq!(
        weights_before, weights_after,
        "refused edits change nothing"
    );
}
