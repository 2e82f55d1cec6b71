//! Tests of table.rs on fixed figures: reading, ratios, target verdicts, formatting, JSON.

use super::json::Json;
use super::reference::ROWS;
use super::table::{Measured, Verdict, measure, number, ratio, render, rows_json};

fn pairs(items: &[(&str, f64)]) -> Vec<(String, Json)> {
    items
        .iter()
        .map(|&(key, value)| (key.to_owned(), Json::Number(value)))
        .collect()
}

/// Native figures as `cargo bench -p playground` prints them.
fn native() -> Vec<(String, Json)> {
    pairs(&[
        ("w1TrainStepsPerSecond", 200_000.0),
        ("w1GridPerSecond", 1_000.0),
        ("w1FrameMs", 0.6),
        ("w2TrainStepsPerSecond", 1_000.0),
        ("w2GridPerSecond", 40.0),
        ("w2GridMapsPerSecond", 35.0),
    ])
}

/// Browser figures as `node e2e/bench.mjs` prints them.
fn browser() -> Vec<(String, Json)> {
    let mut figures = pairs(&[
        ("w1TrainStepsPerSecond", 600_000.0),
        ("w1GridPerSecond", 500.0),
        ("w1FrameMs", 1.2),
        ("w2TrainStepsPerSecond", 2_000.0),
        ("w2GridPerSecond", 50.0),
        ("w2GridMapsPerSecond", 30.0),
        ("pageExamplesPerSecond", 1_000_000.0),
        ("pageFramesPerSecond", 54.9),
        ("pageNetworkDrawsPerSecond", 15.0),
        ("interactiveMs", 250.0),
        ("wasmBytes", 396_575.0),
        ("wasmGzipBytes", 156_560.0),
    ]);
    figures.push(("chromium".to_owned(), Json::String("156.0".to_owned())));
    figures
}

fn measured() -> Vec<Measured> {
    measure(&ROWS, &native(), &browser()).unwrap_or_else(|error| panic!("{error}"))
}

fn row(label: &str) -> Measured {
    measured()
        .into_iter()
        .find(|row| row.row.label == label)
        .unwrap_or_else(|| panic!("no row {label}"))
}

fn verdict(label: &str, target: &str) -> Verdict {
    row(label)
        .verdicts()
        .into_iter()
        .find(|verdict| verdict.target == target)
        .unwrap_or_else(|| panic!("no target {target} on {label}"))
}

#[test]
fn figures_are_scaled_into_examples_and_points() {
    let w1 = row("W1 training, examples/s");
    assert_eq!((w1.native, w1.wasm), (Some(2_000_000.0), 6_000_000.0));
    let grid = row("W1 100x100 grid, all neurons, points/s");
    assert_eq!(grid.wasm, 5_000_000.0);
    let maps = row("W2 200x200 grid, all neurons, points/s");
    assert_eq!((maps.native, maps.wasm), (Some(1_400_000.0), 1_200_000.0));
    let outputs = row("W2 200x200 grid, outputs, points/s");
    assert_eq!(
        (outputs.native, outputs.wasm),
        (Some(1_600_000.0), 2_000_000.0)
    );
}

#[test]
fn a_missing_or_non_positive_figure_is_an_error_naming_its_key() {
    let mut broken = browser();
    broken.retain(|(key, _)| key != "interactiveMs");
    let error = measure(&ROWS, &native(), &broken).err().unwrap_or_default();
    assert!(error.contains("`interactiveMs`"), "{error}");

    let mut zero = native();
    zero[0].1 = Json::Number(0.0);
    let error = measure(&ROWS, &zero, &browser()).err().unwrap_or_default();
    assert!(error.contains("`w1TrainStepsPerSecond` = 0"), "{error}");

    let mut null = browser();
    null[2].1 = Json::Null;
    let error = measure(&ROWS, &native(), &null).err().unwrap_or_default();
    assert!(error.contains("`w1FrameMs` = null"), "{error}");
}

#[test]
fn reference_targets_use_speed_ratios() {
    // 6 M examples/s over nn.ts's 260,000 is 23.1x: at least 20x.
    let w1 = verdict("W1 training, examples/s", ">= 20x nn.ts");
    assert!(w1.pass && (w1.value - 6e6 / 260e3).abs() < 1e-9, "{w1:?}");
    // 2 M points/s is faster than PyTorch's 1.56 M.
    assert!(verdict("W2 200x200 grid, outputs, points/s", "> PyTorch").pass);
    // 1 M examples/s is 192x the TFP page's 5,200: past 100x.
    assert!(verdict("page, W1 at max speed, examples/s", ">= 100x TFP page").pass);
}

