//! `cargo xtask fuzz`: runs the cargo-fuzz targets in fuzz/ on nightly, one after another, each
//! for a fixed time, and prints the executions and findings of each. Installs the nightly
//! toolchain and cargo-fuzz when missing; seeds the share-link corpus with the hostile links.
//! Not a test stage: fuzzing takes minutes and finds different things on every run.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::SystemTime;

use crate::process::{probe, run_quiet};
use crate::repo::Repo;

// The tests' reader of the corpus; its `line` field is for their messages only.
#[allow(dead_code)]
mod corpus {
    include!("../../playground/tests/hostile/corpus.rs");

    /// The hostile links, for seeding the share-link corpus, and how many of them are clean.
    pub fn seeds() -> (Vec<String>, usize) {
        let links = hostile_links();
        let clean = links.iter().filter(|case| case.key.is_none()).count();
        (links.into_iter().map(|case| case.link).collect(), clean)
    }
}

/// Seconds per target unless `--seconds` says otherwise: ten minutes for all three.
pub const DEFAULT_SECONDS: u64 = 200;

/// One fuzz target in fuzz/fuzz_targets.
struct Target {
    name: &'static str,
    about: &'static str,
    /// A libFuzzer dictionary under fuzz/, if the target has one.
    dict: Option<&'static str>,
}

const TARGETS: [Target; 3] = [
    Target {
        name: "share_link",
        about: "any bytes as a share link",
        dict: Some("dict/share_link.dict"),
    },
    Target {
        name: "session_new",
        about: "Session::new with arbitrary configs",
        dict: None,
    },
    Target {
        name: "data_files",
        about: "any bytes as an imported data or weights file",
        dict: None,
    },
];

/// libFuzzer flags for every target: a memory ceiling (a larger allocation is a finding) and
/// a per-input time limit (a slower input is a finding too).
const LIBFUZZER_FLAGS: [&str; 3] = ["-rss_limit_mb=2048", "-timeout=30", "-print_final_stats=1"];

/// What one target's run came to.
struct Summary {
    name: &'static str,
    executions: Option<u64>,
    findings: Vec<String>,
}

/// Fuzzes `only` (or every target) for `seconds` each; `Err` when a target found something
/// or could not run.
pub fn run(repo: &Repo, seconds: u64, only: Option<&str>) -> Result<(), String> {
    let targets: Vec<&Target> = TARGETS
        .iter()
        .filter(|target| only.is_none_or(|name| name == target.name))
        .collect();
    if targets.is_empty() {
        let names: Vec<&str> = TARGETS.iter().map(|target| target.name).collect();
        return Err(format!(
            "unknown target `{}`; targets are: {}",
            only.unwrap_or_default(),
            names.join(", ")
        ));
    }
    ensure_nightly()?;
    ensure_cargo_fuzz()?;
    seed_share_links(&repo.path("fuzz/corpus/share_link"))?;
    let mut summaries = Vec::new();
    for target in targets {
        println!(
            "==> fuzz {} ({}) for {seconds} s",
            target.name, target.about
        );
        summaries.push(fuzz_one(repo, target, seconds)?);
    }
    println!("\nfuzz summary ({seconds} s per target):");
    let mut found = 0;
    for summary in &summaries {
        let runs = summary
            .executions
            .map_or_else(|| "unknown".to_owned(), |n| n.to_string());
        println!(
            "    {:<12} {runs:>12} executions, {} findings",
            summary.name,
            summary.findings.len()
        );
        for finding in &summary.findings {
            println!("        {finding}");
        }
        found += summary.findings.len();
    }
    match found {
        0 => Ok(()),
        n => Err(format!(
            "{n} findings: reproduce with `cargo +nightly fuzz run <target> <file>`"
        )),
    }
}

/// Runs one target, echoing libFuzzer's output except its progress lines.
fn fuzz_one(repo: &Repo, target: &Target, seconds: u64) -> Result<Summary, String> {
    let started = SystemTime::now();
    let mut command = repo.command("cargo");
    command
        .args(["+nightly", "fuzz", "run", target.name, "--"])
        .arg(format!("-max_total_time={seconds}"))
        .args(LIBFUZZER_FLAGS);
    if let Some(dict) = target.dict {
        command.arg(format!("-dict={}", repo.path("fuzz").join(dict).display()));
    }
    let mut child = command
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start cargo fuzz: {error}"))?;
    let mut executions = None;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            executions = executions_in(&line).or(executions);
            if !is_progress(&line) {
                eprintln!("{line}");
            }
        }
    }
    let status = child
        .wait()
        .map_err(|error| format!("cargo fuzz could not be waited for: {error}"))?;
    let findings = new_artifacts(&repo.path("fuzz/artifacts").join(target.name), started);
    if !status.success() && findings.is_empty() {
        return Err(format!("cargo fuzz run {} failed ({status})", target.name));
    }
    Ok(Summary {
        name: target.name,
        executions,
        findings,
    })
}

