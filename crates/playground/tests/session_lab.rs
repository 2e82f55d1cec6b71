//! Each lab's session opens only its own lab's configs: another lab's is
//! refused with an error naming `lab` and the lab the session trains.

use playground::attention::AttentionSession;
use playground::digits::DigitsSession;
use playground::sequence::SequenceSession;
use playground::words::WordsSession;
use playground::{Config, ConfigError, Session};

include!("digits/shipped.rs");

/// The config of `link`, which must be valid.
fn config(link: &str) -> Config {
    Config::from_query(link).unwrap_or_else(|error| panic!("{link}: {error}"))
}

/// Checks that `opened` is the refusal of another lab's config by the session of `lab`.
fn assert_refused<S>(opened: Result<S, ConfigError>, lab: &str) {
    let Err(error) = opened else {
        panic!("the {lab} session opened another lab's config");
    };
    assert_eq!(error.key, "lab");
    assert!(
        error.message.contains(&format!("trains the {lab} lab")),
        "{}",
        error.message
    );
    assert!(error.message_zh.contains("实验室"), "{}", error.message_zh);
}

#[test]
fn every_session_refuses_another_labs_config_naming_lab() {
    let digits = config("lab=digits");
    assert_refused(Session::new(digits.clone()), "plane");
    assert_refused(SequenceSession::new(digits.clone()), "sequence");
    assert_refused(WordsSession::new(digits.clone()), "words");
    assert_refused(AttentionSession::new(digits), "attention");
    assert_refused(
        DigitsSession::new(config("lab=attention"), shipped_digits()),
        "digits",
    );
    assert!(DigitsSession::new(config("lab=digits"), shipped_digits()).is_ok());
    assert!(AttentionSession::new(config("lab=attention")).is_ok());
    assert!(SequenceSession::new(config("lab=sequence")).is_ok());
    assert!(WordsSession::new(config("lab=words")).is_ok());
    assert!(Session::new(config("")).is_ok());
}
