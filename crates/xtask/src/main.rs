//! `cargo xtask`: installs missing tools, builds the wasm, serves the page, runs the test stages,
//! writes the page as a folder for a static host, times the workloads against their targets.

mod bench;
mod cli;
mod dist;
mod e2e;
mod fuzz;
mod lockfile;
mod mime;
mod paths;
mod process;
mod repo;
mod server;
mod stages;
mod tools;
mod wasm;

use std::process::ExitCode;

use cli::Command;
use repo::Repo;
use server::StaticServer;
use tools::{RELEASE_BUILD_TOOLS, Toolbox};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match cli::parse(&args) {
        Ok(command) => command,
        Err(message) => return usage_error(&message),
    };
    match command {
        Command::Help => {
            print!("{}", cli::help(&stages::STAGES));
            ExitCode::SUCCESS
        }
        Command::Serve { port } => match serve(port) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("xtask serve: {message}");
                ExitCode::FAILURE
            }
        },
        Command::Dist { out } => match Repo::locate().and_then(|repo| dist::run(&repo, out)) {
            Ok(_) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("xtask dist: {message}");
                ExitCode::FAILURE
            }
        },
        Command::Bench { quick } => {
            match Repo::locate().and_then(|repo| bench::run(&repo, quick)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("xtask bench: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Fuzz { seconds, target } => {
            match Repo::locate().and_then(|repo| fuzz::run(&repo, seconds, target.as_deref())) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("xtask fuzz: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Test { stages: names } => {
            let selected = match stages::select(&names) {
                Ok(selected) => selected,
                Err(message) => return usage_error(&message),
            };
            match Repo::locate() {
                Ok(repo) if stages::run_all(&repo, &selected) => ExitCode::SUCCESS,
                Ok(_) => ExitCode::FAILURE,
                Err(message) => {
                    eprintln!("xtask test: {message}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Builds the release wasm into `web/pkg`, then serves the repository root until killed.
fn serve(port: u16) -> Result<(), String> {
    let repo = Repo::locate()?;
    Toolbox::default().ensure(&repo, &RELEASE_BUILD_TOOLS)?;
    wasm::build_release(&repo)?;
    let server = StaticServer::start(repo.root(), port)?;
    println!("Serving Backprop Playground at {}", server.url());
    server.wait();
    Ok(())
}

/// Reports a command-line mistake with the help text; exit code 2.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("xtask: {message}\n");
    eprint!("{}", cli::help(&stages::STAGES));
    ExitCode::from(2)
}
