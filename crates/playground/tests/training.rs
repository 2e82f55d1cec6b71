//! Seeded training runs reach their accuracy: the two-class spiral above 90%
//! test accuracy, three spiral arms with cross-entropy, the regression plane,
//! TensorFlow Playground's circle link; and every dataset, loss and a spread
//! of activations trains without a NaN.

use playground::session::Evaluation;
use playground::settings::{Named, SETTINGS};
use playground::{Config, Session};

fn session(link: &str) -> Session {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    Session::new(config).unwrap_or_else(|e| panic!("{link}: {e}"))
}

/// The evaluation after training `link` for `epochs` epochs.
fn trained(link: &str, epochs: u64) -> Evaluation {
    let mut s = session(link);
    s.train_epochs(epochs);
    assert_eq!(s.stopped(), None, "{link}");
    assert_eq!(s.epoch(), epochs, "{link}");
    s.evaluate()
}

fn accuracy(e: &Evaluation) -> (f32, f32) {
    (
        e.train_accuracy.unwrap_or(f32::NAN),
        e.test_accuracy.unwrap_or(f32::NAN),
    )
}

/// The 2-class spiral (500 points, no noise, half for training) with the two
/// sine features, Adam at 0.03 and the default 8,8 tanh network: above 90%
/// test accuracy from epoch 5, 99.6% at epoch 20 when this was written.
#[test]
fn two_class_spiral_with_sine_features_passes_90_percent_test_accuracy_in_20_epochs() {
    let e = trained("optimizer=adam&learningRate=0.03&sinX=true&sinY=true", 20);
    let (train, test) = accuracy(&e);
    assert!(test > 0.9, "test accuracy {test}, train {train}");
}

/// The same spiral from the raw coordinates only: a 16,16 tanh network with
/// cross-entropy, Adam at 0.03 lowered along a cosine over 100 epochs
/// (above 90% test accuracy from epoch 63, 92.4% at the end when this was
/// written: the narrowest margin here, so a change in the tensor's arithmetic
/// may need a look).
#[test]
fn two_class_spiral_from_coordinates_passes_90_percent_test_accuracy_in_100_epochs() {
    let e = trained(
        "networkShape=16,16&activation=tanh&optimizer=adam&learningRate=0.03&loss=crossEntropy\
         &lrSchedule=cosine&lrEpochs=100",
        100,
    );
    let (train, test) = accuracy(&e);
    assert!(test > 0.9, "test accuracy {test}, train {train}");
}

#[test]
fn three_spiral_arms_with_cross_entropy_are_learned() {
    let e = trained(
        "classes=3&activation=tanh&loss=crossEntropy&optimizer=adam&learningRate=0.03\
         &networkShape=16,16&sinX=true&sinY=true",
        30,
    );
    let (train, test) = accuracy(&e);
    assert!(train > 0.95 && test > 0.9, "train {train}, test {test}");
}

#[test]
fn the_regression_plane_reaches_a_low_loss() {
    let start = trained("problem=regression", 0);
    let e = trained("problem=regression", 30);
    assert!(e.test_loss < 0.005, "{e:?}");
    assert!(e.test_loss < start.test_loss / 10.0, "{start:?} -> {e:?}");
    assert_eq!((e.train_accuracy, e.test_accuracy), (None, None));
}

#[test]
fn tensorflow_playgrounds_circle_link_is_solved_as_there() {
    let link = "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane\
                &learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2\
                &seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";
    let e = trained(link, 60);
    let (train, test) = accuracy(&e);
    assert!(train > 0.95 && test > 0.95, "train {train}, test {test}");
}

/// Every classification dataset with both losses (and 3 classes where the
/// dataset allows), every regression dataset with squared error, each with
/// several activations.
fn every_problem() -> Vec<String> {
    let mut links = Vec::new();
    for dataset in ["circle", "xor", "gauss", "spiral", "moons"] {
        for loss in ["mse", "crossEntropy"] {
            links.push(format!("dataset={dataset}&loss={loss}"));
            if matches!(dataset, "gauss" | "spiral") {
                links.push(format!("dataset={dataset}&loss={loss}&classes=3"));
            }
        }
    }
    for dataset in ["reg-plane", "reg-gauss"] {
        links.push(format!("problem=regression&regDataset={dataset}"));
    }
    links
}

#[test]
fn every_dataset_loss_and_activation_trains_without_nan() {
    let activations = [
        "relu",
        "tanh",
        "sigmoid",
        "gelu",
        "sine",
        "leakyRelu",
        "elu",
    ];
    for problem in every_problem() {
        for activation in activations {
            let link = format!(
                "{problem}&activation={activation}&numSamples=60&networkShape=6,4\
                 &noise=10&optimizer=adam&learningRate=0.01"
            );
            let mut s = session(&link);
            let start = s.evaluate();
            s.train_epochs(4);
            let m = s.metrics();
            let e = m.evaluation;
            assert_eq!(s.stopped(), None, "{link}");
            let numbers = [m.batch_loss, e.train_loss, e.test_loss, m.learning_rate];
            assert!(numbers.iter().all(|v| v.is_finite()), "{link}: {m:?}");
            assert!(
                m.layers
                    .iter()
                    .all(|l| l.grad_norm.is_finite() && l.update_ratio.is_finite()),
                "{link}: {m:?}"
            );
            assert!(
                e.train_loss < start.train_loss,
                "{link}: {start:?} -> {e:?}"
            );
        }
    }
}

#[test]
fn every_activation_named_in_the_table_trains() {
    let Some(setting) = SETTINGS.iter().find(|s| s.key == "activation") else {
        panic!("no activation setting");
    };
    assert_eq!(
        setting.kind.allowed().matches(", ").count() + 1,
        tensor::Activation::NAMES.len()
    );
    for name in tensor::Activation::NAMES {
        let link = format!("activation={name}&numSamples=40");
        let mut s = session(&link);
        s.train_epochs(2);
        assert!(s.evaluate().train_loss.is_finite(), "{link}");
    }
}
