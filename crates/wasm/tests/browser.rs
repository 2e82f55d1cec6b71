//! The `Playground` handle in real Chromium (`wasm-pack test --headless --chrome
//! crates/wasm`): it trains, a config object and its link agree bit for bit,
//! bad settings come back as JS errors that say what is allowed, and the
//! heatmap shows more than one class.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float32Array, Object, Reflect};
use playground_wasm::{MAX_STEPS_PER_CALL, Playground, parse_link, random_seed};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{get, message};

/// A JS object with the given properties.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        assert!(Reflect::set(&object, &JsValue::from_str(key), value).is_ok());
    }
    object.into()
}

/// A playground that must build.
fn build(config: JsValue) -> Playground {
    match Playground::new(config) {
        Ok(playground) => playground,
        Err(error) => panic!("config rejected: {}", message(error.into())),
    }
}

/// The message of the error a config is rejected with.
fn rejection(config: JsValue) -> String {
    match Playground::new(config) {
        Ok(_) => panic!("the config was accepted"),
        Err(error) => message(error.into()),
    }
}

/// Property `key` of the metrics object as a number (NaN for `null`).
fn metric(playground: &Playground, key: &str) -> f64 {
    let metrics = playground.metrics().unwrap_or(JsValue::NULL);
    get(&metrics, key).as_f64().unwrap_or(f64::NAN)
}

#[wasm_bindgen_test]
fn the_default_playground_trains_and_its_loss_falls() {
    let mut playground = build(JsValue::UNDEFINED);
    let before = metric(&playground, "trainLoss");
    assert!(
        get(
            &playground.metrics().unwrap_or(JsValue::UNDEFINED),
            "batchLoss"
        )
        .is_null()
    );
    let batch_loss = playground.train_steps(2000).unwrap_or(f32::NAN);
    assert!(batch_loss.is_finite());
    let after = metric(&playground, "trainLoss");
    assert!(after < before * 0.9, "train loss {before} -> {after}");
    assert_eq!(metric(&playground, "step"), 2000.0);
    let accuracy = metric(&playground, "trainAccuracy");
    assert!((0.0..=1.0).contains(&accuracy));
    assert_eq!(playground.query(), "v=1");
    playground.reset();
    assert_eq!(metric(&playground, "step"), 0.0);
    assert_eq!(metric(&playground, "trainLoss"), before);
}

#[wasm_bindgen_test]
fn a_config_object_and_its_link_give_the_same_numbers_bit_for_bit() {
    let shape = Array::of2(&JsValue::from(6), &JsValue::from(4));
    let config = object(&[
        ("dataset", "circle".into()),
        ("learningRate", 0.1.into()),
        ("networkShape", shape.into()),
        ("noise", 10.into()),
        ("batchSize", "5".into()),
        ("seed", "7".into()),
        ("discretize", true.into()),
    ]);
    let mut from_object = build(config);
    let link = "learningRate=0.1&noise=10&dataset=circle&seed=7&batchSize=5&networkShape=6,4&discretize=true";
    let mut from_link = match Playground::from_query(link) {
        Ok(playground) => playground,
        Err(error) => panic!("link rejected: {}", message(error.into())),
    };
    assert_eq!(from_object.query(), from_link.query());
    assert!(from_object.discretize());
    let losses =
        [&mut from_object, &mut from_link].map(|p| p.train_steps(300).map(f32::to_bits).ok());
    assert!(losses[0].is_some());
    assert_eq!(losses[0], losses[1]);
    assert_eq!(from_object.points().to_vec(), from_link.points().to_vec());
    let grids = [&mut from_object, &mut from_link].map(|p| {
        p.predict_grid(20, 10)
            .map(|grid| grid.to_vec())
            .unwrap_or_default()
    });
    assert_eq!(grids[0].len(), 20 * 10 * 2);
    let bits = |grid: &[f32]| grid.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&grids[0]), bits(&grids[1]));
}

