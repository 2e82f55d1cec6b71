//! Runs wasm-pack on crates/wasm: the release packages the page loads (then binaryen's wasm-opt
//! on them), and the crate's tests in headless Chromium.

use crate::process::{run, run_tee};
use crate::repo::Repo;
use crate::tools::CHROMEDRIVER;

/// `wasm-pack build` flags for the page's package: `--no-opt` skips wasm-opt, which wasm-pack
/// would otherwise download; `--mode no-install` makes it use the wasm-bindgen-cli on PATH.
const BUILD_FLAGS: &str = "--release --target web --no-opt --mode no-install";
/// binaryen's wasm-opt from node_modules (package.json pins it; Debian's binaryen 108 writes
/// broken modules).
const WASM_OPT: &str = "node_modules/.bin/wasm-opt";
/// wasm-opt flags: optimise for size (the .wasm shrinks by about 8%; V8 optimises the hot
/// loops itself; -Os comes out about 400 B smaller than -Oz here, and no slower), with the
/// features rustc enables for wasm32-unknown-unknown plus SIMD, and without the custom
/// sections no browser reads (producers, target features). `--low-memory-unused` lets
/// wasm-opt fold constant offsets into loads and stores (2.5 KB less): it assumes the
/// lowest 1 KB of memory is never touched, and here that is the far end of the 1 MB stack
/// (rustc links the stack first, growing down to 0), reached only by a stack about to
/// overflow. `--converge` repeats -Os until the module stops shrinking (140 B).
const WASM_OPT_FLAGS: &str = "-Os --low-memory-unused --converge --enable-simd \
     --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
     --enable-mutable-globals --enable-multivalue --enable-reference-types \
     --strip-producers --strip-target-features";
/// The release packages: where each goes, the crate features it is built with and cargo
/// settings of its own. The plane page loads `web/pkg`, built without the other labs' handles
/// so it stays small; a lab's page loads its own package when the learner opens it.
/// The digits, sequence, words and attention labs share `web/pkg-digits` (cargo reads a
/// comma-separated feature list), so the labs take one release build between them.
///
/// The plane's package compiles the `playground` crate (the settings table and its texts for
/// every lab's form, the codec, the plane's session) for size: with the attention lab's rows
/// the module was 251,240 B at opt-level 3 and is 240,446 B so (the 250 KB budget), while the
/// numeric work stays in `tensor` at opt-level 3. Under node, W1 trained 428k updates/s
/// against 424k at opt-level 3 and the 100 x 100 grid drew as fast (2,397/s against 2,010/s);
/// W2 within noise (2,097 against 2,183 updates/s).
const PACKAGES: [(&str, &str, &[&str]); 2] = [
    (
        "web/pkg",
        "",
        &[
            "--config",
            "profile.release.package.playground.opt-level=\"s\"",
        ],
    ),
    ("web/pkg-digits", "digits,sequence,words,attention", &[]),
];
/// The module of a package, inside its folder.
const MODULE: &str = "playground_wasm_bg.wasm";
/// `wasm-pack test` flags: headless Chromium, with Debian's chromedriver passed separately.
const TEST_FLAGS: &str = "--headless --chrome --mode no-install";

/// Builds crates/wasm in release mode into each of [`PACKAGES`] as an ES module for the page,
/// then optimises each module in place with wasm-opt (needs `tools::RELEASE_BUILD_TOOLS`).
pub fn build_release(repo: &Repo) -> Result<(), String> {
    let krate = repo.wasm_crate()?;
    let wasm_opt = repo.path(WASM_OPT);
    for (folder, features, cargo) in PACKAGES {
        run(repo
            .command("wasm-pack")
            .arg("build")
            .args(BUILD_FLAGS.split_whitespace())
            .arg("--out-dir")
            .arg(repo.path(folder))
            .arg(&krate)
            .args(["--no-default-features", "--features", features])
            .args(cargo))?;
        let module = repo.path(folder).join(MODULE);
        run(repo
            .command(&wasm_opt.to_string_lossy())
            .args(WASM_OPT_FLAGS.split_whitespace())
            .arg(&module)
            .arg("-o")
            .arg(&module))?;
    }
    Ok(())
}

/// Runs the crate's `run_in_browser` tests in headless Chromium; fails if none ran.
pub fn test_in_chromium(repo: &Repo) -> Result<(), String> {
    match browser_tests(repo, &[], &[])? {
        0 => Err("no wasm test ran in Chromium: browser tests need \
                  `wasm_bindgen_test_configure!(run_in_browser);` in their file"
            .to_owned()),
        _ => Ok(()),
    }
}

/// Runs the browser tests' golden links (the plane's in `browser.rs`, the digits lab's in
/// `browser_digits.rs`, the sequence lab's in `browser_sequence.rs`, the words lab's in
/// `browser_words.rs`, the attention lab's in `browser_attention.rs`) in a release build in
/// headless Chromium: unlike the test profile's, its loops are vectorized with SIMD128, and they
/// must give the natively recorded numbers too. Fails unless all five ran.
pub fn golden_in_chromium_release(repo: &Repo) -> Result<(), String> {
    let cargo_args = [
        "--test",
        "browser",
        "--test",
        "browser_digits",
        "--test",
        "browser_attention",
        "--test",
        "browser_sequence",
        "--test",
        "browser_words",
        "--",
        GOLDEN_TEST,
    ];
    match browser_tests(repo, &["--release"], &cargo_args)? {
        ran if ran < 5 => Err(format!(
            "{GOLDEN_TEST}: {ran} of the 5 golden tests ran in the release build in Chromium"
        )),
        _ => Ok(()),
    }
}

/// `wasm-pack test` of crates/wasm in headless Chromium with `flags` for wasm-pack and
/// `cargo_args` after the crate path (wasm-pack passes those on to cargo; after `--`, to the
/// test binaries); returns how many tests passed.
fn browser_tests(repo: &Repo, flags: &[&str], cargo_args: &[&str]) -> Result<u32, String> {
    let krate = repo.wasm_crate()?;
    let output = run_tee(
        repo.command("wasm-pack")
            .arg("test")
            .args(flags)
            .args(TEST_FLAGS.split_whitespace())
            .args(["--chromedriver", CHROMEDRIVER])
            .arg(&krate)
            .args(cargo_args)
            .env("TMPDIR", repo.scratch_dir()?),
    )?;
    Ok(passed_count(&output))
}

/// The browser test that checks the golden links' loss bits and grids.
const GOLDEN_TEST: &str = "golden_links_give_the_natively_recorded_losses_and_grids";

/// The sum of N over the `test result: ok. N passed; ...` lines in `output`.
fn passed_count(output: &str) -> u32 {
    output
        .lines()
        .filter_map(|line| {
            line.split_once("test result: ok. ")?
                .1
                .split_once(" passed")
        })
        .filter_map(|(count, _)| count.trim().parse::<u32>().ok())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passed_counts_add_up_over_test_binaries() {
        let output = "running 2 tests\n\
                      test result: ok. 2 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.01s\n\
                      test result: ok. 3 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.02s\n";
        assert_eq!(passed_count(output), 5);
    }

    #[test]
    fn skipped_tests_count_as_none() {
        let output = "no tests to run!\n\
                      test result: ok. 0 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.00s\n";
        assert_eq!(passed_count(output), 0);
    }
}
