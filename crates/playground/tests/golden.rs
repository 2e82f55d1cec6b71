//! Golden numbers: varied links give exactly the same losses, and the same
//! grid of predictions and unit maps, after 200 updates on every run; the wasm
//! browser tests check the same table in Chromium, so native and wasm agree
//! bit for bit (`cargo xtask test` also runs both in release builds). The digits lab's
//! links give the same losses and weights every run.

use playground::digits::DigitsSession;
use playground::{Config, Session};

include!("golden/hash.rs");
include!("golden/links.rs");
include!("golden/digits-links.rs");
include!("digits/shipped.rs");

/// The train and test loss bits of `link` after `steps` updates, and the hash
/// of its grid then.
fn trained(link: &str, steps: u64) -> (u32, u32, u64) {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    let mut session = Session::new(config).unwrap_or_else(|e| panic!("{link}: {e}"));
    session.train_steps(steps);
    let evaluation = session.evaluate();
    let grid = session
        .predict_grid(GOLDEN_GRID, GOLDEN_GRID)
        .unwrap_or_else(|e| panic!("{link}: {e}"));
    (
        evaluation.train_loss.to_bits(),
        evaluation.test_loss.to_bits(),
        bits_hash(&grid.values),
    )
}

#[test]
fn golden_links_give_their_recorded_loss_bits_and_grids() {
    let print = std::env::var_os("GOLDEN_PRINT").is_some();
    let mut wrong = Vec::new();
    for &(link, steps, train, test, grid) in GOLDEN_LINKS {
        let got @ (got_train, got_test, got_grid) = trained(link, steps);
        assert!(
            f32::from_bits(got_train).is_finite(),
            "{link}: train loss not finite"
        );
        if print {
            println!(
                "    ({link:?}, {steps}, {got_train:#010x}, {got_test:#010x}, {got_grid:#018x}),"
            );
        }
        if got != (train, test, grid) {
            wrong.push(link);
        }
    }
    assert!(wrong.is_empty(), "losses or grids changed for {wrong:?}");
}

/// The train and test loss bits of the digits `link` after `steps` updates, and the hash of
/// its weights then.
fn trained_digits(link: &str, steps: u64) -> (u32, u32, u64) {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    let mut session =
        DigitsSession::new(config, shipped_digits()).unwrap_or_else(|e| panic!("{link}: {e}"));
    session.train_steps(steps);
    let evaluation = session.evaluate();
    let weights: Vec<f32> = session
        .network()
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
fn golden_digits_links_give_their_recorded_loss_and_weight_bits() {
    let print = std::env::var_os("GOLDEN_PRINT").is_some();
    let mut wrong = Vec::new();
    for &(link, steps, train, test, weights) in GOLDEN_DIGITS_LINKS {
        let got @ (got_train, got_test, got_weights) = trained_digits(link, steps);
        assert!(
            f32::from_bits(got_train).is_finite(),
            "{link}: train loss not finite"
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