#[wasm_bindgen_test]
fn numbers_in_a_config_object_are_spelled_as_javascript_writes_them() {
    let point = |x: f64, label: f64| Array::of3(&x.into(), &(-1.5).into(), &label.into());
    let points = Array::of2(&point(1.0, 1.0), &point(0.25, 0.0));
    let config = object(&[
        ("learningRate", 1e-7.into()),
        ("numSamples", 120.into()),
        ("userPoints", points.into()),
    ]);
    let query = build(config).query();
    // 1e-7 is JavaScript's spelling of 0.0000001; the link reads it back as the same f32
    assert!(query.contains("learningRate=0.0000001"), "{query}");
    assert!(query.contains("numSamples=120"), "{query}");
    assert!(query.contains("userPoints=1,-1.5,1;0.25,-1.5,0"), "{query}");
}

#[wasm_bindgen_test]
fn bad_settings_are_js_errors_naming_each_key_and_what_is_allowed() {
    let text = rejection(object(&[
        ("learningRate", "abc".into()),
        ("networkShape", "100000".into()),
        ("dataset", "spiral".into()),
    ]));
    assert!(text.contains("learningRate=abc"), "{text}");
    assert!(text.contains("must be a number in"), "{text}");
    assert!(text.contains("networkShape=100000"), "{text}");
    assert!(text.contains("whole numbers from 1 to 128"), "{text}");
    assert_eq!(text.lines().count(), 2, "{text}");

    let text = rejection(object(&[("noise", Object::new().into())]));
    assert!(
        text.starts_with("noise=[object]: must be a number"),
        "{text}"
    );
    let text = rejection(object(&[("learningRate", f64::NAN.into())]));
    assert!(text.starts_with("learningRate=NaN: "), "{text}");
    for not_an_object in [
        JsValue::from_str("spiral"),
        Array::of1(&"spiral".into()).into(),
        3.into(),
    ] {
        let text = rejection(not_an_object);
        assert!(text.contains("object of settings"), "{text}");
    }
    // arrays nested far deeper than any setting's spelling are refused, not walked
    let mut deep = JsValue::from(1);
    for _ in 0..100_000 {
        deep = Array::of1(&deep).into();
    }
    let text = rejection(object(&[("userPoints", deep)]));
    assert!(text.starts_with("userPoints=[array]: must be"), "{text}");
    match Playground::from_query("v=1&activation=sigmoidal") {
        Ok(_) => panic!("a bad link was accepted"),
        Err(error) => assert!(message(error.into()).starts_with("activation=sigmoidal: ")),
    }
}

#[wasm_bindgen_test]
fn unknown_keys_are_warnings_and_missing_values_are_defaults() {
    let playground = build(object(&[
        ("colour", "red".into()),
        ("seed", JsValue::NULL),
        ("initSeed", JsValue::UNDEFINED),
    ]));
    let warnings = playground.warnings();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].starts_with("colour: "));
    assert_eq!(playground.query(), "v=1");
}

#[wasm_bindgen_test]
fn a_bad_link_reads_leniently_into_errors_and_a_working_query() {
    let parsed = parse_link("#v=1&noise=loud&dataset=xor&zoom=2").unwrap_or(JsValue::NULL);
    assert_eq!(
        get(&parsed, "query").as_string().as_deref(),
        Some("v=1&dataset=xor")
    );
    let errors = Array::from(&get(&parsed, "errors"));
    assert_eq!(errors.length(), 1);
    assert_eq!(
        get(&errors.get(0), "key").as_string().as_deref(),
        Some("noise")
    );
    assert_eq!(
        get(&errors.get(0), "value").as_string().as_deref(),
        Some("loud")
    );
    let text = get(&errors.get(0), "text").as_string().unwrap_or_default();
    assert!(text.starts_with("noise=loud: "), "{text}");
    let warnings = Array::from(&get(&parsed, "warnings"));
    assert_eq!(
        get(&warnings.get(0), "key").as_string().as_deref(),
        Some("zoom")
    );
    assert!(get(&warnings.get(0), "value").is_null());
}

#[wasm_bindgen_test]
fn a_random_seed_is_opt_in_and_shows_in_the_link() {
    let seed = random_seed().unwrap_or_default();
    assert!(!seed.is_empty() && seed.bytes().all(|b| b.is_ascii_digit()));
    let playground = build(object(&[("seed", seed.as_str().into())]));
    let query = playground.query();
    assert!(
        seed == "1" || query.contains(&format!("seed={seed}")),
        "{query}"
    );
}

