//! Runs the page's end-to-end tests: `node --test` over e2e/*.test.mjs against the repository
//! served in-process on a free port.

use std::fs;
use std::path::{Path, PathBuf};

use crate::process::run;
use crate::repo::Repo;
use crate::server::StaticServer;

/// Serves the repository on a free port and runs every e2e test file against it.
///
/// The tests get `BASE_URL` (the page's URL), `TMPDIR` (`.tmp`, for browser profiles) and
/// `ARTIFACTS` (`test-output`, for screenshots).
pub fn run_page_tests(repo: &Repo) -> Result<(), String> {
    if !repo.path("web/pkg").is_dir() {
        return Err("web/pkg is missing: run the wasm-build stage first".to_owned());
    }
    let files = test_files(&repo.path("e2e"))?;
    let server = StaticServer::start(repo.root(), 0)?;
    println!(
        "serving the repository at {} for the e2e tests",
        server.url()
    );
    run(repo
        .command("node")
        .args(["--test", "--test-reporter=spec"])
        .args(&files)
        .env("BASE_URL", server.url())
        .env("TMPDIR", repo.scratch_dir()?)
        .env("ARTIFACTS", repo.artifacts_dir()?))
}

/// The `*.test.mjs` files in `dir`, sorted (node 20 does not expand globs itself).
fn test_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        fs::read_dir(dir).map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.ends_with(".test.mjs"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.test.mjs files in {}", dir.display()));
    }
    Ok(files)
}
