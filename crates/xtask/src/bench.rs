//! `cargo xtask bench [--quick]`: times the W1, W2, C1, S1, E1 and A1 workloads natively (the
//! playground crate's `workloads`, `digits`, `sequence`, `words` and `attention` benchmarks), W1
//! and W2 in NumPy (bench/numpy.rs) and all in headless Chromium (`node e2e/bench.mjs`: the bench
//! pages, TensorFlow.js on its cpu and wasm backends, ConvNetJS for C1, brain.js for S1, the real
//! page playing, time to interactive, the .wasm's size),
//! then prints one table against the live peers, the fixed references and the targets and
//! writes it all to target/bench.json. A missed target is reported, never an error; only
//! something broken is.

mod figure;
mod json;
mod numpy;
mod peers;
mod reference;
#[cfg(test)]
mod reference_tests;
mod table;
#[cfg(test)]
mod table_lab_tests;
#[cfg(test)]
mod table_tests;

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use json::{Json, parse_flat};
use peers::BROWSER_PEERS;
use reference::ROWS;

use crate::process::run_tee;
use crate::repo::Repo;
use crate::server::StaticServer;
use crate::tools::{RELEASE_BUILD_TOOLS, Tool, Toolbox};
use crate::wasm;

/// Where the report goes, relative to the repository root.
const REPORT: &str = "target/bench.json";
/// The native benchmarks: `cargo bench` with these arguments, built with `--no-run` and then
/// each run directly (with `--bench` as cargo would, or without for one quick sample per
/// figure).
const NATIVE_BENCH: [&str; 13] = [
    "bench",
    "-p",
    "playground",
    "--bench",
    "workloads",
    "--bench",
    "digits",
    "--bench",
    "sequence",
    "--bench",
    "words",
    "--bench",
    "attention",
];
/// The benchmark targets NATIVE_BENCH builds, each printing one JSON object of figures.
const NATIVE_TARGETS: [&str; 5] = ["workloads", "digits", "sequence", "words", "attention"];

/// Runs everything and prints the table; `quick` takes every figure once.
pub fn run(repo: &Repo, quick: bool) -> Result<(), String> {
    let started = now();
    let load = load_average();
    let mut tools = Toolbox::default();
    tools.ensure(repo, &RELEASE_BUILD_TOOLS)?;
    tools.ensure(repo, &[Tool::Chromium, Tool::NodeModules])?;

    println!("==> bench: native (cargo {})", NATIVE_BENCH.join(" "));
    let native = native_figures(repo, quick)?;
    println!("==> bench: NumPy peer");
    let numpy = match numpy::run(repo, quick)? {
        numpy::Outcome::Ran(figures) => figures,
        numpy::Outcome::Skipped(why) => {
            println!("bench: NumPy skipped: {why}");
            Vec::new()
        }
    };
    println!("==> bench: release wasm into web/pkg");
    wasm::build_release(repo)?;
    let browser = {
        let server = StaticServer::start(repo.root(), 0)?;
        println!("==> bench: headless Chromium against {}", server.url());
        browser_figures(repo, &server, quick)?
    };

    let peers: Vec<(String, Json)> = numpy
        .iter()
        .map(|(key, value)| (format!("{}.{key}", peers::NUMPY), value.clone()))
        .chain(
            browser
                .iter()
                .filter(|(key, _)| {
                    BROWSER_PEERS
                        .iter()
                        .any(|set| key.starts_with(&format!("{set}.")))
                })
                .cloned(),
        )
        .collect();
    let measured = table::measure(&ROWS, &native, &browser, &peers)?;
    let chromium = browser.iter().find_map(|(key, value)| match value {
        Json::String(version) if key == "chromium" => Some(version.as_str()),
        _ => None,
    });
    let cpu = cpu_model();
    let heading = heading(&started, quick, load, chromium.unwrap_or_default(), &cpu);
    let mut text = table::render(&measured, &heading);
    for (heading, lines) in [
        (
            "what live peers could not do (their figure shows `cannot`):",
            peer_errors(&browser),
        ),
        (
            "what ours did not reach (its figure shows `none`):",
            own_errors(&native, &browser),
        ),
    ] {
        if !lines.is_empty() {
            text.push_str(&format!("{heading}\n"));
            for line in lines {
                text.push_str(&format!("  {line}\n"));
            }
        }
    }
    print!("\n{text}");

    let report = Json::object([
        ("command", Json::String(command_line(quick))),
        ("date", Json::String(started.clone())),
        ("quick", Json::Bool(quick)),
        ("cpu", Json::String(cpu)),
        ("cores", Json::number(cores())),
        ("loadAverage", Json::number(load)),
        (
            "note",
            Json::String(
                "ratios are speed ratios measured side by side in this run: live peers ran \
                 here, on this machine, in the same run; fixed peers were measured by hand on \
                 the machine each names (anchors.md) and never decide a target"
                    .to_owned(),
            ),
        ),
        ("native", Json::Object(native)),
        ("browser", Json::Object(browser)),
        ("numpy", Json::Object(numpy)),
        ("rows", table::rows_json(&measured)),
        ("table", Json::String(text)),
    ]);
    let path = repo.path(REPORT);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)
            .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
    }
    fs::write(&path, format!("{report}\n"))
        .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

