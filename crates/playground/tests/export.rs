//! Weights and data leave a session and come back exactly: the weights JSON
//! round-trips bit for bit and refuses files that do not fit the network, and
//! the data JSON and CSV read back to the same points.

use playground::dataset::{Point, Split};
use playground::session::{MAX_DATA_POINTS, parse_data};
use playground::{Config, Session};
use proptest::prelude::*;
use serde_json::Value;

fn session(link: &str) -> Session {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    Session::new(config).unwrap_or_else(|e| panic!("{link}: {e}"))
}

fn weight_bits(s: &Session) -> Vec<u32> {
    s.model()
        .params()
        .flat_map(|p| p.data().iter().map(|v| v.to_bits()))
        .collect()
}

fn point_bits(points: &[Point]) -> Vec<[u32; 3]> {
    points
        .iter()
        .map(|p| [p.x.to_bits(), p.y.to_bits(), p.label.to_bits()])
        .collect()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn exported_weights_import_into_a_fresh_session_bit_for_bit() {
    for link in [
        "numSamples=80",
        "numSamples=80&classes=4&loss=crossEntropy&activation=relu&networkShape=5,3",
        "numSamples=80&problem=regression&networkShape=&xSquared=true",
    ] {
        let mut trained = session(link);
        trained.train_steps(40);
        let mut fresh = session(link);
        assert_ne!(weight_bits(&fresh), weight_bits(&trained));
        fresh
            .import_weights(&trained.export_weights())
            .unwrap_or_else(|e| panic!("{link}: {e}"));
        assert_eq!(weight_bits(&fresh), weight_bits(&trained), "{link}");
        assert_eq!(fresh.evaluate(), trained.evaluate(), "{link}");
        assert_eq!(fresh.export_weights(), trained.export_weights());
    }
}

/// Every number of a JSON value moved by `ulps` units in the last place of its double.
fn nudged(value: &mut Value, ulps: i64) {
    match value {
        Value::Number(number) if !number.is_u64() => {
            let double = number.as_f64().unwrap_or_default();
            let moved = f64::from_bits(double.to_bits().wrapping_add_signed(ulps));
            *value = serde_json::json!(moved);
        }
        Value::Array(items) => items.iter_mut().for_each(|item| nudged(item, ulps)),
        Value::Object(fields) => fields.values_mut().for_each(|item| nudged(item, ulps)),
        _ => {}
    }
}

#[test]
fn weights_read_back_exactly_even_by_a_reader_off_in_the_last_digits() {
    let link = "numSamples=80&networkShape=6,5&activation=tanh";
    let mut trained = session(link);
    trained.train_steps(30);
    let layers = json(&trained.export_weights())["layers"].clone();
    let numbers: Vec<f64> = serde_json::from_value::<Vec<Value>>(layers)
        .unwrap_or_default()
        .iter()
        .flat_map(|layer| {
            let rows = layer["weight"].as_array().cloned().unwrap_or_default();
            rows.into_iter().chain([layer["bias"].clone()])
        })
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .filter_map(|number| number.as_f64())
        .collect();
    assert_eq!(numbers.len(), 2 * 6 + 6 + 6 * 5 + 5 + 5 + 1);
    for number in numbers {
        assert_eq!(
            f64::from(number as f32),
            number,
            "{number} is written as the exact f32"
        );
    }
    for ulps in [-3, -1, 1, 3] {
        let mut file = json(&trained.export_weights());
        nudged(&mut file, ulps);
        let mut fresh = session(link);
        fresh
            .import_weights(&file.to_string())
            .unwrap_or_else(|e| panic!("{ulps}: {e}"));
        assert_eq!(weight_bits(&fresh), weight_bits(&trained), "{ulps} ulps");
    }
}

#[test]
fn weights_written_by_hand_as_short_decimals_are_read_to_the_nearest_f32() {
    let link = "numSamples=50&networkShape=1&activation=linear&outputActivation=linear";
    let mut s = session(link);
    let file = r#"{"version":1,"sizes":[2,1,1],"layers":[
        {"weight":[[0.1],[-2.5]],"bias":[0.3]},{"weight":[[1e-3]],"bias":[0]}]}"#;
    s.import_weights(file).unwrap_or_else(|e| panic!("{e}"));
    let expected: Vec<u32> = [0.1f32, -2.5, 0.3, 1e-3, 0.0]
        .iter()
        .map(|v| v.to_bits())
        .collect();
    assert_eq!(weight_bits(&s), expected);
}

#[test]
fn the_weights_file_lists_sizes_activations_and_rows_per_input() {
    let s = session("numSamples=50&networkShape=3,2&activation=relu");
    let file = json(&s.export_weights());
    assert_eq!(file["version"], 1);
    assert_eq!(file["sizes"], serde_json::json!([2, 3, 2, 1]));
    assert_eq!(file["activation"], "relu");
    assert_eq!(file["output"], "tanh");
    let layers = file["layers"].as_array().map(Vec::len);
    assert_eq!(layers, Some(3));
    let first = &file["layers"][0];
    assert_eq!(
        first["weight"].as_array().map(Vec::len),
        Some(2),
        "one row per input"
    );
    assert_eq!(
        first["weight"][0].as_array().map(Vec::len),
        Some(3),
        "one number per unit"
    );
    assert_eq!(first["bias"].as_array().map(Vec::len), Some(3));
    let w01 = first["weight"][0][1].as_f64().unwrap_or(f64::NAN) as f32;
    assert_eq!(w01, s.model().layers[0].weight.at2(0, 1));
}

