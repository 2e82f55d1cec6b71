//! The sparse embedding lookup: its row gradient against central differences
//! and bit for bit against the dense lookup's nonzero rows, repeated ids
//! summing, and a huge table of which a batch keeps and moves only its rows.

mod common;

use common::random_tensor;
use tensor::{Grads, Optimizer, OptimizerKind, RowGrad, Tape, Tensor, Var};

const VOCAB: usize = 6;
const DIM: usize = 3;
/// Ids 1 and 3 repeat, 2 and 5 are missing: they must get no row.
const IDS: [usize; 7] = [1, 3, 0, 3, 4, 1, 1];

fn rows(grads: &Grads, var: Var) -> &RowGrad {
    match grads.rows(var) {
        Some(rows) => rows,
        None => panic!("no row gradient for {var:?}"),
    }
}

fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}

/// `sum(w * tanh(rows))` for fixed weights `w`: a loss whose gradient differs per row.
fn weighted_tanh(tape: &mut Tape, rows: Var, weights: &Tensor) -> Var {
    let squashed = tape.tanh(rows);
    let w = tape.input(weights.shape(), weights.data());
    let weighted = tape.mul(squashed, w);
    tape.sum(weighted)
}

#[test]
fn sparse_embedding_rows_are_the_table_rows_of_their_ids() {
    let table = Tensor::new([3, 2], vec![0.0, 1.0, 10.0, 11.0, 20.0, 21.0]);
    let mut tape = Tape::new();
    let rows = tape.embedding_sparse(&table, &[2, 0, 2]);
    assert_eq!(tape.shape(rows).dims(), &[3, 2]);
    assert_eq!(tape.value(rows).data(), &[20.0, 21.0, 0.0, 1.0, 20.0, 21.0]);
}

#[test]
fn sparse_embedding_grad_matches_finite_difference() {
    let table = random_tensor([VOCAB, DIM], 1, -1.0, 1.0);
    let weights = random_tensor([IDS.len(), DIM], 2, -1.0, 1.0);
    let loss_of = |table: &Tensor| -> f64 {
        let mut tape = Tape::new();
        let rows = tape.embedding_sparse(table, &IDS);
        let loss = weighted_tanh(&mut tape, rows, &weights);
        f64::from(tape.value(loss).item())
    };
    let mut tape = Tape::new();
    let looked_up = tape.embedding_sparse(&table, &IDS);
    let loss = weighted_tanh(&mut tape, looked_up, &weights);
    let grads = tape.backward(loss);
    let analytic = rows(&grads, looked_up).to_dense(VOCAB);
    let eps = 1e-2;
    for element in 0..table.len() {
        let (mut up, mut down) = (table.clone(), table.clone());
        up.data_mut()[element] += eps;
        down.data_mut()[element] -= eps;
        let step = f64::from(up.data()[element]) - f64::from(down.data()[element]);
        let numeric = (loss_of(&up) - loss_of(&down)) / step;
        let exact = f64::from(analytic.data()[element]);
        assert!(
            (exact - numeric).abs() <= 1e-2 * exact.abs().max(numeric.abs()) + 1e-3,
            "element {element}: analytic {exact}, numeric {numeric}"
        );
    }
}

#[test]
fn sparse_grad_is_the_dense_grads_nonzero_rows_bit_for_bit() {
    let table = random_tensor([VOCAB, DIM], 3, -1.0, 1.0);
    let weights = random_tensor([IDS.len(), DIM], 4, -1.0, 1.0);
    let mut tape = Tape::new();
    let t = tape.param(&table);
    let dense_rows = tape.embedding(t, &IDS);
    let dense_loss = weighted_tanh(&mut tape, dense_rows, &weights);
    let dense_grads = tape.backward(dense_loss);
    let Some(dense) = dense_grads.get(t) else {
        panic!("no gradient for the dense table");
    };
    let dense_values = bits(tape.value(dense_rows).data());

    let mut tape = Tape::new();
    let sparse_rows = tape.embedding_sparse(&table, &IDS);
    assert_eq!(bits(tape.value(sparse_rows).data()), dense_values);
    let sparse_loss = weighted_tanh(&mut tape, sparse_rows, &weights);
    let sparse_grads = tape.backward(sparse_loss);
    let sparse = rows(&sparse_grads, sparse_rows);

    assert_eq!(sparse.ids(), &[0, 1, 3, 4], "unique ids, ascending");
    assert_eq!(sparse.dim(), DIM);
    for (&id, row) in sparse.ids().iter().zip(sparse.rows().chunks_exact(DIM)) {
        assert_eq!(
            bits(row),
            bits(&dense.data()[id * DIM..][..DIM]),
            "row {id}"
        );
    }
    assert_eq!(bits(sparse.to_dense(VOCAB).data()), bits(dense.data()));
}

