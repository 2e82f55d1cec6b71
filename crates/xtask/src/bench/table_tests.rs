//! Tests of table.rs on fixed figures: reading, peers live and fixed, ratios, target verdicts,
//! formatting, JSON; the fixtures the lab workloads' tests (table_lab_tests.rs) share.

use super::json::Json;
use super::reference::ROWS;
use super::table::{Measured, PeerFigure, Verdict, measure, number, ratio, render, rows_json};

/// A figure at every key of `items`.
pub(super) fn pairs(items: &[(&str, f64)]) -> Vec<(String, Json)> {
    items
        .iter()
        .map(|&(key, value)| (key.to_owned(), Json::Number(value)))
        .collect()
}

/// Native figures as `cargo bench -p playground` prints them.
pub(super) fn native() -> Vec<(String, Json)> {
    pairs(&[
        ("w1TrainStepsPerSecond", 200_000.0),
        ("w1GridPerSecond", 1_000.0),
        ("w1FrameMs", 0.6),
        ("w2TrainStepsPerSecond", 1_000.0),
        ("w2GridPerSecond", 40.0),
        ("w2GridMapsPerSecond", 35.0),
        ("c1TrainExamplesPerSecond", 40_000.0),
        ("c1InferImagesPerSecond", 100_000.0),
        ("s1RnnTokensPerSecond", 100_000.0),
        ("s1LstmTokensPerSecond", 50_000.0),
        ("s1GruTokensPerSecond", 60_000.0),
        ("e1PairsPerSecond", 1_000_000.0),
        ("a1TrainStepsPerSecond", 1_200.0),
        ("a1StepsTo99", 30.0),
        ("a1SecondsTo99", 0.05),
    ])
}

/// Browser figures as `node e2e/bench.mjs` prints them.
pub(super) fn browser() -> Vec<(String, Json)> {
    let mut figures = pairs(&[
        ("w1TrainStepsPerSecond", 600_000.0),
        ("w1GridPerSecond", 500.0),
        ("w1FrameMs", 1.2),
        ("w2TrainStepsPerSecond", 2_000.0),
        ("w2GridPerSecond", 50.0),
        ("w2GridMapsPerSecond", 30.0),
        ("c1TrainExamplesPerSecond", 30_000.0),
        ("c1InferImagesPerSecond", 80_000.0),
        ("c1InferBesideImagesPerSecond", 120_000.0),
        ("s1RnnTokensPerSecond", 90_000.0),
        ("s1LstmTokensPerSecond", 35_000.0),
        ("s1GruTokensPerSecond", 45_000.0),
        ("e1PairsPerSecond", 800_000.0),
        ("a1TrainStepsPerSecond", 800.0),
        ("a1StepsTo99", 30.0),
        ("a1SecondsTo99", 0.25),
        ("pageExamplesPerSecond", 1_000_000.0),
        ("pageFramesPerSecond", 54.9),
        ("pageNetworkDrawsPerSecond", 15.0),
        ("digitsPlayTo97Ms", 16_000.0),
        ("interactiveMs", 250.0),
        ("wasmBytes", 396_575.0),
        ("wasmGzipBytes", 156_560.0),
    ]);
    figures.push(("chromium".to_owned(), Json::String("156.0".to_owned())));
    figures
}