fn command_line(quick: bool) -> String {
    if quick {
        "cargo xtask bench --quick".to_owned()
    } else {
        "cargo xtask bench".to_owned()
    }
}

/// The line above the table: what ran, when, and on what.
fn heading(date: &str, quick: bool, load: Option<f64>, chromium: &str, cpu: &str) -> String {
    let mut text = format!("{} on {date}, {cpu}", command_line(quick));
    if let Some(cores) = cores() {
        text.push_str(&format!(", {cores} cores"));
    }
    if let Some(load) = load {
        text.push_str(&format!(" (shared: load average {load:.1} at the start)"));
    }
    if !chromium.is_empty() {
        text.push_str(&format!(", Chromium {chromium}"));
    }
    text
}

/// Builds the native benchmarks, runs each and returns the JSON objects they print, joined.
fn native_figures(repo: &Repo, quick: bool) -> Result<Vec<(String, Json)>, String> {
    let messages = capture_stdout(
        repo.command("cargo")
            .args(NATIVE_BENCH)
            .args(["--no-run", "--message-format=json-render-diagnostics"]),
    )?;
    let mut figures = Vec::new();
    for target in NATIVE_TARGETS {
        let executable = executable_of(&messages, target)
            .ok_or_else(|| format!("cargo built no `{target}` benchmark executable"))?;
        let mut command = Command::new(executable);
        command.current_dir(repo.path("crates/playground"));
        if !quick {
            command.arg("--bench");
        }
        let from = format!("the native `{target}` benchmark");
        figures.extend(last_json_object(&run_tee(&mut command)?, &from)?);
    }
    Ok(figures)
}

/// What the live peers in Chromium said they could not do: every `set.somethingError` string
/// they printed, as `set.key: message`.
fn peer_errors(browser: &[(String, Json)]) -> Vec<String> {
    browser
        .iter()
        .filter(|(key, _)| is_peer_key(key))
        .filter_map(error_line)
        .collect()
}

/// What our own figures say they did not reach: every `somethingError` string the native
/// benchmarks and our bench pages printed (keys of no live peer), as `native key: message` or
/// `wasm key: message`.
fn own_errors(native: &[(String, Json)], browser: &[(String, Json)]) -> Vec<String> {
    let native = native.iter().filter_map(error_line);
    let wasm = browser
        .iter()
        .filter(|(key, _)| !is_peer_key(key))
        .filter_map(error_line);
    native
        .map(|line| format!("native {line}"))
        .chain(wasm.map(|line| format!("wasm {line}")))
        .collect()
}

/// Whether `key` is a live peer's figure in Chromium (`set.key`).
fn is_peer_key(key: &str) -> bool {
    BROWSER_PEERS
        .iter()
        .any(|set| key.starts_with(&format!("{set}.")))
}

/// `key: message` for a `somethingError` string.
fn error_line((key, value): &(String, Json)) -> Option<String> {
    match value {
        Json::String(message) if key.ends_with("Error") => Some(format!("{key}: {message}")),
        _ => None,
    }
}

/// Runs the browser driver against `server` and returns the JSON object it prints.
fn browser_figures(
    repo: &Repo,
    server: &StaticServer,
    quick: bool,
) -> Result<Vec<(String, Json)>, String> {
    let mut command = repo.command("node");
    command
        .arg("e2e/bench.mjs")
        .args(quick.then_some("--quick"))
        .env("BASE_URL", server.url())
        .env("TMPDIR", repo.scratch_dir()?);
    last_json_object(&run_tee(&mut command)?, "node e2e/bench.mjs")
}

