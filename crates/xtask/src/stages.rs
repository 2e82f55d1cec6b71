//! The stages of `cargo xtask test`, in order: what each checks, what it needs installed, and
//! the summary at the end.

use crate::e2e;
use crate::process;
use crate::repo::Repo;
use crate::tools::{RELEASE_BUILD_TOOLS, Tool, Toolbox, WASM_BUILD_TOOLS};
use crate::wasm;

/// Targets the core crates must build for without std.
const NO_STD_TARGETS: [&str; 2] = ["wasm32v1-none", "wasm32-unknown-unknown"];
/// The no_std build of the core crates, short of the target name.
const NO_STD_BUILD: &str = "build -p tensor -p playground --no-default-features --target";
/// The golden links natively in the release profile. The test profile (opt-level 1) leaves
/// loops scalar, so this is where the vectorized kernels meet the recorded bits.
const GOLDEN_RELEASE: &str = "test --release -p playground --test golden";
/// TypeScript's compiler from node_modules (package.json pins it); it only checks, never emits.
const TSC: &str = "node_modules/.bin/tsc";
/// The projects the `types` stage checks: the page (web/, with web/pkg's .d.ts) and the e2e tests.
const TYPE_PROJECTS: [&str; 2] = ["jsconfig.json", "e2e/jsconfig.json"];

/// One named group of checks.
pub struct Stage {
    /// The name `--stage` takes.
    pub name: &'static str,
    /// One line for the help text.
    pub about: &'static str,
    /// A stage whose output this one uses: when both run and that one fails, this one fails too.
    after: Option<&'static str>,
    run: fn(&Repo, &mut Toolbox) -> Result<(), String>,
}

/// Every stage, in the order `cargo xtask test` runs them.
pub const STAGES: [Stage; 9] = [
    Stage {
        name: "fmt",
        about: "cargo fmt --all --check",
        after: None,
        run: |repo, tools| {
            tools.ensure(repo, &[Tool::LintComponents])?;
            cargo(repo, "fmt --all --check")
        },
    },
    Stage {
        name: "clippy",
        about: "cargo clippy --workspace --all-targets -- -D warnings",
        after: None,
        run: |repo, tools| {
            tools.ensure(repo, &[Tool::LintComponents])?;
            cargo(repo, "clippy --workspace --all-targets -- -D warnings")
        },
    },
    Stage {
        name: "native",
        about: "cargo test --workspace",
        after: None,
        run: |repo, _| cargo(repo, "test --workspace"),
    },
    Stage {
        name: "no-std",
        about: "tensor and playground build without std (wasm32v1-none, wasm32-unknown-unknown)",
        after: None,
        run: |repo, tools| {
            tools.ensure(repo, &[Tool::WasmTargets])?;
            NO_STD_TARGETS
                .iter()
                .try_for_each(|target| cargo(repo, &format!("{NO_STD_BUILD} {target}")))
        },
    },
    Stage {
        name: "wasm-test",
        about: "wasm-pack test --headless --chrome crates/wasm (at least one test must run)",
        after: None,
        run: |repo, tools| {
            ensure_browser_test_tools(repo, tools)?;
            wasm::test_in_chromium(repo)
        },
    },
    Stage {
        name: "vector",
        about: "the golden links in release builds, which vectorize (SSE2 natively, SIMD128 in \
                Chromium): the losses and grids of the scalar test builds, bit for bit",
        after: None,
        run: |repo, tools| {
            cargo(repo, GOLDEN_RELEASE)?;
            ensure_browser_test_tools(repo, tools)?;
            wasm::golden_in_chromium_release(repo)
        },
    },
    Stage {
        name: "wasm-build",
        about: "wasm-pack build crates/wasm --release --target web into web/pkg, then wasm-opt -Os",
        after: None,
        run: |repo, tools| {
            repo.wasm_crate()?;
            tools.ensure(repo, &RELEASE_BUILD_TOOLS)?;
            wasm::build_release(repo)
        },
    },
    Stage {
        name: "types",
        about: "tsc --noEmit, strict, over the page's modules and the e2e tests (jsconfig.json, \
                e2e/jsconfig.json; uses web/pkg's .d.ts)",
        after: Some("wasm-build"),
        run: |repo, tools| {
            tools.ensure(repo, &[Tool::NodeModules])?;
            check_types(repo)
        },
    },
    Stage {
        name: "e2e",
        about: "node --test e2e/*.test.mjs: the page in headless Chromium (uses web/pkg)",
        after: Some("wasm-build"),
        run: |repo, tools| {
            tools.ensure(repo, &[Tool::Chromium, Tool::NodeModules])?;
            e2e::run_page_tests(repo)
        },
    },
];

