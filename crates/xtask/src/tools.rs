//! Installs whatever the commands need and is missing, once per run: quiet when everything is
//! present, one line for each thing it installs.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

use crate::lockfile;
use crate::process::{probe, run_quiet};
use crate::repo::Repo;

/// The wasm-pack version this repository's recipe is verified with.
const WASM_PACK_VERSION: &str = "0.15.1";
/// Targets for the browser build and for proving the core crates are no_std.
const TARGETS: [&str; 2] = ["wasm32-unknown-unknown", "wasm32v1-none"];
/// Components the lint stages run.
const COMPONENTS: [&str; 2] = ["rustfmt", "clippy"];
/// Debian's Chromium, driven by Playwright.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's chromedriver, used by `wasm-pack test --chrome`.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What building crates/wasm with wasm-pack needs.
pub const WASM_BUILD_TOOLS: [Tool; 3] = [Tool::WasmTargets, Tool::WasmPack, Tool::WasmBindgen];
/// What `wasm::build_release` needs: the wasm build tools, and node_modules for wasm-opt.
pub const RELEASE_BUILD_TOOLS: [Tool; 4] = [
    Tool::WasmTargets,
    Tool::WasmPack,
    Tool::WasmBindgen,
    Tool::NodeModules,
];

/// Something a command needs installed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// The rustup targets wasm32-unknown-unknown and wasm32v1-none.
    WasmTargets,
    /// The rustup components rustfmt and clippy.
    LintComponents,
    /// wasm-pack at [`WASM_PACK_VERSION`].
    WasmPack,
    /// wasm-bindgen-cli at the version Cargo.lock records for `wasm-bindgen`.
    WasmBindgen,
    /// Debian's chromium and chromium-driver.
    Chromium,
    /// The npm packages package-lock.json pins (playwright-core, binaryen, typescript, and
    /// the bench's live peers: TensorFlow.js with its wasm backend, ConvNetJS, brain.js).
    NodeModules,
}

/// Remembers what was already ensured in this run, so each tool is checked once.
#[derive(Default)]
pub struct Toolbox {
    checked: Vec<(Tool, Result<(), String>)>,
}

impl Toolbox {
    /// Installs each of `tools` that is missing; `Err` says what could not be installed.
    pub fn ensure(&mut self, repo: &Repo, tools: &[Tool]) -> Result<(), String> {
        for &tool in tools {
            let known = self.checked.iter().find(|(seen, _)| *seen == tool);
            let result = match known {
                Some((_, result)) => result.clone(),
                None => {
                    let result = ensure_one(repo, tool);
                    self.checked.push((tool, result.clone()));
                    result
                }
            };
            result?;
        }
        Ok(())
    }
}

fn ensure_one(repo: &Repo, tool: Tool) -> Result<(), String> {
    match tool {
        Tool::WasmTargets => ensure_rustup_parts("target", &TARGETS),
        Tool::LintComponents => ensure_rustup_parts("component", &COMPONENTS),
        Tool::WasmPack => ensure_cargo_tool("wasm-pack", "wasm-pack", WASM_PACK_VERSION, true),
        Tool::WasmBindgen => {
            let lock = fs::read_to_string(repo.path("Cargo.lock"))
                .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
            let version = lockfile::locked_version(&lock, "wasm-bindgen")
                .map_err(|error| format!("{error} (crates/wasm should depend on it)"))?;
            // `--locked` fails for wasm-bindgen-cli 0.2.130 on this toolchain: install without it.
            ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &version, false)
        }
        Tool::Chromium => ensure_chromium(),
        Tool::NodeModules => ensure_node_modules(repo),
    }
}

/// Adds each rustup `kind` ("target" or "component") in `names` that is not installed.
fn ensure_rustup_parts(kind: &str, names: &[&str]) -> Result<(), String> {
    let installed = probe(Command::new("rustup").args([kind, "list", "--installed"]))
        .ok_or("rustup not found: install Rust with rustup (https://rustup.rs)")?;
    for name in names {
        // Components are listed with their host triple, e.g. `clippy-x86_64-unknown-linux-gnu`.
        let present = installed
            .lines()
            .any(|line| line == *name || line.starts_with(&format!("{name}-")));
        if !present {
            println!("xtask: installing rustup {kind} {name}");
            run_quiet(Command::new("rustup").args([kind, "add", name]))?;
        }
    }
    Ok(())
}

/// Installs crate `krate` at exactly `version` unless `binary --version` already reports it.
fn ensure_cargo_tool(binary: &str, krate: &str, version: &str, locked: bool) -> Result<(), String> {
    let reports_version = || {
        probe(Command::new(binary).arg("--version"))
            .is_some_and(|text| text.split_whitespace().nth(1) == Some(version))
    };
    if reports_version() {
        return Ok(());
    }
    println!("xtask: installing {krate} {version} with cargo install (takes several minutes)");
    let mut install = Command::new("cargo");
    install.args(["install", krate, "--version", version]);
    if locked {
        install.arg("--locked");
    }
    run_quiet(&mut install)?;
    if reports_version() {
        Ok(())
    } else {
        Err(format!(
            "installed {krate} {version}, but `{binary} --version` does not report it: \
             is ~/.cargo/bin first on PATH?"
        ))
    }
}

/// Installs Debian's chromium and chromium-driver with apt-get when either is missing.
fn ensure_chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(());
    }
    let is_root = probe(Command::new("id").arg("-u")).as_deref() == Some("0");
    if !is_root || probe(Command::new("apt-get").arg("--version")).is_none() {
        return Err(format!(
            "{CHROMIUM} or {CHROMEDRIVER} is missing: install the Debian packages chromium and \
             chromium-driver (as root: apt-get install chromium chromium-driver)"
        ));
    }
    println!("xtask: installing Debian packages chromium and chromium-driver with apt-get");
    // Another apt-get (an unattended upgrade, a second checkout) may hold dpkg's lock:
    // wait for it rather than fail the stage.
    let wait = ["-o", "DPkg::Lock::Timeout=600"];
    run_quiet(Command::new("apt-get").args(wait).args(["update", "-qq"]))?;
    run_quiet(
        Command::new("apt-get")
            .args(wait)
            .args(["install", "-y", "-qq", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// Runs `npm ci` when node_modules lacks one of the packages or is older than package-lock.json.
fn ensure_node_modules(repo: &Repo) -> Result<(), String> {
    if probe(Command::new("node").arg("--version")).is_none() {
        return Err("node not found: install Node.js 20 or newer (with npm)".to_owned());
    }
    let lock = modified(&repo.path("package-lock.json"))
        .ok_or("package-lock.json is missing at the repository root")?;
    // npm writes node_modules/.package-lock.json on every install.
    let installed = modified(&repo.path("node_modules/.package-lock.json"));
    let has_packages = [
        "playwright-core",
        "binaryen",
        "typescript",
        "@tensorflow/tfjs",
        "@tensorflow/tfjs-backend-wasm",
        "convnetjs",
        "brain.js",
    ]
    .iter()
    .all(|name| {
        repo.path(&format!("node_modules/{name}/package.json"))
            .is_file()
    });
    if has_packages && installed.is_some_and(|installed| installed >= lock) {
        return Ok(());
    }
    println!("xtask: installing node_modules with npm ci");
    run_quiet(repo.command("npm").args(["ci", "--no-audit", "--no-fund"]))
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|meta| meta.modified()).ok()
}
