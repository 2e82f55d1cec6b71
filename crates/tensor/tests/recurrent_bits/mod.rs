//! A few training steps of a tiny character model (embedding, recurrent layer,
//! dense softmax; clipping and Adam) whose loss and parameter bits are pinned
//! by one hash per cell. Shared by the native determinism test and, through
//! `#[path]`, a wasm test, so both targets must produce the same bits.

use tensor::loss::softmax_cross_entropy;
use tensor::nn::{Cell, Linear, Recurrent};
use tensor::{Grads, Init, Optimizer, OptimizerKind, Rng, Tape, Tensor, Var};

const VOCAB: usize = 6;
const EMBED: usize = 4;
const HIDDEN: usize = 5;
const STEPS: usize = 6;
const BATCH: usize = 3;
/// Training steps per run.
pub const UPDATES: usize = 12;

/// The hash [`run`] gives for each cell on every target.
pub const EXPECTED: [(Cell, u64); 3] = [
    (Cell::Rnn, 0xe2cb_1994_8775_ba9d),
    (Cell::Lstm, 0xc3f0_9782_fc8f_3bb8),
    (Cell::Gru, 0xcce2_43e6_97ae_a3b8),
];

/// The FNV-1a hash of the bits of `values`.
pub fn bits_hash(values: &[f32]) -> u64 {
    values.iter().fold(0xcbf2_9ce4_8422_2325, |hash, value| {
        value
            .to_bits()
            .to_le_bytes()
            .iter()
            .fold(hash, |hash, &byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
            })
    })
}

/// Trains on the cyclic text `0 1 2 3 4 5 0 1 ...` (row `b` starting at `2b`),
/// predicting each next token, for [`UPDATES`] steps with the global gradient
/// norm clipped at 1 and Adam at 0.01. Returns every step's loss, then every
/// final parameter.
pub fn run(cell: Cell) -> Vec<f32> {
    let mut rng = Rng::new(5);
    let mut table = Init::Xavier.weights(VOCAB, EMBED, 1.0, &mut rng);
    let mut layer = Recurrent::new(cell, EMBED, HIDDEN, Init::Xavier, 1.0, &mut rng);
    let mut out = Linear::new(HIDDEN, VOCAB, Init::Xavier, 1.0, &mut rng);
    let token = |b: usize, t: usize| (2 * b + t) % VOCAB;
    let mut optimizer = Optimizer::new(OptimizerKind::ADAM, 0.01);
    let (mut tape, mut grads) = (Tape::new(), Grads::new());
    let mut values = Vec::new();
    for _ in 0..UPDATES {
        tape.clear();
        let table_var = tape.param(&table);
        let inputs: Vec<Var> = (0..STEPS)
            .map(|t| {
                let ids: Vec<usize> = (0..BATCH).map(|b| token(b, t)).collect();
                tape.embedding(table_var, &ids)
            })
            .collect();
        let initial = layer.zero_state(&mut tape, BATCH);
        let unrolled = layer.forward(&mut tape, &inputs, initial);
        let (weight, bias) = (tape.param(&out.weight), tape.param(&out.bias));
        let mut total = None;
        for (t, step) in unrolled.steps.iter().enumerate() {
            let logits = Linear::forward(&mut tape, step.hidden, weight, bias);
            let targets: Vec<usize> = (0..BATCH).map(|b| token(b, t + 1)).collect();
            let loss = softmax_cross_entropy(&mut tape, logits, &targets);
            total = Some(total.map_or(loss, |total| tape.add(total, loss)));
        }
        let Some(total) = total else {
            panic!("no steps");
        };
        let loss = tape.scale(total, 1.0 / STEPS as f32);
        values.push(tape.value(loss).item());
        tape.backward_into(loss, &mut grads);
        let mut params = vec![table_var];
        params.extend(&unrolled.params);
        params.extend([weight, bias]);
        grads.clip_global_norm(&params, 1.0);
        let tensors = core::iter::once(&mut table)
            .chain(layer.params_mut())
            .chain([&mut out.weight, &mut out.bias]);
        let grads = params.iter().map(|&p| match grads.get(p) {
            Some(g) => g,
            None => panic!("no gradient for {p:?}"),
        });
        optimizer.step(tensors.zip(grads));
    }
    let params = core::iter::once(&table)
        .chain(layer.params())
        .chain([&out.weight, &out.bias]);
    values.extend(params.flat_map(Tensor::data));
    values
}
