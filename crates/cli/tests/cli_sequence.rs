//! `playground 'lab=sequence&…'` end to end: one metrics line per epoch of 100
//! updates, the same numbers twice in a row, and a summary with the baseline
//! (the unigram cross-entropy for text, the MSE of answering 1.0 for adding),
//! the perplexity and the per-step gradient norms.

mod common;

use common::{cli, json_lines, number};

#[test]
fn a_text_link_trains_headless_twice_alike_and_reports_its_baseline() {
    let link = "lab=sequence&hidden=16&length=10";
    let first = cli(&["--steps", "300", link]);
    let second = cli(&["--steps", "300", link]);
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
    assert_eq!(summary["gradNorms"].as_array().map(Vec::len), Some(3));
    let (test, baseline) = (number(summary, "testLoss"), number(summary, "baselineLoss"));
    assert!(
        test < baseline && baseline > 3.0,
        "{test} against {baseline}"
    );
    let perplexity = number(summary, "perplexity");
    assert!((perplexity - test.exp()).abs() < 1e-3 * perplexity);
    assert!(number(summary, "testAccuracy") > 0.2);
    assert_eq!(
        summary["stepGradientNorms"].as_array().map(Vec::len),
        Some(10)
    );
}

#[test]
fn an_adding_link_reports_the_test_mse_against_answering_one() {
    let output = cli(&[
        "--steps",
        "400",
        "--every",
        "0",
        "lab=sequence&task=adding&length=5&cell=gru",
    ]);
    assert!(output.status.success());
    let lines = json_lines(&output);
    let [summary] = lines.as_slice() else {
        panic!("want only the summary, got {lines:?}");
    };
    let baseline = number(summary, "baselineLoss");
    assert!((0.12..0.22).contains(&baseline), "{baseline}");
    assert!(number(summary, "testLoss") < 0.02);
    assert!(summary["testAccuracy"].is_null() && summary["perplexity"].is_null());
    assert_eq!(summary["gradNorms"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_bad_sequence_link_is_refused_naming_the_key() {
    let output = cli(&["lab=sequence&length=101"]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("length") && error.contains("100"), "{error}");
    let export = cli(&["--export", "w.json", "lab=sequence"]);
    assert_eq!(export.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&export.stderr).contains("--export"));
}