/// Live peers' figures as bench.rs gathers them: `set.key`, every set reporting our keys; for
/// C1, TF.js wasm cannot train (it prints `null`) and is also timed beside ours, ConvNetJS runs
/// C1 only and brain.js S1 only;
/// E1 and A1 run in TF.js alone, and TF.js wasm does not reach A1's 99% (`null` too).
pub(super) fn peers() -> Vec<(String, Json)> {
    let mut figures = Vec::new();
    for (set, speed) in [("numpy", 1.0), ("tfjs-cpu", 0.01), ("tfjs-wasm", 0.1)] {
        for (key, value) in [
            ("w1TrainStepsPerSecond", 30_000.0),
            ("w1GridPerSecond", 1_000.0),
            ("w2TrainStepsPerSecond", 2_500.0),
            ("w2GridPerSecond", 25.0),
            ("w2GridMapsPerSecond", 25.0),
        ] {
            figures.push((format!("{set}.{key}"), Json::Number(value * speed)));
        }
        figures.push((format!("{set}.w1FrameMs"), Json::Number(6.0 / speed)));
    }
    for (set, train, infer) in [
        ("tfjs-cpu", Json::Number(500.0), 10_000.0),
        ("tfjs-wasm", Json::Null, 100_000.0),
        ("convnetjs", Json::Number(2_000.0), 5_000.0),
    ] {
        figures.push((format!("{set}.c1TrainExamplesPerSecond"), train));
        figures.push((format!("{set}.c1InferImagesPerSecond"), Json::Number(infer)));
    }
    figures.push((
        "tfjs-wasm.c1InferBesideImagesPerSecond".to_owned(),
        Json::Number(100_000.0),
    ));
    for (set, rnn, lstm, gru) in [
        ("tfjs-cpu", 2_000.0, 1_500.0, 1_200.0),
        ("tfjs-wasm", 16_000.0, 7_500.0, 8_000.0),
        ("brainjs", 11_000.0, 5_000.0, 6_000.0),
    ] {
        for (cell, value) in [("Rnn", rnn), ("Lstm", lstm), ("Gru", gru)] {
            figures.push((
                format!("{set}.s1{cell}TokensPerSecond"),
                Json::Number(value),
            ));
        }
    }
    for (set, pairs) in [("tfjs-cpu", 4_000.0), ("tfjs-wasm", 20_000.0)] {
        figures.push((format!("{set}.e1PairsPerSecond"), Json::Number(pairs)));
    }
    for (set, rate, steps, seconds) in [
        ("tfjs-cpu", 20.0, Json::Number(40.0), Json::Number(3.0)),
        ("tfjs-wasm", 150.0, Json::Null, Json::Null),
    ] {
        figures.push((format!("{set}.a1TrainStepsPerSecond"), Json::Number(rate)));
        figures.push((format!("{set}.a1StepsTo99"), steps));
        figures.push((format!("{set}.a1SecondsTo99"), seconds));
    }
    figures.push((
        "numpy.openblasKernel".to_owned(),
        Json::String("Zen".to_owned()),
    ));
    figures
}

/// Every row measured from the fixtures.
pub(super) fn measured() -> Vec<Measured> {
    measure(&ROWS, &native(), &browser(), &peers()).unwrap_or_else(|error| panic!("{error}"))
}

/// The row labelled `label`, measured from the fixtures.
pub(super) fn row(label: &str) -> Measured {
    measured()
        .into_iter()
        .find(|row| row.row.label == label)
        .unwrap_or_else(|| panic!("no row {label}"))
}

/// The verdict of `target` on the row labelled `label`.
pub(super) fn verdict(label: &str, target: &str) -> Verdict {
    row(label)
        .verdicts()
        .into_iter()
        .find(|verdict| verdict.target == target)
        .unwrap_or_else(|| panic!("no target {target} on {label}"))
}

#[test]
fn figures_are_scaled_into_examples_and_points() {
    let w1 = row("W1 training, examples/s");
    assert_eq!((w1.native, w1.wasm), (Some(2_000_000.0), Some(6_000_000.0)));
    let grid = row("W1 100x100 grid, all neurons, points/s");
    assert_eq!(grid.wasm, Some(5_000_000.0));
    let maps = row("W2 200x200 grid, all neurons, points/s");
    assert_eq!(
        (maps.native, maps.wasm),
        (Some(1_400_000.0), Some(1_200_000.0))
    );
    let outputs = row("W2 200x200 grid, outputs, points/s");
    assert_eq!(
        (outputs.native, outputs.wasm),
        (Some(1_600_000.0), Some(2_000_000.0))
    );
}

#[test]
fn a_missing_or_non_positive_figure_is_an_error_naming_its_key() {
    let mut broken = browser();
    broken.retain(|(key, _)| key != "interactiveMs");
    let error = measure(&ROWS, &native(), &broken, &peers())
        .err()
        .unwrap_or_default();
    assert!(error.contains("`interactiveMs`"), "{error}");

    let mut zero = native();
    zero[0].1 = Json::Number(0.0);
    let error = measure(&ROWS, &zero, &browser(), &peers())
        .err()
        .unwrap_or_default();
    assert!(error.contains("`w1TrainStepsPerSecond` = 0"), "{error}");

    let mut null = browser();
    null[2].1 = Json::Null;
    let error = measure(&ROWS, &native(), &null, &peers())
        .err()
        .unwrap_or_default();
    assert!(error.contains("`w1FrameMs` = null"), "{error}");
}

#[test]
fn a_live_peer_that_ran_must_report_every_figure() {
    let mut broken = peers();
    broken.retain(|(key, _)| key != "tfjs-wasm.w2GridPerSecond");
    let error = measure(&ROWS, &native(), &browser(), &broken)
        .err()
        .unwrap_or_default();
    assert!(
        error.contains("TF.js wasm printed no `tfjs-wasm.w2GridPerSecond`"),
        "{error}"
    );
}

