//! Reads the version Cargo.lock records for a package (a few lines of parsing; no TOML crate).

/// The single version `lock` (the text of a Cargo.lock) records for package `name`.
///
/// `Err` when the package is absent or locked at several versions.
pub fn locked_version(lock: &str, name: &str) -> Result<String, String> {
    let mut current = None;
    let mut versions: Vec<&str> = Vec::new();
    for line in lock.lines().map(str::trim) {
        if line == "[[package]]" {
            current = None;
        } else if let Some(value) = quoted_value(line, "name") {
            current = Some(value);
        } else if let Some(value) = quoted_value(line, "version") {
            if current == Some(name) && !versions.contains(&value) {
                versions.push(value);
            }
        }
    }
    match versions.as_slice() {
        [version] => Ok((*version).to_owned()),
        [] => Err(format!("Cargo.lock records no `{name}` package")),
        several => Err(format!(
            "Cargo.lock records `{name}` at several versions ({}); keep one",
            several.join(", ")
        )),
    }
}

/// `value` from a line `key = "value"`.
fn quoted_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(key)?.trim_start().strip_prefix('=')?;
    rest.trim().strip_prefix('"')?.strip_suffix('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.131"
"#;

    #[test]
    fn finds_the_version_of_the_named_package_only() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen"),
            Ok("0.2.130".to_owned())
        );
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen-macro"),
            Ok("0.2.131".to_owned())
        );
    }

    #[test]
    fn absent_package_is_an_error_naming_it() {
        let error = locked_version(LOCK, "js-sys").err().unwrap_or_default();
        assert!(error.contains("js-sys"), "{error}");
    }

    #[test]
    fn several_versions_are_an_error_listing_them() {
        let lock = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        let error = locked_version(&lock, "wasm-bindgen")
            .err()
            .unwrap_or_default();
        assert!(error.contains("0.2.130, 0.2.99"), "{error}");
    }
}
