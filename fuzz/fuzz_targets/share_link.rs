//! Any bytes as a share link: the reader never panics, always yields a valid config that
//! writes back to a link reading as the same config, the strict reader fails with the lenient
//! one's first error, and messages quote values briefly. Reading the same text on top of a
//! non-default config (how the form applies changes) holds to the same rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use playground::{Config, Parsed, percent_decode};

/// The rules every reading of `text` must keep.
fn check(text: &str, parsed: &Parsed) {
    assert_eq!(parsed.config.validate(), Ok(()), "{text:?}");
    let written = parsed.config.to_query();
    assert_eq!(
        Config::from_query(&written).as_ref(),
        Ok(&parsed.config),
        "{text:?} -> {written:?}"
    );
    for error in &parsed.errors {
        assert!(error.value.chars().count() <= 41, "{error}");
        assert!(!error.message.is_empty(), "{error}");
    }
    for warning in &parsed.warnings {
        assert!(warning.key.chars().count() <= 40, "{warning}");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = percent_decode(&text);
    let parsed = Config::parse_query(&text);
    check(&text, &parsed);
    assert_eq!(
        Config::from_query(&text).err().as_ref(),
        parsed.errors.first(),
        "{text:?}"
    );
    let mut base = Config::default();
    base.network_shape = vec![3];
    base.classes = 3;
    base.learning_rate = 0.5;
    let layered = base.apply_query(&text);
    check(&text, &layered);
});
