//! The sequence lab's data: the corpus read as words and characters (with 我 爱 深度 学习
//! among its sentences and 你, 吃 and 学习 after 我 爱), its seeded split, the unigram
//! baseline, and the adding problem's sequences and baseline.

use playground::sequence::{AddingSet, BASELINE_MSE, Corpus, TEST_PERCENT, Units};
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
