//! The spiral lesson's figures, from its own links: `web/lessons-content.js` is
//! read for the presets' queries and the epochs their comments state, the CLI
//! trains each, and the linear softmax classifier stays far from the spiral
//! while one hidden layer of ReLU units fits it.

use std::process::Command;

use serde_json::Value;

/// The lessons' source, where the presets and their comments live.
fn lessons() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/lessons-content.js");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The query of preset `id` and the epochs the nearest `// N epochs:` comment
/// above it states.
fn preset(source: &str, id: &str) -> (String, u64) {
    let at = source
        .find(&format!("id: '{id}'"))
        .unwrap_or_else(|| panic!("no preset {id} in web/lessons-content.js"));
    let after = &source[at..];
    let query = after
        .split_once("query: '")
        .and_then(|(_, rest)| rest.split_once('\''))
        .map(|(query, _)| query.to_string())
        .unwrap_or_else(|| panic!("preset {id} has no one-line query"));
    // The lines above the preset's `{`, up to the first that is not a comment.
    let comments: Vec<&str> = source[..at]
        .lines()
        .rev()
        .map(str::trim)
        .skip_while(|line| *line == "{" || line.is_empty())
        .take_while(|line| line.starts_with("//"))
        .collect();
    let epochs = comments
        .iter()
        .find_map(|line| {
            let (number, rest) = line.trim_start_matches("// ").split_once(' ')?;
            if rest.starts_with("epochs") {
                number.parse().ok()
            } else {
                None
            }
        })
        .unwrap_or_else(|| panic!("no `// N epochs:` comment above preset {id}: {comments:?}"));
    (query, epochs)
}

/// The training accuracy the CLI prints after `epochs` epochs of `query`.
fn train_accuracy(query: &str, epochs: u64) -> f64 {
    let output = Command::new(env!("CARGO_BIN_EXE_playground"))
        .args(["--epochs", &epochs.to_string(), "--every", "0", query])
        .output()
        .unwrap_or_else(|e| panic!("cannot run playground: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{query}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: Value = stdout
        .lines()
        .last()
        .and_then(|line| serde_json::from_str(line).ok())
        .unwrap_or_else(|| panic!("{query}: no summary in {stdout}"));
    assert_eq!(summary["stop"], Value::Null, "{query}: {summary}");
    assert_eq!(
        summary["epoch"].as_u64(),
        Some(epochs),
        "{query}: {summary}"
    );
    summary["trainAccuracy"]
        .as_f64()
        .unwrap_or_else(|| panic!("{query}: no trainAccuracy in {summary}"))
}

#[test]
fn the_spiral_lesson_comes_first() {
    let source = lessons();
    let list = source
        .split_once("export const LESSONS = [")
        .map_or("", |(_, list)| list);
    let first = list
        .split_once("id: '")
        .and_then(|(_, rest)| rest.split_once('\''))
        .map(|(id, _)| id);
    assert_eq!(first, Some("spiral"));
}

/// CS231n's linear softmax classifier reaches about 49% training accuracy on its
/// 3-arm spiral; the playground's arms wind 1.75 turns (CS231n's about 0.64),
/// so here it settles at 40% (the lesson says so). The band asks for better
/// than chance (1/3) and far from fitting.
#[test]
fn a_linear_softmax_classifier_stays_near_40_percent_on_three_arms() {
    let (query, epochs) = preset(&lessons(), "spiral-linear");
    assert!(query.contains("networkShape=&"), "{query}");
    let accuracy = train_accuracy(&query, epochs);
    assert!(
        (0.35..=0.55).contains(&accuracy),
        "{query}, {epochs} epochs: training accuracy {accuracy}"
    );
}

/// CS231n's 100 ReLU units reach about 98%; the playground's widest layer, 64,
/// does too (98.0% after the lesson's 2000 epochs when this was written).
#[test]
fn one_hidden_layer_of_relu_units_fits_three_arms_to_95_percent() {
    let (query, epochs) = preset(&lessons(), "spiral-hidden");
    assert!(query.contains("networkShape=64&"), "{query}");
    let accuracy = train_accuracy(&query, epochs);
    assert!(
        accuracy >= 0.95,
        "{query}, {epochs} epochs: training accuracy {accuracy}"
    );
}