#[test]
fn live_peer_targets_use_speed_ratios_in_this_run() {
    // wasm 2,000 W2 steps/s against NumPy's 2,500 in the same run: 0.8x, a miss.
    let w2 = verdict("W2 training, steps/s", "wasm >= NumPy");
    assert!(
        w2.pass == Some(false) && (w2.value - 0.8).abs() < 1e-12,
        "{w2:?}"
    );
    // 2 M points/s against NumPy's 25 grids of 40,000 points: 2x, a pass.
    let grid = verdict("W2 200x200 grid, outputs, points/s", "wasm >= NumPy");
    assert!(grid.pass == Some(true) && grid.value == 2.0, "{grid:?}");
    // Times: 1.2 ms against NumPy's 6 ms per frame is a speed ratio of 5.
    let frame = verdict("W1 frame (epoch + grid), ms", "wasm >= NumPy");
    assert!(frame.pass == Some(true) && frame.value == 5.0, "{frame:?}");
    let w1 = row("W1 training, examples/s");
    // NumPy, TF.js cpu and wasm, then fixed references: 260 k nn.ts on the EPYC.
    assert_eq!(
        &w1.peers[..4],
        &[300_000.0, 3_000.0, 30_000.0, 260_000.0].map(PeerFigure::Value)
    );
}

#[test]
fn a_skipped_live_peer_leaves_its_targets_undecided_and_fixed_peers_shown() {
    let mut without_numpy = peers();
    without_numpy.retain(|(key, _)| !key.starts_with("numpy."));
    let measured = measure(&ROWS, &native(), &browser(), &without_numpy)
        .unwrap_or_else(|error| panic!("{error}"));
    let w2 = measured
        .iter()
        .find(|row| row.row.label == "W2 training, steps/s")
        .unwrap_or_else(|| panic!("no W2 row"));
    assert_eq!(
        w2.peers,
        [
            PeerFigure::Skipped,
            PeerFigure::Value(25.0),
            PeerFigure::Value(250.0),
            PeerFigure::Value(736.0)
        ]
    );
    let verdict = &w2.verdicts()[0];
    assert!(
        verdict.pass.is_none() && verdict.value.is_nan(),
        "{verdict:?}"
    );
    let text = render(&measured, "heading");
    assert!(
        text.contains("undecided: their live peer was skipped"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|line| line.contains("NumPy") && line.contains("skipped")),
        "{text}"
    );
}

#[test]
fn absolute_targets_compare_the_wasm_figure() {
    let frame = verdict("W1 frame (epoch + grid), ms", "< 1 ms");
    assert!(frame.pass == Some(false) && frame.value == 1.2, "{frame:?}");
    let fps = verdict("page, frames/s while playing", ">= 55 frames/s");
    assert_eq!(fps.pass, Some(false));
    assert_eq!(
        verdict("page, time to interactive, ms", "< 300 ms").pass,
        Some(true)
    );
    let digits = verdict("digits page, play to 97% test accuracy, ms", "< 15 s");
    assert!(
        digits.pass == Some(false) && digits.value == 16_000.0,
        "{digits:?}"
    );
    let size = verdict("release .wasm, bytes", "< 250 KB (250,000 B)");
    assert_eq!(size.pass, Some(false));
}

