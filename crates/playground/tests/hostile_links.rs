//! A table of hostile share links, each with the error or warning it must give:
//! bad numbers and sizes, broken percent-encoding, markup, truncation, unknown
//! and duplicate keys, limits and cross-setting rules. No link panics, the
//! lenient reader keeps the good settings and defaults the bad ones, and every
//! message names the key, the value and what is allowed.

use playground::Config;
use playground::Lab;
use playground::settings::find;
use proptest::prelude::*;

#[path = "hostile_links/cases.rs"]
mod cases;

use cases::*;

/// Checks one case; returns a description of what went wrong.
fn check(link: &str, expect: Expect) -> Result<(), String> {
    let full = format!("{link}&{GOOD}");
    let parsed = Config::parse_query(&full);
    let show = || format!("errors {:?}, warnings {:?}", parsed.errors, parsed.warnings);
    if let WholeLink(fragment) = expect {
        let [error] = parsed.errors.as_slice() else {
            return Err(format!("want one link error, got {}", show()));
        };
        if error.key != "link" || !error.message.contains(fragment) {
            return Err(format!("want link error {fragment:?}, got {}", show()));
        }
        return if parsed.config == Config::default() {
            Ok(())
        } else {
            Err("a rejected link must leave every default in place".into())
        };
    }
    if !parsed.config.show_test_data {
        return Err(format!("the good setting {GOOD} was lost"));
    }
    match expect {
        Error(key, fragment) | Duplicate(key, fragment) => {
            let fragment = if let Duplicate(..) = expect {
                TWICE
            } else {
                fragment
            };
            let [error] = parsed.errors.as_slice() else {
                return Err(format!("want one error for {key}, got {}", show()));
            };
            if error.key != key || !error.message.contains(fragment) {
                return Err(format!("want {key}: {fragment:?}, got {}", show()));
            }
            let text = error.to_string();
            if !text.starts_with(&format!("{key}={}: ", error.value))
                || error.value.chars().count() > 41
            {
                return Err(format!(
                    "the message must quote key and value briefly: {text}"
                ));
            }
            if Config::from_query(&full).as_ref().err() != Some(error) {
                return Err("the strict reader must fail with the same error".into());
            }
            check_defaulted(key, expect, &parsed.config)
        }
        Warning(key) => {
            let found = parsed.warnings.iter().any(|w| w.key == key);
            if parsed.errors.is_empty() && found {
                Ok(())
            } else {
                Err(format!(
                    "want a warning for {key:?} and no error, got {}",
                    show()
                ))
            }
        }
        Clean => {
            if parsed.errors.is_empty() && parsed.warnings.is_empty() {
                Ok(())
            } else {
                Err(format!("want no error or warning, got {}", show()))
            }
        }
        WholeLink(_) => Ok(()),
    }
}

/// A bad setting reads as its default; a duplicated one keeps its first value.
fn check_defaulted(key: &str, expect: Expect, config: &Config) -> Result<(), String> {
    let Some(setting) = find(Lab::Plane, key) else {
        return Ok(());
    };
    let value = setting.kind.format(config);
    match expect {
        Duplicate(_, first) => {
            if value == first {
                Ok(())
            } else {
                Err(format!(
                    "{key} should keep its first value {first}, has {value}"
                ))
            }
        }
        _ if value == setting.default => Ok(()),
        _ => Err(format!(
            "{key} should fall back to {}, has {value}",
            setting.default
        )),
    }
}

#[test]
fn the_hostile_link_table_has_over_a_hundred_cases() {
    assert!(cases().len() >= 100, "{} cases", cases().len());
}

#[test]
fn every_hostile_link_gives_its_expected_error_or_warning() {
    let failures: Vec<String> = cases()
        .into_iter()
        .filter_map(|(link, expect)| {
            check(&link, expect)
                .err()
                .map(|why| format!("{}: {why}", link.chars().take(80).collect::<String>()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_bad_number_message_names_key_value_and_what_is_allowed() {
    let error = Config::from_query("learningRate=abc")
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("learningRate=abc: Learning rate must be a number in (0, 10]")
    );
    let error = Config::from_query("networkShape=100000")
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some(
            "networkShape=100000: Hidden layers must be up to 8 comma-separated \
             whole numbers from 1 to 128"
        )
    );
}

#[test]
fn a_very_long_value_is_quoted_shortened() {
    let link = format!("seed={}", "x".repeat(500));
    let error = Config::from_query(&link)
        .err()
        .unwrap_or_else(|| panic!("accepted"));
    assert_eq!(error.value, format!("{}…", "x".repeat(40)));
}

#[test]
fn every_bad_setting_is_reported_and_every_good_one_kept() {
    let parsed = Config::parse_query("learningRate=abc&noise=20&batchSize=0&activation=tanh&foo=1");
    let keys: Vec<&str> = parsed.errors.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["learningRate", "batchSize"]);
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.config.noise, 20);
    assert_eq!(parsed.config.activation, tensor::Activation::Tanh);
    let defaults = Config::default();
    assert_eq!(parsed.config.learning_rate, defaults.learning_rate);
    assert_eq!(parsed.config.batch_size, defaults.batch_size);
}

proptest! {
    #[test]
    fn no_string_makes_the_reader_panic(link in "\\PC{0,300}") {
        let parsed = Config::parse_query(&link);
        prop_assert_eq!(parsed.config.validate(), Ok(()));
    }

    #[test]
    fn no_mix_of_real_keys_and_junk_values_makes_the_reader_panic(
        pairs in proptest::collection::vec(
            (
                proptest::sample::select(
                    playground::settings::SETTINGS.iter().map(|s| s.key).collect::<Vec<_>>()
                ),
                "[-0-9a-zA-Z.,;%+eE]{0,12}",
            ),
            0..20,
        )
    ) {
        let link = pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        let parsed = Config::parse_query(&link);
        prop_assert_eq!(parsed.config.validate(), Ok(()));
        prop_assert_eq!(Config::from_query(&link).is_ok(), parsed.errors.is_empty());
    }
}
