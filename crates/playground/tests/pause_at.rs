//! The `pauseAt` row: an epoch at which the page pauses by itself. It travels in
//! the link like every row, is validated by the table with its key and range in
//! both languages, applies live, and never changes what training computes.

use playground::Lab;
use playground::settings::find;
use playground::{Config, Session};

fn config(link: &str) -> Config {
    Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"))
}

#[test]
fn pause_at_defaults_to_never_and_is_left_out_of_the_link() {
    assert_eq!(Config::default().pause_at, 0);
    assert!(!Config::default().to_query().contains("pauseAt"));
    let paused = config("pauseAt=7");
    assert_eq!(paused.pause_at, 7);
    assert!(
        paused.to_query().contains("pauseAt=7"),
        "{}",
        paused.to_query()
    );
    assert_eq!(config(&paused.to_query()), paused);
    assert_eq!(config("pauseAt=1000000").pause_at, 1_000_000);
}

#[test]
fn a_bad_pause_at_names_the_key_and_the_range_in_both_languages() {
    for value in ["-1", "1000001", "7.5", "1e3", "", "seven"] {
        let error = Config::from_query(&format!("pauseAt={value}"))
            .err()
            .unwrap_or_else(|| panic!("pauseAt={value} accepted"));
        assert_eq!(error.key, "pauseAt");
        assert_eq!(
            error.message,
            "Pause at epoch must be a whole number from 0 to 1000000"
        );
        assert_eq!(error.message_zh, "在第几轮暂停须为 0 到 1000000 之间的整数");
    }
}

#[test]
fn pause_at_is_a_live_view_setting_that_training_never_reads() {
    let Some(row) = find(Lab::Plane, "pauseAt") else {
        panic!("no pauseAt row");
    };
    assert_eq!(row.group, playground::settings::Group::View);
    assert_eq!(row.applies, playground::settings::Applies::Live);
    let mut plain = Session::new(config("")).unwrap_or_else(|e| panic!("{e}"));
    let mut paused = Session::new(config("pauseAt=3")).unwrap_or_else(|e| panic!("{e}"));
    plain.train_epochs(5);
    paused.train_epochs(5);
    assert_eq!(paused.epoch(), 5, "the engine does not pause by itself");
    assert_eq!(plain.metrics().evaluation, paused.metrics().evaluation);
}
