//! The objects the handle writes as JSON text for the browser's `JSON.parse`, in real
//! Chromium: every metric is the engine's f32 widened to a double bit for bit (`null`
//! where it is missing or not finite), `parseLink`'s strings arrive exactly, and the
//! export files hold the engine's numbers and are the text `JSON.stringify` writes.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JSON};
use playground::session::LayerStats;
use playground::{Config, Metrics, Session, Stop};
use playground_wasm::parse_link;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{from_link, get};

/// Links whose metrics between them hold every field: accuracies and none
/// (regression), a learning rate that is not a short double, an early stop and
/// both causes of divergence (one with a finite loss, one without).
const LINKS: [&str; 6] = [
    "v=1",
    "problem=regression&learningRate=0.03",
    "dataset=spiral&networkShape=8,5&learningRate=0.003&optimizer=adam",
    "dataset=gauss&noise=50&numSamples=200&percTrainData=10&networkShape=16,16\
     &optimizer=adam&learningRate=0.03&patience=3",
    "problem=regression&networkShape=8,8,8,8,8,8&initScale=2",
    "problem=regression&networkShape=8,8,8,8,8,8&activation=tanh&learningRate=2",
];

/// The engine's session for a link, natively in this module.
fn session(link: &str) -> Session {
    let built = Config::from_query(link)
        .map_err(|error| error.to_string())
        .and_then(|config| Session::new(config).map_err(|error| error.to_string()));
    match built {
        Ok(session) => session,
        Err(error) => panic!("{link}: {error}"),
    }
}

/// Asserts that `object[key]` is `expected` widened to a double, bit for bit, or
/// `null` when `expected` is missing or not finite.
fn assert_number(object: &JsValue, key: &str, expected: Option<f64>, at: &str) {
    let value = get(object, key);
    match expected.filter(|number| number.is_finite()) {
        Some(number) => assert_eq!(
            value.as_f64().map(f64::to_bits),
            Some(number.to_bits()),
            "{at}.{key}: {value:?} is not {number:?}"
        ),
        None => assert!(value.is_null(), "{at}.{key}: {value:?} is not null"),
    }
}

/// Asserts that the page's metrics object holds exactly the engine's metrics.
fn assert_metrics(js: &JsValue, metrics: &Metrics, at: &str) {
    let count = |value: u64| Some(value as f64);
    let widened = |value: f32| Some(f64::from(value));
    let evaluation = &metrics.evaluation;
    assert_number(js, "step", count(metrics.step), at);
    assert_number(js, "epoch", count(metrics.epoch), at);
    assert_number(js, "learningRate", widened(metrics.learning_rate), at);
    assert_number(js, "batchLoss", widened(metrics.batch_loss), at);
    assert_number(js, "trainLoss", widened(evaluation.train_loss), at);
    assert_number(js, "testLoss", widened(evaluation.test_loss), at);
    let train_accuracy = evaluation.train_accuracy.map(f64::from);
    assert_number(js, "trainAccuracy", train_accuracy, at);
    let test_accuracy = evaluation.test_accuracy.map(f64::from);
    assert_number(js, "testAccuracy", test_accuracy, at);
    assert_number(js, "bestEpoch", metrics.best_epoch.and_then(count), at);
    let layers = Array::from(&get(js, "layers"));
    assert_eq!(
        layers.length() as usize,
        metrics.layers.len(),
        "{at}.layers"
    );
    for (index, layer) in metrics.layers.iter().enumerate() {
        let LayerStats {
            grad_norm,
            weight_norm,
            update_ratio,
        } = *layer;
        let item = layers.get(index as u32);
        let at = format!("{at}.layers[{index}]");
        assert_number(&item, "gradNorm", widened(grad_norm), &at);
        assert_number(&item, "weightNorm", widened(weight_norm), &at);
        assert_number(&item, "updateRatio", widened(update_ratio), &at);
    }
    let stop = get(js, "stop");
    let Some(expected) = &metrics.stop else {
        assert!(stop.is_null(), "{at}.stop: {stop:?}");
        return;
    };
    let at = format!("{at}.stop");
    let text = |key| get(&stop, key).as_string();
    assert_eq!(text("message"), Some(expected.message()), "{at}");
    assert_eq!(text("messageZh"), Some(expected.message_zh()), "{at}");
    match *expected {
        Stop::EarlyStopped { epoch, best_epoch } => {
            assert_eq!(text("reason").as_deref(), Some("earlyStopped"), "{at}");
            assert!(get(&stop, "cause").is_null(), "{at}.cause");
            assert_number(&stop, "step", None, &at);
            assert_number(&stop, "loss", None, &at);
            assert_number(&stop, "epoch", count(epoch), &at);
            assert_number(&stop, "bestEpoch", count(best_epoch), &at);
        }
        Stop::Diverged {
            step, cause, loss, ..
        } => {
            assert_eq!(text("reason").as_deref(), Some("diverged"), "{at}");
            assert_eq!(text("cause").as_deref(), Some(cause.key()), "{at}");
            assert_number(&stop, "step", count(step), &at);
            assert_number(&stop, "loss", widened(loss), &at);
            assert_number(&stop, "epoch", None, &at);
            assert_number(&stop, "bestEpoch", None, &at);
        }
    }
}

