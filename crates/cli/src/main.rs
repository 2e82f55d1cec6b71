//! `playground LINK`: reproduces a Backprop Playground share link headless,
//! printing its metrics as JSON lines, and optionally writes the trained
//! weights and the data. Owns the run loop and the exit status; the numbers
//! are the engine's, so they equal the page's bit for bit.

mod args;
mod report;

use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use args::{Command, DEFAULT_EPOCHS, Every, Length, Options};
use playground::{Config, Session};

fn main() -> ExitCode {
    match args::parse(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            print!("{}", args::HELP);
            ExitCode::SUCCESS
        }
        Ok(Command::Run(options)) => run(&options),
        Err(message) => {
            eprintln!("playground: {message}\nRun playground --help for usage.");
            ExitCode::from(2)
        }
    }
}

/// Reads the link, trains, reports and writes the files.
fn run(options: &Options) -> ExitCode {
    let parsed = Config::parse_query(&options.link);
    for warning in &parsed.warnings {
        eprintln!("warning: {warning}");
    }
    if !parsed.errors.is_empty() {
        for error in &parsed.errors {
            eprintln!("{error}");
        }
        return ExitCode::from(2);
    }
    let mut session = match Session::new(parsed.config) {
        Ok(session) => session,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let length = options.length.with_pause_at(session.config().pause_at);
    let printed = train(&mut session, length, options.every, &mut out)
        .and_then(|()| writeln!(out, "{}", report::summary_line(&session.metrics())))
        .and_then(|()| out.flush());
    match printed {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("playground: cannot write to stdout: {error}");
            return ExitCode::from(1);
        }
        _ => {}
    }
    let weights = options
        .export
        .as_deref()
        .map(|p| (p, session.export_weights()));
    let data = options.data.as_deref().map(|p| (p, data_text(&session, p)));
    for (path, text) in weights.into_iter().chain(data) {
        if let Err(error) = std::fs::write(path, text) {
            eprintln!("playground: cannot write {}: {error}", path.display());
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// Trains one update at a time until `length` or a stop, printing a metrics
/// line when `every` says one is due.
fn train(
    session: &mut Session,
    length: Length,
    every: Every,
    out: &mut impl Write,
) -> io::Result<()> {
    let done = |s: &Session| match length {
        Length::Steps(n) => s.step() >= n,
        Length::Epochs(n) => s.epoch() >= n,
        Length::UntilStopped => s.epoch() >= DEFAULT_EPOCHS,
    };
    while session.stopped().is_none() && !done(session) {
        let epoch = session.epoch();
        session.train_steps(1);
        let due = match every {
            Every::Steps(k) => session.step() % k == 0,
            Every::Epoch => session.epoch() > epoch,
            Every::Never => false,
        };
        if due {
            writeln!(out, "{}", report::metrics_line(&session.metrics()))?;
        }
    }
    Ok(())
}

/// The points as CSV, or as JSON when `path` ends in `.json`.
fn data_text(session: &Session, path: &Path) -> String {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        session.export_data_json()
    } else {
        session.export_data_csv()
    }
}
