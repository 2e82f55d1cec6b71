//! Golden numbers of the words lab: links of each method, text and optimizer give exactly
//! the same losses and vectors after their updates on every run. The wasm browser test
//! (crates/wasm/tests/browser_words.rs) checks the same table in Chromium, so native and
//! wasm agree bit for bit.

use playground::Config;
use playground::words::WordsSession;

include!("golden/hash.rs");
include!("golden/check.rs");
include!("golden/words-links.rs");

/// The train and test loss bits of the words `link` after `steps` updates, and the hash of
/// its vectors then.
fn trained_words(link: &str, steps: u64) -> (u32, u32, u64) {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    let mut session = WordsSession::new(config).unwrap_or_else(|e| panic!("{link}: {e}"));
    session.train_steps(steps);
    assert_eq!(session.step(), steps, "{link}: training ended early");
    let evaluation = session.evaluate();
    (
        evaluation.train_loss.to_bits(),
        evaluation.test_loss.to_bits(),
        bits_hash(&session.all_vectors()),
    )
}

#[test]
fn golden_words_links_give_their_recorded_loss_and_vector_bits() {
    let wrong = changed_links(GOLDEN_WORDS_LINKS, trained_words);
    assert!(wrong.is_empty(), "losses or vectors changed for {wrong:?}");
}
