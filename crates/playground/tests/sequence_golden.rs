//! Golden numbers of the sequence lab: small links of each task and cell give exactly the
//! same losses and weights after a few hundred updates on every run. The wasm browser test
//! (crates/wasm/tests/browser_sequence.rs) checks the same table in Chromium, so native and
//! wasm agree bit for bit.

use playground::Config;
use playground::sequence::SequenceSession;

include!("golden/hash.rs");
include!("golden/check.rs");
include!("golden/sequence-links.rs");

/// The train and test loss bits of the sequence `link` after `steps` updates, and the hash
/// of its weights then.
fn trained_sequence(link: &str, steps: u64) -> (u32, u32, u64) {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    let mut session = SequenceSession::new(config).unwrap_or_else(|e| panic!("{link}: {e}"));
    session.train_steps(steps);
    let evaluation = session.evaluate();
    let weights: Vec<f32> = session
        .model()
        .params()
        .flat_map(|p| p.data().iter().copied())
        .collect();
    (
        evaluation.train_loss.to_bits(),
        evaluation.test_loss.to_bits(),
        bits_hash(&weights),
    )
}

#[test]
fn golden_sequence_links_give_their_recorded_loss_and_weight_bits() {
    let wrong = changed_links(GOLDEN_SEQUENCE_LINKS, trained_sequence);
    assert!(wrong.is_empty(), "losses or weights changed for {wrong:?}");
}