#[test]
fn absolute_targets_compare_the_wasm_figure() {
    let frame = verdict("W1 frame (epoch + grid), ms", "< 1 ms");
    assert!(!frame.pass && frame.value == 1.2, "{frame:?}");
    assert!(!verdict("page, frames/s while playing", ">= 55 frames/s").pass);
    assert!(verdict("page, time to interactive, ms", "< 300 ms").pass);
    assert!(!verdict("release .wasm, bytes", "< 250 KB (250,000 B)").pass);
}

#[test]
fn near_native_allows_wasm_one_and_a_half_times_slower_either_way_round() {
    // Rates: 6 M over 2 M examples/s; 1.2 M over 1.6 M points/s (0.75 >= 1/1.5).
    let train = verdict("W1 training, examples/s", "wasm >= native / 1.5");
    assert!(train.pass && train.value == 3.0, "{train:?}");
    assert!(
        verdict(
            "W2 200x200 grid, all neurons, points/s",
            "wasm >= native / 1.5"
        )
        .pass
    );
    // 5 M over 10 M points/s is 0.5: a miss.
    assert!(
        !verdict(
            "W1 100x100 grid, all neurons, points/s",
            "wasm >= native / 1.5"
        )
        .pass
    );
    // Times: 0.6 ms native, 1.2 ms wasm is a speed ratio of 0.5: a miss.
    let frame = verdict("W1 frame (epoch + grid), ms", "wasm >= native / 1.5");
    assert!(!frame.pass && frame.value == 0.5, "{frame:?}");
}

#[test]
fn numbers_keep_three_significant_digits() {
    let shown: Vec<String> = [
        0.6844,
        20.83,
        589.3,
        5_200.0,
        13_800.0,
        396_575.0,
        1_560_000.0,
        2.5e9,
    ]
    .into_iter()
    .map(number)
    .collect();
    assert_eq!(
        shown,
        [
            "0.684", "20.8", "589", "5,200", "13.8 k", "397 k", "1.56 M", "2.50 G"
        ]
    );
    assert_eq!(
        [0.5, 23.077, 192.3].map(ratio),
        ["0.50x", "23.1x", "192x"].map(str::to_owned)
    );
}

#[test]
fn the_table_has_a_block_per_row_and_counts_targets() {
    let text = render(&measured(), "heading");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "heading");
    assert!(lines[1].starts_with("figure") && lines[1].ends_with("result"));
    // The first row's first line: native, GF/s, wasm, GF/s, wasm/native, nn.ts and its target.
    let words = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        words(lines[3]),
        "W1 training, examples/s 2.00 M 1.17 6.00 M 3.52 3.00x nn.ts 260 k 23.1x >= 20x nn.ts pass"
    );
    assert_eq!(
        words(lines[4]),
        "TFP page 5,200 1154x wasm >= native / 1.5 pass"
    );
    // Later lines of a row line up under the headers.
    for column in ["reference", "target"] {
        assert_eq!(
            lines[1].find(column),
            lines[3].find(if column == "target" { ">=" } else { "nn.ts" })
        );
    }
    assert_eq!(lines[1].find("reference"), lines[4].find("TFP page"));
    assert_eq!(
        lines[1].find("result").map(|at| at + 2),
        lines[4].find("pass")
    );
    for row in &ROWS {
        assert_eq!(
            lines
                .iter()
                .filter(|line| line.starts_with(row.label))
                .count(),
            1,
            "{}",
            row.label
        );
    }
    // Met: W1 training 2 of 2, W1 grid 0 of 1, frame 0 of 2, W2 training 2 of 2, W2 outputs
    // 2 of 2, W2 maps 1 of 1, page examples 1 of 1, frames 0 of 1, interactive 1 of 1, size 0 of 1.
    assert!(text.contains("targets met: 9 of 14"), "{text}");
    assert!(
        text.contains("PyTorch   PyTorch 2.15, CPU, float32, 1 thread"),
        "{text}"
    );
}

#[test]
fn rows_json_carries_figures_ratios_and_verdicts() {
    let json = rows_json(&measured()).to_string();
    assert!(
        json.starts_with(
            "[{\"figure\":\"W1 training, examples/s\",\"native\":2000000,\"wasm\":6000000,\
             \"wasmOverNative\":3,\"nativeGflops\":1.172,\"wasmGflops\":3.516,\
             \"references\":[{\"name\":\"nn.ts\",\"value\":260000,"
        ),
        "{json}"
    );
    assert!(json.contains("{\"target\":\"< 300 ms\",\"value\":250,\"pass\":true}"));
    assert!(json.contains("\"native\":1600000,\"wasm\":2000000,\"wasmOverNative\":1.25"));
}
