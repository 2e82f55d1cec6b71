//! Export and import through the `Playground` handle in real Chromium: weights
//! moved to a fresh playground predict the same grid bit for bit, refused
//! weights leave it unchanged, and exported data reads back into the same points.
#![cfg(target_arch = "wasm32")]

use playground_wasm::{Playground, max_user_points, parse_data, point_limit};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{from_link as open, message};

/// The predicted grid as bits, so equality is exact.
fn grid_bits(playground: &mut Playground) -> Vec<u32> {
    let grid = playground
        .predict_grid(16, 16)
        .map(|grid| grid.to_vec())
        .unwrap_or_default();
    assert!(!grid.is_empty(), "the grid was refused");
    grid.iter().map(|v| v.to_bits()).collect()
}

const LINK: &str = "dataset=xor&networkShape=5,3&activation=tanh";

#[wasm_bindgen_test]
fn exported_weights_predict_the_same_grid_in_a_fresh_playground() {
    let mut trained = open(LINK);
    assert!(trained.train_steps(300).is_ok());
    let weights = trained.export_weights();
    assert!(
        weights.starts_with("{\"version\":1,\"sizes\":[2,5,3,1]"),
        "{weights}"
    );

    let mut fresh = open(LINK);
    assert_ne!(grid_bits(&mut fresh), grid_bits(&mut trained));
    if let Err(error) = fresh.import_weights(&weights) {
        panic!("import refused: {}", message(error.into()));
    }
    assert_eq!(grid_bits(&mut fresh), grid_bits(&mut trained));
    assert_eq!(fresh.export_weights(), weights);
}

#[wasm_bindgen_test]
fn refused_weights_say_why_and_change_nothing() {
    let mut playground = open(LINK);
    let before = grid_bits(&mut playground);
    let other = open("dataset=xor&networkShape=4&activation=tanh").export_weights();
    let sigmoid = open("dataset=xor&networkShape=5,3&activation=sigmoid").export_weights();
    let cases = [
        ("{\"version\":1,", "the weights JSON is not valid"),
        (other.as_str(), "the weights are for layers [2, 4, 1]"),
        (sigmoid.as_str(), "activation sigmoid"),
        (
            "{\"version\":9,\"sizes\":[2,5,3,1],\"layers\":[]}",
            "version 9",
        ),
    ];
    for (text, expected) in cases {
        match playground.import_weights(text) {
            Ok(()) => panic!("{text} was accepted"),
            Err(error) => {
                let said = message(error.into());
                assert!(said.contains(expected), "{said}");
            }
        }
        assert_eq!(grid_bits(&mut playground), before);
    }
}

#[wasm_bindgen_test]
fn deeply_nested_json_is_refused_without_harm() {
    let deep = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    let mut playground = open(LINK);
    let before = grid_bits(&mut playground);
    for depth in [200, 100_000] {
        let files = [
            format!("{{\"version\":1,\"extra\":{}}}", deep(depth)),
            format!(
                "{{\"version\":1,\"sizes\":[2,5,3,1],\"layers\":{}}}",
                deep(depth)
            ),
        ];
        for text in files {
            match playground.import_weights(&text) {
                Ok(()) => panic!("nesting {depth} was accepted"),
                Err(error) => {
                    assert!(message(error.into()).contains("the weights JSON is not valid"))
                }
            }
            if let Ok(points) = parse_data(&text) {
                panic!("nesting {depth} was read as {} numbers", points.length());
            }
        }
    }
    assert_eq!(grid_bits(&mut playground), before);
}

