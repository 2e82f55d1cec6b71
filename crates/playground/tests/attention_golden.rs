//! Golden numbers of the attention lab: small links of each task and way of giving positions give exactly the
//! same losses and weights after a few hundred updates on every run. The wasm browser test
//! (crates/wasm/tests/browser_attention.rs) checks the same table in Chromium, so native and
//! wasm agree bit for bit.

use playground::Config;
use playground::attention::AttentionSession;

include!("golden/hash.rs");
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
    let print = std::env::var_os("GOLDEN_PRINT").is_some();
    let mut wrong = Vec::new();
    for &(link, steps, train, test, weights) in GOLDEN_ATTENTION_LINKS {
        let got @ (got_train, got_test, got_weights) = trained_attention(link, steps);
        assert!(
            f32::from_bits(got_test).is_finite(),
            "{link}: test loss not finite"
        );
        if print {
            println!(
                "    ({link:?}, {steps}, {got_train:#010x}, {got_test:#010x}, {got_weights:#018x}),"
            );
        }
        if got != (train, test, weights) {
            wrong.push(link);
        }
    }
    assert!(wrong.is_empty(), "losses or weights changed for {wrong:?}");
}
