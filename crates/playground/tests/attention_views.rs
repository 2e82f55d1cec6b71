//! What the attention lab's views read: after training, the one head of a reverse network
//! looks at the mirrored position (the anti-diagonal); the step-by-step walk of a head gives
//! the same weights as the attention view and sums the values with them; knocking out every
//! head wrecks the answers while knocking out none changes nothing; and the text task reads
//! prompts, predicts and samples reproducibly.

use playground::Config;
use playground::attention::AttentionSession;

/// A session of `link` after `steps` updates.
fn trained(link: &str, steps: u64) -> Result<AttentionSession, String> {
    let config = Config::from_query(link).map_err(|e| e.to_string())?;
    let mut session = AttentionSession::new(config).map_err(|e| e.to_string())?;
    session.train_steps(steps);
    Ok(session)
}

#[test]
fn a_trained_reverse_head_looks_at_the_mirrored_position() -> Result<(), String> {
    let session = trained("lab=attention&heads=1", 300)?;
    let length = 8;
    let mut mirrored = 0.0;
    for example in 0..20 {
        let input = session.test_example(example).to_vec();
        let reading = session.read(&input).map_err(|e| e.to_string())?;
        assert_eq!(
            reading.answers,
            session.expected(&input),
            "example {example}"
        );
        let matrix = &reading.attention[0];
        assert_eq!(matrix.len(), length * length);
        for (i, row) in matrix.chunks_exact(length).enumerate() {
            let total: f32 = row.iter().sum();
            assert!((total - 1.0).abs() < 1e-5, "row {i} sums to {total}");
            mirrored += row[length - 1 - i];
        }
    }
    let mean = mirrored / (20 * length) as f32;
    assert!(mean > 0.5, "mean weight on the mirrored position {mean}");
    Ok(())
}

#[test]
fn a_head_walk_gives_the_views_weights_and_sums_the_values_with_them() -> Result<(), String> {
    for link in [
        "lab=attention&layers=2&heads=2&dim=16",
        "lab=attention&task=text&length=6&heads=4&dim=16",
    ] {
        let session = trained(link, 40)?;
        let input = session.test_example(1).to_vec();
        let t = input.len();
        let reading = session.read(&input).map_err(|e| e.to_string())?;
        let heads = session.config().attention.heads;
        for layer in 0..2.min(session.config().attention.layers) {
            for head in 0..heads {
                let walk = session
                    .head_walk(&input, layer, head)
                    .map_err(|e| e.to_string())?;
                assert_eq!(walk.width, 16 / heads);
                let matrix = &reading.attention[layer][head * t * t..(head + 1) * t * t];
                for (a, b) in walk.weights.iter().zip(matrix) {
                    assert!((a - b).abs() < 1e-5, "{link}: {a} against {b}");
                }
                for i in 0..t {
                    for c in 0..walk.width {
                        let sum: f32 = (0..t)
                            .map(|j| walk.weights[i * t + j] * walk.values[j * walk.width + c])
                            .sum();
                        assert!((sum - walk.mixed[i * walk.width + c]).abs() < 1e-5);
                    }
                }
                let causal = session.config().attention.task.is_text();
                let masked = walk.scores[1] == f32::NEG_INFINITY;
                assert_eq!(masked, causal, "{link}: the mask");
            }
        }
        assert!(session.head_walk(&input, 0, heads).is_err());
        assert!(session.head_walk(&input, 5, 0).is_err());
    }
    Ok(())
}

#[test]
fn knocking_out_every_head_wrecks_reversal_and_knocking_out_none_changes_nothing()
-> Result<(), String> {
    let session = trained("lab=attention", 300)?;
    let whole = session.test_report();
    assert!(whole.token_accuracy > 0.99, "{}", whole.token_accuracy);
    let mean = whole.positions.iter().sum::<f32>() / whole.positions.len() as f32;
    assert!((mean - whole.token_accuracy).abs() < 1e-5);
    assert_eq!(session.knock_out(&[]), whole);
    assert_eq!(session.knock_out(&[(3, 0), (0, 7)]), whole);
    let silenced = session.knock_out(&[(0, 0), (0, 1)]);
    assert!(silenced.token_accuracy < 0.5, "{}", silenced.token_accuracy);
    assert_eq!(silenced.exact_match, 0.0);
    Ok(())
}

#[test]
fn inputs_of_the_wrong_length_or_symbols_are_refused_by_name() -> Result<(), String> {
    let session = trained("lab=attention&length=5", 0)?;
    for input in [
        &[][..],
        &[1, 2, 3][..],
        &[1, 2, 3, 4, 5, 6][..],
        &[1, 2, 3, 4, 10][..],
    ] {
        let Err(error) = session.read(input) else {
            return Err(format!("{input:?} was read"));
        };
        assert_eq!(error.key, "input");
    }
    let Err(error) = session.tokenize("我 爱") else {
        return Err("the reverse task read a prompt".into());
    };
    assert_eq!(error.key, "prompt");
    assert!(session.next_token_probabilities(&[1]).is_empty());
    Ok(())
}

#[test]
fn the_text_task_reads_prompts_predicts_and_samples_reproducibly() -> Result<(), String> {
    let session = trained("lab=attention&task=text", 300)?;
    let prompt = session.tokenize("我 爱").map_err(|e| e.to_string())?;
    assert_eq!(prompt.len(), 2);
    let probabilities = session.next_token_probabilities(&prompt);
    assert_eq!(probabilities.len(), session.vocabulary().len());
    let total: f32 = probabilities.iter().sum();
    assert!((total - 1.0).abs() < 1e-4, "{total}");
    let long = session
        .tokenize("我 爱 深度 学习 。 我 爱 深度 学习 。 我 爱 深度")
        .map_err(|e| e.to_string())?;
    assert_eq!(
        session.next_token_probabilities(&long).len(),
        probabilities.len()
    );
    let first = session.sample(&prompt, 1.0, 20, 7);
    assert_eq!(first.len(), 20);
    assert_eq!(first, session.sample(&prompt, 1.0, 20, 7));
    assert!(!session.detokenize(&first).is_empty());
    assert!(session.tokenize("我 爱 qwertyzz").is_err());
    Ok(())
}
