//! The recurrent layer's training bits pinned: a tiny character model trained
//! a few steps with each cell gives the hash in `recurrent_bits`, the same the
//! wasm build must give, and learns.

mod recurrent_bits;

use recurrent_bits::{EXPECTED, UPDATES, bits_hash, run};

#[test]
fn each_cell_trains_to_the_pinned_bits() {
    let hashes: Vec<_> = EXPECTED
        .iter()
        .map(|&(cell, _)| (cell, bits_hash(&run(cell))))
        .collect();
    assert_eq!(hashes, EXPECTED, "hashes {hashes:x?}");
}

#[test]
fn each_cell_lowers_its_loss_and_repeats_itself() {
    for (cell, _) in EXPECTED {
        let values = run(cell);
        assert!(
            values[UPDATES - 1] < values[0],
            "{cell:?}: {:?}",
            &values[..UPDATES]
        );
        assert!(values == run(cell), "{cell:?}: two runs differ");
    }
}
