//! The sequence lab's losses on the tape: mean cross-entropy over every
//! scored step of every sequence (text: each next token; reverse: each digit
//! given back), or the mean squared error of the sum read at the last step
//! (adding); and top-1 accuracy over the scored steps.

use alloc::vec::Vec;

use tensor::loss::{mse, softmax_cross_entropy};
use tensor::{Tape, Var};

use super::task_data::Batch;

/// The mean loss of `outputs` (one per step of `steps` for tokens, one for
/// adding) against `batch`.
pub fn batch_loss(tape: &mut Tape, outputs: &[Var], batch: &Batch, steps: usize) -> Var {
    match batch {
        Batch::Text {
            targets,
            answer_from,
            ..
        } => {
            let sequences = targets.len() / steps.max(1);
            let scored = &outputs[(*answer_from).min(outputs.len())..];
            let mut total: Option<Var> = None;
            for (t, &logits) in (*answer_from..).zip(scored) {
                let labels: Vec<usize> = (0..sequences)
                    .map(|b| usize::from(targets[b * steps + t]))
                    .collect();
                let step = softmax_cross_entropy(tape, logits, &labels);
                total = Some(match total {
                    Some(sum) => tape.add(sum, step),
                    None => step,
                });
            }
            match total {
                Some(sum) => tape.scale(sum, 1.0 / scored.len() as f32),
                None => tape.input_fn([1], |_| {}),
            }
        }
        Batch::Adding(set) => {
            let target = tape.input([set.len(), 1], &set.targets);
            mse(tape, outputs[0], target)
        }
    }
}

/// The fraction of scored targets that are their step's most likely token
/// (`None` for adding).
pub fn accuracy(tape: &Tape, outputs: &[Var], batch: &Batch, steps: usize) -> Option<f32> {
    let Batch::Text {
        targets,
        answer_from,
        ..
    } = batch
    else {
        return None;
    };
    let mut right = 0usize;
    let mut scored = 0usize;
    for (t, &logits) in outputs.iter().enumerate().skip(*answer_from) {
        let value = tape.value(logits);
        let classes = value.dims()[1];
        for (b, row) in value.data().chunks_exact(classes).enumerate() {
            scored += 1;
            if argmax(row) == usize::from(targets[b * steps + t]) {
                right += 1;
            }
        }
    }
    Some(right as f32 / scored.max(1) as f32)
}

/// The index of the largest value (the first of equals).
pub fn argmax(row: &[f32]) -> usize {
    let mut best = 0;
    for (index, value) in row.iter().enumerate() {
        if *value > row[best] {
            best = index;
        }
    }
    best
}
