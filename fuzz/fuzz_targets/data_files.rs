//! Any bytes as an imported file (the page's data and weights imports): `parse_data` and
//! `Session::import_weights` never panic, a refused import leaves the session as it was, and
//! an accepted one still predicts.
#![no_main]

use std::sync::Mutex;

use libfuzzer_sys::fuzz_target;
use playground::session::parse_data;
use playground::{Config, Session};

/// One small session reused across runs (building one per run would dominate the time).
static SESSION: Mutex<Option<Session>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse_data(&text);
    let mut slot = SESSION
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if slot.is_none() {
        let config = Config::from_query("networkShape=3,2&numSamples=20").expect("a good link");
        *slot = Some(Session::new(config).expect("a good config"));
    }
    let Some(session) = slot.as_mut() else { return };
    let before = session.export_weights();
    match session.import_weights(&text) {
        Ok(()) => {
            let _ = session.predict_outputs(3, 3).expect("a 3 x 3 grid");
            session.reset();
        }
        Err(message) => {
            assert!(!message.en.is_empty() && !message.zh.is_empty());
            assert_eq!(
                session.export_weights(),
                before,
                "a refused import changed the weights"
            );
        }
    }
});
