//! `playground LINK`: reproduces a Backprop Playground share link headless,
//! printing its metrics as JSON lines, and optionally writes the trained
//! weights and the data. Owns the run loop and the exit status; the numbers
//! are the engine's, so they equal the page's bit for bit.

mod args;
mod digits;
mod report;
mod trainer;

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use args::{Command, Every, Length, Options};
use playground::attention::AttentionSession;
use playground::digits::DigitsSession;
use playground::sequence::SequenceSession;
use playground::words::WordsSession;
use playground::{Config, Lab, Session};
use trainer::Trainer;

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
    let config = parsed.config;
    if config.lab != Lab::Plane && options.data.is_some() {
        eprintln!(
            "playground: --data writes the plane lab's points; lab={} has none to write",
            config.lab.name()
        );
        return ExitCode::from(2);
    }
    if matches!(config.lab, Lab::Sequence | Lab::Attention) && options.export.is_some() {
        eprintln!(
            "playground: --export does not write the {} lab's weights yet",
            config.lab.name()
        );
        return ExitCode::from(2);
    }
    let files = match config.lab {
        Lab::Plane => Session::new(config)
            .map_err(|error| error.to_string())
            .and_then(|mut session| {
                train_and_report(&mut session, options)?;
                Ok(plane_files(&session, options))
            }),
        Lab::Digits => digits::shipped()
            .and_then(|data| DigitsSession::new(config, &data).map_err(|e| e.to_string()))
            .and_then(|mut session| {
                train_and_report(&mut session, options)?;
                Ok(options
                    .export
                    .iter()
                    .map(|path| (path.clone(), digits::export(&session)))
                    .collect())
            }),
        Lab::Sequence => SequenceSession::new(config)
            .map_err(|error| error.to_string())
            .and_then(|mut session| {
                train_and_report(&mut session, options)?;
                Ok(Vec::new())
            }),
        Lab::Attention => AttentionSession::new(config)
            .map_err(|error| error.to_string())
            .and_then(|mut session| {
                train_and_report(&mut session, options)?;
                Ok(Vec::new())
            }),
        Lab::Words => WordsSession::new(config)
            .map_err(|error| error.to_string())
            .and_then(|mut session| {
                train_and_report(&mut session, options)?;
                Ok(options
                    .export
                    .iter()
                    .map(|path| (path.clone(), session.vectors_file()))
                    .collect())
            }),
    };
    let files = match files {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    for (path, text) in files {
        if let Err(error) = std::fs::write(&path, text) {
            eprintln!("playground: cannot write {}: {error}", path.display());
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// Trains `session` as the options say and prints its lines. A closed stdout
/// (`| head`) is not an error.
///
/// # Errors
/// A message if stdout cannot be written.
fn train_and_report(session: &mut impl Trainer, options: &Options) -> Result<(), String> {
    let config = session.config();
    let length = options.length.with_pause_at(config.pause_at);
    let most = args::default_epochs(config.lab);
    let mut out = BufWriter::new(io::stdout().lock());
    let printed = train(session, length, most, options.every, &mut out)
        .and_then(|()| {
            let metrics = session.metrics();
            let lab = session.lab_fields(&metrics);
            writeln!(out, "{}", report::summary_line(&metrics, lab))
        })
        .and_then(|()| out.flush());
    match printed {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(format!("playground: cannot write to stdout: {error}"))
        }
        _ => Ok(()),
    }
}

/// The plane lab's files: the weights (`--export`) and the points (`--data`).
fn plane_files(session: &Session, options: &Options) -> Vec<(PathBuf, String)> {
    let weights = options
        .export
        .iter()
        .map(|p| (p.clone(), session.export_weights()));
    let data = options
        .data
        .iter()
        .map(|p| (p.clone(), data_text(session, p)));
    weights.chain(data).collect()
}

/// Trains one update at a time until `length` (or `most` epochs when it is
/// until training stops) or a stop, printing a metrics line when `every` says
/// one is due.
fn train(
    session: &mut impl Trainer,
    length: Length,
    most: u64,
    every: Every,
    out: &mut impl Write,
) -> io::Result<()> {
    let done = |s: &dyn Trainer| match length {
        Length::Steps(n) => s.step() >= n,
        Length::Epochs(n) => s.epoch() >= n,
        Length::UntilStopped => s.epoch() >= most,
    };
    while !session.stopped() && !done(session) {
        let epoch = session.epoch();
        session.train_step();
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
