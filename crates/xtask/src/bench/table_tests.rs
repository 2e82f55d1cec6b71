//! Tests of table.rs on fixed figures: reading, peers live and fixed, ratios, target verdicts,
//! formatting, JSON.

use super::json::Json;
use super::reference::ROWS;
use super::table::{Measured, PeerFigure, Verdict, measure, number, ratio, render, rows_json};

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
        ("c1TrainExamplesPerSecond", 40_000.0),
        ("c1InferImagesPerSecond", 100_000.0),
        ("s1RnnTokensPerSecond", 100_000.0),
        ("s1LstmTokensPerSecond", 50_000.0),
        ("s1GruTokensPerSecond", 60_000.0),
        ("e1PairsPerSecond", 1_000_000.0),
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
        ("c1TrainExamplesPerSecond", 30_000.0),
        ("c1InferImagesPerSecond", 80_000.0),
        ("s1RnnTokensPerSecond", 90_000.0),
        ("s1LstmTokensPerSecond", 35_000.0),
        ("s1GruTokensPerSecond", 45_000.0),
        ("e1PairsPerSecond", 800_000.0),
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
/// C1, TF.js wasm cannot train (it prints `null`), ConvNetJS runs C1 only and brain.js S1 only;
/// E1 runs in TF.js alone.
fn peers() -> Vec<(String, Json)> {
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
    figures.push((
        "numpy.openblasKernel".to_owned(),
        Json::String("Zen".to_owned()),
    ));
    figures
}

fn measured() -> Vec<Measured> {
    measure(&ROWS, &native(), &browser(), &peers()).unwrap_or_else(|error| panic!("{error}"))
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
    // 0 of 1, S1 RNN 2 of 2, S1 LSTM 1 of 2, S1 GRU 2 of 2, E1 0 of 1, frames 0 of 1, digits
    // play 0 of 1, interactive 1 of 1, size 0 of 1; fixed peers decide nothing.
    assert!(text.contains("targets met: 15 of 27"), "{text}");
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
fn c1_targets_are_speed_ratios_of_at_least_a_factor() {
    // 30,000 examples/s against ConvNetJS's 2,000: 15x, short of 20x.
    let convnet = verdict("C1 training, examples/s", "wasm >= 20x ConvNetJS");
    assert!(
        convnet.pass == Some(false) && convnet.value == 15.0,
        "{convnet:?}"
    );
    // Against TF.js cpu's 500: 60x, at least 50x.
    let cpu = verdict("C1 training, examples/s", "wasm >= 50x TF.js cpu");
    assert!(cpu.pass == Some(true) && cpu.value == 60.0, "{cpu:?}");
    // 80,000 images/s against TF.js wasm's 100,000: 0.8x, short of 1.5x.
    let infer = verdict(
        "C1 inference, test set, images/s",
        "wasm >= 1.5x TF.js wasm",
    );
    assert!(
        infer.pass == Some(false) && (infer.value - 0.8).abs() < 1e-12,
        "{infer:?}"
    );
}

#[test]
fn s1_targets_are_5x_tfjs_wasm_and_5x_brainjs_for_every_cell() {
    // LSTM: 35,000 tokens/s against TF.js wasm's 7,500 is 4.67x, short of 5x; against
    // brain.js's 5,000, 7x.
    let wasm = verdict("S1 LSTM training, tokens/s", "wasm >= 5x TF.js wasm");
    assert!(
        wasm.pass == Some(false) && (wasm.value - 35.0 / 7.5).abs() < 1e-12,
        "{wasm:?}"
    );
    let brain = verdict("S1 LSTM training, tokens/s", "wasm >= 5x brain.js");
    assert!(brain.pass == Some(true) && brain.value == 7.0, "{brain:?}");
    // GRU: 45,000 against 8,000 (5.625x) and 6,000 (7.5x).
    let gru = verdict("S1 GRU training, tokens/s", "wasm >= 5x TF.js wasm");
    assert!(gru.pass == Some(true) && gru.value == 5.625, "{gru:?}");
    let rnn = row("S1 RNN training, tokens/s");
    assert_eq!((rnn.native, rnn.wasm), (Some(100_000.0), 90_000.0));
    assert_eq!(
        rnn.peers,
        [
            PeerFigure::Value(2_000.0),
            PeerFigure::Value(16_000.0),
            PeerFigure::Value(11_000.0)
        ]
    );
}

#[test]
fn e1_target_is_50x_tfjs_wasm_and_the_tfjs_cpu_ratio_is_shown() {
    // 800,000 pairs/s against TF.js wasm's 20,000 is 40x, short of 50x.
    let wasm = verdict("E1 SGNS training, pairs/s", "wasm >= 50x TF.js wasm");
    assert!(wasm.pass == Some(false) && wasm.value == 40.0, "{wasm:?}");
    let e1 = row("E1 SGNS training, pairs/s");
    assert_eq!((e1.native, e1.wasm), (Some(1_000_000.0), 800_000.0));
    // TF.js cpu, then TF.js wasm: the cpu ratio (200x) is shown, deciding nothing.
    assert_eq!(
        e1.peers,
        [PeerFigure::Value(4_000.0), PeerFigure::Value(20_000.0)]
    );
    assert_eq!(e1.over_peers(), [Some(200.0), Some(40.0)]);
    assert_eq!(e1.verdicts().len(), 1);
    let text = render(&measured(), "heading");
    assert!(
        text.lines()
            .any(|line| line.starts_with("E1 SGNS training, pairs/s")
                && line.contains("TF.js cpu")
                && line.contains("200x")),
        "{text}"
    );
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
