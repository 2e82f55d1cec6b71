//! Golden numbers of the attention lab: small links of each task and way of giving positions give exactly the
//! same losses and weights after a few hundred updates on every run. The wasm browser test
//! (crates/wasm/tests/browser_attention.rs) checks the same table in Chromium, so native and
//! wasm agree bit for bit.

use playground::Config;
use playground::attention::AttentionSession;

include!("golden/hash.rs");
include!("golden/check.rs");
include!("golden/attention-links.rs");

/// The train and test loss bits of the attention `link` after `steps` updates, and the hash
/// of its weights then.
fn trained_attention(link: &str, steps: u64) -> (u32, u32, u64) {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    let mut session = AttentionSession::new(config).unwrap_or_else(|e| panic!("{link}: {e}"));
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
fn golden_attention_links_give_their_recorded_loss_and_weight_bits() {
    let wrong = changed_links(GOLDEN_ATTENTION_LINKS, trained_attention);
    assert!(wrong.is_empty(), "losses or weights changed for {wrong:?}");
}
