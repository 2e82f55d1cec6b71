//! What the labs' CLI tests share: running the binary, reading its JSON
//! lines, and taking a number out of one.

use std::process::{Command, Output};

use serde_json::Value;

/// The output of `playground` run with `args`.
pub fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_playground"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run playground: {e}"))
}

/// Every line of `output`'s stdout, read as JSON.
pub fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The number `key` of `line`.
pub fn number(line: &Value, key: &str) -> f64 {
    line[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number: {line}"))
}
