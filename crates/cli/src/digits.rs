//! The digits lab on the command line: the shipped images (the page's own
//! file, embedded and un-gzipped here) and the trained network as JSON.

use std::io::Read;

use playground::digits::network::LayerKind;
use playground::digits::{Digits, DigitsSession};
use serde::Serialize;

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

/// One layer of the weights file.
#[derive(Serialize)]
struct LayerFile<'a> {
    kind: &'static str,
    shape: &'a [usize],
    weight: &'a [f32],
    bias: &'a [f32],
}

/// The weights file of the digits lab: `{"lab":"digits","link":…,"parameters":…,"layers":[…]}`.
#[derive(Serialize)]
struct WeightsFile<'a> {
    lab: &'static str,
    link: String,
    parameters: usize,
    layers: Vec<LayerFile<'a>>,
}

/// The trained network as JSON, with the link that reproduces it.
pub fn export(session: &DigitsSession) -> String {
    let network = session.network();
    let layers = network
        .layers
        .iter()
        .map(|layer| LayerFile {
            kind: match layer.kind {
                LayerKind::Conv { .. } => "conv",
                LayerKind::Dense { .. } => "dense",
            },
            shape: layer.weight.dims(),
            weight: layer.weight.data(),
            bias: layer.bias.data(),
        })
        .collect();
    let file = WeightsFile {
        lab: "digits",
        link: session.config().to_query(),
        parameters: network.parameter_count(),
        layers,
    };
    serde_json::to_string(&file).unwrap_or_default()
}
