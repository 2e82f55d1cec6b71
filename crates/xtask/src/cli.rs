//! Parses the `cargo xtask` command line by hand (a subcommand, a few flags); writes the help.

use std::path::PathBuf;

use crate::stages::Stage;

/// The port `serve` listens on unless `--port` says otherwise.
const DEFAULT_PORT: u16 = 8000;

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Print usage and the stage names.
    Help,
    /// Build the release wasm and serve the repository on `port` (0 picks a free port).
    Serve {
        /// The TCP port on 127.0.0.1.
        port: u16,
    },
    /// Build the release wasm and write the page as a folder for a static host.
    Dist {
        /// The folder given with `--out`, if any.
        out: Option<PathBuf>,
    },
    /// Time the workloads natively and in headless Chromium, print the table, write
    /// target/bench.json.
    Bench {
        /// Every figure once (a smoke run) instead of medians of several samples.
        quick: bool,
    },
    /// Run the cargo-fuzz targets on nightly, each for `seconds`, and report executions and
    /// findings.
    Fuzz {
        /// Seconds per target.
        seconds: u64,
        /// The one target given with `--target`, if any.
        target: Option<String>,
    },
    /// Run the named test stages in their usual order, or every stage when `stages` is empty.
    Test {
        /// Stage names given with `--stage`, unchecked.
        stages: Vec<String>,
    },
}

/// Parses the arguments after `cargo xtask`; `Err` says what is wrong.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut args = args.iter().map(String::as_str);
    match args.next() {
        None | Some("help" | "--help" | "-h") => Ok(Command::Help),
        Some("serve") => parse_serve(args),
        Some("test") => parse_test(args),
        Some("dist") => parse_dist(args),
        Some("bench") => parse_bench(args),
        Some("fuzz") => parse_fuzz(args),
        Some(other) => Err(format!("unknown command `{other}`")),
    }
}

fn parse_serve<'a>(mut args: impl Iterator<Item = &'a str>) -> Result<Command, String> {
    let mut port = DEFAULT_PORT;
    while let Some(arg) = args.next() {
        match arg {
            "--port" => {
                let value = args.next().ok_or("--port needs a number")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port takes 0 to 65535, not `{value}`"))?;
            }
            other => return Err(format!("unknown argument `{other}` for serve")),
        }
    }
    Ok(Command::Serve { port })
}

fn parse_dist<'a>(mut args: impl Iterator<Item = &'a str>) -> Result<Command, String> {
    let mut out = None;
    while let Some(arg) = args.next() {
        match arg {
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a folder")?)),
            other => return Err(format!("unknown argument `{other}` for dist")),
        }
    }
    Ok(Command::Dist { out })
}

fn parse_bench<'a>(args: impl Iterator<Item = &'a str>) -> Result<Command, String> {
    let mut quick = false;
    for arg in args {
        match arg {
            "--quick" => quick = true,
            other => return Err(format!("unknown argument `{other}` for bench")),
        }
    }
    Ok(Command::Bench { quick })
}

fn parse_fuzz<'a>(mut args: impl Iterator<Item = &'a str>) -> Result<Command, String> {
    let mut seconds = crate::fuzz::DEFAULT_SECONDS;
    let mut target = None;
    while let Some(arg) = args.next() {
        match arg {
            "--seconds" => {
                let value = args.next().ok_or("--seconds needs a number")?;
                seconds = value.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                    format!("--seconds takes a whole number above 0, not `{value}`")
                })?;
            }
            "--target" => target = Some(args.next().ok_or("--target needs a name")?.to_owned()),
            other => return Err(format!("unknown argument `{other}` for fuzz")),
        }
    }
    Ok(Command::Fuzz { seconds, target })
}

fn parse_test<'a>(mut args: impl Iterator<Item = &'a str>) -> Result<Command, String> {
    let mut stages = Vec::new();
    while let Some(arg) = args.next() {
        match arg {
            "--stage" => stages.push(args.next().ok_or("--stage needs a stage name")?.to_owned()),
            other => return Err(format!("unknown argument `{other}` for test")),
        }
    }
    Ok(Command::Test { stages })
}

