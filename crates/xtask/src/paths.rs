//! Which file a request path names inside the served directory: percent-decoding, `/` and
//! `dir/` to `index.html`, and refusing anything that would leave the directory.

use std::path::{Path, PathBuf};

/// Why a request gets no file.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// 400: the path is not valid percent-encoded UTF-8.
    BadRequest,
    /// 403: the path leaves the served directory.
    Forbidden,
    /// 404: no such file.
    NotFound,
}

impl Refusal {
    /// The status code and the text sent with it.
    pub fn status(&self) -> (u16, &'static str) {
        match self {
            Self::BadRequest => (400, "400 Bad Request"),
            Self::Forbidden => (403, "403 Forbidden"),
            Self::NotFound => (404, "404 Not Found"),
        }
    }
}

/// The file a request URL names inside `root` (canonical), after percent-decoding.
pub fn resolve(root: &Path, url: &str) -> Result<PathBuf, Refusal> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path).ok_or(Refusal::BadRequest)?;
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(Refusal::Forbidden),
            name => relative.push(name),
        }
    }
    if decoded.ends_with('/') {
        relative.push("index.html");
    }
    let file = root
        .join(relative)
        .canonicalize()
        .map_err(|_| Refusal::NotFound)?;
    // A symlink may still point outside the root.
    if !file.starts_with(root) {
        return Err(Refusal::Forbidden);
    }
    if !file.is_file() {
        return Err(Refusal::NotFound);
    }
    Ok(file)
}

/// Decodes `%XX` escapes; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = text.bytes();
    let mut decoded = Vec::with_capacity(text.len());
    while let Some(byte) = bytes.next() {
        if byte == b'%' {
            let high = hex_digit(bytes.next()?)?;
            let low = hex_digit(bytes.next()?)?;
            decoded.push(high * 16 + low);
        } else {
            decoded.push(byte);
        }
    }
    String::from_utf8(decoded).ok()
}

fn hex_digit(byte: u8) -> Option<u8> {
    let digit = char::from(byte).to_digit(16)?;
    u8::try_from(digit).ok()
}

#[cfg(test)]
mod tests {
    use std::error::Error;
    use std::fs;

    use super::*;

    #[test]
    fn symlink_out_of_the_root_is_refused() -> Result<(), Box<dyn Error>> {
        let base = std::env::temp_dir().join(format!("xtask-paths-{}", std::process::id()));
        let root = base.join("site");
        fs::create_dir_all(&root)?;
        fs::write(base.join("secret.txt"), "secret")?;
        fs::write(root.join("index.html"), "home")?;
        std::os::unix::fs::symlink(base.join("secret.txt"), root.join("leak.txt"))?;
        let root = root.canonicalize()?;
        let leak = resolve(&root, "/leak.txt");
        let home = resolve(&root, "/");
        fs::remove_dir_all(&base)?;
        assert_eq!(leak, Err(Refusal::Forbidden));
        assert_eq!(home, Ok(root.join("index.html")));
        Ok(())
    }

    #[test]
    fn percent_decoding_rejects_bad_escapes() {
        assert_eq!(percent_decode("/a%20b"), Some("/a b".to_owned()));
        assert_eq!(percent_decode("/%2"), None);
        assert_eq!(percent_decode("/%+1"), None);
        assert_eq!(percent_decode("/%ff"), None);
    }
}
