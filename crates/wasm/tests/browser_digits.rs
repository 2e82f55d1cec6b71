//! The `DigitsLab` handle in real Chromium: the digits lab's golden links give the natively
//! recorded loss and weight bits through the handle and through the engine compiled to wasm,
//! and a bad file, link or drawn image comes back as an error naming what is wrong.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{get, message};

include!("../../playground/tests/golden/hash.rs");
include!("../../playground/tests/golden/digits-links.rs");

/// The page's digits file, un-gzipped.
fn digits_bytes() -> Vec<u8> {
    use std::io::Read;
    let gz: &[u8] = include_bytes!("../../../web/labs/digits/digits.bin.gz");
    let mut raw = Vec::new();
    assert!(
        flate2::read::GzDecoder::new(gz)
            .read_to_end(&mut raw)
            .is_ok()
    );
    raw
}

/// The digits lab's golden links: the name holds the plane's golden test's, so the release
/// build's run in Chromium (`GOLDEN_TEST` in crates/xtask/src/wasm.rs) checks them too.
#[wasm_bindgen_test]
fn golden_links_give_the_natively_recorded_losses_and_grids_in_the_digits_lab() {
    let raw = digits_bytes();
    let Ok(digits) = playground::digits::Digits::decode(&raw) else {
        panic!("the digits file does not decode");
    };
    for &(link, steps, train, test, weights) in GOLDEN_DIGITS_LINKS {
        let mut lab = match playground_wasm::DigitsLab::new(link, &raw) {
            Ok(lab) => lab,
            Err(error) => panic!("{link}: {}", message(error)),
        };
        let mut left = steps;
        while left > 0 {
            let chunk = left.min(u64::from(playground_wasm::MAX_DIGITS_STEPS_PER_CALL));
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
        let Ok(mut session) = playground::digits::DigitsSession::new(config, &digits) else {
            panic!("{link}: no session");
        };
        session.train_steps(steps);
        let values: Vec<f32> = session
            .network()
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
fn the_digits_lab_refuses_a_bad_image_or_file_and_reads_its_views() {
    let raw = digits_bytes();
    let message_of = |result: Result<playground_wasm::DigitsLab, JsValue>| match result {
        Ok(_) => panic!("accepted"),
        Err(error) => message(error),
    };
    assert!(message_of(playground_wasm::DigitsLab::new("lab=digits", &raw[..100])).contains("65"));
    assert!(
        message_of(playground_wasm::DigitsLab::new("lab=digits&kernel=4", &raw)).contains("kernel")
    );
    let Ok(mut lab) = playground_wasm::DigitsLab::new("lab=digits&filters1=4&filters2=8", &raw)
    else {
        panic!("the digits lab does not open");
    };
    assert!(lab.train_steps(20).is_ok());
    let blank = vec![0.0_f32; 64];
    let Ok(p) = lab.probabilities(&blank) else {
        panic!("a blank image is an image");
    };
    assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    let Err(error) = lab.probabilities(&blank[..63]) else {
        panic!("63 pixels were accepted");
    };
    assert!(message(error).contains("64 pixels"));
    let Err(error) = lab.probabilities(&[f32::NAN; 64]) else {
        panic!("NaN pixels were accepted");
    };
    assert!(message(error).contains("pixel 0"));
    assert_eq!(lab.confusion().iter().sum::<u32>(), lab.test_count());
    assert_eq!(lab.layers().length(), 3);
    assert_eq!(lab.test_image(0).len(), 64);
    assert!(lab.test_image(lab.test_count()).is_empty());
    assert!(
        lab.apply_link("learningRate=0.02")
            .is_ok_and(|rebuilt| !rebuilt)
    );
    assert!(lab.apply_link("filters1=2").is_ok_and(|rebuilt| rebuilt));
    assert!(lab.link().contains("filters1=2") && lab.link().contains("learningRate=0.02"));
}