/// What `wasm-pack test` in headless Chromium needs: the wasm crate, its build tools and
/// Chromium with its driver.
fn ensure_browser_test_tools(repo: &Repo, tools: &mut Toolbox) -> Result<(), String> {
    repo.wasm_crate()?;
    tools.ensure(repo, &WASM_BUILD_TOOLS)?;
    tools.ensure(repo, &[Tool::Chromium])
}

/// Runs `tsc --noEmit` on each of [`TYPE_PROJECTS`], all of them even when one fails.
fn check_types(repo: &Repo) -> Result<(), String> {
    if !repo.path("web/pkg/playground_wasm.d.ts").is_file() {
        return Err(
            "web/pkg/playground_wasm.d.ts is missing: run the wasm-build stage first".to_owned(),
        );
    }
    let tsc = repo.path(TSC);
    let errors: Vec<String> = TYPE_PROJECTS
        .into_iter()
        .filter_map(|project| {
            process::run(
                repo.command(&tsc.to_string_lossy())
                    .args(["--noEmit", "--pretty", "false", "-p", project]),
            )
            .err()
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// Runs `cargo` in the repository root with `args`, a space-separated argument list.
fn cargo(repo: &Repo, args: &str) -> Result<(), String> {
    process::run(repo.command("cargo").args(args.split_whitespace()))
}

/// The stages `names` picks, in run order; all of them when `names` is empty.
pub fn select(names: &[String]) -> Result<Vec<&'static Stage>, String> {
    if let Some(unknown) = names
        .iter()
        .find(|name| !STAGES.iter().any(|stage| stage.name == name.as_str()))
    {
        let known: Vec<&str> = STAGES.iter().map(|stage| stage.name).collect();
        return Err(format!(
            "unknown stage `{unknown}`; stages are: {}",
            known.join(", ")
        ));
    }
    Ok(STAGES
        .iter()
        .filter(|stage| names.is_empty() || names.iter().any(|name| name == stage.name))
        .collect())
}

/// Runs `stages` in order, announcing each and carrying on past failures; prints the failed
/// stages and a `N passed, N failed` line. Returns whether all passed.
pub fn run_all(repo: &Repo, stages: &[&Stage]) -> bool {
    let mut tools = Toolbox::default();
    let mut failed: Vec<&str> = Vec::new();
    for stage in stages {
        println!("==> stage: {}", stage.name);
        let result = match stage.after.filter(|needed| failed.contains(needed)) {
            Some(needed) => Err(format!("not run because stage {needed} failed")),
            None => (stage.run)(repo, &mut tools),
        };
        if let Err(message) = result {
            eprintln!("==> stage {} FAILED: {message}", stage.name);
            failed.push(stage.name);
        }
    }
    if !failed.is_empty() {
        println!("failed stages: {}", failed.join(", "));
    }
    println!(
        "xtask test: {} passed, {} failed",
        stages.len() - failed.len(),
        failed.len()
    );
    failed.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(stages: &[&Stage]) -> Vec<&'static str> {
        stages.iter().map(|stage| stage.name).collect()
    }

    #[test]
    fn no_names_selects_every_stage_in_order() -> Result<(), String> {
        let all = select(&[])?;
        assert_eq!(
            names(&all),
            [
                "fmt",
                "clippy",
                "native",
                "no-std",
                "wasm-test",
                "vector",
                "wasm-build",
                "types",
                "e2e"
            ]
        );
        Ok(())
    }

    #[test]
    fn selected_stages_keep_run_order() -> Result<(), String> {
        let picked = select(&["e2e".to_owned(), "wasm-build".to_owned()])?;
        assert_eq!(names(&picked), ["wasm-build", "e2e"]);
        Ok(())
    }

    #[test]
    fn unknown_stage_is_rejected_with_the_known_names() {
        let error = select(&["lint".to_owned()]).err().unwrap_or_default();
        assert!(
            error.contains("`lint`") && error.contains("wasm-test"),
            "{error}"
        );
    }

    #[test]
    fn every_after_names_an_earlier_stage() {
        for (index, stage) in STAGES.iter().enumerate() {
            if let Some(needed) = stage.after {
                assert!(STAGES[..index].iter().any(|earlier| earlier.name == needed));
            }
        }
    }
}
