//! The command line: its options, their defaults and the help text. Owns
//! reading the arguments; knows nothing of training.

use std::path::PathBuf;

use playground::Lab;

/// How many epochs a run of `lab` without `--steps`, `--epochs` or `pauseAt`
/// trains at most: 1000 in the plane, 50 on the digits (where 20 reach 97%),
/// 30 in the sequence lab (3,000 updates), 20 in the attention lab (2,000
/// updates, twice what reversal needs); the words lab finishes at its own
/// `epochs` setting, which is never more than this.
pub fn default_epochs(lab: Lab) -> u64 {
    match lab {
        Lab::Plane => 1000,
        Lab::Digits => 50,
        Lab::Sequence => 30,
        Lab::Words => u64::from(playground::settings::MAX_WORDS_EPOCHS),
        Lab::Attention => 20,
    }
}

/// The text of `--help`.
pub const HELP: &str = "\
playground: train a Backprop Playground share link headless and print its metrics

USAGE:
    playground [--steps N | --epochs N] [--every K] [--export FILE] [--data FILE] LINK

LINK is a whole share URL, its part after '#', or the bare query
(e.g. 'learningRate=0.1&networkShape=4,2'); quote it for the shell.
TensorFlow Playground links work too. 'lab=digits&...' trains the digits
lab (a CNN on 8x8 handwritten digits) instead of the 2-D plane;
'lab=sequence&...' the sequence lab (an RNN, LSTM or GRU on text or on the
adding problem; an epoch there is 100 updates); 'lab=words&...' the words
lab (Word2Vec embeddings, trained to its epochs setting).

OPTIONS:
    --steps N       train N updates (fewer if training stops first)
    --epochs N      train N epochs (fewer if training stops first)
                    default: to the end of epoch N when the link has pauseAt=N
                    (the epoch the page pauses at), else until early
                    stopping or divergence stops training,
                    or 1000 epochs (50 with lab=digits, 30 with lab=sequence),
                    whichever comes first
    --every K       print a metrics line every K updates; 0 prints only the summary
                    default: one line per epoch
    --export FILE   write the trained weights as JSON (the page imports them);
                    with lab=words, {\"words\":[...],\"vectors\":[[...],...]}
    --data FILE     write the training and test points: CSV (x,y,label,split),
                    or JSON when FILE ends in .json (plane lab only)
    -h, --help      print this help

OUTPUT:
    stdout: one JSON object per line. Metrics lines have \"kind\":\"metrics\",
    step, epoch, trainLoss, testLoss, trainAccuracy, testAccuracy (null for
    regression), learningRate, batchLoss and gradNorms (one per layer, input
    side first); the last line has \"kind\":\"summary\", the same fields, and
    bestEpoch, stop (null, \"earlyStopped\" or \"diverged\"), message, and after
    a divergence its likely cause (\"learningRate\" or \"initScale\") and
    divergedLoss (the batch loss of the update that blew up). With
    lab=digits the summary adds parameters (the network's weights and
    biases) and shiftedAccuracy (test accuracy on test images shifted by 0,
    1, 2 and 3 pixels). With lab=words it adds parameters, vocabulary (the
    number of words), and for the built-in texts groupNeighbours (the share
    of group words whose nearest neighbour is in their group), similarPair
    and distantPair (cos(猫,狗) and cos(猫,汽车), or cat/dog and cat/car) and
    analogyRank (where 王后/queen ranks in 国王/king - 男人/man + 女人/woman).
    Numbers that are not finite are written null.
    stderr: the link's errors, one per line, and its warnings.

EXIT STATUS:
    0  trained (also when early stopping or divergence ended training)
    1  a file could not be written
    2  a bad link or bad options; nothing was trained
";

/// How long to train.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    /// This many updates.
    Steps(u64),
    /// This many epochs.
    Epochs(u64),
    /// Until training stops, or [`default_epochs`].
    UntilStopped,
}

impl Length {
    /// The length a run trains given the link's `pauseAt` (0: none): a run
    /// told no length trains to the end of the epoch the page pauses at, so
    /// the CLI checks a lesson where the learner sees it; `--steps` and
    /// `--epochs` win over it.
    pub fn with_pause_at(self, pause_at: u32) -> Self {
        match self {
            Length::UntilStopped if pause_at > 0 => Length::Epochs(u64::from(pause_at)),
            chosen => chosen,
        }
    }
}

/// When to print a metrics line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Every {
    /// After every this many updates.
    Steps(u64),
    /// After each epoch.
    Epoch,
    /// Only the summary.
    Never,
}

/// What one run does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// How long to train.
    pub length: Length,
    /// When to print metrics.
    pub every: Every,
    /// Where to write the trained weights.
    pub export: Option<PathBuf>,
    /// Where to write the points.
    pub data: Option<PathBuf>,
    /// The share link.
    pub link: String,
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Train and report.
    Run(Options),
    /// Print the help.
    Help,
}

