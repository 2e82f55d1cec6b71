//! `playground 'lab=words&…'` end to end: one metrics line per epoch up to the `epochs`
//! setting, the same numbers twice in a row, a summary with the lab's figures, `--export`
//! writing `{"words": [...], "vectors": [[...], ...]}`, and a bad pasted text refused
//! naming `text`.

mod common;

use common::{cli, json_lines, number};
use serde_json::Value;

#[test]
fn a_words_link_trains_to_its_epochs_twice_alike_and_reports_its_figures() {
    let link = "lab=words&corpus=en&epochs=4";
    let (first, second) = (cli(&[link]), cli(&[link]));
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(first.stdout, second.stdout);
    let lines = json_lines(&first);
    let kinds: Vec<&str> = lines.iter().filter_map(|l| l["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        ["metrics", "metrics", "metrics", "metrics", "summary"]
    );
    let summary = &lines[4];
    assert_eq!(summary["epoch"], 4);
    assert_eq!(summary["stop"], Value::Null);
    assert_eq!(summary["gradNorms"].as_array().map(Vec::len), Some(2));
    let vocabulary = number(summary, "vocabulary");
    assert_eq!(number(summary, "parameters"), 2.0 * 16.0 * vocabulary);
    assert!(number(summary, "groupNeighbours") >= 0.75, "{summary}");
    assert!(number(summary, "similarPair") > number(summary, "distantPair"));
    assert!(number(summary, "analogyRank") >= 1.0);
    assert!(number(summary, "testAccuracy") > 0.8, "{summary}");
}

#[test]
fn export_writes_one_vector_per_word_in_the_order_of_words() {
    let dir = std::env::temp_dir().join(format!("playground-words-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("vectors.json");
    let path_text = path.to_string_lossy().into_owned();
    let output = cli(&["--export", &path_text, "lab=words&dim=5&epochs=2"]);
    assert!(output.status.success());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let file: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let summary = json_lines(&output).pop().unwrap_or_default();
    let (words, vectors) = (&file["words"], &file["vectors"]);
    let count = words.as_array().map_or(0, Vec::len);
    assert_eq!(count as f64, number(&summary, "vocabulary"));
    assert!(
        words
            .as_array()
            .is_some_and(|w| w.iter().any(|w| w == "猫"))
    );
    assert_eq!(vectors.as_array().map(Vec::len), Some(count));
    assert!(vectors.as_array().into_iter().flatten().all(|v| {
        v.as_array()
            .is_some_and(|v| v.len() == 5 && v.iter().all(Value::is_f64))
    }));
    assert_eq!(file["link"], "v=1&lab=words&dim=5&epochs=2");
    std::fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_pasted_text_trains_and_a_bad_one_is_named() {
    let ok = cli(&[
        "lab=words&corpus=custom&text=the%20cat%20sat%20on%20the%20mat.%20the%20dog%20sat%20on%20the%20log.",
    ]);
    assert!(ok.status.success());
    let summary = json_lines(&ok).pop().unwrap_or_default();
    assert_eq!(
        summary["groupNeighbours"],
        Value::Null,
        "a pasted text has no groups"
    );
    assert_eq!(summary["vocabulary"], 7);
    for text in ["", "cat%20dog", "%00%01binary", &"a%20".repeat(10_001)] {
        let bad = cli(&[&format!("lab=words&corpus=custom&text={text}")]);
        assert_eq!(bad.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&bad.stderr);
        assert!(stderr.starts_with("text"), "{stderr}");
        assert!(bad.stdout.is_empty());
    }
}
