//! Skip-gram with negative sampling (Word2Vec) end to end on a toy corpus: two
//! groups of words that only ever appear among their own group, trained with
//! sparse lookups, `row_dot`, `bce_with_logits` and lazy Adam's `step_rows`.
//! Words of one group must end up closer to each other than to the other group.

use tensor::{Grads, Optimizer, OptimizerKind, Rng, Tape, Tensor, loss};

/// Words per group: ids `0..GROUP` are one group, `GROUP..2 GROUP` the other.
const GROUP: usize = 8;
const VOCAB: usize = 2 * GROUP;
const DIM: usize = 8;
/// Sentences of the corpus, each `SENTENCE` words of one group.
const SENTENCES: usize = 150;
const SENTENCE: usize = 6;
/// Context words on each side of a center word.
const WINDOW: usize = 2;
/// Random words scored against each center as non-contexts.
const NEGATIVES: usize = 3;
const BATCH: usize = 256;
const EPOCHS: usize = 4;

/// The (center, context) pairs of a corpus whose every sentence draws its
/// words from one group, so two words of a group share their contexts.
fn pairs(rng: &mut Rng) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for _ in 0..SENTENCES {
        let first = GROUP * rng.below(2);
        let words: Vec<usize> = (0..SENTENCE).map(|_| first + rng.below(GROUP)).collect();
        for (i, &center) in words.iter().enumerate() {
            let window = i.saturating_sub(WINDOW)..(i + WINDOW + 1).min(SENTENCE);
            pairs.extend(window.filter(|&j| j != i).map(|j| (center, words[j])));
        }
    }
    pairs
}

fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot = |x: &[f32], y: &[f32]| -> f64 {
        x.iter()
            .zip(y)
            .map(|(&x, &y)| f64::from(x) * f64::from(y))
            .sum()
    };
    dot(a, b) / (dot(a, a) * dot(b, b)).sqrt()
}

/// Mean cosine of `word`'s vector to the other words of its group and to the
/// words of the other group.
fn similarities(vectors: &Tensor, word: usize) -> (f64, f64) {
    let row = |w: usize| &vectors.data()[w * DIM..][..DIM];
    let (mut own, mut other) = (0.0, 0.0);
    for w in (0..VOCAB).filter(|&w| w != word) {
        if w / GROUP == word / GROUP {
            own += cosine(row(word), row(w)) / (GROUP - 1) as f64;
        } else {
            other += cosine(row(word), row(w)) / GROUP as f64;
        }
    }
    (own, other)
}

#[test]
fn skipgram_puts_words_that_share_contexts_together() {
    let mut rng = Rng::new(2024);
    let mut pairs = pairs(&mut rng);
    // word2vec's start: small random center vectors, zero context vectors
    let scale = 0.5 / DIM as f32;
    let centers = (0..VOCAB * DIM).map(|_| rng.uniform_range(-scale, scale));
    let mut tables = [
        Tensor::new([VOCAB, DIM], centers.collect()),
        Tensor::zeros([VOCAB, DIM]),
    ];
    let mut optimizer = Optimizer::new(OptimizerKind::ADAM, 0.05);
    let (mut tape, mut grads) = (Tape::new(), Grads::new());
    let mut epoch_losses = Vec::new();
    for _ in 0..EPOCHS {
        rng.shuffle(&mut pairs);
        let mut total = 0.0;
        for batch in pairs.chunks(BATCH) {
            // each pair scores its context (target 1) and NEGATIVES random words (target 0)
            let (mut center_ids, mut context_ids, mut targets) =
                (Vec::new(), Vec::new(), Vec::new());
            for &(center, context) in batch {
                center_ids.extend([center; NEGATIVES + 1]);
                context_ids.push(context);
                context_ids.extend((0..NEGATIVES).map(|_| rng.below(VOCAB)));
                targets.push(1.0);
                targets.extend([0.0; NEGATIVES]);
            }
            tape.clear();
            let v = tape.embedding_sparse(&tables[0], &center_ids);
            let u = tape.embedding_sparse(&tables[1], &context_ids);
            let logits = tape.row_dot(v, u);
            let t = tape.input([targets.len()], &targets);
            let batch_loss = loss::bce_with_logits(&mut tape, logits, t);
            total += tape.value(batch_loss).item() * batch.len() as f32;
            tape.backward_into(batch_loss, &mut grads);
            let (Some(dv), Some(du)) = (grads.rows(v), grads.rows(u)) else {
                panic!("no row gradient for a table");
            };
            optimizer.step_rows(tables.iter_mut().zip([dv, du]));
        }
        epoch_losses.push(total / pairs.len() as f32);
    }

    // from 0.64 in the first epoch (ln 2 = 0.69 at the start) to 0.43 in the last
    let (first, last) = (epoch_losses[0], epoch_losses[EPOCHS - 1]);
    assert!(last < 0.8 * first, "losses by epoch: {epoch_losses:?}");
    // seed 2024 gives gaps of 0.93 to 1.01: a word's group near +0.5, the other near -0.5
    for word in 0..VOCAB {
        let (own, other) = similarities(&tables[0], word);
        assert!(
            own > other + 0.5,
            "word {word}: mean cosine {own:.3} to its group, {other:.3} to the other"
        );
    }
}
