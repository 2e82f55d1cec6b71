//! The embedding lookup: its gradient against central differences with ids
//! repeated, and its value and gradient bit for bit against `one_hot @ table`.

mod common;

use common::{assert_gradcheck, random_tensor};
use tensor::{Tape, Tensor};

const VOCAB: usize = 5;
const DIM: usize = 3;
/// Ids 1 and 3 repeat, 2 is missing: its row must get a zero gradient.
const IDS: [usize; 7] = [1, 3, 0, 3, 4, 1, 1];

#[test]
fn embedding_grad_matches_finite_difference_with_repeated_ids() {
    let table = random_tensor([VOCAB, DIM], 1, -1.0, 1.0);
    assert_gradcheck("embedding", |t, v| t.embedding(v[0], &IDS), &[table]);
}

#[test]
fn embedding_is_one_hot_times_table_bit_for_bit() {
    let table = random_tensor([VOCAB, DIM], 2, -1.0, 1.0);
    let weights = random_tensor([IDS.len(), DIM], 3, -1.0, 1.0);
    let one_hot: Vec<f32> = IDS
        .iter()
        .flat_map(|&id| (0..VOCAB).map(move |v| if v == id { 1.0 } else { 0.0 }))
        .collect();
    // the value and the table's gradient of sum(rows * weights), both ways
    let run = |gather: bool| -> (Vec<f32>, Vec<f32>) {
        let mut tape = Tape::new();
        let t = tape.param(&table);
        let rows = if gather {
            tape.embedding(t, &IDS)
        } else {
            let x = tape.input([IDS.len(), VOCAB], &one_hot);
            tape.matmul(x, t)
        };
        let w = tape.input([IDS.len(), DIM], weights.data());
        let weighted = tape.mul(rows, w);
        let loss = tape.sum(weighted);
        let grads = tape.backward(loss);
        let Some(grad) = grads.get(t) else {
            panic!("no gradient for the table");
        };
        (tape.value(rows).data().to_vec(), grad.data().to_vec())
    };
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    let (gathered, gather_grad) = run(true);
    let (product, product_grad) = run(false);
    assert_eq!(bits(&gathered), bits(&product), "values");
    assert_eq!(bits(&gather_grad), bits(&product_grad), "table gradients");
    assert!(gather_grad[2 * DIM..3 * DIM].iter().all(|&g| g == 0.0));
}

#[test]
fn embedding_rows_are_the_table_rows_of_their_ids() {
    let table = Tensor::new([3, 2], vec![0.0, 1.0, 10.0, 11.0, 20.0, 21.0]);
    let mut tape = Tape::new();
    let t = tape.input([3, 2], table.data());
    let rows = tape.embedding(t, &[2, 0, 2]);
    assert_eq!(tape.shape(rows).dims(), &[3, 2]);
    assert_eq!(tape.value(rows).data(), &[20.0, 21.0, 0.0, 1.0, 20.0, 21.0]);
}

#[test]
#[should_panic(expected = "Tape::embedding")]
fn embedding_id_past_the_vocabulary_panics() {
    let mut tape = Tape::new();
    let t = tape.input([3, 2], &[0.0; 6]);
    tape.embedding(t, &[3]);
}
