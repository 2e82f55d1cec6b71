//! The hostile-link corpora read natively: tests/hostile/links.txt (the plane lab's, the same
//! links the Chromium and page tests try) and tests/hostile/digits-links.txt (the digits
//! lab's), with the sequence and words labs' beside them. Every link gives an error or a warning naming its key, none panics, each still
//! opens a session of its lab that trains, and reading one stays within the heap limits below.
//! The plane's links opened in the digits lab must not break it either.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Mutex, MutexGuard};

use peak_alloc::PeakAlloc;
use playground::attention::AttentionSession;
use playground::digits::DigitsSession;
use playground::sequence::SequenceSession;
use playground::settings::rows;
use playground::words::WordsSession;
use playground::{Config, Lab, MAX_LINK_LEN, Parsed, Session};

include!("hostile/corpus.rs");
include!("digits/shipped.rs");

/// The digits lab's corpus.
const DIGITS_LINKS_TXT: &str = include_str!("hostile/digits-links.txt");

/// The sequence lab's corpus.
const SEQUENCE_LINKS_TXT: &str = include_str!("hostile/sequence-links.txt");
const ATTENTION_LINKS_TXT: &str = include_str!("hostile/attention-links.txt");

/// The words lab's corpus.
const WORDS_LINKS_TXT: &str = include_str!("hostile/words-links.txt");

/// Every link of the four corpora.
fn every_link() -> Vec<HostileLink> {
    let mut links = hostile_links();
    links.extend(corpus(DIGITS_LINKS_TXT));
    links.extend(corpus(SEQUENCE_LINKS_TXT));
    links.extend(corpus(ATTENTION_LINKS_TXT));
    links.extend(corpus(WORDS_LINKS_TXT));
    links
}

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// The most heap reading one link may hold at once beyond what was in use before: a few
/// copies of the longest link accepted (the decoded values, the errors quoting them). About
/// 25 KiB is measured.
const LINK_HEAP_LIMIT: usize = 4 * MAX_LINK_LEN;
/// The most heap building the session of any link may hold at once: the largest network (8
/// layers of 128) on the most points (2000 plus 200 added), with its weight backup and
/// optimizer state. About 1.1 MiB is measured.
const SESSION_HEAP_LIMIT: usize = 2 << 20;
/// The same for the words lab, whose largest session is the longest pasted text (20,000
/// bytes: 10,000 one-letter words in one sentence) at the widest window, 160,000 skip-gram
/// examples of 12 bytes with the words read on the way. About 3.6 MiB is measured.
const WORDS_SESSION_HEAP_LIMIT: usize = 6 << 20;

/// The heap counters are process-wide: tests in this file take turns.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `f`, returning its result and the most heap it held at once beyond the start.
fn peak_heap<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let start = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let result = f();
    (result, HEAP.peak_usage().saturating_sub(start))
}

/// Reads `link` leniently, turning a panic into an error message.
fn parse(case: &HostileLink) -> Result<Parsed, String> {
    catch_unwind(AssertUnwindSafe(|| Config::parse_query(&case.link)))
        .map_err(|_| format!("links.txt:{}: the reader panicked", case.line))
}

/// A short form of a link for failure lists.
fn short(link: &str) -> String {
    let mut text: String = link.chars().take(60).collect();
    if link.chars().count() > 60 {
        text.push('…');
    }
    text
}

