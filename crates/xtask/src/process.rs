//! Runs child processes: echoes the command, streams or captures its output, and turns failure
//! into a message naming the command.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::thread::{self, JoinHandle};

/// Runs `command` with its output shown as it comes.
pub fn run(command: &mut Command) -> Result<(), String> {
    println!("$ {}", describe(command));
    let status = command
        .status()
        .map_err(|error| cannot_start(command, &error))?;
    check(command, status, "")
}

/// Runs `command` silently; on failure the error carries everything it printed.
pub fn run_quiet(command: &mut Command) -> Result<(), String> {
    let output = command
        .output()
        .map_err(|error| cannot_start(command, &error))?;
    let printed = format!(
        "\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    check(command, output.status, &printed)
}

/// Runs `command`, showing its output as it comes, and returns stdout and stderr as text.
pub fn run_tee(command: &mut Command) -> Result<String, String> {
    println!("$ {}", describe(command));
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| cannot_start(command, &error))?;
    let stdout = child.stdout.take().map(|pipe| tee(pipe, std::io::stdout));
    let stderr = child.stderr.take().map(|pipe| tee(pipe, std::io::stderr));
    let status = child
        .wait()
        .map_err(|error| format!("`{}` could not be waited for: {error}", describe(command)))?;
    let mut printed = String::new();
    for copier in [stdout, stderr].into_iter().flatten() {
        printed.push_str(&copier.join().unwrap_or_default());
    }
    check(command, status, "")?;
    Ok(printed)
}

/// The trimmed stdout of `command` if it starts and succeeds (for version probes), else `None`.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Copies `source` line by line to the stream `sink` opens, returning what passed through.
fn tee<R, W>(source: R, sink: fn() -> W) -> JoinHandle<String>
where
    R: Read + Send + 'static,
    W: Write + 'static,
{
    thread::spawn(move || {
        let mut reader = BufReader::new(source);
        let mut seen = String::new();
        let mut line = Vec::new();
        while reader
            .read_until(b'\n', &mut line)
            .is_ok_and(|read| read > 0)
        {
            let text = String::from_utf8_lossy(&line);
            // A closed terminal must not stop the copy: the caller still needs the text.
            let _ = sink().write_all(text.as_bytes());
            seen.push_str(&text);
            line.clear();
        }
        seen
    })
}

fn check(command: &Command, status: ExitStatus, printed: &str) -> Result<(), String> {
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{}` failed ({status}){printed}",
            describe(command)
        ))
    }
}

fn cannot_start(command: &Command, error: &std::io::Error) -> String {
    format!("cannot start `{}`: {error}", describe(command))
}

/// The command line as one string, for messages.
fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}