#[wasm_bindgen_test]
fn calls_that_could_freeze_the_tab_are_errors() {
    let mut playground = build(JsValue::UNDEFINED);
    assert_eq!(playground.max_steps(), MAX_STEPS_PER_CALL);
    assert!(playground.train_steps(MAX_STEPS_PER_CALL + 1).is_err());
    assert!(playground.train_epochs(u32::MAX).is_err());
    assert!(playground.predict_grid(100_000, 100_000).is_err());
    assert!(playground.heatmap_rgba(0, 10, false).is_err());
    assert_eq!(metric(&playground, "step"), 0.0);
}

#[wasm_bindgen_test]
fn the_largest_network_is_limited_to_calls_that_finish_quickly() {
    let mut playground = build(object(&[
        ("networkShape", "128,128,128,128,128,128,128,128".into()),
        ("numSamples", 2000.into()),
        ("percTrainData", 90.into()),
        ("batchSize", 2000.into()),
    ]));
    let steps = playground.max_steps();
    assert!(steps < 10, "{steps}");
    let error = match playground.train_steps(steps + 1) {
        Ok(_) => panic!("{} steps were allowed", steps + 1),
        Err(error) => message(error.into()),
    };
    assert!(
        error.contains(&format!("at most {steps} updates per call")),
        "{error}"
    );
    let start = js_sys::Date::now();
    assert!(playground.train_steps(steps).is_ok());
    let side = f64::from(playground.max_grid_pixels()).sqrt() as u32;
    assert!(playground.heatmap_rgba(side, side, false).is_ok());
    assert!(playground.heatmap_rgba(side + 1, side + 1, false).is_err());
    let elapsed = js_sys::Date::now() - start;
    assert!(elapsed < 3000.0, "the largest calls took {elapsed} ms");
}

#[wasm_bindgen_test]
fn after_training_the_heatmap_shows_more_than_one_class_colour() {
    let mut playground = build(JsValue::UNDEFINED);
    assert!(playground.train_epochs(100).is_ok());
    let (width, height) = (40, 30);
    let rgba = match playground.heatmap_rgba(width, height, true) {
        Ok(rgba) => rgba.to_vec(),
        Err(error) => panic!("{}", message(error.into())),
    };
    assert_eq!(rgba.len(), (width * height * 4) as usize);
    let palette = playground_wasm::palette();
    let share = |class: usize| {
        let colour = &palette[3 * class..3 * class + 3];
        rgba.chunks_exact(4)
            .filter(|pixel| &pixel[..3] == colour)
            .count() as f64
            / f64::from(width * height)
    };
    assert!(
        share(0) > 0.05 && share(1) > 0.05,
        "orange {} blue {}",
        share(0),
        share(1)
    );
    let points = playground.points();
    assert_eq!(points.length(), 500 * 4);
    assert_eq!(playground.class_count(), Some(2));
}

include!("../../playground/tests/golden/hash.rs");
include!("../../playground/tests/golden/links.rs");

#[wasm_bindgen_test]
fn golden_links_give_the_natively_recorded_losses_and_grids() {
    for &(link, steps, train, test, grid) in GOLDEN_LINKS {
        let mut playground = match Playground::from_query(link) {
            Ok(playground) => playground,
            Err(error) => panic!("{link}: {}", message(error.into())),
        };
        let mut left = steps;
        while left > 0 {
            let chunk = left.min(u64::from(playground.max_steps()));
            assert!(playground.train_steps(chunk as u32).is_ok(), "{link}");
            left -= chunk;
        }
        let got = (
            (metric(&playground, "trainLoss") as f32).to_bits(),
            (metric(&playground, "testLoss") as f32).to_bits(),
        );
        assert_eq!(got, (train, test), "{link}: wasm differs from native");
        // the grid as the native session holds it: probabilities, then every unit's map
        let size = GOLDEN_GRID as u32;
        let mut values = match playground.predict_grid(size, size) {
            Ok(probabilities) => probabilities.to_vec(),
            Err(error) => panic!("{link}: {}", message(error.into())),
        };
        let maps = match playground.neuron_maps(size, JsValue::UNDEFINED) {
            Ok(result) => Float32Array::from(get(&result, "maps")).to_vec(),
            Err(error) => panic!("{link}: {}", message(error.into())),
        };
        values.extend(maps);
        assert_eq!(
            bits_hash(&values),
            grid,
            "{link}: the grid in wasm differs from native"
        );
    }
}

