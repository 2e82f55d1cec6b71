//! The words lab's data: how a text is read (sentences, words, the vocabulary and its cap),
//! the examples the window cuts for skip-gram and CBOW, and the noise distribution the
//! negatives are drawn from (count^0.75).

use playground::words::config::Method;
use playground::words::{
    EN_GROUPS, EN_TEXT, Examples, MAX_VOCAB, Noise, WordCorpus, ZH_GROUPS, ZH_TEXT,
};
use tensor::Rng;

#[test]
fn a_text_is_read_as_sentences_of_lowercased_words_most_frequent_first() {
    let corpus = WordCorpus::read("The cat, the DOG!\nA cat's toy; 我爱深度学习。猫 狗", &[]);
    assert_eq!(
        corpus.vocabulary,
        [
            "the", "cat", "dog", "a", "cat's", "toy", "我", "爱", "深", "度", "学", "习", "猫",
            "狗"
        ]
    );
    assert_eq!(
        corpus.counts[..3],
        [2, 1, 1],
        "ties in order of first appearance"
    );
    let sentences: Vec<usize> = corpus.sentences.iter().map(Vec::len).collect();
    assert_eq!(sentences, [4, 3, 6, 2]);
    assert_eq!(corpus.len(), 15);
}

#[test]
fn the_vocabulary_keeps_the_500_most_frequent_words_and_drops_the_rest() {
    let mut text = String::new();
    for word in 0..600 {
        let times = if word < 100 { 3 } else { 1 };
        for _ in 0..times {
            text.push_str(&format!("w{word} "));
        }
    }
    let corpus = WordCorpus::read(&text, &[]);
    assert_eq!(corpus.vocabulary.len(), MAX_VOCAB);
    assert_eq!(corpus.vocabulary[0], "w0");
    assert_eq!(corpus.vocabulary[MAX_VOCAB - 1], "w499");
    assert_eq!(corpus.len(), 300 + 400);
}

#[test]
fn the_built_in_texts_hold_every_group_word_many_times() {
    for (text, groups) in [(ZH_TEXT, ZH_GROUPS), (EN_TEXT, EN_GROUPS)] {
        let corpus = WordCorpus::read(text, groups);
        assert!(
            (4000..10_000).contains(&corpus.len()),
            "{} words",
            corpus.len()
        );
        for word in groups.iter().flat_map(|g| g.words) {
            let id = corpus
                .id(word)
                .unwrap_or_else(|| panic!("{word} is missing"));
            assert!(corpus.counts[id] >= 30, "{word}: {}", corpus.counts[id]);
        }
        assert_eq!(groups.len(), 6);
    }
}

#[test]
fn the_window_cuts_skip_gram_pairs_and_cbow_windows() {
    let sentence: &[u32] = &[0, 1, 2, 3];
    let pairs = Examples::new([sentence], Method::Sgns, 1);
    let cut: Vec<(u32, Vec<u32>)> = (0..pairs.len())
        .map(|i| (pairs.words[i], pairs.contexts(i).to_vec()))
        .collect();
    let want = [(0, [1]), (1, [0]), (1, [2]), (2, [1]), (2, [3]), (3, [2])];
    assert_eq!(cut, want.map(|(w, c)| (w, c.to_vec())));
    let windows = Examples::new([sentence, &[7]], Method::Cbow, 2);
    assert_eq!(windows.len(), 4, "a one-word sentence has no context");
    assert_eq!(windows.contexts(0), [1, 2]);
    assert_eq!(windows.contexts(1), [0, 2, 3]);
    assert_eq!(windows.contexts(3), [1, 2]);
    let sample = pairs.sample(3);
    assert_eq!(sample.words, [0, 1, 2]);
}

#[test]
fn negatives_follow_the_counts_to_the_power_three_quarters() {
    let counts = [1000, 100, 10, 1];
    let noise = Noise::new(&counts);
    let mut rng = Rng::new(5);
    let mut drawn = [0u32; 4];
    let draws = 200_000;
    for _ in 0..draws {
        drawn[noise.draw(&mut rng, 9) as usize] += 1;
    }
    let weights: Vec<f64> = counts.iter().map(|&c| f64::from(c).powf(0.75)).collect();
    let total: f64 = weights.iter().sum();
    for (word, (&got, weight)) in drawn.iter().zip(&weights).enumerate() {
        let share = f64::from(got) / f64::from(draws);
        let want = weight / total;
        assert!(
            (share - want).abs() < 0.01 + 0.05 * want,
            "word {word}: {share} against {want}"
        );
    }
    // the word being told apart is never its own negative
    assert!((0..1000).all(|_| noise.draw(&mut rng, 0) != 0));
}
