//! The settings table is well formed: unique link-safe keys, text in both
//! languages, sane limits, each row wired to its own config field, and the
//! published limits equal to the table's; per lab, since each lab has its own
//! rows.

use playground::config::Features;
use playground::settings::{
    Group, Kind, MAX_DIGITS_BATCH, MAX_LAYERS, MAX_SAMPLES, MAX_UNITS, MAX_USER_POINTS, SETTINGS,
    Setting, rows,
};
use playground::{Config, Lab};

/// The row of the plane lab with `key`.
fn find(key: &str) -> Option<&'static Setting> {
    playground::settings::find(Lab::Plane, key)
}

/// A value of `setting` other than its default, in link spelling.
fn other_value(setting: &Setting) -> String {
    let default = setting.default;
    match setting.kind {
        Kind::Choice { names, .. } => {
            let index = names.iter().position(|n| *n == default).unwrap_or(0);
            names[(index + 1) % names.len()].into()
        }
        Kind::Int { min, .. } => {
            if default == min.to_string() {
                (min + 1).to_string()
            } else {
                min.to_string()
            }
        }
        Kind::Float { max, .. } => {
            if default == max.to_string() {
                (max / 2.0).to_string()
            } else {
                max.to_string()
            }
        }
        Kind::Bool { .. } => (default != "true").to_string(),
        Kind::List { .. } => "3".into(),
        Kind::Seed { .. } => "other-seed".into(),
        Kind::Points { .. } => "1,1,0".into(),
        Kind::Text { .. } => "猫 & 狗 = 100% friends".into(),
    }
}

#[test]
fn keys_are_unique_within_each_lab_and_need_no_escaping() {
    for lab in Lab::ALL {
        let keys: Vec<&str> = rows(lab).map(|s| s.key).collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(!key.is_empty());
            assert!(key.bytes().all(|b| b.is_ascii_alphanumeric()), "{key}");
            assert!(!keys[..i].contains(key), "{key} twice in {lab:?}");
            let found = playground::settings::find(lab, key);
            assert!(found.is_some_and(|s| s.key == *key && s.labs.has(lab)));
        }
        assert_eq!(keys.first(), Some(&"lab"), "lab is read first");
        assert!(playground::settings::find(lab, "nope").is_none());
        assert!(playground::settings::find(lab, "v").is_none());
    }
    assert!(
        SETTINGS
            .iter()
            .all(|s| Lab::ALL.iter().any(|lab| s.labs.has(*lab)))
    );
}

#[test]
fn each_lab_has_its_own_rows_and_shares_the_training_keys() {
    let digits = |key| playground::settings::find(Lab::Digits, key);
    for key in ["dataset", "networkShape", "x", "loss", "userPoints"] {
        assert!(find(key).is_some() && digits(key).is_none(), "{key}");
    }
    for key in [
        "model",
        "filters1",
        "kernel",
        "pooling",
        "trainSize",
        "augFlip",
    ] {
        assert!(find(key).is_none() && digits(key).is_some(), "{key}");
    }
    for key in [
        "seed", "initSeed", "dropout", "patience", "speed", "pauseAt", "lang",
    ] {
        let (Some(plane), Some(other)) = (find(key), digits(key)) else {
            panic!("{key} is not shared");
        };
        assert!(core::ptr::eq(plane, other), "{key} has one row for both");
    }
    let defaults = |key| (find(key).map(|s| s.default), digits(key).map(|s| s.default));
    assert_eq!(defaults("optimizer"), (Some("sgd"), Some("adam")));
    assert_eq!(defaults("learningRate"), (Some("0.1"), Some("0.01")));
    assert_eq!(defaults("batchSize"), (Some("10"), Some("32")));
    let Some(Kind::Int { max, .. }) = digits("batchSize").map(|s| s.kind) else {
        panic!("the digits batch is not a whole number");
    };
    assert_eq!(max, MAX_DIGITS_BATCH);
}