/// The executions a libFuzzer line reports: `stat::number_of_executed_units: N` or
/// `Done N runs in S second(s)`.
fn executions_in(line: &str) -> Option<u64> {
    if let Some(count) = line.strip_prefix("stat::number_of_executed_units:") {
        return count.trim().parse().ok();
    }
    line.strip_prefix("Done ")?
        .split_once(" runs")?
        .0
        .parse()
        .ok()
}

/// Whether `line` is one of libFuzzer's many progress lines (`#1234 NEW cov: ...`) or an
/// entry of the dictionary it recommends at the end.
fn is_progress(line: &str) -> bool {
    if line.starts_with('"') && line.contains("# Uses:") {
        return true;
    }
    line.starts_with('#')
        && ["NEW", "REDUCE", "pulse", "RELOAD", "INITED"]
            .iter()
            .any(|word| line.contains(&format!("\t{word} ")) || line.contains(&format!(" {word} ")))
}

/// Files libFuzzer wrote to `dir` (crashes, leaks, timeouts, out-of-memory) since `since`.
fn new_artifacts(dir: &Path, since: SystemTime) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .metadata()
                .and_then(|meta| meta.modified())
                .is_ok_and(|modified| modified >= since)
        })
        .map(|entry| entry.path().display().to_string())
        .collect();
    found.sort();
    found
}

/// Writes each hostile link as a seed of the share-link corpus, once.
fn seed_share_links(dir: &Path) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
    let (links, clean) = corpus::seeds();
    for (index, link) in links.iter().enumerate() {
        let path = dir.join(format!("hostile-{index:04}"));
        if !path.exists() {
            fs::write(&path, link)
                .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        }
    }
    println!(
        "share_link corpus seeded with {} hostile links ({clean} of them clean)",
        links.len()
    );
    Ok(())
}

/// Installs the nightly toolchain (cargo-fuzz needs it for the sanitizers) when missing.
fn ensure_nightly() -> Result<(), String> {
    let toolchains = probe(Command::new("rustup").args(["toolchain", "list"]))
        .ok_or("rustup not found: install Rust with rustup (https://rustup.rs)")?;
    if toolchains.lines().any(|line| line.starts_with("nightly")) {
        return Ok(());
    }
    println!("xtask: installing the nightly toolchain with rustup");
    run_quiet(Command::new("rustup").args([
        "toolchain",
        "install",
        "nightly",
        "--profile",
        "minimal",
    ]))
}

/// Installs cargo-fuzz when `cargo fuzz` is missing (with `--locked` first, then without).
fn ensure_cargo_fuzz() -> Result<(), String> {
    if probe(Command::new("cargo").args(["fuzz", "--version"])).is_some() {
        return Ok(());
    }
    println!("xtask: installing cargo-fuzz with cargo install (takes a few minutes)");
    run_quiet(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))
        .or_else(|_| run_quiet(Command::new("cargo").args(["install", "cargo-fuzz"])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn executions_are_read_from_the_final_stats_or_the_done_line() {
        assert_eq!(
            executions_in("stat::number_of_executed_units: 60218"),
            Some(60218)
        );
        assert_eq!(
            executions_in("Done 460497 runs in 31 second(s)"),
            Some(460_497)
        );
        assert_eq!(executions_in("#2 INITED cov: 10 ft: 10"), None);
    }

    #[test]
    fn progress_lines_are_recognised() {
        assert!(is_progress(
            "#1024\tNEW    cov: 1204 ft: 3801 corp: 310/1Mb exec/s: 341"
        ));
        assert!(is_progress("#65536\tpulse  cov: 1204 ft: 3801"));
        assert!(is_progress("\"numSamples\" # Uses: 292"));
        assert!(!is_progress("Done 460497 runs in 31 second(s)"));
        assert!(!is_progress("==123== ERROR: libFuzzer: deadly signal"));
    }

    #[test]
    fn the_seeds_are_the_hostile_links() {
        let (links, clean) = corpus::seeds();
        assert!(links.len() >= 300);
        assert!(clean > 0 && clean < links.len());
    }
}