/// The usage text above the stage list.
const USAGE: &str = "\
cargo xtask: developer commands for Backprop Playground

USAGE:
    cargo xtask serve [--port N]        build the release wasm into web/pkg, then serve the
                                        repository on 127.0.0.1 (port 8000; 0 picks a free one)
    cargo xtask test [--stage NAME]...  run every test stage, or only the named ones, in order
    cargo xtask dist [--out DIR]        build the release wasm and write the page as a folder any
                                        static host serves as is (default target/dist)
    cargo xtask bench [--quick]         time W1 and W2 natively and in headless Chromium (bench
                                        page, the page playing, time to interactive, .wasm size),
                                        print one table against the reference figures and
                                        targets, write target/bench.json; --quick: each once
    cargo xtask fuzz [--seconds N] [--target NAME]
                                        run the cargo-fuzz targets in fuzz/ on nightly (share_link,
                                        session_new, data_files), N seconds each (200: ten minutes
                                        in all), and print executions and findings per target
    cargo xtask help                    print this help

These commands first install what they need and is missing: rustup targets and
components, wasm-pack and wasm-bindgen-cli; test and bench also Chromium (apt) and node_modules
(npm ci).

STAGES (in the order test runs them):
";

/// The usage text, listing `stages` in the order `test` runs them.
pub fn help(stages: &[Stage]) -> String {
    let mut text = String::from(USAGE);
    for stage in stages {
        text.push_str(&format!("    {:<12}{}\n", stage.name, stage.about));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(line: &str) -> Result<Command, String> {
        let args: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
        parse(&args)
    }

    #[test]
    fn no_arguments_means_help() {
        assert_eq!(parse_words(""), Ok(Command::Help));
    }

    #[test]
    fn serve_defaults_to_port_8000_and_accepts_port_0() {
        assert_eq!(parse_words("serve"), Ok(Command::Serve { port: 8000 }));
        assert_eq!(
            parse_words("serve --port 0"),
            Ok(Command::Serve { port: 0 })
        );
    }

    #[test]
    fn bad_port_is_rejected_with_its_value() {
        let error = parse_words("serve --port 70000").err().unwrap_or_default();
        assert!(error.contains("70000"), "{error}");
    }

    #[test]
    fn test_collects_repeated_stage_flags() {
        let expected = vec!["wasm-build".to_owned(), "e2e".to_owned()];
        assert_eq!(
            parse_words("test --stage wasm-build --stage e2e"),
            Ok(Command::Test { stages: expected })
        );
    }

    #[test]
    fn dist_takes_an_optional_out_folder() {
        assert_eq!(parse_words("dist"), Ok(Command::Dist { out: None }));
        assert_eq!(
            parse_words("dist --out site"),
            Ok(Command::Dist {
                out: Some(PathBuf::from("site"))
            })
        );
        assert!(parse_words("dist --out").is_err());
        assert!(parse_words("dist --fast").is_err());
    }

    #[test]
    fn bench_takes_an_optional_quick_flag() {
        assert_eq!(parse_words("bench"), Ok(Command::Bench { quick: false }));
        assert_eq!(
            parse_words("bench --quick"),
            Ok(Command::Bench { quick: true })
        );
        assert!(parse_words("bench --fast").is_err());
    }

    #[test]
    fn fuzz_takes_seconds_per_target_and_one_target() {
        assert_eq!(
            parse_words("fuzz"),
            Ok(Command::Fuzz {
                seconds: crate::fuzz::DEFAULT_SECONDS,
                target: None
            })
        );
        assert_eq!(
            parse_words("fuzz --seconds 30 --target share_link"),
            Ok(Command::Fuzz {
                seconds: 30,
                target: Some("share_link".to_owned())
            })
        );
        assert!(parse_words("fuzz --seconds 0").is_err());
        assert!(parse_words("fuzz --seconds").is_err());
        assert!(parse_words("fuzz --fast").is_err());
    }

    #[test]
    fn unknown_command_and_flag_are_errors() {
        assert!(parse_words("benchmark").is_err());
        assert!(parse_words("test --fast").is_err());
        assert!(parse_words("test --stage").is_err());
    }
}
