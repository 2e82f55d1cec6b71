//! The `playground` binary end to end: it reproduces a link's numbers exactly
//! (twice in a row, and equal to the engine's), refuses a bad link with exit
//! status 2 naming the key, and writes weights and data that read back.

use std::path::PathBuf;
use std::process::{Command, Output};

use playground::session::parse_data;
use playground::{Config, Session};
use serde_json::Value;

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_playground"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run playground: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json_lines(output: &Output) -> Vec<Value> {
    text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn session(link: &str) -> Session {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    Session::new(config).unwrap_or_else(|e| panic!("{link}: {e}"))
}

/// A fresh path in the test's scratch directory.
fn scratch(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_file(&path);
    path
}

fn number(line: &Value, key: &str) -> f32 {
    line[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} missing in {line}")) as f32
}

const LINK: &str = "https://example.org/playground/#numSamples=120&dropout=0.2\
&augmentNoise=0.1&optimizer=adam&learningRate=0.01&networkShape=6,4";

#[test]
fn the_cli_reproduces_a_links_numbers_exactly_twice_in_a_row() {
    let first = cli(&["--steps", "60", "--every", "20", LINK]);
    let second = cli(&["--steps", "60", "--every", "20", LINK]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert_eq!(first.stdout, second.stdout);

    let lines = json_lines(&first);
    let kinds: Vec<&str> = lines.iter().filter_map(|l| l["kind"].as_str()).collect();
    assert_eq!(kinds, ["metrics", "metrics", "metrics", "summary"]);
    let steps: Vec<u64> = lines.iter().filter_map(|l| l["step"].as_u64()).collect();
    assert_eq!(steps, [20, 40, 60, 60]);

    let mut engine = session(LINK);
    engine.train_steps(60);
    let m = engine.metrics();
    let summary = &lines[3];
    assert_eq!(summary["epoch"].as_u64(), Some(m.epoch));
    for (key, value) in [
        ("trainLoss", m.evaluation.train_loss),
        ("testLoss", m.evaluation.test_loss),
        (
            "trainAccuracy",
            m.evaluation.train_accuracy.unwrap_or(f32::NAN),
        ),
        (
            "testAccuracy",
            m.evaluation.test_accuracy.unwrap_or(f32::NAN),
        ),
        ("batchLoss", m.batch_loss),
        ("learningRate", m.learning_rate),
    ] {
        assert_eq!(number(summary, key).to_bits(), value.to_bits(), "{key}");
    }
    let norms: Vec<f32> = summary["gradNorms"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_f64)
                .map(|v| v as f32)
                .collect()
        })
        .unwrap_or_default();
    let expected: Vec<f32> = m.layers.iter().map(|l| l.grad_norm).collect();
    assert_eq!(norms, expected);
    assert_eq!(summary["stop"], Value::Null);
}

#[test]
fn a_bad_link_exits_2_with_one_line_per_error_naming_the_key() {
    let output = cli(&["learningRate=abc&networkShape=100000&cosX=true"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = text(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "warning: cosX: is not a setting of this playground and was ignored",
            "learningRate=abc: Learning rate must be a number in (0, 10]",
            "networkShape=100000: Hidden layers must be up to 8 comma-separated whole numbers from 1 to 128",
        ]
    );
}

#[test]
fn a_rule_across_settings_is_refused_like_the_page_does() {
    let output = cli(&["problem=regression&loss=crossEntropy"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr).trim_end(),
        "loss=crossEntropy: cross-entropy needs classes; regression uses mse"
    );
}

#[test]
fn warnings_go_to_stderr_and_training_goes_on() {
    let output = cli(&["--steps", "3", "--every", "0", "cosX=true&numSamples=20"]);
    assert!(output.status.success());
    assert!(text(&output.stderr).starts_with("warning: cosX"));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["kind"], "summary");
    assert_eq!(lines[0]["step"], 3);
}

#[test]
fn bad_options_exit_2_and_help_exits_0() {
    for args in [
        &["--steps", "x", "a=1"][..],
        &[][..],
        &["--nope", "a=1"][..],
    ] {
        let output = cli(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            text(&output.stderr).contains("playground --help"),
            "{args:?}"
        );
    }
    let help = cli(&["--help"]);
    assert!(help.status.success());
    assert!(
        text(&help.stdout).contains("or 1000 epochs (50 with lab=digits, 30 with lab=sequence),")
    );
    assert!(text(&help.stdout).contains("to the end of epoch N when the link has pauseAt=N"));
}

