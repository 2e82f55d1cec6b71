//! The words lab in real Chromium: its golden links give the natively recorded loss and
//! vector bits through the engine compiled to wasm, so skip-gram, CBOW and the optimizers'
//! sparse updates agree bit for bit with the native build.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

include!("../../playground/tests/golden/hash.rs");
include!("../../playground/tests/golden/words-links.rs");

/// The words lab's golden links: the name holds the plane's golden test's, so the release
/// build's run in Chromium (`GOLDEN_TEST` in crates/xtask/src/wasm.rs) checks them too.
#[wasm_bindgen_test]
fn golden_links_give_the_natively_recorded_losses_and_grids_in_the_words_lab() {
    for &(link, steps, train, test, vectors) in GOLDEN_WORDS_LINKS {
        let Ok(config) = playground::Config::from_query(link) else {
            panic!("{link}: does not read");
        };
        let Ok(mut session) = playground::words::WordsSession::new(config) else {
            panic!("{link}: no session");
        };
        session.train_steps(steps);
        let evaluation = session.evaluate();
        assert_eq!(
            (
                evaluation.train_loss.to_bits(),
                evaluation.test_loss.to_bits()
            ),
            (train, test),
            "{link}: wasm differs from native"
        );
        assert_eq!(
            bits_hash(&session.all_vectors()),
            vectors,
            "{link}: vectors in wasm differ"
        );
    }
}