#[wasm_bindgen_test]
fn the_settings_table_describes_every_setting_with_its_limits() {
    let table = match playground_wasm::settings_table(None) {
        Ok(table) => table,
        Err(error) => panic!("{}", message(error.into())),
    };
    assert!(table.length() > 30);
    let keys = |table: &js_sys::Array| -> Vec<String> {
        table
            .iter()
            .filter_map(|row| get(&row, "key").as_string())
            .collect()
    };
    assert!(!keys(&table).iter().any(|k| k == "lab" || k == "filters1"));
    let digits = match playground_wasm::settings_table(Some("digits".into())) {
        Ok(table) => keys(&table),
        Err(error) => panic!("{}", message(error.into())),
    };
    assert!(digits.iter().any(|k| k == "filters1") && !digits.iter().any(|k| k == "dataset"));
    let sequence = match playground_wasm::settings_table(Some("sequence".into())) {
        Ok(table) => keys(&table),
        Err(error) => panic!("{}", message(error.into())),
    };
    assert!(sequence.iter().any(|k| k == "cell") && !sequence.iter().any(|k| k == "filters1"));
    let words = match playground_wasm::settings_table(Some("words".into())) {
        Ok(table) => keys(&table),
        Err(error) => panic!("{}", message(error.into())),
    };
    assert!(words.iter().any(|k| k == "text") && !words.iter().any(|k| k == "dropout"));
    let attention = match playground_wasm::settings_table(Some("attention".into())) {
        Ok(table) => keys(&table),
        Err(error) => panic!("{}", message(error.into())),
    };
    assert!(attention.iter().any(|k| k == "heads") && !attention.iter().any(|k| k == "dropout"));
    assert!(playground_wasm::settings_table(Some("transformer".into())).is_err());
    let rate = table
        .iter()
        .find(|row| get(row, "key").as_string().as_deref() == Some("learningRate"));
    let Some(rate) = rate else {
        panic!("no learningRate row")
    };
    assert_eq!(get(&rate, "type").as_string().as_deref(), Some("float"));
    assert_eq!(get(&rate, "openMin").as_bool(), Some(true));
    assert_eq!(get(&rate, "max").as_f64(), Some(10.0));
    // limits that are not short decimals in f32 arrive as the f32's exact value
    let beta2 = table
        .iter()
        .find(|row| get(row, "key").as_string().as_deref() == Some("beta2"));
    let max = beta2.map(|row| get(&row, "max").as_f64());
    assert_eq!(max, Some(Some(f64::from(0.99999f32))));
    assert!(
        get(&rate, "nameZh")
            .as_string()
            .is_some_and(|n| !n.is_empty())
    );
}

#[wasm_bindgen_test]
fn changing_the_learning_rate_keeps_training_and_changing_the_network_rebuilds() {
    let mut playground = build(JsValue::UNDEFINED);
    assert!(playground.train_steps(30).is_ok());
    let changed = object(&[("learningRate", JsValue::from_f64(0.3))]);
    assert!(playground.set_settings(changed).is_ok());
    assert_eq!(
        metric(&playground, "step"),
        30.0,
        "a new learning rate keeps the steps"
    );
    let values = playground
        .values()
        .map(JsValue::from)
        .unwrap_or(JsValue::NULL);
    assert_eq!(
        get(&values, "learningRate").as_string().as_deref(),
        Some("0.3")
    );

    let bad = playground.set_settings(JsValue::from_str("learningRate=abc"));
    let Err(error) = bad else {
        panic!("a bad rate was accepted")
    };
    assert!(message(error.into()).starts_with("learningRate=abc: "));
    assert_eq!(
        metric(&playground, "step"),
        30.0,
        "a refused change keeps everything"
    );

    assert!(
        playground
            .set_settings(JsValue::from_str("networkShape=4"))
            .is_ok()
    );
    assert_eq!(
        metric(&playground, "step"),
        0.0,
        "a new network starts over"
    );
}