/// Runs `command` with its stderr shown and returns its stdout; an error if it fails.
fn capture_stdout(command: &mut Command) -> Result<String, String> {
    let shown: Vec<String> = std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let shown = shown.join(" ");
    println!("$ {shown}");
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| format!("cannot start `{shown}`: {error}"))?;
    if !output.status.success() {
        return Err(format!("`{shown}` failed ({})", output.status));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The executable of the artifact of target `name` in cargo's JSON messages.
fn executable_of(messages: &str, name: &str) -> Option<PathBuf> {
    let target = format!("\"name\":\"{name}\"");
    messages
        .lines()
        .filter(|line| line.contains("\"reason\":\"compiler-artifact\"") && line.contains(&target))
        .find_map(|line| {
            let rest = line.split_once("\"executable\":\"")?.1;
            Some(PathBuf::from(rest.split_once('"')?.0))
        })
}

/// The last line of `output` that is a flat JSON object, parsed.
fn last_json_object(output: &str, from: &str) -> Result<Vec<(String, Json)>, String> {
    let line = output
        .lines()
        .map(str::trim)
        .rfind(|line| line.starts_with('{') && line.ends_with('}'))
        .ok_or_else(|| format!("{from} printed no JSON object"))?;
    parse_flat(line).map_err(|error| format!("{from}: {error}"))
}

fn cores() -> Option<f64> {
    std::thread::available_parallelism()
        .ok()
        .map(|cores| cores.get() as f64)
}

/// The CPU's model name as /proc/cpuinfo gives it (how anchors.md tells machines apart).
fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("model name")?.split_once(':'))
                .map(|(_, name)| name.trim().to_owned())
        })
        .unwrap_or_else(|| "an unknown CPU".to_owned())
}

/// The one-minute load average (Linux), to show how busy the shared machine was.
fn load_average() -> Option<f64> {
    fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The time now in UTC, as `2026-11-29 03:20 UTC`.
fn now() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    utc(seconds)
}

/// `seconds` after the Unix epoch as `YYYY-MM-DD HH:MM UTC` (Howard Hinnant's civil_from_days).
fn utc(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let minutes = seconds % 86_400 / 60;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        minutes / 60,
        minutes % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates_match_known_days() {
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc(1_795_923_900), "2026-11-29 03:45 UTC");
    }

    #[test]
    fn the_bench_executable_is_found_in_cargo_messages() {
        let messages = concat!(
            r#"{"reason":"compiler-artifact","target":{"kind":["lib"],"name":"playground"},"executable":null}"#,
            "\n",
            r#"{"reason":"compiler-message","target":{"name":"workloads"},"message":{}}"#,
            "\n",
            r#"{"reason":"compiler-artifact","target":{"kind":["bench"],"name":"workloads"},"executable":"/t/release/deps/workloads-ab12"}"#,
            "\n",
            r#"{"reason":"build-finished","success":true}"#,
        );
        assert_eq!(
            executable_of(messages, "workloads"),
            Some(PathBuf::from("/t/release/deps/workloads-ab12"))
        );
        assert_eq!(executable_of(messages, "training"), None);
    }

    #[test]
    fn a_live_peer_error_is_listed_with_its_key() {
        let browser = vec![
            ("c1TrainError".to_owned(), Json::String("ours".to_owned())),
            (
                "tfjs-wasm.c1TrainError".to_owned(),
                Json::String("Kernel 'Conv2DBackpropFilter' not registered".to_owned()),
            ),
            ("tfjs-wasm.c1TrainExamplesPerSecond".to_owned(), Json::Null),
            ("convnetjs.c1TrainError".to_owned(), Json::Number(1.0)),
        ];
        assert_eq!(
            peer_errors(&browser),
            ["tfjs-wasm.c1TrainError: Kernel 'Conv2DBackpropFilter' not registered"]
        );
    }

    #[test]
    fn our_own_unreached_goals_are_listed_natively_and_in_wasm() {
        let native = vec![(
            "a1To99Error".to_owned(),
            Json::String("native did not reach 99%".to_owned()),
        )];
        let browser = vec![
            (
                "a1To99Error".to_owned(),
                Json::String("our wasm did not reach 99%".to_owned()),
            ),
            (
                "tfjs-cpu.a1To99Error".to_owned(),
                Json::String("TF.js did not reach 99%".to_owned()),
            ),
            ("a1StepsTo99".to_owned(), Json::Null),
        ];
        assert_eq!(
            own_errors(&native, &browser),
            [
                "native a1To99Error: native did not reach 99%",
                "wasm a1To99Error: our wasm did not reach 99%"
            ]
        );
    }

    #[test]
    fn the_last_json_line_is_taken_from_mixed_output() -> Result<(), String> {
        let output = "$ node e2e/bench.mjs\n{\"a\":1}\nbench: done\n  {\"b\":2}  \n";
        assert_eq!(
            last_json_object(output, "test")?,
            vec![("b".to_owned(), Json::Number(2.0))]
        );
        assert!(last_json_object("no figures\n", "test").is_err());
        Ok(())
    }
}
