//! Where things live in the repository, and commands that start at its root.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// How old a leftover in `.tmp` must be before a new run removes it.
const SCRATCH_MAX_AGE: Duration = Duration::from_secs(60 * 60);

/// The checked-out repository this xtask belongs to.
pub struct Repo {
    root: PathBuf,
}

impl Repo {
    /// The repository two levels above this crate's manifest.
    pub fn locate() -> Result<Self, String> {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir
            .join("../..")
            .canonicalize()
            .map_err(|error| format!("cannot find the repository root: {error}"))?;
        Ok(Self { root })
    }

    /// The absolute repository root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// An absolute path for `relative`, a path inside the repository.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// `crates/wasm`, or an error saying it does not exist yet.
    pub fn wasm_crate(&self) -> Result<PathBuf, String> {
        let path = self.path("crates/wasm");
        if path.join("Cargo.toml").is_file() {
            Ok(path)
        } else {
            Err(
                "crates/wasm does not exist yet (no crates/wasm/Cargo.toml): \
                 there is no wasm to build or test"
                    .to_owned(),
            )
        }
    }

    /// `.tmp`, created if needed: TMPDIR for browsers, so their leftover profiles stay out of
    /// /tmp. Entries older than [`SCRATCH_MAX_AGE`] are removed first; newer ones may belong to
    /// a run still going in this same tree.
    pub fn scratch_dir(&self) -> Result<PathBuf, String> {
        let dir = self.created_dir(".tmp")?;
        let entries = fs::read_dir(&dir)
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
        for path in entries.filter_map(|entry| entry.ok().map(|entry| entry.path())) {
            let stale = fs::symlink_metadata(&path)
                .and_then(|meta| meta.modified())
                .is_ok_and(|modified| modified.elapsed().is_ok_and(|age| age > SCRATCH_MAX_AGE));
            if stale {
                // Best effort: a leftover that cannot be removed does no harm.
                let _ = fs::remove_dir_all(&path).or_else(|_| fs::remove_file(&path));
            }
        }
        Ok(dir)
    }

    /// `test-output`, created if needed: where tests leave screenshots.
    pub fn artifacts_dir(&self) -> Result<PathBuf, String> {
        self.created_dir("test-output")
    }

    fn created_dir(&self, relative: &str) -> Result<PathBuf, String> {
        let path = self.path(relative);
        fs::create_dir_all(&path)
            .map_err(|error| format!("cannot create {}: {error}", path.display()))?;
        Ok(path)
    }

    /// `program` set to run in the repository root, with a relative `CARGO_TARGET_DIR` made
    /// absolute (wasm-pack would otherwise resolve it inside the crate directory).
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.current_dir(&self.root);
        if let Some(target_dir) = env::var_os("CARGO_TARGET_DIR").map(PathBuf::from) {
            if target_dir.is_relative() {
                command.env("CARGO_TARGET_DIR", self.root.join(target_dir));
            }
        }
        command
    }
}
