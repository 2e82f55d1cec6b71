//! `playground 'lab=digits&…'` end to end: the same JSON lines as the plane lab
//! with one gradient norm per layer, the same numbers twice in a row, the
//! weights written by `--export`, and `--data` refused with a reason.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

include!("../../playground/tests/digits/shipped.rs");

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_playground"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run playground: {e}"))
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

const LINK: &str = "lab=digits&filters1=4&filters2=8&trainSize=200";

#[test]
fn a_digits_link_trains_headless_with_the_planes_lines_twice_alike() {
    let first = cli(&["--epochs", "3", LINK]);
    let second = cli(&["--epochs", "3", LINK]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(first.stdout, second.stdout);
    let lines = json_lines(&first);
    let kinds: Vec<&str> = lines.iter().filter_map(|l| l["kind"].as_str()).collect();
    assert_eq!(kinds, ["metrics", "metrics", "metrics", "summary"]);
    let summary = &lines[3];
    assert_eq!(summary["epoch"], 3);
    assert_eq!(
        summary["step"],
        3 * 200 / 32 + 3,
        "7 batches of 32 an epoch"
    );
    for key in ["trainLoss", "testLoss", "trainAccuracy", "testAccuracy"] {
        assert!(summary[key].as_f64().is_some_and(f64::is_finite), "{key}");
    }
    assert_eq!(
        summary["parameters"],
        4 * 9 + 4 + 8 * 4 * 9 + 8 + 32 * 10 + 10
    );
    let shifted: Vec<f64> = summary["shiftedAccuracy"]
        .as_array()
        .map(|values| values.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    assert_eq!(shifted.len(), 4, "0 to 3 pixels");
    assert_eq!(Some(shifted[0]), summary["testAccuracy"].as_f64());
    let norms = summary["gradNorms"].as_array().map_or(0, Vec::len);
    assert_eq!(norms, 3, "conv, conv, dense");
    let accuracy = summary["testAccuracy"].as_f64().unwrap_or(0.0);
    assert!(
        accuracy > 0.3,
        "3 epochs on 200 images: {accuracy} (chance 0.1)"
    );
}

#[test]
fn export_writes_the_digits_network_and_data_is_refused() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("digits-weights.json");
    let _ = std::fs::remove_file(&path);
    let Some(file) = path.to_str() else {
        panic!("a scratch path that is not UTF-8");
    };
    let output = cli(&["--steps", "5", "--every", "0", "--export", file, LINK]);
    assert!(output.status.success());
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    let weights: Value = serde_json::from_str(&written).unwrap_or(Value::Null);
    assert_eq!(weights["lab"], "digits");
    assert_eq!(
        weights["parameters"],
        4 * 9 + 4 + 8 * 4 * 9 + 8 + 32 * 10 + 10
    );
    let kinds: Vec<&str> = weights["layers"]
        .as_array()
        .map(|layers| layers.iter().filter_map(|l| l["kind"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(kinds, ["conv", "conv", "dense"]);
    assert_eq!(
        weights["layers"][1]["shape"],
        serde_json::json!([8, 4, 3, 3])
    );

    let refused = cli(&["--data", file, LINK]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--data"));
}

#[test]
fn exported_digits_weights_import_back_and_give_the_clis_numbers() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("digits-import.json");
    let _ = std::fs::remove_file(&path);
    let Some(file) = path.to_str() else {
        panic!("a scratch path that is not UTF-8");
    };
    let output = cli(&["--steps", "12", "--every", "0", "--export", file, LINK]);
    let summary = json_lines(&output).pop().unwrap_or(Value::Null);
    let weights: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default())
        .unwrap_or_default();
    let numbers = |layer: &Value, key: &str| -> Vec<f32> {
        layer[key]
            .as_array()
            .map(|values| {
                values
                    .iter()
                    .filter_map(|v| v.as_f64().map(|v| v as f32))
                    .collect()
            })
            .unwrap_or_default()
    };
    let layers: Vec<(Vec<f32>, Vec<f32>)> = weights["layers"]
        .as_array()
        .map(|layers| {
            layers
                .iter()
                .map(|l| (numbers(l, "weight"), numbers(l, "bias")))
                .collect()
        })
        .unwrap_or_default();
    let pairs: Vec<(&[f32], &[f32])> = layers
        .iter()
        .map(|(w, b)| (w.as_slice(), b.as_slice()))
        .collect();

    let Ok(config) = playground::Config::from_query(LINK) else {
        panic!("the link does not read");
    };
    let Ok(mut fresh) = playground::digits::DigitsSession::new(config, shipped_digits()) else {
        panic!("no session");
    };
    assert_eq!(fresh.import_weights(&pairs), Ok(()));
    let loss = fresh.evaluate().test_loss;
    assert_eq!(Some(loss), summary["testLoss"].as_f64().map(|v| v as f32));
    let Err(error) = fresh.import_weights(&pairs[..2]) else {
        panic!("two layers of three were accepted");
    };
    assert!(error.en.contains("3"), "{}", error.en);
}
