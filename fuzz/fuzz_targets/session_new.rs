//! `Session::new` with arbitrary configs, built field by field (not through a link), so its
//! own validation is what stands between them and the engine: a config breaking any rule is
//! refused without a panic or a huge allocation. The same fields with every setting the
//! table refuses put back to its default build a session that trains, reports finite or
//! missing numbers, predicts, and takes a second arbitrary config live.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use playground::config::{Features, Problem};
use playground::dataset::{DatasetKind, Point};
use playground::settings::{Named, SETTINGS, pick};
use playground::{Config, Session};
use tensor::{Activation, Init};

/// Every field of a config, as the fuzzer chooses it.
#[derive(Arbitrary, Debug)]
struct Fields {
    problem: u8,
    dataset: u8,
    reg_dataset: u8,
    classes: u8,
    num_samples: u32,
    noise: u32,
    perc_train_data: u32,
    seed: String,
    features: [bool; 7],
    network_shape: Vec<u16>,
    activation: u8,
    init: u8,
    init_scale: f32,
    init_seed: String,
    choices: [u8; 5],
    rates: [f32; 11],
    lr_epochs: u32,
    batch_size: u32,
    patience: u32,
    user_points: Vec<(f32, f32, f32)>,
    flags: [bool; 2],
}

/// What one run does.
#[derive(Arbitrary, Debug)]
struct Run {
    first: Fields,
    second: Fields,
    steps: u8,
}

fn index<T: Named>(byte: u8) -> T {
    pick::<T>(usize::from(byte) % T::ALL.len())
}

/// A config with exactly these fields, allowed or not.
fn raw(f: &Fields) -> Config {
    let [x, y, x_squared, y_squared, x_times_y, sin_x, sin_y] = f.features;
    let [
        lr,
        momentum,
        beta1,
        beta2,
        rho,
        weight_decay,
        lr_decay,
        reg_rate,
        dropout,
        augment,
        _,
    ] = f.rates;
    let mut config = Config::default();
    config.problem = index::<Problem>(f.problem);
    // Any dataset in either slot, even a regression one for classification.
    config.dataset = DatasetKind::ALL[usize::from(f.dataset) % DatasetKind::ALL.len()];
    config.reg_dataset = DatasetKind::ALL[usize::from(f.reg_dataset) % DatasetKind::ALL.len()];
    config.classes = usize::from(f.classes);
    config.num_samples = f.num_samples as usize;
    config.noise = f.noise;
    config.perc_train_data = f.perc_train_data;
    config.seed = f.seed.clone();
    config.features = Features {
        x,
        y,
        x_squared,
        y_squared,
        x_times_y,
        sin_x,
        sin_y,
    };
    config.network_shape = f.network_shape.iter().map(|&n| usize::from(n)).collect();
    config.activation = Activation::ALL[usize::from(f.activation) % Activation::ALL.len()];
    config.init = Init::ALL[usize::from(f.init) % Init::ALL.len()];
    config.init_scale = f.init_scale;
    config.init_seed = f.init_seed.clone();
    config.loss = index(f.choices[0]);
    config.optimizer = index(f.choices[1]);
    config.lr_schedule = index(f.choices[2]);
    config.regularization = index(f.choices[3]);
    config.lang = index(f.choices[4]);
    config.learning_rate = lr;
    config.momentum = momentum;
    config.beta1 = beta1;
    config.beta2 = beta2;
    config.rho = rho;
    config.weight_decay = weight_decay;
    config.lr_epochs = f.lr_epochs;
    config.lr_decay = lr_decay;
    config.batch_size = f.batch_size as usize;
    config.regularization_rate = reg_rate;
    config.dropout = dropout;
    config.augment_noise = augment;
    config.patience = f.patience;
    config.user_points = f
        .user_points
        .iter()
        .map(|&(x, y, label)| Point { x, y, label })
        .collect();
    [config.show_test_data, config.discretize] = f.flags;
    config
}

/// `config` with every setting the table refuses put back to its default (first those out of
/// their limits or not finite, then, once the configs compare, those that do not read back
/// from their own spelling), and then the cross-setting rules repaired the way a link is.
fn repaired(mut config: Config) -> Config {
    for setting in SETTINGS {
        if !setting
            .kind
            .apply(&mut config.clone(), &setting.kind.format(&config))
        {
            setting.kind.apply(&mut config, setting.default);
        }
    }
    for setting in SETTINGS {
        let mut copy = config.clone();
        let read_back = setting.kind.apply(&mut copy, &setting.kind.format(&config));
        if !read_back || copy != config {
            setting.kind.apply(&mut config, setting.default);
        }
    }
    Config::default().apply_query(&config.to_query()).config
}

/// Trains a little and reads what the page would draw: while training goes on the batch loss
/// is finite, and a stopped session takes no more steps. (Predictions that are not finite are
/// painted neutral grey by the page; tests/divergence_sweep.rs counts them.)
fn exercise(session: &mut Session, steps: u8) {
    session.train_steps(u64::from(steps % 16));
    let metrics = session.metrics();
    if metrics.stop.is_none() && metrics.step > 0 {
        assert!(metrics.batch_loss.is_finite(), "{metrics:?}");
    }
    if metrics.stop.is_some() {
        session.train_steps(3);
        assert_eq!(session.step(), metrics.step, "a stopped session trained");
    }
    let outputs = session.predict_outputs(5, 4).expect("a 5 x 4 grid");
    assert_eq!(outputs.len() % 20, 0);
    let grid = session.predict_grid(3, 3).expect("a 3 x 3 grid");
    assert_eq!(grid.pixels(), 9);
}

fuzz_target!(|run: Run| {
    let config = raw(&run.first);
    match Session::new(config.clone()) {
        Ok(mut session) => {
            assert_eq!(config.validate(), Ok(()));
            exercise(&mut session, run.steps);
        }
        Err(error) => assert_eq!(config.validate(), Err(error)),
    }
    let Ok(mut session) = Session::new(repaired(config)) else {
        panic!("a repaired config is refused");
    };
    exercise(&mut session, run.steps);
    let second = raw(&run.second);
    let refused = second.validate().is_err();
    assert_eq!(session.set_config(second).is_err(), refused);
    exercise(&mut session, run.steps / 2);
});
