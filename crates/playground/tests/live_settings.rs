//! The table owns what a change does: every row that applies live keeps the
//! trained weights when changed, every row that rebuilds starts over from the
//! new config's own initial weights; the form's companions, relevance, notes,
//! choice labels, Chinese messages and feature maps all come from the engine.

use playground::config::Features;
use playground::session::Grid;
use playground::settings::{Applies, Group, Kind, SETTINGS, Setting, rebuilds, rows};
use playground::{Config, Lab, Session};

/// Configs in which each row can matter: the defaults, then each optimizer,
/// schedule and penalty that makes a dependent row relevant, and regression.
const CONTEXTS: &[&str] = &[
    "",
    "optimizer=momentum",
    "optimizer=rmsprop",
    "optimizer=adamw",
    "lrSchedule=step",
    "regularization=L2",
    "problem=regression",
];

/// A value of `setting` other than the one `config` has, in link spelling,
/// that keeps the config valid.
fn other_value(setting: &Setting, config: &Config) -> String {
    let current = setting.kind.format(config);
    let candidates: Vec<String> = match setting.kind {
        Kind::Choice { names, .. } => names.iter().map(|n| (*n).to_owned()).collect(),
        Kind::Int { min, max, .. } => vec![min.to_string(), (min + 1).to_string(), max.to_string()],
        Kind::Float { max, .. } => vec![(max / 2.0).to_string(), (max / 4.0).to_string()],
        Kind::Bool { .. } => vec!["true".into(), "false".into()],
        Kind::List { .. } => vec!["3".into(), "5,2".into()],
        Kind::Seed { .. } => vec!["other-seed".into()],
        Kind::Points { .. } => vec!["1,1,0".into(), "1,1,0.5".into()],
        Kind::Text { .. } => vec!["猫 和 狗 是 朋友 。 汽车 跑 得 快 。".into()],
    };
    candidates
        .into_iter()
        .find(|value| *value != current && config.change(setting.key, value).is_ok())
        .unwrap_or_else(|| panic!("{}: no other valid value", setting.key))
}

/// The weights of `session`, as bits.
fn weight_bits(session: &Session) -> Vec<u32> {
    session
        .model()
        .params()
        .flat_map(|p| p.data().iter().map(|v| v.to_bits()))
        .collect()
}

#[test]
fn a_live_change_keeps_the_weights_and_a_rebuild_starts_over() {
    for setting in rows(Lab::Plane).filter(|s| s.group != Group::Lab) {
        let config = CONTEXTS
            .iter()
            .map(|link| Config::from_query(link).unwrap_or_else(|e| panic!("context: {e}")))
            .find(|config| (setting.relevant)(config))
            .unwrap_or_else(|| panic!("{} is relevant in no context", setting.key));
        let mut session = Session::new(config.clone()).unwrap_or_else(|e| panic!("session: {e}"));
        session.train_steps(20);
        let trained = weight_bits(&session);
        let value = other_value(setting, &config);
        let changed = config
            .change(setting.key, &value)
            .unwrap_or_else(|e| panic!("change: {e}"));
        session
            .set_config(changed.clone())
            .unwrap_or_else(|e| panic!("set_config: {e}"));
        match setting.applies {
            Applies::Live => {
                assert_eq!(session.step(), 20, "{}={value} started over", setting.key);
                assert_eq!(weight_bits(&session), trained, "{}={value}", setting.key);
            }
            Applies::Rebuild => {
                let fresh = Session::new(changed).unwrap_or_else(|e| panic!("fresh: {e}"));
                assert_eq!(session.step(), 0, "{}={value} kept training", setting.key);
                assert_eq!(
                    weight_bits(&session),
                    weight_bits(&fresh),
                    "{}={value}",
                    setting.key
                );
            }
        }
    }
}

