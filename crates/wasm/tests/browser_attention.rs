//! The `AttentionLab` handle in real Chromium: the attention lab's golden links give the
//! natively recorded loss and weight bits through the handle and through the engine compiled to
//! wasm, and the handle names bad links and inputs and reads its views.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float32Array, Uint16Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{get, message};

include!("../../playground/tests/golden/hash.rs");
include!("../../playground/tests/golden/attention-links.rs");

/// The attention lab of `link`, which must open.
fn lab_of(link: &str) -> playground_wasm::AttentionLab {
    match playground_wasm::AttentionLab::new(link) {
        Ok(lab) => lab,
        Err(error) => panic!("{link}: {}", message(error)),
    }
}

/// The attention lab's golden links: the name holds the plane's golden test's, so the release
/// build's run in Chromium (`GOLDEN_TEST` in crates/xtask/src/wasm.rs) checks them too.
#[wasm_bindgen_test]
fn golden_links_give_the_natively_recorded_losses_and_grids_in_the_attention_lab() {
    for &(link, steps, train, test, weights) in GOLDEN_ATTENTION_LINKS {
        let mut lab = lab_of(link);
        assert!(lab.train_steps(steps as u32).is_ok(), "{link}");
        let Ok(metrics) = lab.metrics() else {
            panic!("{link}: no metrics");
        };
        let loss = |key| (get(&metrics, key).as_f64().unwrap_or(f64::NAN) as f32).to_bits();
        assert_eq!(
            (loss("trainLoss"), loss("testLoss")),
            (train, test),
            "{link}: wasm differs from native"
        );
        let Ok(config) = playground::Config::from_query(link) else {
            panic!("{link}: does not read");
        };
        let Ok(mut session) = playground::attention::AttentionSession::new(config) else {
            panic!("{link}: no session");
        };
        session.train_steps(steps);
        let values: Vec<f32> = session
            .model()
            .params()
            .flat_map(|p| p.data().iter().copied())
            .collect();
        assert_eq!(
            bits_hash(&values),
            weights,
            "{link}: weights in wasm differ"
        );
    }
}

#[wasm_bindgen_test]
fn the_attention_lab_names_bad_links_and_inputs_and_reads_its_views() {
    let Err(error) = playground_wasm::AttentionLab::new("lab=attention&dim=30&heads=4") else {
        panic!("4 heads of a width of 30 were accepted");
    };
    assert!(message(error).contains("heads"));
    let mut lab = lab_of("lab=attention&dim=16&batchSize=8&length=6");
    assert!(
        lab.train_steps(playground_wasm::MAX_ATTENTION_STEPS_PER_CALL + 1)
            .is_err()
    );
    assert!(lab.train_steps(30).is_ok());
    assert_eq!(lab.steps_left_in_epoch(), 70.0);
    let Ok(metrics) = lab.metrics() else {
        panic!("no metrics");
    };
    let positions = get(&metrics, "positionAccuracy").dyn_into::<Float32Array>();
    assert!(positions.is_ok_and(|p| p.length() == 6));
    assert!(get(&metrics, "exactMatch").as_f64().is_some());

    let input = lab.test_example(3).to_vec();
    assert_eq!(input.len(), 6);
    let mut reversed = input.clone();
    reversed.reverse();
    assert_eq!(lab.expected(&input).to_vec(), reversed);
    let Ok(reading) = lab.read(&input) else {
        panic!("a test example cannot be read");
    };
    let reading = JsValue::from(reading);
    let layers = get(&reading, "layers").dyn_into::<Array>();
    assert!(layers.is_ok_and(|l| l.length() == 1));
    let answers = get(&reading, "answers").dyn_into::<Uint16Array>();
    assert!(answers.is_ok_and(|a| a.length() == 6));
    let Err(error) = lab.read(&[1, 2, 3]) else {
        panic!("a short input was read");
    };
    assert!(message(error).contains("input"));
    let Ok(walk) = lab.head_walk(&input, 0, 1) else {
        panic!("head 1 of layer 0 cannot be walked");
    };
    let walk = JsValue::from(walk);
    let weights = get(&walk, "weights").dyn_into::<Float32Array>();
    assert!(weights.is_ok_and(|w| w.length() == 36));
    let Err(error) = lab.head_walk(&input, 0, 2) else {
        panic!("a third head of two was walked");
    };
    assert!(message(error).contains("head"));
    let silenced = JsValue::from(lab.knock_out(&[0, 0, 0, 1]));
    assert!(get(&silenced, "testAccuracy").as_f64().is_some());
    let Err(error) = lab.predict("我 爱") else {
        panic!("the reverse task read a prompt");
    };
    assert!(message(error).contains("prompt"));

    assert!(
        lab.apply_link("learningRate=0.01")
            .is_ok_and(|rebuilt| !rebuilt)
    );
    assert!(lab.apply_link("task=text").is_ok_and(|rebuilt| rebuilt));
    assert!(lab.link().contains("task=text") && lab.link().contains("learningRate=0.01"));
    let Ok(top) = lab.predict("我 爱") else {
        panic!("我 爱 is a prompt of the corpus");
    };
    assert_eq!(top.length(), 10);
    assert!(
        lab.sample("我", 1.0, 5, 7.0)
            .is_ok_and(|text| !text.is_empty())
    );
    let Err(error) = lab.apply_link("layers=9") else {
        panic!("layers=9 was accepted");
    };
    assert!(message(error).contains("layers"));
}
