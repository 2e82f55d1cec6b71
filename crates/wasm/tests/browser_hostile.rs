//! The hostile-link corpus (crates/playground/tests/hostile/links.txt, the links the native
//! test tries) through the wasm handle in real Chromium: `parseLink` names each link's key,
//! `Playground.fromQuery` refuses exactly the links with errors and names the key, the
//! repaired link always opens a playground that trains and paints, nothing traps, and the
//! module's memory stays small. Also hostile JS values in config objects.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, WebAssembly};
use playground_wasm::{Playground, parse_link};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::get;

include!("../../playground/tests/hostile/corpus.rs");

/// The most memory the module may have after the whole corpus, in bytes: the largest session
/// and its buffers are well under 16 MiB, so this leaves room for the allocator's slack.
const MEMORY_LIMIT: f64 = 64.0 * 1024.0 * 1024.0;

/// The message of a thrown JS error (or the value as text).
fn message(error: JsValue) -> String {
    match error.dyn_into::<js_sys::Error>() {
        Ok(error) => String::from(error.message()),
        Err(other) => format!("{other:?}"),
    }
}

/// The `key` of every `{key, ...}` object in `list`.
fn keys(list: &JsValue) -> Vec<String> {
    Array::from(list)
        .iter()
        .map(|problem| get(&problem, "key").as_string().unwrap_or_default())
        .collect()
}

/// The bytes of the module's memory now.
fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<WebAssembly::Memory>()
        .map(|memory| {
            memory
                .buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length()
        })
        .map_or(f64::NAN, f64::from)
}

/// Checks one link of the corpus through the handle; returns what is wrong.
fn check(case: &HostileLink) -> Result<(), String> {
    let parsed = parse_link(&case.link).map_err(|e| message(e.into()))?;
    let errors = keys(&get(&parsed, "errors"));
    let warnings = keys(&get(&parsed, "warnings"));
    match &case.key {
        Some(key) if !errors.contains(key) && !warnings.contains(key) => {
            return Err(format!(
                "nothing names {key:?}: errors {errors:?}, warnings {warnings:?}"
            ));
        }
        None if !errors.is_empty() || !warnings.is_empty() => {
            return Err(format!(
                "want a clean link: errors {errors:?}, warnings {warnings:?}"
            ));
        }
        _ => {}
    }
    match (Playground::from_query(&case.link), errors.first()) {
        (Ok(playground), None) => {
            let ignored = playground.warnings();
            if ignored.len() != warnings.len() {
                return Err(format!("warnings {ignored:?} for the keys {warnings:?}"));
            }
        }
        (Err(error), Some(first)) => {
            let text = message(error.into());
            if !text.starts_with(&format!("{first}=")) {
                return Err(format!("the refusal does not start with {first}=: {text}"));
            }
        }
        (Ok(_), Some(first)) => return Err(format!("fromQuery accepted a bad {first}")),
        (Err(error), None) => {
            return Err(format!("fromQuery refused: {}", message(error.into())));
        }
    }
    let query = get(&parsed, "query").as_string().unwrap_or_default();
    let mut playground =
        Playground::from_query(&query).map_err(|e| format!("repaired: {}", message(e.into())))?;
    // Two updates, or one where one update is all a call may take (the largest
    // network on every point in one batch).
    let loss = playground
        .train_steps(playground.max_steps().min(2))
        .map_err(|e| format!("training: {}", message(e.into())))?;
    if !loss.is_finite() {
        return Err(format!("the batch loss is {loss}"));
    }
    let pixels = playground
        .heatmap_rgba(8, 8, false)
        .map_err(|e| format!("painting: {}", message(e.into())))?;
    if pixels.length() != 8 * 8 * 4 {
        return Err(format!("{} bytes of pixels", pixels.length()));
    }
    Ok(())
}

#[wasm_bindgen_test]
fn every_hostile_link_is_named_refused_or_repaired_and_never_traps() {
    let links = hostile_links();
    assert!(links.len() >= 300, "{} links", links.len());
    let before = memory_bytes();
    let failures: Vec<String> = links
        .iter()
        .filter_map(|case| {
            check(case).err().map(|why| {
                let shown: String = case.link.chars().take(60).collect();
                format!("links.txt:{} {shown}: {why}", case.line)
            })
        })
        .collect();
    let after = memory_bytes();
    console_log!(
        "{} hostile links through the wasm handle, {} failures; memory {before} -> {after} bytes",
        links.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        after <= MEMORY_LIMIT,
        "the module grew to {after} bytes (from {before})"
    );
}

/// A JS object with one property.
fn object(key: &str, value: JsValue) -> JsValue {
    let object = Object::new();
    assert!(Reflect::set(&object, &JsValue::from_str(key), &value).is_ok());
    object.into()
}

/// A JS array of numbers.
fn numbers(values: &[f64]) -> JsValue {
    values
        .iter()
        .map(|&v| JsValue::from_f64(v))
        .collect::<Array>()
        .into()
}

#[wasm_bindgen_test]
fn hostile_js_values_in_a_config_object_are_refused_naming_the_key() {
    let points = Array::of1(&numbers(&[f64::NAN, 0.0, 0.0]));
    let cases: Vec<(&str, JsValue)> = vec![
        ("learningRate", JsValue::from_f64(f64::NAN)),
        ("learningRate", JsValue::from_f64(f64::INFINITY)),
        ("learningRate", JsValue::from_f64(-0.0)),
        ("numSamples", JsValue::from_f64(1e300)),
        ("batchSize", JsValue::from_f64(-1.0)),
        ("networkShape", numbers(&[1e9, 8.0])),
        ("networkShape", numbers(&[8.0; 9])),
        (
            "networkShape",
            JsValue::from_str("<script>alert(1)</script>"),
        ),
        ("seed", JsValue::from_str(&"9".repeat(100_000))),
        ("dataset", Object::new().into()),
        ("activation", JsValue::from_str("javascript:alert(1)")),
        ("userPoints", points.into()),
        ("discretize", JsValue::from_str("1")),
    ];
    for (key, value) in cases {
        let shown = format!("{key}: {value:?}");
        let text = match Playground::new(object(key, value)) {
            Ok(_) => panic!("{shown} was accepted"),
            Err(error) => message(error.into()),
        };
        // A value too long for a link is refused as a whole link, by its length.
        let named = text.starts_with(&format!("{key}=")) || text.starts_with("link=");
        assert!(named, "{shown}: {text}");
    }
}