#[wasm_bindgen_test]
fn metrics_are_the_engines_f32_values_widened_bit_for_bit() {
    let mut stops = Vec::new();
    for link in LINKS {
        let mut playground = from_link(link);
        let mut native = session(link);
        for steps in [0, 1, 40, 400] {
            assert!(playground.train_steps(steps).is_ok(), "{link}");
            native.train_steps(u64::from(steps));
            let js = playground.metrics().unwrap_or(JsValue::UNDEFINED);
            assert_metrics(&js, &native.metrics(), &format!("{link} at {steps}"));
        }
        stops.push(native.metrics().stop);
    }
    // The links reach what they are here for.
    assert!(matches!(stops[3], Some(Stop::EarlyStopped { .. })));
    assert!(matches!(stops[4], Some(Stop::Diverged { loss, .. }) if !loss.is_finite()));
    assert!(matches!(stops[5], Some(Stop::Diverged { loss, .. }) if loss.is_finite()));
}

#[wasm_bindgen_test]
fn parse_link_holds_the_engines_strings_exactly() {
    let link = "#noise=%22lo%5Cud%0A%09%E4%B8%AD&learningRate=-1&zoom=%01&bar";
    let parsed = parse_link(link).map_or(JsValue::UNDEFINED, JsValue::from);
    let expected = Config::parse_query(link);
    let text = |object: &JsValue, key| get(object, key).as_string();
    assert_eq!(text(&parsed, "query"), Some(expected.config.to_query()));
    let errors = Array::from(&get(&parsed, "errors"));
    assert_eq!(errors.length() as usize, expected.errors.len());
    assert!(expected.errors[0].value.contains("\"lo\\ud\n\t中"));
    for (index, error) in expected.errors.iter().enumerate() {
        let item = errors.get(index as u32);
        assert_eq!(text(&item, "key").as_ref(), Some(&error.key));
        assert_eq!(text(&item, "value").as_ref(), Some(&error.value));
        assert_eq!(text(&item, "message").as_ref(), Some(&error.message));
        assert_eq!(text(&item, "messageZh").as_ref(), Some(&error.message_zh));
        assert_eq!(text(&item, "text"), Some(error.to_string()));
        assert_eq!(text(&item, "textZh"), Some(error.to_string_zh()));
    }
    let warnings = Array::from(&get(&parsed, "warnings"));
    assert_eq!(warnings.length() as usize, expected.warnings.len());
    assert_eq!(warnings.length(), 2);
    for (index, warning) in expected.warnings.iter().enumerate() {
        let item = warnings.get(index as u32);
        assert_eq!(text(&item, "key").as_ref(), Some(&warning.key));
        assert!(get(&item, "value").is_null());
        assert_eq!(text(&item, "text"), Some(warning.to_string()));
        assert_eq!(text(&item, "textZh"), Some(warning.to_string_zh()));
    }
}

/// `JSON.stringify(JSON.parse(text))`: the text the browser itself writes for it.
fn restringified(text: &str) -> (JsValue, String) {
    let value = JSON::parse(text).unwrap_or(JsValue::UNDEFINED);
    let again = JSON::stringify(&value)
        .ok()
        .and_then(|again| again.as_string())
        .unwrap_or_default();
    (value, again)
}

/// The numbers of a JS array of numbers, as bits.
fn bits(array: &JsValue) -> Vec<u64> {
    Array::from(array)
        .iter()
        .map(|n| n.as_f64().map_or(0, f64::to_bits))
        .collect()
}

#[wasm_bindgen_test]
fn export_files_hold_the_engines_numbers_as_the_browser_writes_them() {
    let link = "dataset=spiral&networkShape=5,3&activation=tanh&noise=30";
    let mut playground = from_link(link);
    let mut native = session(link);
    assert!(playground.train_steps(200).is_ok());
    native.train_steps(200);

    let text = playground.export_weights();
    let (weights, again) = restringified(&text);
    assert_eq!(again, text);
    let file = native.weights_file();
    assert_eq!(
        get(&weights, "activation").as_string().as_deref(),
        Some("tanh")
    );
    let layers = Array::from(&get(&weights, "layers"));
    assert_eq!(layers.length() as usize, file.layers.len());
    for (index, layer) in file.layers.iter().enumerate() {
        let item = layers.get(index as u32);
        let rows = Array::from(&get(&item, "weight"));
        for (row, values) in layer.weight.iter().enumerate() {
            let expected: Vec<u64> = values.iter().map(|v| v.to_bits()).collect();
            assert_eq!(
                bits(&rows.get(row as u32)),
                expected,
                "layer {index} row {row}"
            );
        }
        let bias: Vec<u64> = layer.bias.iter().map(|v| v.to_bits()).collect();
        assert_eq!(bits(&get(&item, "bias")), bias, "layer {index} bias");
    }

    let text = playground.export_data_json();
    let (data, again) = restringified(&text);
    assert_eq!(again, text);
    let file = native.data_file();
    for (key, rows) in [("train", &file.train), ("test", &file.test)] {
        let points = Array::from(&get(&data, key));
        assert_eq!(points.length() as usize, rows.len(), "{key}");
        for (index, row) in rows.iter().enumerate() {
            let point = points.get(index as u32);
            for (name, value) in [("x", row.x), ("y", row.y), ("label", row.label)] {
                assert_number(&point, name, Some(value), &format!("{key}[{index}]"));
            }
        }
    }
}
