//! The `WordsLab` handle in real Chromium: it opens a link and trains within its per-call
//! budget, its views' answers come back as the JS shapes the page reads, and a word the text
//! lacks, a pasted text too short or a call over the budget comes back as an error naming it.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float32Array, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{get, message};

/// The words lab of `link`, which must open.
fn lab_of(link: &str) -> playground_wasm::WordsLab {
    match playground_wasm::WordsLab::new(link) {
        Ok(lab) => lab,
        Err(error) => panic!("{link}: {}", message(error)),
    }
}

#[wasm_bindgen_test]
fn the_default_trains_to_its_end_and_its_views_read_as_the_page_expects() {
    let mut lab = lab_of("lab=words&epochs=2");
    assert!(
        lab.steps_per_call() > 1,
        "the default fits several updates in a call"
    );
    while !lab.finished() {
        let Ok(loss) = lab.train_steps(lab.steps_per_call()) else {
            panic!("a call within the budget failed");
        };
        assert!(loss.is_finite());
    }
    assert_eq!(lab.epoch(), 2.0);
    let metrics = lab.metrics().unwrap_or(JsValue::NULL);
    assert_eq!(get(&metrics, "finished"), JsValue::TRUE);
    assert_eq!(get(&metrics, "dim").as_f64(), Some(16.0));
    let layers = Array::from(&get(&metrics, "layers"));
    assert_eq!(layers.length(), 2, "input and output vectors");

    let size = lab.vocabulary().length();
    assert!(size > 100);
    assert_eq!(lab.projection().length(), 2 * size);
    let neighbours = lab.neighbours("猫", 5).unwrap_or_default();
    assert_eq!(neighbours.length(), 5);
    assert!(get(&neighbours.get(0), "similarity").as_f64().is_some());
    assert_eq!(
        lab.analogy("国王", "男人", "女人", 3)
            .unwrap_or_default()
            .length(),
        3
    );
    let counts: Uint32Array = lab
        .cooccurrences("猫")
        .unwrap_or_else(|_| Uint32Array::new_with_length(0));
    assert_eq!(counts.length(), size);
    assert_eq!(lab.groups().length(), 6);
    assert_eq!(lab.group_of(u32::MAX), -1);
    assert!(get(&lab.summary(), "analogyRank").as_f64().is_some());
    assert!(lab.vectors_file().starts_with("{\"lab\":\"words\""));
    let projection: Float32Array = lab.projection();
    assert!(projection.to_vec().iter().all(|v| v.is_finite()));
}

#[wasm_bindgen_test]
fn the_largest_configuration_takes_one_update_a_call_and_refuses_more() {
    let mut lab = lab_of("lab=words&window=8&negatives=20&dim=64&batchSize=1024");
    assert_eq!(lab.steps_per_call(), 1);
    let Err(error) = lab.train_steps(2) else {
        panic!("two updates of the largest configuration were taken in one call");
    };
    assert!(message(error).contains("at most 1"));
    assert!(lab.train_steps(1).is_ok());
    assert_eq!(lab.step(), 1.0);
}

#[wasm_bindgen_test]
fn a_missing_word_and_a_short_pasted_text_are_named() {
    let lab = lab_of("lab=words&corpus=en");
    let Err(error) = lab.neighbours("qwertyzz", 5) else {
        panic!("a word the text lacks has neighbours");
    };
    assert!(message(error).contains("qwertyzz"));
    let Err(error) = lab.similarity("cat", "zzz") else {
        panic!("a word the text lacks has a similarity");
    };
    let text = message(error);
    assert!(text.starts_with("b:") && text.contains("zzz"), "{text}");
    let Err(error) = playground_wasm::WordsLab::new("lab=words&corpus=custom&text=too%20short")
    else {
        panic!("a two-word text opened");
    };
    let error = error
        .dyn_into::<js_sys::Error>()
        .map(JsValue::from)
        .unwrap_or(JsValue::NULL);
    assert!(message(error.clone()).contains("text"));
    assert!(
        get(&error, "messageZh")
            .as_string()
            .is_some_and(|zh| zh.contains("text"))
    );
}
