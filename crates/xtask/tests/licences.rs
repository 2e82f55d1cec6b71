//! The repository states its licences: both texts of the code's dual licence sit at the root
//! and, for wasm-pack, beside crates/wasm's Cargo.toml, and every data file is named in the
//! README's licence section with the licence it comes under.

use std::fs;
use std::path::{Path, PathBuf};

/// The two licence texts of `MIT OR Apache-2.0`.
const LICENCES: [&str; 2] = ["LICENSE-MIT", "LICENSE-APACHE"];
/// Endings of files that hold data rather than code or configuration.
const DATA_ENDINGS: [&str; 13] = [
    ".json", ".csv", ".tsv", ".txt", ".dict", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp",
    ".bin", ".npy",
];
/// Files with a data ending that configure tools: code, under the code's licence.
const CONFIG_FILES: [&str; 5] = [
    "package.json",
    "package-lock.json",
    "jsconfig.json",
    "tsconfig.json",
    "webdriver.json",
];
/// Licences a data file may be stated under, as SPDX names.
const KNOWN_LICENCES: [&str; 5] = [
    "MIT OR Apache-2.0",
    "Apache-2.0",
    "CC0-1.0",
    "CC-BY-4.0",
    "BSD-3-Clause",
];
/// Directories that are built, installed or generated, never part of the repository.
const GENERATED_DIRS: [&str; 9] = [
    ".git",
    "target",
    "node_modules",
    "pkg",
    ".tmp",
    "test-output",
    "corpus",
    "artifacts",
    "coverage",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Every data file under `dir`, as paths relative to the repository root with `/` separators.
fn data_files(dir: &Path, found: &mut Vec<String>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !GENERATED_DIRS.contains(&name.as_str()) {
                data_files(&path, found);
            }
        } else if DATA_ENDINGS.iter().any(|ending| name.ends_with(ending))
            && !CONFIG_FILES.contains(&name.as_str())
        {
            let relative = path.strip_prefix(root()).unwrap_or(&path);
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The README's `## Licence` section, up to the next `## ` heading.
fn licence_section(readme: &str) -> &str {
    let Some(start) = readme.find("\n## Licence\n") else {
        panic!("README.md has no `## Licence` section");
    };
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |at| at + 3);
    &rest[..end]
}

#[test]
fn both_licence_texts_are_at_the_root_and_beside_the_wasm_crate_for_wasm_pack() {
    // wasm-pack copies `LICENSE*` from the crate's own directory into the package (and so
    // into `cargo xtask dist`), and warns that the LICENSE file is missing when there is none
    for name in LICENCES {
        let text = read(&root().join(name));
        assert!(text.len() > 1000, "{name} is not a licence text");
        assert_eq!(
            read(&root().join("crates/wasm").join(name)),
            text,
            "crates/wasm/{name} differs from the root's"
        );
    }
    assert!(read(&root().join("LICENSE-MIT")).starts_with("MIT License"));
    assert!(read(&root().join("LICENSE-APACHE")).contains("Version 2.0, January 2004"));
    for manifest in ["Cargo.toml", "package.json"] {
        assert!(
            read(&root().join(manifest)).contains("\"MIT OR Apache-2.0\""),
            "{manifest} does not declare MIT OR Apache-2.0"
        );
    }
}

#[test]
fn every_data_file_has_its_licence_stated_in_the_readme() {
    let mut found = Vec::new();
    data_files(&root(), &mut found);
    assert!(
        found
            .iter()
            .any(|path| path == "crates/tensor/tests/data/tfp-w1.json"),
        "the search missed a known data file: {found:?}"
    );
    let readme = read(&root().join("README.md"));
    let section = licence_section(&readme);
    let unstated: Vec<&String> = found
        .iter()
        .filter(|path| {
            !section
                .lines()
                .filter(|line| line.contains(&format!("`{path}`")))
                .any(|line| KNOWN_LICENCES.iter().any(|licence| line.contains(licence)))
        })
        .collect();
    assert!(
        unstated.is_empty(),
        "data files with no licence ({KNOWN_LICENCES:?}) on their line of README.md's \
         `## Licence` section: {unstated:?}"
    );
}
