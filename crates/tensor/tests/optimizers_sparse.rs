//! `Optimizer::step_rows` against `Optimizer::step`: SGD bit for bit on the
//! dense gradient, every rule bit for bit when every row has a gradient, the
//! lazy rules leaving rows without one alone, and lazy Adam against PyTorch's
//! `SparseAdam`.

mod common;

use common::{assert_all_close, random_tensor};
use tensor::{Optimizer, OptimizerKind, RowGrad, Tape, Tensor};

/// The row gradient of `sum(w * table[ids])`: row `n` of `weights` summed into id `ids[n]`.
fn row_grad(table: &Tensor, ids: &[usize], weights: &[f32]) -> RowGrad {
    let mut tape = Tape::new();
    let looked_up = tape.embedding_sparse(table, ids);
    let w = tape.input(tape.shape(looked_up), weights);
    let weighted = tape.mul(looked_up, w);
    let loss = tape.sum(weighted);
    match tape.backward(loss).rows(looked_up) {
        Some(rows) => rows.clone(),
        None => panic!("no row gradient for ids {ids:?}"),
    }
}

fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}

/// Every rule, with the hyperparameters of `optimizers.rs`.
fn kinds() -> [OptimizerKind; 6] {
    [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum { beta: 0.9 },
        OptimizerKind::Nesterov { beta: 0.9 },
        OptimizerKind::RmsProp {
            rho: 0.99,
            eps: 1e-8,
        },
        OptimizerKind::ADAM,
        OptimizerKind::AdamW {
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            weight_decay: 0.01,
        },
    ]
}

/// Five steps of `kind` on two tables, sparse and dense side by side, each step
/// looking up the ids `ids_of(step)`; asserts the tables and update norms keep
/// the same bits.
fn assert_sparse_steps_match_dense(kind: OptimizerKind, ids_of: impl Fn(usize) -> Vec<usize>) {
    let (vocab, dim) = (7, 3);
    let mut sparse = [
        random_tensor([vocab, dim], 1, -1.0, 1.0),
        random_tensor([vocab, dim], 2, -1.0, 1.0),
    ];
    let mut dense = sparse.clone();
    let mut sparse_optimizer = Optimizer::new(kind, 0.05);
    let mut dense_optimizer = Optimizer::new(kind, 0.05);
    for step in 0..5 {
        let ids = ids_of(step);
        let grads: Vec<RowGrad> = sparse
            .iter()
            .enumerate()
            .map(|(index, table)| {
                let seed = (10 * step + index) as u64;
                let weights = random_tensor([ids.len(), dim], seed, -2.0, 2.0);
                row_grad(table, &ids, weights.data())
            })
            .collect();
        let dense_grads: Vec<Tensor> = grads.iter().map(|g| g.to_dense(vocab)).collect();
        sparse_optimizer.step_rows(sparse.iter_mut().zip(&grads));
        dense_optimizer.step(dense.iter_mut().zip(&dense_grads));
        for (index, (s, d)) in sparse.iter().zip(&dense).enumerate() {
            assert_eq!(
                bits(s.data()),
                bits(d.data()),
                "{kind:?}: table {index} after step {step}"
            );
        }
        assert_eq!(
            bits(sparse_optimizer.update_norms()),
            bits(dense_optimizer.update_norms()),
            "{kind:?}: update norms of step {step}"
        );
    }
}

#[test]
fn sparse_sgd_step_is_the_dense_step_bit_for_bit() {
    // a few rows a step, one repeated, the rest without a gradient
    assert_sparse_steps_match_dense(OptimizerKind::Sgd, |step| {
        vec![(step * 3) % 7, 5, (step * 3) % 7, (step + 1) % 7]
    });
}

#[test]
fn every_rule_steps_as_dense_when_every_row_has_a_gradient() {
    for kind in kinds() {
        assert_sparse_steps_match_dense(kind, |step| (0..7).rev().chain([step, 6]).collect());
    }
}