/// Checks what reading one link reported; returns what is wrong.
fn check_reported(case: &HostileLink, parsed: &Parsed) -> Result<(), String> {
    let named = |key: &str| {
        parsed.errors.iter().any(|e| e.key == key) || parsed.warnings.iter().any(|w| w.key == key)
    };
    match &case.key {
        Some(key) if !named(key) => {
            return Err(format!(
                "nothing names {key:?}: errors {:?}, warnings {:?}",
                parsed.errors, parsed.warnings
            ));
        }
        None if !parsed.errors.is_empty() || !parsed.warnings.is_empty() => {
            return Err(format!(
                "want a clean link: errors {:?}, warnings {:?}",
                parsed.errors, parsed.warnings
            ));
        }
        _ => {}
    }
    for error in &parsed.errors {
        let text = error.to_string();
        if !text.starts_with(&format!("{}={}: ", error.key, error.value))
            || error.value.chars().count() > 41
            || error.message.trim().len() < 10
        {
            return Err(format!("an unclear message: {text:?}"));
        }
    }
    for warning in &parsed.warnings {
        if warning.key.chars().count() > 40 || warning.message.trim().len() < 10 {
            return Err(format!("an unclear warning: {warning}"));
        }
    }
    let strict = Config::from_query(&case.link);
    if strict.as_ref().err() != parsed.errors.first() {
        return Err(format!(
            "the strict reader gives {:?}, the lenient one {:?}",
            strict.err(),
            parsed.errors.first()
        ));
    }
    Ok(())
}

/// Checks that the repaired config opens a session of its lab that trains and predicts
/// finite numbers.
fn check_usable(parsed: &Parsed) -> Result<(), String> {
    parsed
        .config
        .validate()
        .map_err(|e| format!("the repaired config is invalid: {e}"))?;
    let again = Config::from_query(&parsed.config.to_query())
        .map_err(|e| format!("the repaired link does not read back: {e}"))?;
    if again != parsed.config {
        return Err("the repaired link reads back as another config".into());
    }
    if parsed.config.lab == Lab::Digits {
        let mut session = DigitsSession::new(parsed.config.clone(), shipped_digits())
            .map_err(|e| format!("no digits session: {e}"))?;
        session.train_steps(3);
        let metrics = session.metrics();
        if !metrics.evaluation.test_loss.is_finite() {
            return Err("the digits test loss is not finite".into());
        }
        return Ok(());
    }
    if parsed.config.lab == Lab::Words {
        let mut session = WordsSession::new(parsed.config.clone())
            .map_err(|e| format!("no words session: {e}"))?;
        session.train_steps(2);
        let metrics = session.metrics();
        if !metrics.evaluation.train_loss.is_finite() && session.stopped().is_none() {
            return Err("the words train loss is not finite".into());
        }
        return Ok(());
    }
    if parsed.config.lab == Lab::Attention {
        let mut session = AttentionSession::new(parsed.config.clone())
            .map_err(|e| format!("no attention session: {e}"))?;
        session.train_steps(2);
        let metrics = session.metrics();
        if !metrics.evaluation.test_loss.is_finite() && session.stopped().is_none() {
            return Err("the attention test loss is not finite".into());
        }
        return Ok(());
    }
    if parsed.config.lab == Lab::Sequence {
        let mut session = SequenceSession::new(parsed.config.clone())
            .map_err(|e| format!("no sequence session: {e}"))?;
        session.train_steps(2);
        let metrics = session.metrics();
        if !metrics.evaluation.test_loss.is_finite() && session.stopped().is_none() {
            return Err("the sequence test loss is not finite".into());
        }
        return Ok(());
    }
    let mut session =
        Session::new(parsed.config.clone()).map_err(|e| format!("no session: {e}"))?;
    session.train_steps(3);
    let grid = session
        .predict_grid(8, 8)
        .map_err(|e| format!("no prediction: {e}"))?;
    if grid.probabilities().iter().any(|p| !p.is_finite()) {
        return Err("a prediction is not finite".into());
    }
    Ok(())
}