#[test]
fn every_setting_has_names_and_help_in_english_and_chinese() {
    for s in SETTINGS {
        for text in [s.name_en, s.name_zh, s.help_en, s.help_zh] {
            assert!(!text.trim().is_empty(), "{}", s.key);
        }
        assert!(s.help_en.ends_with('.'), "{}: {}", s.key, s.help_en);
        assert!(s.help_zh.ends_with('。'), "{}: {}", s.key, s.help_zh);
        assert!(
            s.help_zh
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}: the Chinese help has no Chinese",
            s.key
        );
    }
}

#[test]
fn limits_are_ordered_and_defaults_lie_within_them() {
    for s in SETTINGS {
        match s.kind {
            Kind::Choice { names, .. } => {
                assert!(names.contains(&s.default), "{}", s.key);
                for (i, name) in names.iter().enumerate() {
                    assert!(!names[..i].contains(name), "{}: {name} twice", s.key);
                }
            }
            Kind::Int { min, max, .. } => {
                let default: u32 = s.default.parse().unwrap_or(u32::MAX);
                assert!(min <= default && default <= max, "{}", s.key);
            }
            Kind::Float {
                min, max, open_min, ..
            } => {
                let default: f32 = s.default.parse().unwrap_or(f32::NAN);
                assert!(min < max, "{}", s.key);
                assert!(default <= max && (default > min || (!open_min && default == min)));
            }
            Kind::List {
                max_len, min, max, ..
            } => assert!(max_len > 0 && min <= max, "{}", s.key),
            Kind::Text { max_bytes, .. } => assert!(max_bytes > 0, "{}", s.key),
            Kind::Bool { .. } | Kind::Seed { .. } | Kind::Points { .. } => {}
        }
        assert!(s.kind.allowed().starts_with("must be "), "{}", s.key);
    }
}

#[test]
fn each_row_reads_and_writes_its_own_field_only() {
    for lab in Lab::ALL {
        each_row_of_lab_writes_its_own_field(lab);
    }
}

fn each_row_of_lab_writes_its_own_field(lab: Lab) {
    let defaults = Config::for_lab(lab);
    for setting in rows(lab).filter(|s| s.group != Group::Lab) {
        let value = other_value(setting);
        let mut config = Config::for_lab(lab);
        assert!(
            setting.kind.apply(&mut config, &value),
            "{}={value}",
            setting.key
        );
        assert_eq!(setting.kind.format(&config), value, "{}", setting.key);
        assert_ne!(config, defaults, "{} changed nothing", setting.key);
        for other in rows(lab).filter(|o| o.key != setting.key && o.group != Group::Lab) {
            assert_eq!(
                other.kind.format(&config),
                other.default,
                "setting {} also changed {}",
                setting.key,
                other.key
            );
        }
    }
}

#[test]
fn published_limits_are_the_tables() {
    let Some(Kind::List { max_len, max, .. }) = find("networkShape").map(|s| s.kind) else {
        panic!("networkShape is not a list");
    };
    assert_eq!((max_len, max), (MAX_LAYERS, MAX_UNITS));
    let Some(Kind::Int { max, .. }) = find("numSamples").map(|s| s.kind) else {
        panic!("numSamples is not a whole number");
    };
    assert_eq!(max, MAX_SAMPLES);
    let Some(Kind::Points { max, .. }) = find("userPoints").map(|s| s.kind) else {
        panic!("userPoints is not points");
    };
    assert_eq!(max, MAX_USER_POINTS);
}

#[test]
fn every_input_feature_is_a_setting_in_the_features_panel() {
    for key in Features::KEYS {
        let setting = find(key).unwrap_or_else(|| panic!("{key} missing"));
        assert_eq!(setting.group, Group::Features, "{key}");
        assert!(matches!(setting.kind, Kind::Bool { .. }), "{key}");
    }
    let in_panel = rows(Lab::Plane)
        .filter(|s| s.group == Group::Features)
        .count();
    assert_eq!(in_panel, Features::KEYS.len());
}