#[test]
fn lazy_momentum_leaves_a_row_without_gradient_in_place() {
    // step 1: row 0 has g = 1: v = 1, p = 1 - 0.5 * 1 = 0.5
    // step 2: only row 1 has a gradient: row 0 stays 0.5 with v = 1
    //         (dense momentum would move it to 0.5 - 0.5 * 0.9 = 0.05)
    // step 3: row 0 has g = 1 again: v = 0.9 + 1 = 1.9, p = 0.5 - 0.95 = -0.45
    let mut table = Tensor::new([2, 1], vec![1.0, 1.0]);
    let mut optimizer = Optimizer::new(OptimizerKind::Momentum { beta: 0.9 }, 0.5);
    for (ids, row0) in [(vec![0], 0.5), (vec![1], 0.5), (vec![0], -0.45)] {
        let grad = row_grad(&table, &ids, &[1.0]);
        optimizer.step_rows([(&mut table, &grad)]);
        assert_all_close("row 0", &table.data()[..1], &[row0], 1e-6, 1e-7);
    }
}

#[test]
#[should_panic(expected = "Optimizer::step_rows")]
fn a_row_gradient_past_the_table_panics() {
    let grad = row_grad(&Tensor::zeros([5, 2]), &[4], &[1.0, 1.0]);
    let mut small = Tensor::zeros([4, 2]);
    Optimizer::new(OptimizerKind::Sgd, 0.1).step_rows([(&mut small, &grad)]);
}

// The script that printed the expected table (PyTorch 2.15.0, CPU, float64 from
// the same f32 starting values). SparseAdam's step count, and so its bias
// correction, is per table: row 3, first touched at step 4, moves by
// lr * (0.1 / (1 - 0.9^4)) / sqrt(0.001 / (1 - 0.999^4)) = 0.058, not lr.
//
// import torch
//
// def g(t, n, j):
//     # exact in f32: multiples of 1/4 in [-1.375, 1.375]
//     return ((7 * j + 3 * t + 5 * n) % 11 - 5.5) / 4
//
// start = torch.tensor([
//     [0.5, -1.0, 0.25], [1.5, 2.0, -0.75], [-0.3, 0.8, 1.2], [0.1, -0.2, 0.3], [2.5, -1.5, 0.0],
// ], dtype=torch.float32).double()
// steps = [[0, 2, 2], [1, 4], [2, 0, 4, 2], [3]]
// table = torch.nn.Parameter(start.clone())
// opt = torch.optim.SparseAdam([table], lr=0.1, betas=(0.9, 0.999), eps=1e-8)
// for t, ids in enumerate(steps, start=1):
//     values = torch.tensor([[g(t, n, j) for j in range(3)] for n in range(len(ids))], dtype=torch.float64)
//     table.grad = torch.sparse_coo_tensor(torch.tensor([ids]), values, (5, 3))
//     opt.step()
// print([float(v) for v in table.detach().flatten()])
#[test]
fn lazy_adam_matches_pytorch_sparse_adam() {
    let mut table = Tensor::new(
        [5, 3],
        vec![
            0.5, -1.0, 0.25, 1.5, 2.0, -0.75, -0.3, 0.8, 1.2, 0.1, -0.2, 0.3, 2.5, -1.5, 0.0,
        ],
    );
    let steps: [&[usize]; 4] = [&[0, 2, 2], &[1, 4], &[2, 0, 4, 2], &[3]];
    let mut optimizer = Optimizer::new(OptimizerKind::ADAM, 0.1);
    for (t, ids) in (1..).zip(steps) {
        let weights: Vec<f32> = (0..ids.len())
            .flat_map(|n| (0..3).map(move |j| ((7 * j + 3 * t + 5 * n) % 11) as f32 / 4.0 - 1.375))
            .collect();
        let grad = row_grad(&table, ids, &weights);
        optimizer.step_rows([(&mut table, &grad)]);
    }
    // SparseAdam adds eps to sqrt(v) where Adam adds it to sqrt(v / (1 - beta2^t)):
    // at step 1, with g = 0.125, 1e-8 against sqrt(0.001) * 0.125 moves the update of
    // 0.1 by 2.5e-6 of itself; that and f32 rounding (row 0's last element cancels
    // 0.25 against 0.186) keep every element within 1e-6 of the reference
    let expected = [
        0.6858461742591698,
        -1.1858462104002172,
        0.06415415100960734,
        1.4255865058962058,
        2.074413655463368,
        -0.8244136554633679,
        -0.14247821907261426,
        0.6149430113525132,
        1.3850884927295957,
        0.15811282137430055,
        -0.2581128097964146,
        0.35811279913511923,
        2.6003300102825384,
        -1.569895398322732,
        0.15636695836886055,
    ];
    assert_all_close("sparse adam", table.data(), &expected, 1e-6, 1e-6);
}
