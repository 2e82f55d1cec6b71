//! The NumPy peer of `cargo xtask bench`: a virtual environment of its own (target/bench-venv)
//! with NumPy and threadpoolctl pinned, installed with pip on first use, and the run of
//! crates/xtask/bench-peers/numpy_bench.py in it on one OpenBLAS thread. Returns its flat JSON
//! figures; knows nothing of rows or targets.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use super::json::Json;
use crate::process::{run_quiet, run_tee};
use crate::repo::Repo;

/// The virtual environment, relative to the repository root.
const VENV: &str = "target/bench-venv";
/// What pip installs into it, pinned: NumPy as the anchors measured it (2.4), threadpoolctl
/// to read which kernel OpenBLAS picked.
const REQUIREMENTS: [&str; 2] = ["numpy==2.4.0", "threadpoolctl==3.6.0"];
/// Written into the environment once pip succeeded, holding [`REQUIREMENTS`]: a different pin
/// makes a fresh install.
const STAMP: &str = "bench-requirements.txt";
/// The script, relative to the repository root.
const SCRIPT: &str = "crates/xtask/bench-peers/numpy_bench.py";
/// OpenBLAS settings the machine's environment may carry to tune other programs (the
/// machine's notes advise unsetting them), removed for the peer's process alone.
const UNSET: [&str; 2] = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"];

/// What became of the NumPy peer.
pub enum Outcome {
    /// It ran: its figures, every key as numpy_bench.py printed it.
    Ran(Vec<(String, Json)>),
    /// It was not run, and why (a quick run does not install it).
    Skipped(String),
}

/// Runs the NumPy peer, installing it first unless `quick` (which skips it when missing).
///
/// # Errors
/// When python3, venv or pip fail, or the script fails or prints no figures.
pub fn run(repo: &Repo, quick: bool) -> Result<Outcome, String> {
    let python = repo.path(&format!("{VENV}/bin/python"));
    if !installed(repo) {
        if quick {
            return Ok(Outcome::Skipped(format!(
                "NumPy is not installed in {VENV}: a quick run does not install it (a full \
                 `cargo xtask bench` does)"
            )));
        }
        install(repo, &python)?;
    }
    let mut command = Command::new(&python);
    command
        .arg(repo.path(SCRIPT))
        .args(quick.then_some("--quick"))
        .env("OPENBLAS_NUM_THREADS", "1")
        .env("OMP_NUM_THREADS", "1");
    for name in UNSET {
        command.env_remove(name);
    }
    let output = run_tee(&mut command)?;
    super::last_json_object(&output, SCRIPT).map(Outcome::Ran)
}

/// Whether the environment holds exactly [`REQUIREMENTS`].
fn installed(repo: &Repo) -> bool {
    fs::read_to_string(stamp(repo)).is_ok_and(|text| text == requirements())
}

fn stamp(repo: &Repo) -> PathBuf {
    repo.path(&format!("{VENV}/{STAMP}"))
}

fn requirements() -> String {
    REQUIREMENTS.join("\n") + "\n"
}

/// Creates the environment afresh and installs [`REQUIREMENTS`] with pip.
fn install(repo: &Repo, python: &PathBuf) -> Result<(), String> {
    println!(
        "xtask: installing {} into {VENV} with pip",
        REQUIREMENTS.join(" ")
    );
    let venv = repo.path(VENV);
    run_quiet(
        Command::new("python3")
            .args(["-m", "venv", "--clear"])
            .arg(&venv),
    )
    .map_err(|error| format!("{error}\n(the NumPy peer needs python3 with its venv module)"))?;
    run_quiet(
        Command::new(python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(REQUIREMENTS),
    )?;
    fs::write(stamp(repo), requirements())
        .map_err(|error| format!("cannot write {}: {error}", stamp(repo).display()))
}