/// Runs `check` on every link of the corpus and fails with every link it rejects.
fn for_every_link(mut check: impl FnMut(&HostileLink) -> Result<(), String>) {
    let failures: Vec<String> = every_link()
        .iter()
        .filter_map(|case| {
            check(case)
                .err()
                .map(|why| format!("links.txt:{} {}: {why}", case.line, short(&case.link)))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_has_over_three_hundred_links_and_attacks_every_setting() {
    let _turn = serial();
    let links = hostile_links();
    assert!(links.len() >= 300, "{} links", links.len());
    let named = |key: &str| links.iter().any(|case| case.key.as_deref() == Some(key));
    let missing: Vec<&str> = rows(Lab::Plane)
        .map(|setting| setting.key)
        .chain(["link", "v", "initZero"])
        .filter(|key| !named(key))
        .collect();
    assert!(missing.is_empty(), "no hostile link for {missing:?}");
    let digits_links = corpus(DIGITS_LINKS_TXT);
    let digits_named = |key: &str| digits_links.iter().any(|c| c.key.as_deref() == Some(key));
    let own: Vec<&str> = rows(Lab::Digits)
        .filter(|setting| !setting.labs.has(Lab::Plane) || setting.key == "lab")
        .map(|setting| setting.key)
        .chain(["optimizer", "learningRate", "batchSize"])
        .filter(|key| !digits_named(key))
        .collect();
    assert!(own.is_empty(), "no digits hostile link for {own:?}");
    let sequence_links = corpus(SEQUENCE_LINKS_TXT);
    let sequence_named = |key: &str| sequence_links.iter().any(|c| c.key.as_deref() == Some(key));
    let own: Vec<&str> = rows(Lab::Sequence)
        .filter(|setting| !setting.labs.has(Lab::Plane) || setting.key == "lab")
        .map(|setting| setting.key)
        .chain(["optimizer", "learningRate", "batchSize", "initScale"])
        .filter(|key| !sequence_named(key))
        .collect();
    assert!(own.is_empty(), "no sequence hostile link for {own:?}");
    let words_links = corpus(WORDS_LINKS_TXT);
    let words_named = |key: &str| words_links.iter().any(|c| c.key.as_deref() == Some(key));
    let own: Vec<&str> = rows(Lab::Words)
        .filter(|setting| !setting.labs.has(Lab::Plane) || setting.key == "lab")
        .map(|setting| setting.key)
        .chain(["optimizer", "learningRate", "batchSize"])
        .filter(|key| !words_named(key))
        .collect();
    assert!(own.is_empty(), "no words hostile link for {own:?}");
    let attention_links = corpus(ATTENTION_LINKS_TXT);
    let attention_named = |key: &str| {
        attention_links
            .iter()
            .any(|c| c.key.as_deref() == Some(key))
    };
    let own: Vec<&str> = rows(Lab::Attention)
        .filter(|setting| !setting.labs.has(Lab::Plane) || setting.key == "lab")
        .map(|setting| setting.key)
        .chain(["optimizer", "learningRate", "batchSize"])
        .filter(|key| !attention_named(key))
        .collect();
    assert!(own.is_empty(), "no attention hostile link for {own:?}");
    let pasted = |c: &&HostileLink| c.key.as_deref() == Some("text");
    let kinds: [(&str, LinkTest); 3] = [
        ("empty", |link| link.ends_with("text=")),
        ("binary", |link| link.contains("text=%00")),
        ("huge", |link| link.len() > 20_000),
    ];
    for (kind, has) in kinds {
        assert!(
            words_links.iter().filter(pasted).any(|c| has(&c.link)),
            "no words hostile link with a {kind} pasted text"
        );
    }
    assert!(links.iter().any(|case| case.link.len() > MAX_LINK_LEN));
    assert!(links.iter().any(|case| case.key.is_none()));
}

#[test]
fn every_hostile_link_names_its_key_and_never_panics() {
    let _turn = serial();
    for_every_link(|case| check_reported(case, &parse(case)?));
}

#[test]
fn every_hostile_link_still_opens_a_session_that_trains() {
    let _turn = serial();
    for_every_link(|case| {
        let parsed = parse(case)?;
        catch_unwind(AssertUnwindSafe(|| check_usable(&parsed)))
            .unwrap_or_else(|_| Err("the session panicked".into()))
    });
}

#[test]
fn the_planes_hostile_links_opened_in_the_digits_lab_break_nothing() {
    let _turn = serial();
    let mut opened = std::collections::HashSet::new();
    let failures: Vec<String> = hostile_links()
        .into_iter()
        .filter(|case| !case.link.contains(['#', '?']))
        .filter_map(|case| {
            let link = format!("lab=digits&{}", case.link);
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let parsed = Config::parse_query(&link);
                let named = |key| parsed.errors.iter().any(|e| e.key == key);
                if parsed.config.lab != Lab::Digits && !named("lab") && !named("link") {
                    return Err("left the digits lab without naming lab".to_owned());
                }
                // Most links repair to the same few configs: train each once.
                match opened.insert(parsed.config.to_query()) {
                    true => check_usable(&parsed),
                    false => Ok(()),
                }
            }));
            match outcome {
                Ok(Ok(())) => None,
                Ok(Err(why)) => Some(format!("links.txt:{}: {why}", case.line)),
                Err(_) => Some(format!("links.txt:{}: panicked", case.line)),
            }
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reading_a_hostile_link_and_building_its_session_stay_within_the_heap_limits() {
    let _turn = serial();
    shipped_digits();
    let mut most = (0, 0);
    for_every_link(|case| {
        let (parsed, read) = peak_heap(|| Config::parse_query(&case.link));
        if read > LINK_HEAP_LIMIT {
            return Err(format!("reading held {read} bytes, over {LINK_HEAP_LIMIT}"));
        }
        let lab = parsed.config.lab;
        let (session, built) = match lab {
            Lab::Digits => {
                peak_heap(|| DigitsSession::new(parsed.config, shipped_digits()).map(drop))
            }
            Lab::Plane => peak_heap(|| Session::new(parsed.config).map(drop)),
            Lab::Sequence => peak_heap(|| SequenceSession::new(parsed.config).map(drop)),
            Lab::Words => peak_heap(|| WordsSession::new(parsed.config).map(drop)),
            Lab::Attention => peak_heap(|| AttentionSession::new(parsed.config).map(drop)),
        };
        drop(session);
        let limit = match lab {
            Lab::Words => WORDS_SESSION_HEAP_LIMIT,
            _ => SESSION_HEAP_LIMIT,
        };
        if built > limit {
            return Err(format!("the session held {built} bytes, over {limit}"));
        }
        most = (most.0.max(read), most.1.max(built));
        Ok(())
    });
    println!("most heap: {} bytes reading, {} building", most.0, most.1);
}

/// Whether a link is of some kind.
type LinkTest = fn(&str) -> bool;

/// Puts one field of a config out of its limits.
type Spoil = fn(&mut Config);

#[test]
fn a_config_built_field_by_field_out_of_its_limits_is_refused_naming_the_field() {
    let _turn = serial();
    let cases: [(&str, Spoil); 9] = [
        ("classes", |c| c.classes = 0),
        ("numSamples", |c| c.num_samples = (1 << 32) + 500),
        ("numSamples", |c| c.num_samples = 1_000_000_000),
        ("batchSize", |c| c.batch_size = 0),
        ("learningRate", |c| c.learning_rate = f32::NAN),
        ("networkShape", |c| c.network_shape = vec![100_000; 3]),
        ("dataset", |c| {
            c.dataset = playground::dataset::DatasetKind::Plane
        }),
        ("seed", |c| c.seed = String::new()),
        ("userPoints", |c| {
            c.user_points = vec![
                playground::dataset::Point {
                    x: 0.0,
                    y: 0.0,
                    label: 0.0
                };
                1000
            ];
        }),
    ];
    for (key, spoil) in cases {
        let mut config = Config::default();
        spoil(&mut config);
        let (result, heap) = peak_heap(|| Session::new(config).map(drop));
        match result {
            Err(error) => assert_eq!(error.key, key, "{error}"),
            Ok(()) => panic!("a session was built with a bad {key}"),
        }
        assert!(heap <= LINK_HEAP_LIMIT, "refusing {key} held {heap} bytes");
    }
}
