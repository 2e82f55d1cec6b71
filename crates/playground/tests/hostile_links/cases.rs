//! The hostile links and what each must give, for tests/hostile_links.rs.

use playground::settings::MAX_USER_POINTS;
use playground::{MAX_LINK_LEN, MAX_PAIRS};

/// What a hostile link must produce.
#[derive(Clone, Copy, Debug)]
pub enum Expect {
    /// An error for the key whose message contains the fragment; the key goes
    /// back to its default and the rest of the link is kept.
    Error(&'static str, &'static str),
    /// A key given twice: an error, and the key keeps the value it was first given.
    Duplicate(&'static str, &'static str),
    /// An error about the whole link: nothing in it is used.
    WholeLink(&'static str),
    /// A warning for the key, no error.
    Warning(&'static str),
    /// Neither error nor warning.
    Clean,
}

pub use Expect::{Clean, Duplicate, Error, Warning, WholeLink};

/// A setting no case touches, added to every case to check that good settings survive.
pub const GOOD: &str = "showTestData=true";

pub const LEARNING_RATE: &str = "Learning rate must be a number in (0, 10]";
pub const BATCH: &str = "Batch size must be a whole number from 1 to 2000";
pub const SHAPE: &str = "Hidden layers must be up to 8 comma-separated whole numbers from 1 to 128";
pub const SEED: &str = "Data seed must be 1 to 32 letters, digits, '.', '-' or '_'";
pub const POINTS: &str = "Added points must be up to 200 points written x,y,label";
pub const PERCENT: &str = "is not valid percent-encoded UTF-8";
pub const TWICE: &str = "appears more than once in the link";
pub const VERSION: &str = "this playground reads link version 1";
pub const CLASS_LABEL: &str = "a class label must be a whole number from 0 to 1";

fn points(count: usize) -> String {
    (0..count)
        .map(|i| {
            format!(
                "{},{},{}",
                (i % 11) as f32 - 5.0,
                (i % 7) as f32 * 0.5,
                i % 2
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

pub fn cases() -> Vec<(String, Expect)> {
    let fixed: &[(&str, Expect)] = &[
        // Numbers that are not numbers, or not allowed ones.
        ("learningRate=abc", Error("learningRate", LEARNING_RATE)),
        ("learningRate=NaN", Error("learningRate", LEARNING_RATE)),
        ("learningRate=nan", Error("learningRate", LEARNING_RATE)),
        ("learningRate=inf", Error("learningRate", LEARNING_RATE)),
        ("learningRate=-inf", Error("learningRate", LEARNING_RATE)),
        (
            "learningRate=infinity",
            Error("learningRate", LEARNING_RATE),
        ),
        ("learningRate=-1", Error("learningRate", LEARNING_RATE)),
        ("learningRate=0", Error("learningRate", LEARNING_RATE)),
        ("learningRate=-0", Error("learningRate", LEARNING_RATE)),
        ("learningRate=1e40", Error("learningRate", LEARNING_RATE)),
        ("learningRate=10.001", Error("learningRate", LEARNING_RATE)),
        ("learningRate=0x10", Error("learningRate", LEARNING_RATE)),
        ("learningRate=1,5", Error("learningRate", LEARNING_RATE)),
        ("learningRate=%201", Error("learningRate", LEARNING_RATE)),
        ("learningRate=1+", Error("learningRate", LEARNING_RATE)),
        ("learningRate=", Error("learningRate", LEARNING_RATE)),
        ("learningRate", Error("learningRate", LEARNING_RATE)),
        ("learningRate=1e", Error("learningRate", LEARNING_RATE)),
        ("learningRate=..5", Error("learningRate", LEARNING_RATE)),
        ("learningRate=1_000", Error("learningRate", LEARNING_RATE)),
        ("learningRate=０.１", Error("learningRate", LEARNING_RATE)),
        (
            "learningRate=%EF%BC%90.1",
            Error("learningRate", LEARNING_RATE),
        ),
        ("learningRate=true", Error("learningRate", LEARNING_RATE)),
        (
            "https://example.org/#learningRate=abc",
            Error("learningRate", LEARNING_RATE),
        ),
        (
            "?noise=5#learningRate=abc",
            Error("learningRate", LEARNING_RATE),
        ),
        (
            "momentum=1",
            Error("momentum", "Momentum must be a number in [0, 0.999]"),
        ),
        ("momentum=-0.1", Error("momentum", "[0, 0.999]")),
        (
            "dropout=0.95",
            Error("dropout", "Dropout must be a number in [0, 0.9]"),
        ),
        ("dropout=1", Error("dropout", "[0, 0.9]")),
        (
            "initScale=0",
            Error("initScale", "must be a number in (0, 10]"),
        ),
        (
            "regularizationRate=-0.001",
            Error("regularizationRate", "[0, 10]"),
        ),
        ("augmentNoise=3", Error("augmentNoise", "[0, 2]")),
        ("beta2=1", Error("beta2", "[0, 0.99999]")),
        ("lrDecay=0", Error("lrDecay", "(0, 1]")),
        ("weightDecay=2", Error("weightDecay", "[0, 1]")),
        // Whole numbers.
        ("batchSize=0", Error("batchSize", BATCH)),
        ("batchSize=-5", Error("batchSize", BATCH)),
        ("batchSize=2.5", Error("batchSize", BATCH)),
        ("batchSize=1e3", Error("batchSize", BATCH)),
        ("batchSize=99999999999999999999", Error("batchSize", BATCH)),
        ("batchSize=4294967306", Error("batchSize", BATCH)),
        ("batchSize=+10", Error("batchSize", BATCH)),
        ("batchSize=0x10", Error("batchSize", BATCH)),
        (
            "numSamples=1000000000",
            Error("numSamples", "from 10 to 2000"),
        ),
        ("numSamples=9", Error("numSamples", "from 10 to 2000")),
        ("numSamples=2001", Error("numSamples", "from 10 to 2000")),
        ("noise=51", Error("noise", "from 0 to 50")),
        ("noise=-1", Error("noise", "from 0 to 50")),
        ("percTrainData=5", Error("percTrainData", "from 10 to 90")),
        ("percTrainData=95", Error("percTrainData", "from 10 to 90")),
        ("classes=1", Error("classes", "from 2 to 6")),
        ("classes=7", Error("classes", "from 2 to 6")),
        ("patience=1001", Error("patience", "from 0 to 1000")),
        ("lrEpochs=0", Error("lrEpochs", "from 1 to 100000")),
        ("lrEpochs=100001", Error("lrEpochs", "from 1 to 100000")),
        (
            "pauseAt=1000001",
            Error(
                "pauseAt",
                "Pause at epoch must be a whole number from 0 to 1000000",
            ),
        ),
        ("pauseAt=-1", Error("pauseAt", "from 0 to 1000000")),
        ("pauseAt=7.5", Error("pauseAt", "from 0 to 1000000")),
        ("pauseAt=1000000", Clean),
        // Network sizes.
        ("networkShape=100000", Error("networkShape", SHAPE)),
        ("networkShape=-1", Error("networkShape", SHAPE)),
        (
            "networkShape=8,8,8,8,8,8,8,8,8",
            Error("networkShape", SHAPE),
        ),
        ("networkShape=8,", Error("networkShape", SHAPE)),
        ("networkShape=,8", Error("networkShape", SHAPE)),
        ("networkShape=8,,8", Error("networkShape", SHAPE)),
        ("networkShape=0", Error("networkShape", SHAPE)),
        ("networkShape=129", Error("networkShape", SHAPE)),
        ("networkShape=128", Clean),
        ("networkShape=4;4", Error("networkShape", SHAPE)),
        ("networkShape=4%2C", Error("networkShape", SHAPE)),
        ("networkShape=4.5", Error("networkShape", SHAPE)),
        ("networkShape=[4,2]", Error("networkShape", SHAPE)),
        ("networkShape=%204", Error("networkShape", SHAPE)),
        // Choices.
        (
            "activation=Tanh",
            Error("activation", "Activation must be one of relu, leakyRelu"),
        ),
        ("activation=swish", Error("activation", "must be one of")),
        ("activation=", Error("activation", "must be one of")),
        (
            "dataset=mnist",
            Error("dataset", "circle, xor, gauss, spiral, moons"),
        ),
        ("dataset=reg-plane", Error("dataset", "must be one of")),
        (
            "regDataset=spiral",
            Error("regDataset", "reg-plane, reg-gauss"),
        ),
        (
            "problem=clustering",
            Error("problem", "classification, regression"),
        ),
        ("loss=hinge", Error("loss", "mse, crossEntropy")),
        ("optimizer=lbfgs", Error("optimizer", "sgd, momentum")),
        (
            "lrSchedule=exponential",
            Error("lrSchedule", "constant, step, cosine"),
        ),
        ("regularization=l1", Error("regularization", "none, L1, L2")),
        ("init=glorot", Error("init", "uniform, xavier, he, zeros")),
        ("lang=fr", Error("lang", "auto, en, zh")),
        // Flags.
        (
            "discretize=yes",
            Error("discretize", "must be true or false"),
        ),
        ("discretize=1", Error("discretize", "must be true or false")),
        (
            "discretize=TRUE",
            Error("discretize", "must be true or false"),
        ),
        ("initZero=maybe", Error("initZero", "must be true or false")),
        // Seeds, markup and scripts.
        ("seed=", Error("seed", SEED)),
        ("seed=a%20b", Error("seed", SEED)),
        ("seed=a+b", Error("seed", SEED)),
        ("seed=<script>alert(1)</script>", Error("seed", SEED)),
        (
            "seed=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            Error("seed", SEED),
        ),
        ("seed=\"><img src=x onerror=alert(1)>", Error("seed", SEED)),
        ("seed=javascript:alert(1)", Error("seed", SEED)),
        ("seed=你好", Error("seed", SEED)),
        (
            "initSeed=../../etc/passwd",
            Error("initSeed", "Weight seed must be"),
        ),
        ("initSeed=%00", Error("initSeed", "Weight seed must be")),
        // Broken percent-encoding.
        ("learningRate=%zz", Error("learningRate", PERCENT)),
        ("learningRate=%e2%82", Error("learningRate", PERCENT)),
        ("learningRate=%", Error("learningRate", PERCENT)),
        ("learningRate=%4", Error("learningRate", PERCENT)),
        ("seed=%ff", Error("seed", PERCENT)),
        ("seed=%C3%28", Error("seed", PERCENT)),
        ("%zz=1", Error("%zz", PERCENT)),
        // Unknown and empty keys.
        ("=5", Warning("")),
        ("=", Warning("")),
        ("foo=bar", Warning("foo")),
        ("cosX=true", Warning("cosX")),
        ("LEARNINGRATE=0.1", Warning("LEARNINGRATE")),
        ("学习率=0.1", Warning("学习率")),
        ("<script>=1", Warning("<script>")),
        ("%3Cscript%3E=1", Warning("<script>")),
        ("javascript:alert(1)", Warning("javascript:alert(1)")),
        (
            "javascript:alert(document.cookie)//",
            Warning("javascript:alert(document.cookie)//"),
        ),
        // Duplicates: the first value is kept.
        (
            "learningRate=0.1&learningRate=0.2",
            Duplicate("learningRate", "0.1"),
        ),
        (
            "learningRate=0.1&learning%52ate=0.2",
            Duplicate("learningRate", "0.1"),
        ),
        ("v=1&v=1", Error("v", TWICE)),
        ("x=false&x=true", Duplicate("x", "false")),
        // Versions.
        ("v=2", Error("v", VERSION)),
        ("v=0", Error("v", VERSION)),
        ("v=", Error("v", VERSION)),
        ("v=1.0", Error("v", VERSION)),
        ("v=abc", Error("v", VERSION)),
        // Hand-added points.
        ("userPoints=1,1,5", Error("userPoints", CLASS_LABEL)),
        ("userPoints=1,1,0.5", Error("userPoints", CLASS_LABEL)),
        ("userPoints=1,1,-1", Error("userPoints", CLASS_LABEL)),
        (
            "userPoints=7,0,1",
            Error("userPoints", "with x and y in [-6, 6]"),
        ),
        ("userPoints=1,1", Error("userPoints", POINTS)),
        ("userPoints=1,1,1,1", Error("userPoints", POINTS)),
        ("userPoints=1,1,1;", Error("userPoints", POINTS)),
        ("userPoints=NaN,1,1", Error("userPoints", POINTS)),
        ("userPoints=1,inf,0", Error("userPoints", POINTS)),
        (
            "problem=regression&userPoints=1,1,2",
            Error(
                "userPoints",
                "a regression label must be a number in [-1, 1]",
            ),
        ),
        ("classes=3&userPoints=1,1,2", Clean),
        // Rules across settings.
        (
            "x=false&y=false",
            Error("x", "at least one input feature must be on"),
        ),
        ("x=false&y=false&sinX=true", Clean),
        (
            "classes=3&dataset=circle",
            Error("classes", "circle always has 2 classes"),
        ),
        (
            "classes=6&dataset=moons",
            Error("classes", "moons always has 2 classes"),
        ),
        (
            "problem=regression&loss=crossEntropy",
            Error("loss", "cross-entropy needs classes; regression uses mse"),
        ),
    ];
    let mut all: Vec<(String, Expect)> = fixed.iter().map(|(l, e)| ((*l).into(), *e)).collect();
    let long_digits = format!("learningRate={}", "1".repeat(5000));
    let unknown_pairs = |n: usize| (0..n).map(|i| format!("k{i}=1")).collect::<Vec<_>>();
    let padding = |total: usize| format!("pad={}", "a".repeat(total - 4));
    all.extend([
        (long_digits, Error("learningRate", LEARNING_RATE)),
        (format!("seed={}", "a".repeat(33)), Error("seed", SEED)),
        (format!("seed={}", "a".repeat(32)), Clean),
        (
            format!("networkShape={}", vec!["8"; 1000].join(",")),
            Error("networkShape", SHAPE),
        ),
        (
            format!("{}=1", "k".repeat(1000)),
            Warning("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"),
        ),
        (format!("userPoints={}", points(MAX_USER_POINTS)), Clean),
        (
            format!("userPoints={}", points(MAX_USER_POINTS + 1)),
            Error("userPoints", POINTS),
        ),
        (padding(MAX_LINK_LEN - GOOD.len() - 1), Warning("pad")),
        (
            padding(MAX_LINK_LEN + 1),
            WholeLink("a link may be at most 65536 bytes"),
        ),
        (unknown_pairs(MAX_PAIRS - 1).join("&"), Warning("k0")),
        (
            unknown_pairs(MAX_PAIRS + 1).join("&"),
            WholeLink("a link may hold at most 100 settings"),
        ),
    ]);
    all
}