#[test]
fn exported_weights_import_back_and_give_the_cli_s_numbers() {
    let link = "numSamples=80&networkShape=5&activation=relu&optimizer=adam&learningRate=0.02";
    let path = scratch("weights.json");
    let path_text = path.to_string_lossy().into_owned();
    let output = cli(&["--epochs", "3", "--export", &path_text, link]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let weights = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));

    let mut fresh = session(link);
    fresh
        .import_weights(&weights)
        .unwrap_or_else(|e| panic!("{e}"));
    let lines = json_lines(&output);
    let summary = lines.last().unwrap_or(&Value::Null);
    assert_eq!(summary["epoch"], 3);
    let e = fresh.evaluate();
    assert_eq!(number(summary, "testLoss").to_bits(), e.test_loss.to_bits());
    assert_eq!(
        number(summary, "trainLoss").to_bits(),
        e.train_loss.to_bits()
    );
}

#[test]
fn data_is_written_as_csv_or_json_and_reads_back() {
    let link = "numSamples=40&percTrainData=60";
    for name in ["data.csv", "data.json"] {
        let path = scratch(name);
        let path_text = path.to_string_lossy().into_owned();
        let output = cli(&["--steps", "1", "--data", &path_text, link]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let written = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(written.starts_with('{'), name.ends_with(".json"), "{name}");
        let split = parse_data(&written).unwrap_or_else(|e| panic!("{name}: {e}"));
        let s = session(link);
        assert_eq!(split.train, s.train_set().points, "{name}");
        assert_eq!(split.test, s.test_set().points, "{name}");
    }
}

#[test]
fn without_a_length_training_runs_until_early_stopping() {
    let link = "dataset=gauss&noise=50&numSamples=200&percTrainData=10\
                &networkShape=16,16&optimizer=adam&learningRate=0.03&patience=3";
    let output = cli(&["--every", "0", link]);
    assert!(output.status.success());
    let lines = json_lines(&output);
    let summary = lines.last().unwrap_or(&Value::Null);
    assert_eq!(summary["stop"], "earlyStopped");
    let message = summary["message"].as_str().unwrap_or_default();
    assert!(message.starts_with("Early stopping at epoch"), "{message}");
    assert!(summary["bestEpoch"].as_u64().is_some());
}

#[test]
fn a_link_that_pauses_at_an_epoch_trains_to_its_end_unless_told_a_length() {
    let link = "pauseAt=7&networkShape=4";
    let paused = cli(&["--every", "0", link]);
    assert!(paused.status.success(), "{}", text(&paused.stderr));
    let lines = json_lines(&paused);
    let summary = lines.last().unwrap_or(&Value::Null);
    assert_eq!(summary["epoch"].as_u64(), Some(7), "{summary}");
    assert_eq!(summary["stop"], Value::Null);
    // The same epoch budget as the page's pause, bit for bit.
    let mut engine = session(link);
    engine.train_epochs(7);
    assert_eq!(
        number(summary, "trainLoss"),
        engine.metrics().evaluation.train_loss
    );

    let told = cli(&["--every", "0", "--epochs", "3", link]);
    let lines = json_lines(&told);
    assert_eq!(
        lines.last().unwrap_or(&Value::Null)["epoch"].as_u64(),
        Some(3)
    );
    let stepped = cli(&["--every", "0", "--steps", "30", link]);
    let lines = json_lines(&stepped);
    assert_eq!(
        lines.last().unwrap_or(&Value::Null)["step"].as_u64(),
        Some(30)
    );
}

#[test]
fn a_diverging_link_reports_it_in_the_summary() {
    let output = cli(&[
        "--every",
        "0",
        "learningRate=10&activation=linear&problem=regression",
    ]);
    assert!(output.status.success());
    let lines = json_lines(&output);
    let summary = lines.last().unwrap_or(&Value::Null);
    assert_eq!(summary["stop"], "diverged");
    let message = summary["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("try a learning rate below 10"),
        "{message}"
    );
    assert_eq!(summary["cause"], "learningRate");
    assert!(summary.get("divergedLoss").is_some(), "{summary}");
}

#[test]
fn the_exploding_gradients_lessons_name_their_causes_and_keep_the_loss_reached() {
    for (link, cause) in [
        (
            "problem=regression&networkShape=8,8,8,8,8,8&initScale=2",
            "initScale",
        ),
        (
            "problem=regression&networkShape=8,8,8,8,8,8&activation=tanh&learningRate=2",
            "learningRate",
        ),
    ] {
        let output = cli(&["--every", "0", "--steps", "200", link]);
        let lines = json_lines(&output);
        let summary = lines.last().unwrap_or(&Value::Null);
        assert_eq!(summary["stop"], "diverged", "{link}");
        assert_eq!(summary["cause"], cause, "{link}");
        let reached = summary["divergedLoss"].as_f64();
        assert!(reached.is_none_or(|loss| loss > 1e10), "{link}: {summary}");
    }
    let calm = json_lines(&cli(&["--every", "0", "--steps", "5", "v=1"]));
    let summary = calm.last().unwrap_or(&Value::Null);
    assert_eq!(summary["cause"], Value::Null);
    assert_eq!(summary["divergedLoss"], Value::Null);
}
