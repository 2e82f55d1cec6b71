//! Golden numbers: varied links give exactly the same losses after 200 updates
//! on every run; the wasm browser tests check the same table in Chromium, so
//! native and wasm agree bit for bit.

use playground::{Config, Session};

include!("golden/links.rs");

/// The train and test loss bits of `link` after `steps` updates.
fn losses(link: &str, steps: u64) -> (u32, u32) {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    let mut session = Session::new(config).unwrap_or_else(|e| panic!("{link}: {e}"));
    session.train_steps(steps);
    let evaluation = session.evaluate();
    (
        evaluation.train_loss.to_bits(),
        evaluation.test_loss.to_bits(),
    )
}

#[test]
fn golden_links_give_their_recorded_loss_bits() {
    let print = std::env::var_os("GOLDEN_PRINT").is_some();
    let mut wrong = Vec::new();
    for &(link, steps, train, test) in GOLDEN_LINKS {
        let (got_train, got_test) = losses(link, steps);
        assert!(
            f32::from_bits(got_train).is_finite(),
            "{link}: train loss not finite"
        );
        if print {
            println!("    ({link:?}, {steps}, {got_train:#010x}, {got_test:#010x}),");
        }
        if (got_train, got_test) != (train, test) {
            wrong.push(link);
        }
    }
    assert!(wrong.is_empty(), "losses changed for {wrong:?}");
}
