//! The digits lab on the command line: the shipped images (the page's own
//! file, embedded and un-gzipped here) and the trained network as JSON.

use std::io::Read;

use playground::digits::{Digits, DigitsSession};

/// The page's digits file, gzipped raw records (web/labs/digits/README.md).
const DIGITS_GZ: &[u8] = include_bytes!("../../../web/labs/digits/digits.bin.gz");

/// The shipped digits, decoded.
///
/// # Errors
/// A message if the embedded file does not un-gzip or decode, which would be a build fault.
pub fn shipped() -> Result<Digits, String> {
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(DIGITS_GZ)
        .read_to_end(&mut raw)
        .map_err(|error| format!("the embedded digits file does not un-gzip: {error}"))?;
    Digits::decode(&raw).map_err(|error| error.message())
}

/// The trained network as the digits lab's weights file (the page's Export
/// writes the same bytes), with the link that reproduces it.
pub fn export(session: &DigitsSession) -> String {
    session.weights_file()
}