/// The default network's weights file with `edit` applied to its JSON.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut file =
        json(&session("numSamples=50&networkShape=8,8&activation=tanh").export_weights());
    edit(&mut file);
    file.to_string()
}

#[test]
fn a_weights_file_that_does_not_fit_is_refused_naming_the_problem() {
    let cases: Vec<(String, &str)> = vec![
        ("not json".into(), "the weights JSON is not valid"),
        ("{}".into(), "missing field `version`"),
        (
            edited(|f| f["version"] = 2.into()),
            "weights file version 2 is not supported",
        ),
        (
            edited(|f| f["sizes"] = serde_json::json!([2, 8, 1])),
            "the weights are for layers [2, 8, 1], this network has [2, 8, 8, 1]",
        ),
        (
            edited(|f| f["activation"] = "relu".into()),
            "the weights use activation relu, this network uses tanh",
        ),
        (
            edited(|f| f["output"] = "linear".into()),
            "the weights use output linear, this network uses tanh",
        ),
        (
            edited(|f| {
                if let Some(layers) = f["layers"].as_array_mut() {
                    layers.pop();
                }
            }),
            "the weights list 2 layers; sizes [2, 8, 8, 1] need 3",
        ),
        (
            edited(|f| {
                if let Some(rows) = f["layers"][1]["weight"].as_array_mut() {
                    rows.pop();
                }
            }),
            "layer 1: weight has 7 rows, expected 8 (one per input)",
        ),
        (
            edited(|f| {
                if let Some(row) = f["layers"][2]["weight"][3].as_array_mut() {
                    row.push(0.5.into());
                }
            }),
            "layer 2: weight row 3 has 2 numbers, expected 1 (one per unit)",
        ),
        (
            edited(|f| f["layers"][0]["bias"] = serde_json::json!([0.0])),
            "layer 0: bias has 1 numbers, expected 8 (one per unit)",
        ),
        (
            edited(|f| f["layers"][0]["weight"][1][2] = "x".into()),
            "invalid type: string \"x\", expected f64",
        ),
        (
            edited(|f| f["layers"][0]["weight"][1][2] = Value::Null),
            "invalid type: null, expected f64",
        ),
    ];
    for (file, fragment) in cases {
        let mut s = session("numSamples=50&networkShape=8,8&activation=tanh");
        let before = weight_bits(&s);
        let error = s
            .import_weights(&file)
            .err()
            .map(|e| e.en)
            .unwrap_or_default();
        assert!(error.contains(fragment), "want {fragment:?}, got {error:?}");
        assert_eq!(weight_bits(&s), before, "a refused file changes nothing");
    }
}

#[test]
fn a_weight_too_large_for_f32_is_refused_as_out_of_range() {
    let file = edited(|f| f["layers"][0]["weight"][1][2] = 1e40.into());
    assert!(file.contains("1e40") || file.contains("1e+40"), "{file}");
    let mut s = session("numSamples=50&networkShape=8,8&activation=tanh");
    let error = s.import_weights(&file).err().unwrap_or_default();
    assert!(
        error
            .en
            .contains("layer 0: weight row 1 holds a number outside f32's range"),
        "{error}"
    );
    assert!(error.zh.contains("第 0 层"), "{}", error.zh);
}

#[test]
fn importing_weights_keeps_data_and_step_and_clears_a_divergence() {
    let link = "learningRate=10&activation=linear&problem=regression&numSamples=50";
    let good = session(link).export_weights();
    let mut s = session(link);
    s.train_steps(100);
    assert!(s.stopped().is_some());
    let (step, test) = (s.step(), s.test_set().inputs.clone());
    s.import_weights(&good).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.stopped(), None);
    assert_eq!(s.step(), step);
    assert_eq!(s.test_set().inputs, test);
}

proptest! {
    #[test]
    fn any_finite_weights_survive_export_and_import(
        bits in proptest::collection::vec(any::<u32>(), 2 * 3 + 3 + 3 + 1)
    ) {
        let mut s = session("numSamples=20&networkShape=3");
        let values: Vec<f32> = bits
            .iter()
            .map(|b| f32::from_bits(*b))
            .map(|v| if v.is_finite() { v } else { 1.5 })
            .collect();
        let sizes = [(2usize, 3usize), (3, 1)];
        let mut next = values.iter();
        for (layer, (inputs, units)) in sizes.into_iter().enumerate() {
            for from in 0..=inputs {
                for to in 0..units {
                    let value = *next.next().unwrap_or(&0.0);
                    prop_assert!(s.set_weight(layer, from, to, value));
                }
            }
        }
        let file = s.export_weights();
        let mut other = session("numSamples=20&networkShape=3");
        prop_assert_eq!(other.import_weights(&file), Ok(()));
        prop_assert_eq!(weight_bits(&other), weight_bits(&s));
    }
}

