// The page's digits file decoded once, for the tests that train the digits lab
// (include!d by golden.rs, hostile_corpus.rs and digits_training.rs).

/// The shipped digits (web/labs/digits/digits.bin.gz), un-gzipped and decoded once.
///
/// # Panics
/// If the file does not un-gzip or decode.
fn shipped_digits() -> &'static playground::digits::Digits {
    static DIGITS: std::sync::OnceLock<playground::digits::Digits> = std::sync::OnceLock::new();
    DIGITS.get_or_init(|| {
        use std::io::Read;
        let gz: &[u8] = include_bytes!("../../../../web/labs/digits/digits.bin.gz");
        let mut raw = Vec::new();
        let read = flate2::read::GzDecoder::new(gz).read_to_end(&mut raw);
        assert!(read.is_ok(), "digits.bin.gz does not un-gzip");
        match playground::digits::Digits::decode(&raw) {
            Ok(digits) => digits,
            Err(error) => panic!("{}", error.message()),
        }
    })
}
