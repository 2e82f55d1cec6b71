//! `Tape::multi_head_attention` against the composition of tape ops it
//! replaces (kept here as the reference, built from public ops): for 1, 2 and
//! 4 heads, causal or not, 1 to 12 positions and a few widths, the output, the
//! probabilities and every gradient are the composition's bit for bit, and so
//! are `nn::Attention`'s output and parameter gradients. Plus a
//! central-difference check of the op's gradient.

mod common;

use common::{assert_gradcheck, assert_same_bits, random_tensor, value_and_grads};
use tensor::nn::{Attention, Linear};
use tensor::{Rng, Tape, Tensor, Var};

/// The composition `nn::Attention` recorded before the fused op, on
/// `q`, `k`, `v: [batch, T, d]`: split the heads, `q k^T / sqrt(d_head)`,
/// softmax (causal or not), times `v`, merge the heads. Returns the output
/// `[batch, T, d]` and the probabilities `[batch * heads, T, T]`.
fn composed(tape: &mut Tape, [q, k, v]: [Var; 3], heads: usize, causal: bool) -> (Var, Var) {
    let shape = tape.shape(q);
    let (batch, t, d) = (shape.dim(0), shape.dim(1), shape.dim(2));
    let d_head = d / heads;
    let split = |tape: &mut Tape, y: Var| {
        let y = tape.reshape(y, [batch, t, heads, d_head]);
        let y = tape.swap_axes(y, 1, 2);
        tape.reshape(y, [batch * heads, t, d_head])
    };
    let (q, k, v) = (split(tape, q), split(tape, k), split(tape, v));
    let k_t = tape.swap_axes(k, 1, 2);
    let scores = tape.batch_matmul(q, k_t);
    let scores = tape.scale(scores, 1.0 / (d_head as f32).sqrt());
    let probs = if causal {
        tape.causal_softmax(scores)
    } else {
        tape.softmax(scores, 2)
    };
    let mixed = tape.batch_matmul(probs, v);
    let mixed = tape.reshape(mixed, [batch, heads, t, d_head]);
    let mixed = tape.swap_axes(mixed, 1, 2);
    (tape.reshape(mixed, [batch, t, d]), probs)
}

/// The fused op, as [`composed`] takes its inputs.
fn fused(tape: &mut Tape, [q, k, v]: [Var; 3], heads: usize, causal: bool) -> (Var, Var) {
    tape.multi_head_attention(q, k, v, heads, causal)
}

type Record = fn(&mut Tape, [Var; 3], usize, bool) -> (Var, Var);

/// What one recorded pass gave: the output, then the gradient of every input
/// ([`value_and_grads`]), then the probabilities.
fn finish(tape: &mut Tape, (output, probs): (Var, Var), inputs: &[Var]) -> Vec<Vec<f32>> {
    let mut pass = value_and_grads(tape, output, inputs);
    pass.push(tape.value(probs).data().to_vec());
    pass
}

/// Records `inputs` as parameters (`shared`: one parameter read as `q`, `k`
/// and `v`), then `record`, and runs backward.
fn run(
    record: Record,
    inputs: &[Tensor; 3],
    shared: bool,
    heads: usize,
    causal: bool,
) -> Vec<Vec<f32>> {
    let mut tape = Tape::new();
    let vars: Vec<Var> = if shared {
        vec![tape.param(&inputs[0])]
    } else {
        inputs.iter().map(|x| tape.param(x)).collect()
    };
    let qkv = [vars[0], vars[vars.len() / 2], vars[vars.len() - 1]];
    let recorded = record(&mut tape, qkv, heads, causal);
    finish(&mut tape, recorded, &vars)
}

fn assert_passes_agree(label: &str, fused: &[Vec<f32>], composed: &[Vec<f32>]) {
    assert_eq!(fused.len(), composed.len());
    for (index, (f, c)) in fused.iter().zip(composed).enumerate() {
        let what = match index {
            0 => "output".to_string(),
            i if i + 1 == fused.len() => "probs".to_string(),
            i => format!("grad {}", i - 1),
        };
        assert_same_bits(&format!("{label} {what}"), f, c);
    }
}

/// Compares the two on random inputs of `[batch, t, heads * d_head]` whose
/// elements lie in `±spread` (wide spreads saturate the softmax).
fn compare(batch: usize, t: usize, heads: usize, d_head: usize, spread: f32, seed: u64) {
    let shape = [batch, t, heads * d_head];
    let inputs = [0, 1, 2].map(|i| random_tensor(shape, seed * 3 + i, -spread, spread));
    for causal in [false, true] {
        for shared in [false, true] {
            let label = format!("{shape:?}, {heads} heads, causal {causal}, shared {shared}");
            let f = run(fused, &inputs, shared, heads, causal);
            let c = run(composed, &inputs, shared, heads, causal);
            assert_passes_agree(&label, &f, &c);
        }
    }
}

#[test]
fn fused_attention_is_the_composition_bit_for_bit() {
    let mut seed = 0;
    for heads in [1, 2, 4] {
        for t in 1..=12 {
            for (batch, d_head, spread) in [(1, 1, 1.0), (2, 3, 2.0), (3, 8, 4.0), (2, 5, 30.0)] {
                seed += 1;
                compare(batch, t, heads, d_head, spread, seed);
            }
        }
    }
}

