//! The digits lab's claims, trained natively at the learner's horizons: the
//! default CNN reaches 97% test accuracy within 20 epochs, 50 training images
//! overfit and all of them do not, flipping hurts digits, the CNN tolerates
//! shifts better than the MLP, and the MLP has about the CNN's parameter count.

use playground::digits::DigitsSession;
use playground::digits::network::parameter_count;
use playground::{Config, Metrics};

include!("digits/shipped.rs");

/// The session of `link` trained for `epochs`.
fn trained(link: &str, epochs: u64) -> DigitsSession {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    let mut session =
        DigitsSession::new(config, shipped_digits()).unwrap_or_else(|e| panic!("{link}: {e}"));
    session.train_epochs(epochs);
    session
}

/// The metrics of each link after `epochs`, trained two at a time.
fn metrics_of(links: &[String], epochs: u64) -> Vec<Metrics> {
    shipped_digits();
    std::thread::scope(|scope| {
        let handles: Vec<_> = links
            .iter()
            .map(|link| scope.spawn(move || trained(link, epochs).metrics()))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| panic!("a training thread panicked"))
            })
            .collect()
    })
}

fn test_accuracy(m: &Metrics) -> f32 {
    m.evaluation.test_accuracy.unwrap_or(0.0)
}

fn train_accuracy(m: &Metrics) -> f32 {
    m.evaluation.train_accuracy.unwrap_or(0.0)
}

#[test]
fn the_default_cnn_reaches_97_percent_within_20_epochs_for_several_seeds() {
    let links: Vec<String> = [(1, 1), (2, 1), (3, 2), (5, 3)]
        .iter()
        .map(|(data, weights)| format!("lab=digits&seed={data}&initSeed={weights}"))
        .collect();
    for (link, m) in links.iter().zip(metrics_of(&links, 20)) {
        assert_eq!(m.epoch, 20);
        assert!(test_accuracy(&m) >= 0.97, "{link}: {}", test_accuracy(&m));
        assert_eq!(m.layers.len(), 3, "one gradient norm per layer");
    }
}

#[test]
fn fifty_training_images_overfit_and_all_of_them_do_not() {
    let links = [
        "lab=digits&trainSize=50".to_owned(),
        "lab=digits".to_owned(),
    ];
    let [few, all] = metrics_of(&links, 20)
        .try_into()
        .unwrap_or_else(|_| panic!("two"));
    assert!(train_accuracy(&few) >= 0.99, "{}", train_accuracy(&few));
    let gap = |m: &Metrics| train_accuracy(m) - test_accuracy(m);
    assert!(gap(&few) > 0.1, "50 images: a gap of {}", gap(&few));
    assert!(gap(&all) < 0.04, "all images: a gap of {}", gap(&all));
    assert!(few.evaluation.test_loss > 2.0 * all.evaluation.test_loss);
}

/// A mirrored 2 looks like a 5 and a mirrored 3 is no digit: with 200 training images, half of
/// them mirrored each time, the network learns shapes the test never shows.
#[test]
fn flipping_training_images_lowers_test_accuracy_on_digits() {
    let links: Vec<String> = [1, 2]
        .iter()
        .flat_map(|seed| {
            [
                format!("lab=digits&seed={seed}&trainSize=200"),
                format!("lab=digits&seed={seed}&trainSize=200&augFlip=true"),
            ]
        })
        .collect();
    let m = metrics_of(&links, 20);
    for pair in m.chunks_exact(2) {
        let (plain, flipped) = (test_accuracy(&pair[0]), test_accuracy(&pair[1]));
        assert!(flipped < plain - 0.02, "flip {flipped} vs none {plain}");
    }
}

#[test]
fn the_cnn_tolerates_shifted_digits_better_than_the_mlp() {
    shipped_digits();
    let (cnn, mlp) = std::thread::scope(|scope| {
        let cnn = scope.spawn(|| trained("lab=digits", 20));
        let mlp = scope.spawn(|| trained("lab=digits&model=mlp", 20));
        (cnn.join(), mlp.join())
    });
    let (Ok(cnn), Ok(mlp)) = (cnn, mlp) else {
        panic!("a training thread panicked");
    };
    let at = |s: &DigitsSession, px| s.shifted_accuracy(px);
    assert_eq!(at(&cnn, 0), test_accuracy(&cnn.metrics()));
    assert!(
        at(&cnn, 2) > at(&mlp, 2) + 0.05,
        "cnn {} mlp {}",
        at(&cnn, 2),
        at(&mlp, 2)
    );
    assert!(
        at(&cnn, 3) < at(&cnn, 0),
        "a 3-pixel shift costs the CNN too"
    );
    let confusion = cnn.confusion();
    let total: u32 = confusion.iter().flatten().sum();
    let right: u32 = (0..10).map(|d| confusion[d][d]).sum();
    assert_eq!(total as usize, cnn.test_set().len());
    assert_eq!((total - right) as usize, cnn.misclassified().len());
}

#[test]
fn the_mlp_has_about_the_cnns_parameter_count_and_the_counts_add_up() {
    let count = |link: &str| {
        let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
        parameter_count(&config.digits)
    };
    let (cnn, mlp) = (count("lab=digits"), count("lab=digits&model=mlp"));
    assert_eq!(cnn, 16 * 9 + 16 + 32 * 16 * 9 + 32 + 2 * 2 * 32 * 10 + 10);
    assert!(mlp.abs_diff(cnn) * 20 < cnn, "cnn {cnn}, mlp {mlp}");
    assert_eq!(count("lab=digits&model=linear"), 64 * 10 + 10);
    assert_eq!(
        count("lab=digits&pooling=none&filters1=1&filters2=1&kernel=1"),
        2 + 2 + 64 * 10 + 10
    );
}

#[test]
fn probabilities_of_an_image_sum_to_one_and_follow_training() {
    let session = trained("lab=digits", 5);
    let test = session.test_set();
    let mut image = [0.0; 64];
    image.copy_from_slice(test.image(0));
    let p = session.probabilities(&image);
    assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    let outputs = session.layer_outputs(&image);
    assert_eq!(outputs.len(), 3);
    assert_eq!(outputs[0].dims(), &[1, 16, 4, 4]);
    assert_eq!(outputs[1].dims(), &[1, 32, 2, 2]);
    assert_eq!(outputs[2].dims(), &[1, 10]);
}

#[test]
fn early_stopping_restores_the_best_epoch_and_live_settings_keep_the_weights() {
    let mut session = trained(
        "lab=digits&trainSize=50&patience=3&filters1=4&filters2=8",
        60,
    );
    let metrics = session.metrics();
    let Some(playground::Stop::EarlyStopped { epoch, best_epoch }) = metrics.stop else {
        panic!(
            "50 images overfit: early stopping ends the run, got {:?}",
            metrics.stop
        );
    };
    assert_eq!(epoch, best_epoch + 3);
    assert_eq!(metrics.best_epoch, Some(best_epoch));

    let weights = |s: &DigitsSession| -> Vec<u32> {
        s.network()
            .params()
            .flat_map(|p| p.data().iter().map(|v| v.to_bits()))
            .collect()
    };
    let before = weights(&session);
    let live = Config::from_query(
        "lab=digits&trainSize=50&patience=5&filters1=4&filters2=8&learningRate=0.003",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(session.set_config(live), Ok(false), "a live change");
    assert_eq!(weights(&session), before);
    assert!(
        session.stopped().is_none(),
        "a new patience lifts the early stop"
    );
    let rebuilt = Config::from_query("lab=digits&filters1=2").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        session.set_config(rebuilt),
        Ok(true),
        "a new network starts over"
    );
}
