//! The share-link codec round-trips every valid config: configs are generated
//! from the settings table itself (a random allowed value for every setting),
//! and TensorFlow Playground's own links open as the same experiment.

use playground::config::{LossKind, Problem};
use playground::settings::{Group, Kind, POINT_LIMIT, SEED_MAX_LEN, Setting, rows};
use playground::{Config, ConfigWarning, Lab};
use proptest::prelude::*;

/// A strategy for the link spelling of one allowed value of a setting.
/// Points get a label draw in `[0, 1)` here; [`make_valid`] turns it into a
/// label the config allows.
fn value_strategy(kind: &Kind) -> BoxedStrategy<String> {
    match *kind {
        Kind::Choice { names, .. } => proptest::sample::select(names.to_vec())
            .prop_map(String::from)
            .boxed(),
        Kind::Int { min, max, .. } => prop_oneof![Just(min), Just(max), min..=max]
            .prop_map(|v| v.to_string())
            .boxed(),
        Kind::Float {
            min, max, open_min, ..
        } => {
            let low = if open_min {
                f32::from_bits(min.to_bits() + 1)
            } else {
                min
            };
            prop_oneof![Just(low), Just(max), low..=max]
                .prop_map(|v| v.to_string())
                .boxed()
        }
        Kind::Bool { .. } => any::<bool>().prop_map(|v| v.to_string()).boxed(),
        Kind::List {
            max_len, min, max, ..
        } => proptest::collection::vec(min..=max, 0..=max_len)
            .prop_map(|units| {
                units
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .boxed(),
        Kind::Seed { .. } => {
            proptest::string::string_regex(&format!("[A-Za-z0-9._-]{{1,{SEED_MAX_LEN}}}"))
                .unwrap_or_else(|e| panic!("seed regex: {e}"))
                .boxed()
        }
        Kind::Points { max, .. } => {
            let coordinate = -POINT_LIMIT..=POINT_LIMIT;
            let point = (coordinate.clone(), coordinate, 0.0f32..1.0);
            prop_oneof![
                4 => proptest::collection::vec(point.clone(), 0..8),
                1 => proptest::collection::vec(point, max..=max),
            ]
            .prop_map(|points| {
                points
                    .iter()
                    .map(|(x, y, u)| format!("{x},{y},{u}"))
                    .collect::<Vec<_>>()
                    .join(";")
            })
            .boxed()
        }
        Kind::Text { .. } => {
            proptest::string::string_regex("[a-zA-Z0-9 猫狗汽车。，\n\t.,!?'\"%&=#+;-]{0,60}")
                .unwrap_or_else(|e| panic!("text regex: {e}"))
                .boxed()
        }
    }
}

/// The rows of `lab` a generated config sets: all but the `lab` row itself.
fn generated_rows(lab: Lab) -> impl Iterator<Item = &'static Setting> {
    rows(lab).filter(|s| s.group != Group::Lab)
}

/// Applies one generated value per setting of `lab` to the lab's defaults.
fn config_from(lab: Lab, values: &[String]) -> Config {
    let mut config = Config::for_lab(lab);
    for (setting, value) in generated_rows(lab).zip(values) {
        assert!(
            setting.kind.apply(&mut config, value),
            "{}={value} was generated as allowed but rejected",
            setting.key
        );
    }
    make_valid(&mut config);
    config
}

/// Obeys the rules that span settings, changing as little as possible.
fn make_valid(config: &mut Config) {
    if config.lab != Lab::Plane {
        return;
    }
    if config.features.count() == 0 {
        config.features.x = true;
    }
    if config.problem == Problem::Classification && !config.dataset.has_class_choice() {
        config.classes = 2;
    }
    if config.problem == Problem::Regression {
        config.loss = LossKind::Mse;
    }
    let classes = config.class_count();
    for point in &mut config.user_points {
        point.label = match classes {
            Some(k) => (point.label * k as f32).floor().min(k as f32 - 1.0),
            None => 2.0 * point.label - 1.0,
        };
    }
}

/// Valid configs of every lab.
fn valid_config() -> impl Strategy<Value = Config> {
    let of = |lab: Lab| {
        generated_rows(lab)
            .map(|s| value_strategy(&s.kind))
            .collect::<Vec<_>>()
            .prop_map(move |values| config_from(lab, &values))
    };
    prop_oneof![of(Lab::Plane), of(Lab::Digits)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_valid_config_round_trips_through_its_link(config in valid_config()) {
        prop_assert_eq!(config.validate(), Ok(()));
        let link = config.to_query();
        prop_assert_eq!(Config::from_query(&link), Ok(config.clone()));
        let parsed = Config::parse_query(&link);
        prop_assert!(parsed.errors.is_empty() && parsed.warnings.is_empty(), "{:?}", parsed);
        prop_assert_eq!(
            Config::from_query(&format!("https://example.org/index.html#{link}")),
            Ok(config)
        );
    }

    #[test]
    fn a_link_is_written_the_same_way_after_one_round_trip(config in valid_config()) {
        let link = config.to_query();
        let again = Config::from_query(&link).map(|c| c.to_query());
        prop_assert_eq!(again, Ok(link));
    }
}

#[test]
fn the_default_config_writes_only_the_version() {
    assert_eq!(Config::default().to_query(), "v=1");
    assert_eq!(Config::from_query("v=1"), Ok(Config::default()));
    assert_eq!(Config::from_query(""), Ok(Config::default()));
    assert_eq!(Config::default().validate(), Ok(()));
}

#[test]
fn every_table_default_parses_and_is_what_the_default_config_holds() {
    for lab in Lab::ALL {
        lab_defaults_are_the_tables(lab);
    }
    assert_eq!(
        Config::from_query("lab=digits").map(|c| c.to_query()),
        Ok("v=1&lab=digits".into())
    );
    assert_eq!(
        Config::from_query("lab=digits"),
        Ok(Config::for_lab(Lab::Digits))
    );
    assert_eq!(Config::from_query("lab=plane"), Ok(Config::default()));
}

#[test]
fn a_link_of_another_lab_starts_from_that_labs_defaults_and_names_foreign_keys() {
    let form = Config::default().apply_query("learningRate=0.3");
    let digits = form.config.apply_query("lab=digits&filters1=4");
    assert_eq!(
        digits.config.learning_rate, 0.01,
        "the digits default, not the plane's"
    );
    assert_eq!(digits.config.digits.filters1, 4);
    let foreign = Config::parse_query("lab=digits&networkShape=4,2&filters1=2");
    assert_eq!(foreign.config.digits.filters1, 2);
    assert!(foreign.errors.is_empty());
    let [warning] = foreign.warnings.as_slice() else {
        panic!("want one warning, got {:?}", foreign.warnings);
    };
    assert_eq!(warning.key, "networkShape");
    assert!(warning.message.contains("plane lab"), "{}", warning.message);
    let Err(error) = Config::from_query("lab=transformer") else {
        panic!("an unknown lab was accepted");
    };
    assert_eq!(error.key, "lab");
    assert!(
        error
            .message
            .contains("plane, digits, sequence, words, attention"),
        "{}",
        error.message
    );
    let sequence = Config::parse_query("lab=sequence&cell=gru&filters1=2");
    assert_eq!(sequence.config.sequence.cell, tensor::nn::Cell::Gru);
    let [warning] = sequence.warnings.as_slice() else {
        panic!("want one warning, got {:?}", sequence.warnings);
    };
    assert_eq!(warning.key, "filters1");
    assert!(
        warning.message.contains("digits lab"),
        "{}",
        warning.message
    );
}

fn lab_defaults_are_the_tables(lab: Lab) {
    let defaults = Config::for_lab(lab);
    for setting in generated_rows(lab) {
        let mut config = Config::for_lab(lab);
        assert!(
            setting.kind.apply(&mut config, setting.default),
            "default of {} does not parse: {:?}",
            setting.key,
            setting.default
        );
        assert_eq!(config, defaults, "default of {}", setting.key);
        assert_eq!(
            setting.kind.format(&defaults),
            setting.default,
            "{} writes its default differently",
            setting.key
        );
        let link = match lab {
            Lab::Plane => format!("{}={}", setting.key, setting.default),
            _ => format!("lab={}&{}={}", lab.name(), setting.key, setting.default),
        };
        assert_eq!(Config::from_query(&link), Ok(defaults.clone()), "{link}");
    }
}

#[test]
fn only_settings_that_differ_from_their_default_are_written() {
    let config = Config::from_query("learningRate=0.3&networkShape=4,2&dataset=xor")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        config.to_query(),
        "v=1&dataset=xor&networkShape=4,2&learningRate=0.3"
    );
}

#[test]
fn a_link_is_read_from_a_whole_url_its_hash_or_its_query() {
    let expected = Config::from_query("noise=20&activation=relu").unwrap_or_else(|e| panic!("{e}"));
    for link in [
        "https://example.org/playground/#noise=20&activation=relu",
        "https://example.org/playground/?noise=20&activation=relu",
        "#noise=20&activation=relu",
        "?noise=20&activation=relu",
        "&noise=20&&activation=relu&",
    ] {
        assert_eq!(Config::from_query(link).as_ref(), Ok(&expected), "{link}");
    }
}

#[test]
fn percent_encoded_keys_and_values_are_decoded() {
    let config = Config::from_query("learning%52ate=0%2E1&network%53hape=4%2C2")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.learning_rate, 0.1);
    assert_eq!(config.network_shape, [4, 2]);
}