#[test]
fn fused_attention_matches_the_composition_where_its_products_skip_zeros_or_run_narrow() {
    // 64 positions: the causal probabilities are half zeros and p^T g is big
    // enough for the sparse kernel (8 columns) or the narrow one (4 columns)
    for (seed, d_head) in [(900, 8), (901, 4)] {
        compare(2, 64, 2, d_head, 2.0, seed);
    }
}

/// `nn::Attention` as it was recorded before the fused op: the projections,
/// then [`composed`], then the output projection.
fn composed_layer(attention: &Attention, tape: &mut Tape, params: &[Var], x: Var) -> (Var, Var) {
    let shape = tape.shape(x);
    let (batch, t, d) = (shape.dim(0), shape.dim(1), shape.dim(2));
    let rows = tape.reshape(x, [batch * t, d]);
    let project = |tape: &mut Tape, k: usize| {
        let y = Linear::forward(tape, rows, params[2 * k], params[2 * k + 1]);
        tape.reshape(y, [batch, t, d])
    };
    let qkv = [project(tape, 0), project(tape, 1), project(tape, 2)];
    let (mixed, probs) = composed(tape, qkv, attention.heads, attention.causal);
    let mixed = tape.reshape(mixed, [batch * t, d]);
    let output = Linear::forward(tape, mixed, params[6], params[7]);
    (tape.reshape(output, [batch, t, d]), probs)
}

/// `attention` on `x` with its layer (`fused`) or [`composed_layer`]: the
/// output, the gradients of every parameter and of `x`, the probabilities.
fn run_layer(attention: &Attention, x: &Tensor, fused: bool) -> Vec<Vec<f32>> {
    let mut tape = Tape::new();
    let mut vars: Vec<Var> = attention.params().map(|p| tape.param(p)).collect();
    let x = tape.param(x);
    let recorded = if fused {
        let recorded = attention.forward(&mut tape, &vars, x);
        (recorded.output, recorded.probs)
    } else {
        composed_layer(attention, &mut tape, &vars, x)
    };
    vars.push(x);
    finish(&mut tape, recorded, &vars)
}

#[test]
fn attention_layer_is_its_former_composition_bit_for_bit() {
    for (seed, (batch, t, d, heads)) in [(32, 8, 32, 2), (3, 5, 12, 3), (2, 7, 8, 4), (1, 1, 4, 1)]
        .into_iter()
        .enumerate()
    {
        for causal in [false, true] {
            let mut rng = Rng::new(seed as u64);
            let mut attention = Attention::new(d, heads, causal, &mut rng);
            for (i, p) in attention.params_mut().enumerate() {
                if p.dims().len() == 1 {
                    *p = random_tensor(p.shape(), 40 + i as u64, -0.5, 0.5);
                }
            }
            let x = random_tensor([batch, t, d], 50 + seed as u64, -2.0, 2.0);
            let label = format!("layer [{batch}, {t}, {d}], {heads} heads, causal {causal}");
            let f = run_layer(&attention, &x, true);
            let c = run_layer(&attention, &x, false);
            assert_passes_agree(&label, &f, &c);
        }
    }
}

#[test]
fn multi_head_attention_grad_matches_finite_difference() {
    for (seed, (batch, t, heads, d_head)) in
        [(2, 3, 2, 2), (1, 4, 1, 3), (2, 2, 4, 1), (1, 1, 2, 2)]
            .into_iter()
            .enumerate()
    {
        let shape = [batch, t, heads * d_head];
        let inputs = [0, 1, 2].map(|i| random_tensor(shape, 10 * seed as u64 + i, -1.5, 1.5));
        for causal in [false, true] {
            assert_gradcheck(
                format!("multi_head_attention {shape:?}, {heads} heads, causal {causal}"),
                |tape, v| tape.multi_head_attention(v[0], v[1], v[2], heads, causal).0,
                &inputs,
            );
        }
    }
}

#[test]
fn multi_head_attention_probabilities_are_rows_of_a_distribution_masked_when_causal() {
    let (batch, t, heads) = (2, 4, 2);
    let mut tape = Tape::new();
    let [q, k, v] = [1, 2, 3].map(|i| tape.param(&random_tensor([batch, t, 6], i, -2.0, 2.0)));
    let (_, probs) = tape.multi_head_attention(q, k, v, heads, true);
    assert_eq!(tape.shape(probs).dims(), &[batch * heads, t, t]);
    for (row, p) in tape.value(probs).data().chunks_exact(t).enumerate() {
        let i = row % t;
        let total: f32 = p.iter().sum();
        assert!((total - 1.0).abs() < 1e-6, "row {row} sums to {total}");
        assert!(p[i + 1..].iter().all(|&p| p == 0.0), "row {row}: {p:?}");
    }
}

#[test]
#[should_panic(expected = "Tape::multi_head_attention")]
fn multi_head_attention_rejects_heads_that_do_not_divide_the_width() {
    let mut tape = Tape::new();
    let x = tape.input([1, 2, 6], &[0.0; 12]);
    tape.multi_head_attention(x, x, x, 4, false);
}