#[wasm_bindgen_test]
fn a_file_of_the_wrong_shape_is_refused_naming_the_place() {
    let mut playground = open(LINK);
    let before = grid_bits(&mut playground);
    let good = playground.export_weights();
    let weights = [
        (
            good.replacen("[[", "[[\"x\",", 1),
            "layers[0].weight[0][0] must be a number",
        ),
        (
            good.replacen("\"bias\":[", "\"bias\":[null,", 1),
            "layers[0].bias[0] must be a number",
        ),
        (
            good.replacen("\"sizes\":[2", "\"sizes\":[2.5", 1),
            "sizes[0] must be a whole number",
        ),
        (
            good.replacen("\"version\":1", "\"version\":\"1\"", 1),
            "version must be a number",
        ),
        (
            good.replacen("\"activation\":", "\"activation\":7,\"_\":", 1),
            "activation must be a string",
        ),
        ("[1,2]".into(), "must be a JSON object"),
        (
            "{\"version\":1,\"sizes\":{}}".into(),
            "sizes must be an array",
        ),
    ];
    for (text, expected) in weights {
        match playground.import_weights(&text) {
            Ok(()) => panic!("{text} was accepted"),
            Err(error) => {
                let said = message(error.into());
                assert!(said.contains("the weights JSON is not valid"), "{said}");
                assert!(said.contains(expected), "{expected}: {said}");
            }
        }
    }
    assert_eq!(grid_bits(&mut playground), before);
    let data = [
        (
            "{\"version\":1,\"train\":[{\"x\":1,\"y\":\"2\",\"label\":0}],\"test\":[]}",
            "train[0].y must be a number",
        ),
        (
            "{\"version\":1,\"train\":[],\"test\":[{\"x\":1,\"y\":2}]}",
            "test[0].label must be a number",
        ),
        ("{\"version\":1,\"train\":[]}", "test must be an array"),
    ];
    for (text, expected) in data {
        match parse_data(text) {
            Ok(points) => panic!("{text} was read as {:?}", points.to_vec()),
            Err(error) => {
                let said = message(error.into());
                assert!(said.contains(expected), "{expected}: {said}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn exported_csv_has_the_header_and_one_line_per_point() {
    let playground = open("numSamples=120&percTrainData=30&userPoints=1,2,0;-3,0.5,1");
    let csv = playground.export_data_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "x,y,label,split");
    assert_eq!(lines.len(), 1 + 120 + 2);
    let train = lines.iter().filter(|line| line.ends_with(",train")).count();
    assert_eq!(train, 36 + 2);
    assert!(lines.contains(&"-3,0.5,1,train"), "{csv}");
}

#[wasm_bindgen_test]
fn exported_data_reads_back_into_the_same_points() {
    let playground = open("dataset=spiral&classes=3&numSamples=90&noise=20");
    let points = playground.points().to_vec();
    for text in [playground.export_data_csv(), playground.export_data_json()] {
        match parse_data(&text) {
            Ok(parsed) => assert_eq!(parsed.to_vec(), points),
            Err(error) => panic!("refused: {}", message(error.into())),
        }
    }
}

#[wasm_bindgen_test]
fn broken_data_is_refused_with_the_line_at_fault() {
    let cases = [
        (
            "x,y,label,split\n1,2,0,train\n1,2,zero,test\n",
            "line 3: label",
        ),
        ("a,b\n1,2\n", "line 1: the header"),
        (
            "x,y,label,split\n1,2,0,validate\n",
            "split must be train or test",
        ),
        (
            "{\"version\":1,\"train\":[{\"x\":1}]",
            "the data JSON is not valid",
        ),
    ];
    for (text, expected) in cases {
        match parse_data(text) {
            Ok(points) => panic!("{text} was read as {:?}", points.to_vec()),
            Err(error) => {
                let said = message(error.into());
                assert!(said.contains(expected), "{said}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn added_points_may_reach_the_limits_the_page_is_told() {
    let limit = point_limit();
    let most = max_user_points() as usize;
    let points: Vec<String> = (0..most)
        .map(|i| format!("{limit},{},{}", -limit, i % 2))
        .collect();
    let playground = open(&format!("userPoints={}", points.join(";")));
    assert_eq!(playground.points().length() as usize, 4 * (500 + most));
    let over = format!("userPoints={};0,0,1", points.join(";"));
    assert!(Playground::from_query(&over).is_err());
    let outside = format!("userPoints={},0,1", limit + 0.01);
    assert!(Playground::from_query(&outside).is_err());
}
