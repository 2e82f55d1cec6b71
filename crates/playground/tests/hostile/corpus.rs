// The hostile-link corpus, read from hostile/links.txt. Shared by
// crates/playground/tests/hostile_corpus.rs (native) and crates/wasm/tests/browser_hostile.rs
// (Chromium), so both try the same links; e2e/hardening.test.mjs reads the same file.

/// One link of the corpus.
#[derive(Clone, Debug)]
struct HostileLink {
    /// Its line in links.txt, for messages.
    line: usize,
    /// The key an error or warning must name; `None` for a clean link.
    key: Option<String>,
    /// The link, repetitions written out.
    link: String,
}

/// The corpus file, one `key<TAB>link` a line.
const HOSTILE_LINKS_TXT: &str = include_str!("links.txt");

/// Every link of the corpus, in file order.
///
/// # Panics
/// When a line of the file is malformed (no tab, a broken repetition).
fn hostile_links() -> Vec<HostileLink> {
    corpus(HOSTILE_LINKS_TXT)
}

/// Every link of a corpus file's `text` (links.txt's format), in file order.
///
/// # Panics
/// When a line is malformed (no tab, a broken repetition).
fn corpus(text: &str) -> Vec<HostileLink> {
    text.lines()
        .enumerate()
        .filter(|(_, text)| !text.is_empty() && !text.starts_with('#'))
        .map(|(index, text)| {
            let Some((key, link)) = text.split_once('\t') else {
                panic!("links.txt:{}: no tab between key and link", index + 1);
            };
            HostileLink {
                line: index + 1,
                key: (key != "-").then(|| key.to_owned()),
                link: expand_repetitions(link, index + 1),
            }
        })
        .collect()
}

/// Writes out every `[[N*text]]` as `text` N times, `@` replaced by 0, 1, ...
fn expand_repetitions(link: &str, line: usize) -> String {
    let mut out = String::new();
    let mut rest = link;
    while let Some(start) = rest.find("[[") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("]]") else {
            panic!("links.txt:{line}: `[[` without `]]`");
        };
        let Some((count, text)) = after[..end].split_once('*') else {
            panic!("links.txt:{line}: a repetition is written [[N*text]]");
        };
        let Ok(count) = count.parse::<usize>() else {
            panic!("links.txt:{line}: bad repetition count {count:?}");
        };
        for index in 0..count {
            out.push_str(&text.replace('@', &index.to_string()));
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}
