//! The sequence lab's data: the corpus read as words and characters (with 我 爱 深度 学习
//! among its sentences and 你, 吃 and 学习 after 我 爱), its seeded split, the unigram
//! baseline, the adding problem's sequences and baseline, and digit reversal's sequences,
//! held-out test set, scoring and limit.

use playground::Config;
use playground::sequence::config::{SequenceConfig, Task};
use playground::sequence::{
    ADDING_TEST_SEQUENCES, AddingSet, BASELINE_MSE, Batch, CUE, Corpus, REVERSE_TOKENS,
    SequenceSession, TEST_PERCENT, TaskData, Units,
};
use tensor::Rng;

/// The sentences of `corpus` as text, words joined by spaces.
fn sentence(corpus: &Corpus, ids: &[u16]) -> String {
    ids.iter()
        .map(|&id| corpus.vocabulary[usize::from(id)])
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_corpus_reads_as_a_few_thousand_words_with_the_notes_sentence() {
    let corpus = Corpus::new(Units::Words);
    let tokens: usize = corpus.sentences.iter().map(Vec::len).sum();
    assert!((3_000..10_000).contains(&tokens), "{tokens} tokens");
    assert!(
        (50..200).contains(&corpus.vocabulary.len()),
        "{} words",
        corpus.vocabulary.len()
    );
    assert!(corpus.vocabulary.windows(2).all(|pair| pair[0] < pair[1]));
    let texts: Vec<String> = corpus
        .sentences
        .iter()
        .map(|s| sentence(&corpus, s))
        .collect();
    assert!(texts.iter().any(|text| text == "我 爱 深度 学习 。"));
    // After 我 爱 the note expects 你, 吃 or 学习: each follows it somewhere.
    for next in ["你", "吃", "学习"] {
        let words = format!("我 爱 {next}");
        assert!(texts.iter().any(|text| text.starts_with(&words)), "{words}");
    }
    assert!(
        texts.iter().any(|text| text.ends_with(" .")),
        "English sentences"
    );
}

#[test]
fn the_corpus_reads_as_characters_with_spaces_and_line_ends() {
    let words = Corpus::new(Units::Words);
    let chars = Corpus::new(Units::Characters);
    assert!(chars.id(" ").is_some() && chars.id("\n").is_some());
    assert!(
        chars
            .vocabulary
            .iter()
            .all(|token| token.chars().count() == 1)
    );
    // Every sentence reads back as its line: the characters joined are the words spaced.
    for (w, c) in words.sentences.iter().zip(&chars.sentences) {
        let text: String = c
            .iter()
            .map(|&id| chars.vocabulary[usize::from(id)])
            .collect();
        assert_eq!(text, format!("{}\n", sentence(&words, w)));
    }
}

#[test]
fn the_split_is_drawn_by_the_seed_and_holds_out_a_fifth() {
    let corpus = Corpus::new(Units::Words);
    let total: usize = corpus.sentences.iter().map(Vec::len).sum();
    let split = corpus.split(1);
    assert_eq!(split.train.len() + split.test.len(), total);
    let share = split.test.len() as f64 / total as f64;
    assert!(
        (share - TEST_PERCENT as f64 / 100.0).abs() < 0.03,
        "{share}"
    );
    assert_eq!(split, corpus.split(1));
    assert_ne!(split, corpus.split(2));
}

#[test]
fn the_unigram_baseline_is_the_smoothed_cross_entropy_of_the_test_tokens() {
    let corpus = Corpus::read("a b\na a\nb c\n", Units::Words);
    // Seeded, so find which sentence is held out: 3 sentences hold out none at 20%.
    let split = corpus.split(1);
    assert!(split.test.is_empty());
    let split = playground::sequence::TextSplit {
        train: vec![0, 0, 0, 1],
        test: vec![0, 2],
        train_starts: vec![0, 2],
    };
    // p(a) = (3 + 1) / (4 + 3), p(c) = (0 + 1) / 7.
    let expected = -((4.0f64 / 7.0).ln() + (1.0f64 / 7.0).ln()) / 2.0;
    assert!((f64::from(split.unigram_loss(3)) - expected).abs() < 1e-6);
    let shipped = Corpus::new(Units::Words);
    let baseline = shipped.split(1).unigram_loss(shipped.vocabulary.len());
    assert!((2.0..6.0).contains(&baseline), "{baseline} nats");
}

#[test]
fn adding_sequences_mark_one_step_in_each_half_and_sum_them() {
    let mut rng = Rng::new(7);
    for length in [5, 6, 50, 100] {
        let set = AddingSet::draw(length, 200, &mut rng);
        assert_eq!(set.inputs.len(), 200 * length * 2);
        for (example, &target) in set.targets.iter().enumerate() {
            let steps = &set.inputs[example * length * 2..(example + 1) * length * 2];
            let marked: Vec<usize> = (0..length).filter(|&t| steps[t * 2 + 1] == 1.0).collect();
            assert_eq!(marked.len(), 2, "two marks");
            assert!(
                marked[0] < length / 2 && marked[1] >= length / 2,
                "{marked:?} of {length}"
            );
            assert!(steps.chunks(2).all(|step| (0.0..1.0).contains(&step[0])));
            assert_eq!(target, steps[marked[0] * 2] + steps[marked[1] * 2]);
        }
    }
}

#[test]
fn always_answering_one_scores_about_a_sixth() {
    let set = AddingSet::draw(20, 20_000, &mut Rng::new(1));
    let mse = set.constant_mse(1.0);
    assert!((mse - BASELINE_MSE).abs() < 0.005, "{mse}");
    assert!((mse - 0.167).abs() < 0.005, "{mse}");
}

/// The reversal task's data for `length` digits, drawn by `seed`.
fn reversal_data(length: usize, seed: u64) -> TaskData {
    let config = SequenceConfig {
        task: Task::Reverse,
        length,
        ..SequenceConfig::default()
    };
    TaskData::new(&config, seed)
}

/// Each sequence of `batch` (of `2 * length` steps): its digits, its cues and its answers.
fn reversals(batch: &Batch, length: usize) -> Vec<(Vec<u16>, Vec<u16>, Vec<u16>)> {
    let Batch::Text {
        inputs,
        targets,
        answer_from,
    } = batch
    else {
        panic!("reversal batches are tokens");
    };
    assert_eq!(*answer_from, length, "scored from the first cue");
    inputs
        .chunks_exact(2 * length)
        .zip(targets.chunks_exact(2 * length))
        .map(|(input, target)| {
            let cues = input[length..].to_vec();
            (input[..length].to_vec(), cues, target[length..].to_vec())
        })
        .collect()
}

#[test]
fn reversal_reads_the_digits_then_cues_and_answers_them_last_first() {
    let data = reversal_data(6, 3);
    assert_eq!(data.vocabulary(), REVERSE_TOKENS.len());
    assert_eq!(REVERSE_TOKENS[usize::from(CUE)], "?");
    let drawn = data.draw(6, 40, &mut Rng::new(9));
    assert_eq!(drawn.len(12), 40);
    for (digits, cues, answers) in reversals(&drawn, 6) {
        assert!(digits.iter().all(|&d| d < CUE), "{digits:?}");
        assert!(cues.iter().all(|&c| c == CUE), "{cues:?}");
        let mut reversed = digits.clone();
        reversed.reverse();
        assert_eq!(answers, reversed);
    }
}

#[test]
fn reversal_tests_on_distinct_sequences_that_training_never_draws() {
    let data = reversal_data(5, 11);
    let test = data.test_set(5, 11);
    assert_eq!(
        test,
        reversal_data(5, 11).test_set(5, 11),
        "drawn by the seed"
    );
    assert_ne!(test, reversal_data(5, 12).test_set(5, 11));
    let mut held: Vec<Vec<u16>> = reversals(&test, 5).into_iter().map(|s| s.0).collect();
    held.sort();
    held.dedup();
    assert_eq!(held.len(), ADDING_TEST_SEQUENCES);
    // 100,000 sequences of 5 digits, 256 of them held out: 20,000 draws would meet about 50.
    let mut rng = Rng::new(5);
    for _ in 0..20 {
        let batch = data.draw(5, 1000, &mut rng);
        for (digits, _, _) in reversals(&batch, 5) {
            assert!(
                held.binary_search(&digits).is_err(),
                "{digits:?} is a test sequence"
            );
        }
    }
}

#[test]
fn a_reversal_session_scores_only_the_answers_against_a_random_digit() {
    let config = Config::from_query("lab=sequence&task=reverse&length=8").unwrap_or_default();
    assert_eq!(config.sequence.task, Task::Reverse);
    let Ok(session) = SequenceSession::new(config) else {
        panic!("the reversal session builds");
    };
    assert!((session.baseline_loss() - 10f32.ln()).abs() < 1e-6);
    assert_eq!(session.vocabulary(), &REVERSE_TOKENS);
    let evaluation = session.evaluate();
    let accuracy = evaluation.test_accuracy.unwrap_or(-1.0);
    // Untrained: about one digit in ten, and nowhere near the half that scoring the cues would add.
    assert!(
        (0.02..0.25).contains(&accuracy),
        "untrained accuracy {accuracy}"
    );
    assert!(
        (evaluation.test_loss - 11f32.ln()).abs() < 0.3,
        "{}",
        evaluation.test_loss
    );
    let trace = session.trace(0);
    assert_eq!(trace.inputs.len(), 16);
    assert_eq!(trace.outputs.len(), 16);
}

#[test]
fn more_than_50_digits_to_reverse_is_refused_naming_the_length() {
    let error = Config::from_query("lab=sequence&task=reverse&length=51").err();
    let message = error.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("length") && message.contains("50"),
        "{message}"
    );
    assert!(Config::from_query("lab=sequence&task=reverse&length=50").is_ok());
    assert!(Config::from_query("lab=sequence&task=adding&length=51").is_ok());
}
