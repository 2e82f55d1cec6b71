//! `cargo xtask dist`: builds the release wasm and writes the page as a folder any static host
//! serves as it is (index.html and web/ with its modules, styles and the built pkg), leaving out
//! what only developers and tests use.

use std::fs;
use std::path::{Path, PathBuf};

use crate::repo::Repo;
use crate::tools::{RELEASE_BUILD_TOOLS, Toolbox};
use crate::wasm;

/// Where `dist` writes unless `--out` says otherwise, relative to the repository root.
pub const DEFAULT_OUT: &str = "target/dist";

/// Directories under web/ that are not part of the page (the benchmark page).
const SKIPPED_DIRS: [&str; 1] = ["bench"];
/// Files under web/ that the browser never loads: wasm-pack's npm metadata, and the page's
/// JSDoc types (web/shared/types.js, read only by `tsc`).
const SKIPPED_FILES: [&str; 3] = ["package.json", "README.md", "types.js"];
/// Endings of files the browser never loads: type declarations.
const SKIPPED_ENDINGS: [&str; 1] = [".d.ts"];

/// Builds the release wasm into web/pkg, then copies the page into `out` (default
/// [`DEFAULT_OUT`] in the repository; a relative `out` is taken from the current directory).
/// Returns the folder written.
pub fn run(repo: &Repo, out: Option<PathBuf>) -> Result<PathBuf, String> {
    let out = match out {
        Some(dir) if dir.is_relative() => std::env::current_dir()
            .map_err(|error| format!("cannot read the current directory: {error}"))?
            .join(dir),
        Some(dir) => dir,
        None => repo.path(DEFAULT_OUT),
    };
    Toolbox::default().ensure(repo, &RELEASE_BUILD_TOOLS)?;
    wasm::build_release(repo)?;
    let files = copy_site(repo.root(), &out)?;
    println!(
        "wrote {} files of the page to {}",
        files.len(),
        out.display()
    );
    Ok(out)
}

/// Copies the page under `root` (index.html, and web/ with its built pkg) into `out` and
/// returns the files written, relative to `out`. `out` is created, or emptied if it holds an
/// earlier copy; any other non-empty folder is refused, so nothing else is ever deleted.
pub fn copy_site(root: &Path, out: &Path) -> Result<Vec<PathBuf>, String> {
    for needed in ["index.html", "web/main.js", "web/pkg"] {
        if !root.join(needed).exists() {
            return Err(format!(
                "{} is missing: the page is not built (run `cargo xtask test --stage wasm-build`)",
                root.join(needed).display()
            ));
        }
    }
    prepare_out(root, out)?;
    let mut files = vec![PathBuf::from("index.html")];
    copy_file(&root.join("index.html"), &out.join("index.html"))?;
    copy_tree(
        &root.join("web"),
        &out.join("web"),
        Path::new("web"),
        &mut files,
    )?;
    if !files
        .iter()
        .any(|file| file.extension().is_some_and(|ext| ext == "wasm"))
    {
        return Err(format!(
            "no .wasm file under {}: the wasm is not built",
            root.join("web/pkg").display()
        ));
    }
    Ok(files)
}

/// Makes `out` an empty folder, refusing a folder that is not an earlier copy of the page or
/// that contains the repository.
fn prepare_out(root: &Path, out: &Path) -> Result<(), String> {
    let (root, target) = (absolute(root), absolute(out));
    if root.starts_with(&target) || target.starts_with(root.join("web")) {
        return Err(format!(
            "{} would overwrite the page itself: choose a folder outside the repository's web/",
            out.display()
        ));
    }
    if out.exists() {
        let entries = fs::read_dir(out)
            .map_err(|error| format!("cannot read {}: {error}", out.display()))?
            .count();
        let earlier_copy = out.join("index.html").is_file() && out.join("web/main.js").is_file();
        if entries > 0 && !earlier_copy {
            return Err(format!(
                "{} is not empty and is not an earlier copy of the page: refusing to overwrite it",
                out.display()
            ));
        }
        fs::remove_dir_all(out)
            .map_err(|error| format!("cannot empty {}: {error}", out.display()))?;
    }
    fs::create_dir_all(out).map_err(|error| format!("cannot create {}: {error}", out.display()))
}

/// `path` with its longest existing beginning resolved (symbolic links, `..`), so two paths
/// compare by where they lead even when the end of one does not exist yet.
fn absolute(path: &Path) -> PathBuf {
    let mut existing = path;
    let mut missing = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name);
                existing = parent;
            }
            _ => return path.to_path_buf(),
        }
    }
    let mut resolved = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    resolved.extend(missing.iter().rev());
    resolved
}

