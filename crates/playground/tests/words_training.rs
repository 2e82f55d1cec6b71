//! The words lab's figures, as issue 17 states them, with the defaults in both languages and
//! for several data and weight seeds: the nearest neighbour of at least 75% of the group words
//! is in their group, cos(猫, 狗) > cos(猫, 汽车) (cat/dog against cat/car), and 王后 (queen) is
//! among the top 3 answers to 国王 − 男人 + 女人. Also CBOW, the one-hot baseline the lesson
//! compares with, and that training ends at the `epochs` setting.

use playground::Config;
use playground::words::{Summary, WordsSession};

/// The session of `link` in the words lab with data seed `seed` and weight seed `seed + 100`,
/// trained to its end.
fn trained(link: &str, seed: u32) -> Result<WordsSession, String> {
    let link = format!("lab=words&{link}&seed={seed}&initSeed={}", seed + 100);
    let config = Config::from_query(&link).map_err(|e| format!("{link}: {e}"))?;
    let mut session = WordsSession::new(config).map_err(|e| format!("{link}: {e}"))?;
    session.train_epochs(u64::MAX);
    if let Some(stop) = session.stopped() {
        return Err(format!("{link}: training stopped: {}", stop.message()));
    }
    Ok(session)
}

fn summary_of(session: &WordsSession) -> Result<Summary, String> {
    session
        .summary()
        .ok_or_else(|| "the built-in text has no summary".to_owned())
}

fn check_figures(link: &str, seeds: std::ops::Range<u32>) -> Result<(), String> {
    for seed in seeds {
        let session = trained(link, seed)?;
        let s = summary_of(&session)?;
        let at = format!("{link}, seed {seed}: {s:?}");
        assert!(s.group_neighbours >= 0.75, "{at}");
        assert!(s.similar_pair > s.distant_pair + 0.1, "{at}");
        assert!(s.analogy_rank <= 3, "{at}");
    }
    Ok(())
}

#[test]
fn the_chinese_defaults_reach_the_promised_figures_for_every_seed() -> Result<(), String> {
    check_figures("corpus=zh", 1..7)
}

#[test]
fn the_english_defaults_reach_the_promised_figures_for_every_seed() -> Result<(), String> {
    check_figures("corpus=en", 1..7)
}

#[test]
fn cbow_reaches_the_same_figures() -> Result<(), String> {
    check_figures("method=cbow", 1..3)?;
    check_figures("corpus=en&method=cbow", 1..3)
}

#[test]
fn training_ends_at_the_epochs_setting_and_the_loss_falls_from_ln_2() -> Result<(), String> {
    let config = Config::from_query("lab=words&epochs=3").map_err(|e| e.to_string())?;
    let mut session = WordsSession::new(config).map_err(|e| e.to_string())?;
    // Zero output vectors score every word 0 at the start: the loss is ln 2.
    let start = session.evaluate().train_loss;
    assert!((start - std::f32::consts::LN_2).abs() < 1e-6, "{start}");
    session.train_steps(u64::MAX);
    assert!(session.finished());
    assert_eq!(session.epoch(), 3);
    assert_eq!(session.step(), 3 * session.epoch_steps());
    let metrics = session.metrics();
    assert!(metrics.evaluation.test_loss < 0.6 * start, "{metrics:?}");
    assert!(metrics.evaluation.test_accuracy.is_some_and(|a| a > 0.8));
    assert_eq!(metrics.layers.len(), 2, "input and output vectors");
    assert_eq!(
        session.train_steps(5),
        metrics.batch_loss,
        "no step after the end"
    );
    Ok(())
}

#[test]
fn untrained_vectors_show_no_groups_and_one_hot_vectors_are_all_orthogonal() -> Result<(), String> {
    let config = Config::from_query("lab=words").map_err(|e| e.to_string())?;
    let session = WordsSession::new(config).map_err(|e| e.to_string())?;
    let s = summary_of(&session)?;
    // random starting vectors: about one group word in six finds a neighbour of its group
    assert!(s.group_neighbours < 0.5, "{s:?}");
    // what one-hot vectors would need: one dimension per word, against 16 dense ones
    assert!(
        session.vocabulary().len() > 60,
        "{}",
        session.vocabulary().len()
    );
    assert_eq!(
        session.parameter_count(),
        2 * 16 * session.vocabulary().len()
    );
    Ok(())
}

#[test]
fn the_neighbours_analogy_and_cooccurrences_read_the_trained_vectors() -> Result<(), String> {
    let session = trained("corpus=en", 3)?;
    let id = |word: &str| {
        session
            .corpus()
            .id(word)
            .ok_or_else(|| format!("{word} is not in the vocabulary"))
    };
    let (cat, dog, car) = (id("cat")?, id("dog")?, id("car")?);
    let near = session.neighbours(cat, 5);
    assert_eq!(near.len(), 5);
    assert!(near.windows(2).all(|w| w[0].similarity >= w[1].similarity));
    assert!(near.iter().all(|n| n.id != cat));
    // the animals share their contexts: cat's nearest three are animals, not always dog
    let animals = session.group_of(cat);
    assert!(animals.is_some() && animals == session.group_of(dog));
    assert!(
        near[..3].iter().all(|n| session.group_of(n.id) == animals),
        "{near:?}"
    );
    assert!((session.similarity(cat, dog) - session.similarity(dog, cat)).abs() < 1e-6);
    let answers = session.analogy(id("king")?, id("man")?, id("woman")?, 5);
    assert!(
        answers[..3]
            .iter()
            .any(|n| n.id == id("queen").unwrap_or(0)),
        "{answers:?}"
    );
    let counts = session.cooccurrences(cat);
    assert_eq!(counts.len(), session.vocabulary().len());
    assert_eq!(counts[car], 0, "cats and cars never share a window");
    assert!(counts.iter().sum::<u32>() > 100);
    let points = session.projection();
    assert_eq!(points.len(), session.vocabulary().len());
    assert!(points.iter().flatten().all(|v| v.is_finite()));
    Ok(())
}

#[test]
fn a_pasted_text_trains_and_names_its_problems() -> Result<(), String> {
    let text = "the cat sat on the mat . the dog sat on the rug .\n一只 猫 在 睡觉 。 我爱深度学习";
    let link = format!("lab=words&corpus=custom&text={}", encode(text));
    let config = Config::from_query(&link).map_err(|e| e.to_string())?;
    let mut session = WordsSession::new(config).map_err(|e| e.to_string())?;
    let words = session.vocabulary();
    assert_eq!(words[0], "the", "most frequent first");
    for word in ["我", "爱", "深", "度", "学", "习", "一只", "猫"] {
        assert!(
            words.iter().any(|w| w == word),
            "{word} missing from {words:?}"
        );
    }
    assert!(session.summary().is_none(), "a pasted text has no groups");
    session.train_steps(u64::MAX);
    assert!(session.finished());
    for (text, why) in [
        ("", "empty"),
        ("cat dog", "two words"),
        ("a.b.c.d.e.f.g.h.i.j.k", "no pair"),
    ] {
        let link = format!("lab=words&corpus=custom&text={}", encode(text));
        let Err(error) = Config::from_query(&link) else {
            panic!("{why}: accepted");
        };
        assert_eq!(error.key, "text", "{why}");
        assert!(
            error.message.contains("at least 10 words"),
            "{}",
            error.message
        );
    }
    let parsed = Config::parse_query("lab=words&corpus=custom&text=");
    assert_eq!(
        parsed.config.words.corpus,
        Config::for_lab(playground::Lab::Words).words.corpus
    );
    Ok(())
}

/// `text` percent-encoded for a link.
fn encode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}