fn assert_same_points(read: &Split, s: &Session) {
    assert_eq!(point_bits(&read.train), point_bits(&s.train_set().points));
    assert_eq!(point_bits(&read.test), point_bits(&s.test_set().points));
}

#[test]
fn exported_data_reads_back_to_the_same_points_from_csv_and_json() {
    for link in [
        "numSamples=90&noise=30&userPoints=1,2,1;-3,0.5,0",
        "numSamples=90&problem=regression&regDataset=reg-gauss",
        "numSamples=90&dataset=gauss&classes=5",
    ] {
        let s = session(link);
        let csv = s.export_data_csv();
        assert!(csv.starts_with("x,y,label,split\n"), "{csv}");
        assert_eq!(csv.lines().count(), 1 + 90 + s.config().user_points.len());
        let read = parse_data(&csv).unwrap_or_else(|e| panic!("{link}: {e}"));
        assert_same_points(&read, &s);
        let read = parse_data(&s.export_data_json()).unwrap_or_else(|e| panic!("{link}: {e}"));
        assert_same_points(&read, &s);
    }
}

#[test]
fn the_data_json_holds_version_and_both_splits() {
    let s = session("numSamples=10");
    let file = json(&s.export_data_json());
    assert_eq!(file["version"], 1);
    assert_eq!(file["train"].as_array().map(Vec::len), Some(5));
    assert_eq!(file["test"].as_array().map(Vec::len), Some(5));
    assert_eq!(
        file["train"][0]["x"].as_f64().map(|x| x as f32),
        Some(s.train_set().points[0].x)
    );
}

#[test]
fn a_csv_without_a_split_column_is_all_training_points() {
    let read =
        parse_data("x,y,label\r\n1,2,1\r\n\r\n -3 , 0.5 , 0 \n").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.test, []);
    assert_eq!(
        read.train,
        [
            Point {
                x: 1.0,
                y: 2.0,
                label: 1.0
            },
            Point {
                x: -3.0,
                y: 0.5,
                label: 0.0
            }
        ]
    );
}

#[test]
fn imported_points_become_hand_added_points_of_a_link() {
    let source = session("numSamples=10&dataset=xor");
    let read = parse_data(&source.export_data_csv()).unwrap_or_else(|e| panic!("{e}"));
    let value = read
        .train
        .iter()
        .map(|p| format!("{},{},{}", p.x, p.y, p.label))
        .collect::<Vec<_>>()
        .join(";");
    let target = session(&format!("numSamples=10&dataset=circle&userPoints={value}"));
    assert_eq!(target.config().user_points, read.train);
    assert!(target.train_set().points.ends_with(&read.train));
}

#[test]
fn bad_data_files_are_refused_naming_the_line_and_the_problem() {
    let too_many = format!("x,y,label\n{}", "0,0,0\n".repeat(MAX_DATA_POINTS + 1));
    let row = "{\"x\":0,\"y\":0,\"label\":0}";
    let too_many_json = format!(
        "{{\"version\":1,\"train\":[{}],\"test\":[]}}",
        vec![row; MAX_DATA_POINTS + 1].join(",")
    );
    let cases: [(&str, &str); 14] = [
        ("", "the data CSV is empty"),
        ("a,b,c\n1,2,3", "line 1: the header must be x,y,label,split"),
        (
            "x,y,label,split\n1,2\n",
            "line 2: 2 fields where the header has 4",
        ),
        ("x,y,label,split\n1,2,0,train,9\n", "line 2: 5 fields"),
        (
            "x,y,label,split\n\n1,abc,0,test\n",
            "line 3: y must be a finite number, not abc",
        ),
        (
            "x,y,label,split\n1,2,inf,test\n",
            "line 2: label must be a finite number, not inf",
        ),
        (
            "x,y,label,split\nNaN,2,1,test\n",
            "line 2: x must be a finite number, not NaN",
        ),
        (
            "x,y,label,split\n1,2,1,validation\n",
            "line 2: split must be train or test, not validation",
        ),
        (&too_many, "the data holds more than 2200 points"),
        (
            &too_many_json,
            "the data holds 2201 points; at most 2200 are allowed",
        ),
        ("{", "the data JSON is not valid"),
        (
            "{\"version\":2,\"train\":[],\"test\":[]}",
            "data file version 2 is not supported",
        ),
        (
            "{\"version\":1,\"train\":[{\"x\":null,\"y\":0,\"label\":0}],\"test\":[]}",
            "invalid type: null",
        ),
        (
            "{\"version\":1,\"train\":[{\"x\":1e40,\"y\":0,\"label\":0}],\"test\":[]}",
            "train point 0: x is outside f32's range",
        ),
    ];
    for (text, fragment) in cases {
        let error = parse_data(text).err().map(|e| e.en).unwrap_or_default();
        assert!(error.contains(fragment), "want {fragment:?}, got {error:?}");
    }
}
