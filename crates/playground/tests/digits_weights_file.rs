//! The digits lab's weights file (`DigitsSession::weights_file`, written by the
//! CLI's `--export` and the page's Export): valid JSON with the lab, the link, the
//! parameter count and each layer's kind and shape, and weights that read back to
//! the same bits, so a session importing them evaluates exactly as the exporter.

use playground::Config;
use playground::digits::DigitsSession;
use serde_json::Value;

include!("digits/shipped.rs");

const LINK: &str = "lab=digits&filters1=4&filters2=8&trainSize=200";

fn session(link: &str) -> DigitsSession {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    DigitsSession::new(config, shipped_digits()).unwrap_or_else(|e| panic!("{link}: {e}"))
}

/// Each layer's weights and biases as f32, as a page or the CLI reads them back.
fn layers_of(file: &Value) -> Vec<(Vec<f32>, Vec<f32>)> {
    let numbers = |layer: &Value, key: &str| -> Vec<f32> {
        layer[key]
            .as_array()
            .map(|values| {
                values
                    .iter()
                    .map(|v| v.as_f64().map_or(f32::NAN, |v| v as f32))
                    .collect()
            })
            .unwrap_or_default()
    };
    file["layers"]
        .as_array()
        .map(|layers| {
            layers
                .iter()
                .map(|l| (numbers(l, "weight"), numbers(l, "bias")))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn weights_file_is_json_whose_weights_read_back_to_the_same_bits() {
    let mut trained = session(LINK);
    trained.train_steps(15);
    let text = trained.weights_file();
    let file: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(file["lab"], "digits");
    assert_eq!(file["link"], trained.config().to_query());
    assert_eq!(
        file["parameters"].as_u64(),
        Some(trained.network().parameter_count() as u64)
    );
    let kinds: Vec<&str> = file["layers"]
        .as_array()
        .map(|layers| layers.iter().filter_map(|l| l["kind"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(kinds, ["conv", "conv", "dense"]);
    assert_eq!(file["layers"][0]["shape"], serde_json::json!([4, 1, 3, 3]));

    let layers = layers_of(&file);
    for ((weight, bias), layer) in layers.iter().zip(&trained.network().layers) {
        let bits = |values: &[f32]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(weight), bits(layer.weight.data()));
        assert_eq!(bits(bias), bits(layer.bias.data()));
    }
    let pairs: Vec<(&[f32], &[f32])> = layers
        .iter()
        .map(|(w, b)| (w.as_slice(), b.as_slice()))
        .collect();
    let mut fresh = session(LINK);
    assert_eq!(fresh.import_weights(&pairs), Ok(()));
    assert_eq!(fresh.evaluate(), trained.evaluate());
    assert_eq!(
        fresh.weights_file(),
        text,
        "the imported network writes the same file"
    );
}

#[test]
fn every_model_writes_a_file_of_its_own_layers() {
    for (model, kinds) in [("mlp", &["dense", "dense"][..]), ("linear", &["dense"][..])] {
        let text = session(&format!("lab=digits&model={model}")).weights_file();
        let file: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{model}: {e}"));
        let written: Vec<&str> = file["layers"]
            .as_array()
            .map(|layers| layers.iter().filter_map(|l| l["kind"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(written, kinds, "{model}");
    }
}
