//! The `SequenceLab` handle in real Chromium: the sequence lab's golden links give the natively
//! recorded loss and weight bits through the handle and through the engine compiled to wasm,
//! and a bad link or prompt comes back as an error naming what is wrong.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float32Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{get, message};

include!("../../playground/tests/golden/hash.rs");
include!("../../playground/tests/golden/sequence-links.rs");

/// The sequence lab of `link`, which must open.
fn lab_of(link: &str) -> playground_wasm::SequenceLab {
    match playground_wasm::SequenceLab::new(link) {
        Ok(lab) => lab,
        Err(error) => panic!("{link}: {}", message(error)),
    }
}

/// The sequence lab's golden links: the name holds the plane's golden test's, so the release
/// build's run in Chromium (`GOLDEN_TEST` in crates/xtask/src/wasm.rs) checks them too.
#[wasm_bindgen_test]
fn golden_links_give_the_natively_recorded_losses_and_grids_in_the_sequence_lab() {
    for &(link, steps, train, test, weights) in GOLDEN_SEQUENCE_LINKS {
        let mut lab = lab_of(link);
        let mut left = steps;
        while left > 0 {
            let chunk = left.min(u64::from(playground_wasm::MAX_SEQUENCE_STEPS_PER_CALL));
            assert!(lab.train_steps(chunk as u32).is_ok(), "{link}");
            left -= chunk;
        }
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
        let Ok(mut session) = playground::sequence::SequenceSession::new(config) else {
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
fn the_sequence_lab_names_bad_links_and_prompts_and_reads_its_views() {
    let Err(error) = playground_wasm::SequenceLab::new("lab=sequence&cell=lstmm") else {
        panic!("cell=lstmm was accepted");
    };
    assert!(message(error).contains("cell"));
    let mut lab = lab_of("lab=sequence&hidden=8&batchSize=4&length=8");
    assert!(
        lab.train_steps(playground_wasm::MAX_SEQUENCE_STEPS_PER_CALL + 1)
            .is_err()
    );
    assert!(lab.train_steps(30).is_ok());
    assert_eq!(lab.steps_left_in_epoch(), 70.0);
    let Ok(metrics) = lab.metrics() else {
        panic!("no metrics");
    };
    assert!(
        get(&metrics, "baselineLoss")
            .as_f64()
            .is_some_and(|b| b > 1.0)
    );
    assert!(
        get(&metrics, "perplexity")
            .as_f64()
            .is_some_and(|p| p > 1.0)
    );
    let norms = get(&metrics, "stepGradientNorms").dyn_into::<Float32Array>();
    assert!(norms.is_ok_and(|n| n.length() == 8));
    assert_eq!(lab.step_gradient_norms().len(), 8);
    let norm = get(&metrics, "gradientNorm").as_f64().unwrap_or(f64::NAN) as f32;
    assert_eq!(lab.gradient_norm().to_bits(), norm.to_bits());
    assert_eq!(get(&metrics, "clipped").as_bool(), Some(lab.clipped()));

    let Ok(top) = lab.predict("我 爱") else {
        panic!("我 爱 is a prompt of the corpus");
    };
    assert_eq!(top.length(), 10);
    let total: f64 = top
        .iter()
        .filter_map(|entry| get(&entry, "probability").as_f64())
        .sum();
    assert!(total > 0.0 && total <= 1.0 + 1e-6, "{total}");
    let Err(error) = lab.predict("我 爱 qwertyzz") else {
        panic!("an unknown word was accepted");
    };
    let text = message(error);
    assert!(
        text.contains("prompt") && text.contains("qwertyzz"),
        "{text}"
    );
    assert!(
        lab.sample("我", 1.0, 5, 7.0)
            .is_ok_and(|text| !text.is_empty())
    );

    let trace = JsValue::from(lab.trace(0));
    let gates = get(&trace, "gates").dyn_into::<Array>();
    assert!(gates.is_ok_and(|g| g.length() == 4));
    let cell = get(&trace, "cellState").dyn_into::<Float32Array>();
    assert!(cell.is_ok_and(|c| c.length() == 64));
    assert!(
        get(&trace, "tokens")
            .dyn_into::<Array>()
            .is_ok_and(|t| t.length() == 8)
    );

    assert!(
        lab.apply_link("learningRate=0.02")
            .is_ok_and(|rebuilt| !rebuilt)
    );
    assert!(lab.apply_link("cell=gru").is_ok_and(|rebuilt| rebuilt));
    assert!(lab.link().contains("cell=gru") && lab.link().contains("learningRate=0.02"));
    let Err(error) = lab.apply_link("length=1000") else {
        panic!("length=1000 was accepted");
    };
    assert!(message(error).contains("length"));
    let adding = lab_of("lab=sequence&task=adding&hidden=4&length=5");
    assert!(adding.vocabulary().length() == 0);
    assert!(adding.predict("我").is_err());
}