const TFP_LINK: &str = "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane\
&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345\
&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false\
&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false\
&collectStats=false&problem=classification&initZero=false&hideText=false";

#[test]
fn a_tensorflow_playground_link_opens_as_the_same_experiment() {
    let parsed = Config::parse_query(TFP_LINK);
    assert_eq!(parsed.errors, []);
    let warned: Vec<&str> = parsed.warnings.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(
        warned,
        ["cosX", "cosY"],
        "TFP's cosine features are not offered here"
    );
    let config = parsed.config;
    assert_eq!(config.dataset.name(), "circle");
    assert_eq!(config.network_shape, [4, 2]);
    assert_eq!(config.seed, "0.12345");
    assert_eq!(config.learning_rate, 0.03);
    assert_eq!(config.batch_size, 10);
    assert_eq!(config.layer_sizes(), [2, 4, 2, 1]);
    assert_eq!(Config::from_query(TFP_LINK), Ok(config));
}

#[test]
fn tensorflow_playground_init_zero_means_zero_initial_weights() {
    let config = Config::from_query("initZero=true").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.init, tensor::Init::Zeros);
    assert_eq!(config.to_query(), "v=1&init=zeros");
}

#[test]
fn tensorflow_playground_page_keys_are_accepted_without_warnings() {
    for key in [
        "hideText=true",
        "tutorial=dp-reducing-overfitting",
        "collectStats=true",
        "stepButton=true",
        "percTrainData_hide=true",
        "problem_hide=true",
    ] {
        let parsed = Config::parse_query(key);
        assert_eq!(
            (parsed.errors.len(), parsed.warnings.len()),
            (0, 0),
            "{key}"
        );
        assert_eq!(parsed.config, Config::default(), "{key}");
    }
}

#[test]
fn an_unknown_key_is_a_warning_that_keeps_the_rest() {
    let parsed = Config::parse_query("cosX=true&noise=10");
    assert_eq!(parsed.errors, []);
    assert_eq!(
        parsed.warnings,
        [ConfigWarning {
            key: "cosX".into(),
            message: "is not a setting of this playground and was ignored".into(),
            message_zh: "不是这个游乐场的设置，已忽略".into(),
        }]
    );
    assert_eq!(parsed.config.noise, 10);
}

#[test]
fn apply_query_changes_only_the_named_settings() {
    let base = Config::from_query("networkShape=4,2&dataset=xor").unwrap_or_else(|e| panic!("{e}"));
    let changed = base.apply_query("learningRate=0.3&activation=tanh");
    assert!(changed.errors.is_empty(), "{:?}", changed.errors);
    assert_eq!(
        changed.config.to_query(),
        "v=1&dataset=xor&networkShape=4,2&activation=tanh&learningRate=0.3"
    );
    let refused = base.apply_query("learningRate=-1");
    assert_eq!(refused.errors.len(), 1);
    assert_eq!(refused.config, base, "a refused change keeps the old value");
}