#[test]
fn near_native_allows_wasm_one_and_a_half_times_slower_either_way_round() {
    // Rates: 6 M over 2 M examples/s; 1.2 M over 1.6 M points/s (0.75 >= 1/1.5).
    let train = verdict("W1 training, examples/s", "wasm >= native / 1.5");
    assert!(train.pass == Some(true) && train.value == 3.0, "{train:?}");
    let maps = verdict(
        "W2 200x200 grid, all neurons, points/s",
        "wasm >= native / 1.5",
    );
    assert_eq!(maps.pass, Some(true));
    // 5 M over 10 M points/s is 0.5: a miss.
    let grid = verdict(
        "W1 100x100 grid, all neurons, points/s",
        "wasm >= native / 1.5",
    );
    assert_eq!(grid.pass, Some(false));
    // Times: 0.6 ms native, 1.2 ms wasm is a speed ratio of 0.5: a miss.
    let frame = verdict("W1 frame (epoch + grid), ms", "wasm >= native / 1.5");
    assert!(frame.pass == Some(false) && frame.value == 0.5, "{frame:?}");
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
    // The first row's first line: native, GF/s, wasm, GF/s, wasm/native, live NumPy, target.
    let words = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        words(lines[3]),
        "W1 training, examples/s 2.00 M 1.17 6.00 M 3.52 3.00x NumPy live 300 k 20.0x \
         wasm >= NumPy pass"
    );
    assert_eq!(
        words(lines[4]),
        "TF.js cpu live 3,000 2000x wasm >= native / 1.5 pass"
    );
    // Fixed references name their machine.
    assert_eq!(words(lines[6]), "nn.ts EPYC Zen 3 260 k 23.1x");
    assert_eq!(words(lines[7]), "nn.ts Xeon AVX-512 626 k 9.59x");
    // Later lines of a row line up under the headers.
    for (column, cell) in [("peer", "NumPy"), ("from", "live"), ("target", "wasm >=")] {
        assert_eq!(lines[1].find(column), lines[3].find(cell), "{column}");
    }
    assert_eq!(lines[1].find("peer"), lines[4].find("TF.js cpu"));
    assert_eq!(lines[1].find("from"), lines[6].find("EPYC"));
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
    // Met: W1 training 2 of 2, W1 grid 0 of 2 (wasm 5 M < NumPy 10 M), frame 1 of 3, W2
    // training 1 of 2, W2 outputs 2 of 2, W2 maps 2 of 2, C1 training 1 of 2, C1 inference
    // beside TF.js wasm 0 of 1, S1 RNN 2 of 2, S1 LSTM 1 of 2, S1 GRU 2 of 2, E1 0 of 1, A1
    // training 1 of 1, frames 0 of 1, digits play 0 of 1, interactive 1 of 1, size 0 of 1;
    // fixed peers decide nothing.
    assert!(text.contains("targets met: 16 of 28"), "{text}");
    assert!(!text.contains("undecided"), "{text}");
    assert!(
        text.contains("PyTorch    fixed: PyTorch 2.15, CPU, float32, 1 thread"),
        "{text}"
    );
    assert!(text.contains("EPYC Zen 3   AMD EPYC Zen 3"), "{text}");
}

#[test]
fn rows_json_carries_figures_peers_ratios_and_verdicts() {
    let json = rows_json(&measured()).to_string();
    assert!(
        json.starts_with(
            "[{\"figure\":\"W1 training, examples/s\",\"native\":2000000,\"wasm\":6000000,\
             \"wasmOverNative\":3,\"nativeGflops\":1.172,\"wasmGflops\":3.516,\
             \"peers\":[{\"name\":\"NumPy\",\"value\":300000,\"status\":\"measured\",\
             \"kind\":\"live\",\"machine\":\"this machine\",\"wasmOverPeer\":20},"
        ),
        "{json}"
    );
    assert!(json.contains(
        "{\"name\":\"nn.ts\",\"value\":260000,\"status\":\"measured\",\"kind\":\"fixed\",\
         \"machine\":\"EPYC Zen 3\","
    ));
    assert!(json.contains(
        "{\"name\":\"TF.js wasm\",\"value\":null,\"status\":\"cannot\",\"kind\":\"live\",\
         \"machine\":\"this machine\",\"wasmOverPeer\":null}"
    ));
    assert!(json.contains("{\"target\":\"< 300 ms\",\"value\":250,\"pass\":true}"));
    assert!(json.contains("\"native\":1600000,\"wasm\":2000000,\"wasmOverNative\":1.25"));
}

#[test]
fn a_live_peer_printing_null_cannot_do_the_work_and_is_shown_so() {
    let train = row("C1 training, examples/s");
    assert_eq!(
        train.peers,
        [
            PeerFigure::Value(500.0),
            PeerFigure::Cannot,
            PeerFigure::Value(2_000.0)
        ]
    );
    assert_eq!(train.over_peers(), [Some(60.0), None, Some(15.0)]);
    let text = render(&measured(), "heading");
    assert!(
        text.lines()
            .any(|line| line.contains("TF.js wasm") && line.contains("cannot")),
        "{text}"
    );
    // A peer that printed neither a number nor null is still an error.
    let mut broken = peers();
    broken.retain(|(key, _)| key != "convnetjs.c1InferImagesPerSecond");
    let error = measure(&ROWS, &native(), &browser(), &broken)
        .err()
        .unwrap_or_default();
    assert!(
        error.contains("ConvNetJS printed no `convnetjs.c1InferImagesPerSecond`"),
        "{error}"
    );
}