/// Copies the files the page loads from `from` into `to`, recording each as `relative/<name>`.
fn copy_tree(
    from: &Path,
    to: &Path,
    relative: &Path,
    files: &mut Vec<PathBuf>,
) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = fs::read_dir(from)
        .map_err(|error| format!("cannot read {}: {error}", from.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    entries.sort();
    for path in entries {
        let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            if !SKIPPED_DIRS.contains(&name) {
                copy_tree(&path, &to.join(name), &relative.join(name), files)?;
            }
        } else if !SKIPPED_FILES.contains(&name)
            && !SKIPPED_ENDINGS.iter().any(|end| name.ends_with(end))
        {
            copy_file(&path, &to.join(name))?;
            files.push(relative.join(name));
        }
    }
    Ok(())
}

/// Copies one file, creating its folder.
fn copy_file(from: &Path, to: &Path) -> Result<(), String> {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent)
            .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
    }
    fs::copy(from, to).map(|_| ()).map_err(|error| {
        format!(
            "cannot copy {} to {}: {error}",
            from.display(),
            to.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch folder for one test, removed when dropped.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("xtask-dist-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            assert!(fs::create_dir_all(&dir).is_ok());
            Self(dir)
        }

        fn write(&self, relative: &str, text: &str) {
            let path = self.0.join(relative);
            assert!(
                path.parent()
                    .is_some_and(|parent| fs::create_dir_all(parent).is_ok())
            );
            assert!(fs::write(path, text).is_ok());
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// A repository with a built page, a benchmark page, the page's JSDoc types and wasm-pack's
    /// extra files.
    fn built_repo(scratch: &Scratch) -> PathBuf {
        for (path, text) in [
            ("repo/index.html", "<!doctype html>"),
            ("repo/web/main.js", "import './pkg/p.js';"),
            ("repo/web/shared/style.css", "body {}"),
            ("repo/web/shared/types.js", "export {};"),
            ("repo/web/pkg/p.js", "export default 1;"),
            ("repo/web/pkg/p_bg.wasm", "\0asm"),
            ("repo/web/pkg/p.d.ts", "declare"),
            ("repo/web/pkg/p_bg.wasm.d.ts", "declare"),
            ("repo/web/pkg/package.json", "{}"),
            ("repo/web/pkg/.gitignore", "*"),
            ("repo/web/bench/index.html", "bench"),
            ("repo/e2e/page.test.mjs", "test"),
        ] {
            scratch.write(path, text);
        }
        scratch.0.join("repo")
    }

    fn names(files: &[PathBuf]) -> Vec<String> {
        files
            .iter()
            .map(|file| file.display().to_string())
            .collect()
    }

    #[test]
    fn copy_has_the_page_modules_and_wasm_and_nothing_for_developers() -> Result<(), String> {
        let scratch = Scratch::new("copy");
        let root = built_repo(&scratch);
        let out = scratch.0.join("site");
        let files = copy_site(&root, &out)?;
        assert_eq!(
            names(&files),
            [
                "index.html",
                "web/main.js",
                "web/pkg/p.js",
                "web/pkg/p_bg.wasm",
                "web/shared/style.css"
            ]
        );
        for file in &files {
            assert!(out.join(file).is_file(), "{} written", file.display());
        }
        assert_eq!(
            fs::read(out.join("web/pkg/p_bg.wasm")).ok(),
            Some(b"\0asm".to_vec())
        );
        assert!(!out.join("web/bench").exists() && !out.join("e2e").exists());
        assert!(!out.join("web/shared/types.js").exists());
        Ok(())
    }

    #[test]
    fn an_earlier_copy_is_replaced_but_another_folder_is_refused() -> Result<(), String> {
        let scratch = Scratch::new("replace");
        let root = built_repo(&scratch);
        let out = scratch.0.join("site");
        copy_site(&root, &out)?;
        scratch.write("site/web/stale.js", "old");
        copy_site(&root, &out)?;
        assert!(
            !out.join("web/stale.js").exists(),
            "an earlier copy is emptied first"
        );

        scratch.write("photos/cat.jpg", "meow");
        let error = copy_site(&root, &scratch.0.join("photos"))
            .err()
            .unwrap_or_default();
        assert!(error.contains("refusing"), "{error}");
        assert!(
            scratch.0.join("photos/cat.jpg").is_file(),
            "nothing else is deleted"
        );
        Ok(())
    }

    #[test]
    fn the_repository_itself_and_an_unbuilt_page_are_refused() {
        let scratch = Scratch::new("refuse");
        let root = built_repo(&scratch);
        for out in [root.clone(), root.join("web/copy"), scratch.0.clone()] {
            let error = copy_site(&root, &out).err().unwrap_or_default();
            assert!(error.contains("overwrite"), "{}: {error}", out.display());
        }
        assert!(root.join("web/main.js").is_file());
        assert!(fs::remove_file(root.join("web/pkg/p_bg.wasm")).is_ok());
        let error = copy_site(&root, &scratch.0.join("site"))
            .err()
            .unwrap_or_default();
        assert!(error.contains("no .wasm"), "{error}");
    }
}
