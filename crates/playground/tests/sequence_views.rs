//! What the sequence lab's views read: prompts read as the corpus's tokens (or refused,
//! naming the prompt), next-token probabilities that learn 我 爱 -> 你 / 吃 / 学习, seeded
//! sampling, one sequence's gates and states, the per-step gradients that vanish for the
//! plain RNN, and clipping that reports what it clipped.

use std::error::Error;

use playground::Config;
use playground::sequence::{SequenceSession, Trace};

type Outcome = Result<(), Box<dyn Error>>;

fn session(link: &str) -> Result<SequenceSession, Box<dyn Error>> {
    Ok(SequenceSession::new(Config::from_query(&format!(
        "lab=sequence&{link}"
    ))?)?)
}

#[test]
fn a_prompt_reads_as_words_with_or_without_spaces_and_an_unknown_word_is_named() -> Outcome {
    let text = session("")?;
    let spaced = text.tokenize("我 爱 深度")?;
    assert_eq!(text.tokenize("我爱深度")?, spaced);
    assert_eq!(text.detokenize(&spaced), "我 爱 深度");
    let Err(error) = text.tokenize("我 爱 火星") else {
        return Err("an unknown word was read".into());
    };
    assert_eq!(error.key, "prompt");
    assert_eq!(error.value, "火星");
    let long = "我".repeat(201);
    assert!(text.tokenize(&long).is_err());
    let characters = session("units=characters")?;
    assert_eq!(characters.tokenize("i love")?.len(), 6);
    assert!(session("task=adding")?.tokenize("我").is_err());
    Ok(())
}

#[test]
fn after_training_i_love_is_followed_by_you_eat_study_or_deep() -> Outcome {
    let mut text = session("")?;
    let prompt = text.tokenize("我 爱")?;
    let untrained = text.next_token_probabilities(&prompt);
    assert_eq!(untrained.len(), text.vocabulary().len());
    assert!((untrained.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    text.train_steps(800);
    let probabilities = text.next_token_probabilities(&prompt);
    // The corpus follows 我 爱 with these four, about as often each.
    let each: Vec<f32> = ["你", "吃", "学习", "深度"]
        .iter()
        .filter_map(|word| text.tokenize(word).ok())
        .map(|ids| probabilities[usize::from(ids[0])])
        .collect();
    let mass: f32 = each.iter().sum();
    assert!(mass > 0.8, "p(你, 吃, 学习, 深度 | 我 爱) = {each:?}");
    assert!(each.iter().all(|p| *p > 0.1), "{each:?}");
    let first = text.sample(&prompt, 0.7, 12, 5);
    assert_eq!(first, text.sample(&prompt, 0.7, 12, 5), "seeded");
    assert_eq!(first.len(), 12);
    assert!(
        first
            .iter()
            .all(|&id| usize::from(id) < text.vocabulary().len())
    );
    let cold = text.sample(&prompt, f32::NAN, 3, 5);
    assert_eq!(cold.len(), 3, "a NaN temperature falls back to 1");
    Ok(())
}

#[test]
fn a_trace_holds_every_gate_and_state_at_every_step() -> Outcome {
    for (cell, gates, has_cell) in [("rnn", 1, false), ("lstm", 4, true), ("gru", 3, false)] {
        let adding = session(&format!("task=adding&length=10&hidden=8&cell={cell}"))?;
        let Trace {
            inputs,
            gates: activations,
            cell: state,
            hidden,
            outputs,
        } = adding.trace(3);
        assert_eq!(inputs.len(), 20);
        assert_eq!(
            inputs.iter().skip(1).step_by(2).sum::<f32>(),
            2.0,
            "two marks"
        );
        assert_eq!(activations.len(), gates);
        assert!(activations.iter().all(|g| g.len() == 80));
        assert_eq!(state.len(), if has_cell { 80 } else { 0 });
        assert_eq!(hidden.len(), 80);
        assert_eq!(outputs.len(), 1);
        if cell != "rnn" {
            assert!(activations[0].iter().all(|g| (0.0..=1.0).contains(g)));
        }
    }
    Ok(())
}

#[test]
fn the_plain_rnns_gradient_fades_back_in_time_and_the_lstms_does_not() -> Outcome {
    let reach = |cell: &str| -> Result<f32, Box<dyn Error>> {
        let mut s = session(&format!("task=adding&length=50&cell={cell}"))?;
        s.train_steps(1000);
        let per_step = &s.gradients().per_step;
        assert_eq!(per_step.len(), 50);
        Ok(per_step[0] / per_step[49])
    };
    let (rnn, lstm) = (reach("rnn")?, reach("lstm")?);
    assert!(
        rnn < 1e-3,
        "rnn: first step gets {rnn} of the last step's gradient"
    );
    assert!(
        lstm > 1e-2,
        "lstm: first step gets {lstm} of the last step's gradient"
    );
    Ok(())
}

#[test]
fn clipping_caps_the_update_and_reports_the_norm_before_it() -> Outcome {
    let link = "task=adding&length=50&cell=rnn&initScale=2";
    let mut clipped = session(&format!("{link}&clip=1"))?;
    clipped.train_steps(1);
    let report = clipped.gradients();
    assert!(report.norm > 100.0 && report.clipped, "{report:?}");
    let mut free = session(&format!("{link}&clip=0"))?;
    free.train_steps(1);
    assert_eq!(free.gradients().norm, report.norm, "the same gradient");
    assert!(!free.gradients().clipped);
    Ok(())
}
