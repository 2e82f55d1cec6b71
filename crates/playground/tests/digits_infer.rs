//! The digits networks' tape-free pass (`Network::logits`, `Network::layer_outputs`)
//! against the tape's `Network::forward`, bit for bit: every model, kernel size,
//! pooling and filter count (with filters left over by the blocks of four and
//! eight), freshly drawn and trained, on the test set, shifted and noisy images,
//! blank and full images and the extremes of the pixel range.

use playground::Config;
use playground::digits::network::Network;
use playground::digits::{DigitsSession, PIXELS, shift};
use tensor::{Rng, Tape, Tensor};

include!("digits/shipped.rs");

/// A session of `link`, trained for `steps` updates.
fn session(link: &str, steps: u64) -> DigitsSession {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    let mut session =
        DigitsSession::new(config, shipped_digits()).unwrap_or_else(|e| panic!("{link}: {e}"));
    session.train_steps(steps);
    session
}

/// The images the checks run: the test set, each shifted a pixel, noise in
/// [0, 1], blank and full images.
fn images(session: &DigitsSession) -> Vec<f32> {
    let test = session.test_set();
    let mut pixels = test.pixels.clone();
    for index in (0..test.len()).step_by(7) {
        let mut image = [0.0; PIXELS];
        image.copy_from_slice(test.image(index));
        pixels.extend_from_slice(&shift(&image, 1, -1));
    }
    let mut rng = Rng::new(7);
    pixels.extend((0..PIXELS * 5).map(|_| rng.uniform()));
    pixels.extend([0.0; PIXELS]);
    pixels.extend([1.0; PIXELS]);
    pixels
}

fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}

/// Checks the logits of every image, and every layer's output of a few, against the tape.
fn check(link: &str, steps: u64) {
    let session = session(link, steps);
    let label = format!("{link} after {steps} steps");
    check_network(session.network(), &images(&session), &label);
}

/// [`check`] on a network at hand and the images `pixels`.
fn check_network(network: &Network, pixels: &[f32], link: &str) {
    let n = pixels.len() / PIXELS;
    let mut tape = Tape::new();
    let pass = network.forward(&mut tape, pixels, n, None);
    let expected = tape.value(pass.logits).data();
    let logits = network.logits(pixels, n);
    assert_eq!(bits(&logits), bits(expected), "{link}: logits");
    // one image fewer: a last block of images short of a full one
    let fewer = network.logits(pixels, n - 1);
    assert_eq!(
        bits(&fewer),
        bits(&expected[..fewer.len()]),
        "{link}: logits of {} images",
        n - 1
    );
    for image in pixels.chunks_exact(PIXELS).step_by(97) {
        let mut tape = Tape::new();
        let pass = network.forward(&mut tape, image, 1, None);
        let outputs = network.layer_outputs(image);
        assert_eq!(outputs.len(), pass.outputs.len(), "{link}: layers");
        for (layer, (got, &var)) in outputs.iter().zip(&pass.outputs).enumerate() {
            let want: &Tensor = tape.value(var);
            assert_eq!(got.shape(), want.shape(), "{link}: layer {layer}'s shape");
            assert_eq!(bits(got.data()), bits(want.data()), "{link}: layer {layer}");
        }
    }
}

#[test]
fn the_default_cnn_matches_the_tape_fresh_and_trained() {
    for steps in [0, 60] {
        check("lab=digits", steps);
        check("lab=digits&filters1=8&filters2=16", steps);
    }
}

#[test]
fn every_kernel_and_pooling_matches_the_tape() {
    for kernel in ["1", "3", "5"] {
        for pooling in ["max", "avg", "none"] {
            check(
                &format!("lab=digits&kernel={kernel}&pooling={pooling}&filters1=5&filters2=11"),
                20,
            );
        }
    }
}

#[test]
fn odd_filter_counts_match_the_tape() {
    for (f1, f2) in [(1, 1), (3, 9), (16, 32), (12, 17)] {
        check(
            &format!("lab=digits&filters1={f1}&filters2={f2}&seed=3&initSeed=4"),
            30,
        );
    }
}

#[test]
fn the_mlp_and_softmax_regression_match_the_tape() {
    for link in [
        "lab=digits&model=mlp",
        "lab=digits&model=mlp&hidden=7",
        "lab=digits&model=linear",
    ] {
        check(link, 0);
        check(link, 50);
    }
}

#[test]
fn a_network_trained_hard_matches_the_tape() {
    // a high learning rate drives weights far from their start, dead units and all
    check("lab=digits&learningRate=0.1&filters1=8&filters2=16", 200);
}

#[test]
fn sums_that_overflow_or_are_nan_match_the_tape() {
    // an infinite centre tap makes a pixel's sum inf where the pixel is lit and
    // NaN (inf * 0) where it is dark: ReLU makes NaN 0, so a window whose first
    // sum is NaN and whose second is inf must still pool to inf, as the tape's
    // ReLU-then-pool does; an infinite corner tap also meets the padding, whose
    // terms must then be added (tensor's image_naive.rs holds them to the definition)
    let taps = [4, 0].into_iter();
    for (tap, pooling) in taps.flat_map(|tap| ["max", "avg", "none"].map(|pooling| (tap, pooling)))
    {
        let link = format!("lab=digits&pooling={pooling}&filters1=4&filters2=6");
        let fresh = session(&link, 0);
        let mut network = fresh.network().clone();
        if let Some(weight) = network.params_mut().next() {
            weight.data_mut()[tap] = f32::INFINITY;
        }
        let mut image = [0.0; PIXELS];
        image[1] = 1.0;
        let outputs = network.layer_outputs(&image);
        assert!(
            outputs[0].data().iter().any(|v| v.is_infinite()),
            "{link}, tap {tap}: the first layer should pass an infinite sum"
        );
        let mut pixels = images(&fresh);
        pixels.extend(image);
        check_network(&network, &pixels, &link);
    }
}