#[test]
fn repeated_ids_sum_their_rows_in_batch_order() {
    // loss = sum(w * rows): row n's gradient is w[n], and id 1's row sums positions 0, 2 and 3
    // in that order: ((0 + 1) + 1e8) - 1e8 = 0 in f32 (1e8's ulp is 8), and the same for 2,
    // where the order (1e8 - 1e8) + 1 would give 1; id 4 gets position 1
    let table = Tensor::zeros([5, 2]);
    let weights = [1.0, 2.0, 3.0, 4.0, 1e8, 1e8, -1e8, -1e8];
    let mut tape = Tape::new();
    let looked_up = tape.embedding_sparse(&table, &[1, 4, 1, 1]);
    let w = tape.input([4, 2], &weights);
    let weighted = tape.mul(looked_up, w);
    let loss = tape.sum(weighted);
    let grads = tape.backward(loss);
    let sparse = rows(&grads, looked_up);
    assert_eq!(sparse.ids(), &[1, 4]);
    assert_eq!(sparse.rows(), &[0.0, 0.0, 3.0, 4.0]);
    // the lookup's own gradient is per position, in batch order
    let Some(per_position) = grads.get(looked_up) else {
        panic!("no gradient for the looked-up rows");
    };
    assert_eq!(per_position.data(), &weights);
}

#[test]
fn a_reused_grads_store_refills_its_row_gradients() {
    let table = random_tensor([VOCAB, DIM], 5, -1.0, 1.0);
    let mut tape = Tape::new();
    let mut grads = Grads::new();
    for ids in [&IDS[..], &[5, 2], &[4]] {
        tape.clear();
        let looked_up = tape.embedding_sparse(&table, ids);
        let loss = tape.sum(looked_up);
        tape.backward_into(loss, &mut grads);
        let mut unique = ids.to_vec();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(rows(&grads, looked_up).ids(), unique.as_slice());
    }
}

#[test]
fn a_dense_var_has_no_row_gradient() {
    let mut tape = Tape::new();
    let x = tape.param(&Tensor::new([2], vec![1.0, 2.0]));
    let loss = tape.sum(x);
    assert!(tape.backward(loss).rows(x).is_none());
}

/// A 1,000,000 x 4 table and a batch of 3 ids: the store keeps 3 rows, and a step of SGD or lazy Adam moves only them, every other row
/// keeping its bits.
#[test]
fn a_step_on_a_huge_table_touches_only_the_batch_rows() {
    let (vocab, dim) = (1_000_000, 4);
    let ids = [999_999, 7, 123_456];
    let original = Tensor::new(
        [vocab, dim],
        (0..vocab * dim).map(|i| (i % 1009) as f32 * 1e-3).collect(),
    );
    for kind in [OptimizerKind::Sgd, OptimizerKind::ADAM] {
        let mut table = original.clone();
        let mut tape = Tape::new();
        let looked_up = tape.embedding_sparse(&table, &ids);
        let squares = tape.square(looked_up);
        let loss = tape.sum(squares);
        let grads = tape.backward(loss);
        let sparse = rows(&grads, looked_up);
        assert_eq!(sparse.ids(), &[7, 123_456, 999_999], "{kind:?}");
        assert_eq!(sparse.rows().len(), 3 * dim, "{kind:?}");

        let mut optimizer = Optimizer::new(kind, 0.1);
        optimizer.step_rows([(&mut table, sparse)]);
        for (row, (now, before)) in table
            .data()
            .chunks_exact(dim)
            .zip(original.data().chunks_exact(dim))
            .enumerate()
        {
            if sparse.ids().contains(&row) {
                assert!(now != before, "{kind:?}: row {row} did not move");
            } else if bits(now) != bits(before) {
                panic!("{kind:?}: row {row} changed from {before:?} to {now:?}");
            }
        }
    }
}