#[test]
fn a_change_of_a_setting_that_does_not_matter_rebuilds_nothing() {
    // the classification dataset does not matter to regression
    let regression =
        Config::from_query("problem=regression").unwrap_or_else(|e| panic!("link: {e}"));
    let other = regression
        .change("dataset", "circle")
        .unwrap_or_else(|e| panic!("change: {e}"));
    assert!(!rebuilds(&regression, &other));
    assert!(rebuilds(
        &Config::default(),
        &Config::default()
            .change("dataset", "circle")
            .unwrap_or_else(|e| panic!("change: {e}"))
    ));
}

#[test]
fn more_than_two_classes_bring_cross_entropy_but_a_link_keeps_its_loss() {
    let changed = Config::default()
        .change("classes", "3")
        .unwrap_or_else(|e| panic!("change: {e}"));
    assert!(changed.to_query().contains("loss=crossEntropy"));
    let linked = Config::from_query("dataset=spiral&classes=3&loss=mse")
        .unwrap_or_else(|e| panic!("link: {e}"));
    assert_eq!(linked.loss, playground::config::LossKind::Mse);
    let loss = SETTINGS
        .iter()
        .find(|s| s.key == "loss")
        .unwrap_or_else(|| panic!("loss row"));
    let note = loss
        .note
        .unwrap_or_else(|| panic!("the loss row explains the switch"));
    assert!((note.shown)(&changed) && !(note.shown)(&Config::default()));
    let back = Config::from_query("dataset=gauss&classes=4")
        .unwrap_or_else(|e| panic!("link: {e}"))
        .change("dataset", "circle")
        .unwrap_or_else(|e| panic!("circle brings 2 classes: {e}"));
    assert_eq!(back.classes, 2);
    let regression = changed
        .change("problem", "regression")
        .unwrap_or_else(|e| panic!("change: {e}"));
    assert_eq!(regression.loss, playground::config::LossKind::Mse);
}

#[test]
fn a_refused_change_names_the_setting_in_both_languages() {
    let error = Config::default()
        .change("learningRate", "NaN")
        .err()
        .unwrap_or_else(|| panic!("NaN"));
    assert_eq!(error.key, "learningRate");
    assert!(
        error.message.starts_with("Learning rate must be"),
        "{error}"
    );
    assert!(
        error.message_zh.starts_with("学习率须为"),
        "{}",
        error.message_zh
    );
    let error = Config::default()
        .change("classes", "9")
        .err()
        .unwrap_or_else(|| panic!("9"));
    assert!(
        error.to_string_zh().contains("2 到 6"),
        "{}",
        error.to_string_zh()
    );
    let error = Config::default()
        .change("dataset", "circle")
        .and_then(|c| c.change("classes", "3"))
        .err()
        .unwrap_or_else(|| panic!("circle has 2 classes"));
    assert!(
        error.message_zh.contains("总是 2 类"),
        "{}",
        error.message_zh
    );
}

#[test]
fn every_choice_has_a_label_in_both_languages() {
    for setting in SETTINGS {
        if let Kind::Choice { names, labels, .. } = setting.kind {
            assert_eq!(names.len(), labels.len(), "{}", setting.key);
            for [en, zh] in labels {
                assert!(
                    !en.trim().is_empty() && !zh.trim().is_empty(),
                    "{}",
                    setting.key
                );
            }
        }
    }
}

#[test]
fn feature_maps_hold_the_values_the_network_reads() {
    let size = 5;
    let maps = Grid::feature_maps(size).unwrap_or_else(|e| panic!("maps: {e}"));
    assert_eq!(maps.len(), Features::KEYS.len() * size * size);
    // pixel (1, 3): x = -6 + 12 * 1.5 / 5, y = 6 - 12 * 3.5 / 5
    let (x, y) = (-6.0 + 12.0 * 1.5 / 5.0_f32, 6.0 - 12.0 * 3.5 / 5.0_f32);
    let mut expected = Vec::new();
    Features::ALL.compute(x, y, &mut expected);
    let at = 3 * size + 1;
    let got: Vec<f32> = (0..7).map(|map| maps[map * size * size + at]).collect();
    assert_eq!(got, expected);
    assert!(Grid::feature_maps(0).is_err() && Grid::feature_maps(100_000).is_err());
}
