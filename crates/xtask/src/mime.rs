//! The Content-Type the static server sends for a file, by its extension.

use std::path::Path;

/// The Content-Type for `path`; `application/octet-stream` for unknown extensions.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        // instantiateStreaming needs exactly this, or it falls back with a console warning.
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        Some("csv") => "text/csv; charset=utf-8",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_files_get_their_browser_types() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("web/main.js", "text/javascript; charset=utf-8"),
            ("e2e/browser.mjs", "text/javascript; charset=utf-8"),
            ("web/pkg/wasm_bg.wasm", "application/wasm"),
            ("web/style.css", "text/css; charset=utf-8"),
            ("web/pkg/package.json", "application/json"),
            ("shot.PNG", "image/png"),
            ("icon.svg", "image/svg+xml"),
            ("data/spiral.csv", "text/csv; charset=utf-8"),
        ];
        for (path, expected) in cases {
            assert_eq!(content_type(Path::new(path)), expected, "{path}");
        }
    }

    #[test]
    fn unknown_or_missing_extension_is_octet_stream() {
        assert_eq!(
            content_type(Path::new("Makefile")),
            "application/octet-stream"
        );
        assert_eq!(content_type(Path::new("a.bin")), "application/octet-stream");
    }
}