/// Reads the arguments (without the program name). `--name value` and
/// `--name=value` are both accepted.
///
/// # Errors
/// A sentence on what is wrong: an unknown option, a missing or bad number,
/// both `--steps` and `--epochs`, no link or two.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let mut length = None;
    let mut every = Every::Epoch;
    let (mut export, mut data, mut link) = (None, None, None);
    while let Some(arg) = args.next() {
        if !arg.starts_with('-') || arg == "-" {
            if link.replace(arg).is_some() {
                return Err("give one LINK only".into());
            }
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_string(), Some(value.to_string())),
            None => (arg, None),
        };
        if matches!(name.as_str(), "-h" | "--help") {
            return Ok(Command::Help);
        }
        let Some(value) = inline.or_else(|| args.next()) else {
            return Err(format!("{name} needs a value"));
        };
        let count = || -> Result<u64, String> {
            value
                .parse::<u64>()
                .map_err(|_| format!("{name} must be a whole number, not {value:?}"))
        };
        match name.as_str() {
            "--steps" | "--epochs" => {
                let n = count()?;
                let chosen = if name == "--steps" {
                    Length::Steps(n)
                } else {
                    Length::Epochs(n)
                };
                if length.replace(chosen).is_some() {
                    return Err("give --steps or --epochs, once".into());
                }
            }
            "--every" => {
                every = match count()? {
                    0 => Every::Never,
                    k => Every::Steps(k),
                }
            }
            "--export" => export = Some(PathBuf::from(value)),
            "--data" => data = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown option {name}")),
        }
    }
    let link = link.ok_or("give a share LINK to train")?;
    Ok(Command::Run(Options {
        length: length.unwrap_or(Length::UntilStopped),
        every,
        export,
        data,
        link,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(|a| (*a).to_string()))
    }

    #[test]
    fn a_bare_link_trains_until_stopped_reporting_each_epoch() {
        let expected = Options {
            length: Length::UntilStopped,
            every: Every::Epoch,
            export: None,
            data: None,
            link: "noise=5".into(),
        };
        assert_eq!(parse_strs(&["noise=5"]), Ok(Command::Run(expected)));
    }

    #[test]
    fn a_pause_epoch_sets_the_length_only_when_none_was_given() {
        assert_eq!(Length::UntilStopped.with_pause_at(7), Length::Epochs(7));
        assert_eq!(Length::UntilStopped.with_pause_at(0), Length::UntilStopped);
        assert_eq!(Length::Epochs(3).with_pause_at(7), Length::Epochs(3));
        assert_eq!(Length::Steps(5).with_pause_at(7), Length::Steps(5));
    }

    #[test]
    fn options_take_separate_or_inline_values() {
        let Ok(Command::Run(options)) = parse_strs(&[
            "--steps=40",
            "--every",
            "0",
            "--export",
            "w.json",
            "--data=d.csv",
            "#x=true",
        ]) else {
            panic!("not a run");
        };
        assert_eq!(options.length, Length::Steps(40));
        assert_eq!(options.every, Every::Never);
        assert_eq!(options.export, Some(PathBuf::from("w.json")));
        assert_eq!(options.data, Some(PathBuf::from("d.csv")));
        assert_eq!(options.link, "#x=true");
    }

    #[test]
    fn bad_command_lines_say_what_is_wrong() {
        for (args, message) in [
            (&[][..], "give a share LINK"),
            (&["a=1", "b=2"][..], "one LINK only"),
            (
                &["--steps", "x", "a=1"][..],
                "--steps must be a whole number",
            ),
            (
                &["--steps", "-3", "a=1"][..],
                "--steps must be a whole number",
            ),
            (
                &["--steps", "1", "--epochs", "1", "a=1"][..],
                "--steps or --epochs",
            ),
            (&["a=1", "--every"][..], "--every needs a value"),
            (&["--fast", "1", "a=1"][..], "unknown option --fast"),
        ] {
            let error = parse_strs(args).err().unwrap_or_default();
            assert!(error.contains(message), "{args:?}: {error}");
        }
        assert_eq!(parse_strs(&["a=1", "--help"]), Ok(Command::Help));
    }
}
