//! Native timing of the words lab's bench workload E1 (web/bench/e1.js's:
//! skip-gram with negative sampling on a generated text, vectors of 16, a
//! window of 2, 5 negatives, batches of 256 pairs, Adam 0.01): `cargo bench -p
//! playground --bench words` prints one JSON object with the training rate in
//! (word, context) pairs per second, `e1PairsPerSecond`.
//! The text's generator is web/bench/e1-data.js's, ported byte for byte: both
//! check the text's length and FNV-1a hash against the same constants.
//! Under `cargo test --benches` the figure is taken once, as a smoke test.

mod timing;

use std::hint::black_box;

use playground::Config;
use playground::words::WordsSession;
use timing::rate;

/// The generated text's sentences and the seed of its xorshift generator.
const SENTENCES: usize = 680;
const TEXT_SEED: u32 = 0x2545_f491;
/// The made-up words are syllables of these letters.
const CONSONANTS: &str = "bcdfghjklmnprstvwxz";
const VOWELS: &str = "aeiou";
/// What the text must come to, here and in web/bench/e1-data.js.
const TEXT_BYTES: usize = 19_082;
const TEXT_HASH: u32 = 0x80e5_9230;

/// The made-up words, most frequent rank first: consonant-vowel and
/// vowel-consonant pairs, then consonant-vowel-consonant triples.
fn made_up_words() -> Vec<String> {
    let (cs, vs): (Vec<char>, Vec<char>) = (CONSONANTS.chars().collect(), VOWELS.chars().collect());
    let mut words = Vec::new();
    words.extend(
        cs.iter()
            .flat_map(|&c| vs.iter().map(move |&v| format!("{c}{v}"))),
    );
    words.extend(
        vs.iter()
            .flat_map(|&v| cs.iter().map(move |&c| format!("{v}{c}"))),
    );
    for &c in &cs {
        for &v in &vs {
            words.extend(cs.iter().map(|&d| format!("{c}{v}{d}")));
        }
    }
    words
}

/// E1's text (e1-data.js's `generateText`): sentences of 5 to 12 words drawn
/// by a seeded xorshift from a Zipf distribution over the made-up words (rank
/// r weighs 2^20 / (r + 1), rounded down), one a line.
fn generate_text() -> String {
    let words = made_up_words();
    let mut total = 0u32;
    let cumulative: Vec<u32> = (0..words.len() as u32)
        .map(|rank| {
            total += (1 << 20) / (rank + 1);
            total
        })
        .collect();
    let mut state = TEXT_SEED;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    };
    let mut text = String::new();
    for _ in 0..SENTENCES {
        let length = 5 + next() % 8;
        let line: Vec<&str> = (0..length)
            .map(|_| {
                let draw = next() % total;
                words[cumulative.partition_point(|&c| c <= draw)].as_str()
            })
            .collect();
        text.push_str(&line.join(" "));
        text.push('\n');
    }
    text
}

/// The 32-bit FNV-1a hash of `bytes`.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// E1 as a words lab link (kept identical to web/bench/e1-data.js's `e1Link`).
fn e1_link(text: &str) -> String {
    let mut encoded = String::new();
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' => encoded.push(char::from(byte)),
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    format!(
        "lab=words&corpus=custom&text={encoded}&method=sgns&dim=16&window=2&negatives=5\
         &batchSize=256&epochs=200&optimizer=adam&learningRate=0.01"
    )
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (samples, sample_ms) = if measuring { (9, 150.0) } else { (1, 0.0) };
    let text = generate_text();
    let hash = fnv1a(text.as_bytes());
    assert!(
        text.len() == TEXT_BYTES && hash == TEXT_HASH,
        "E1's generated text is {} bytes with FNV-1a {hash:#x}: benches/words.rs and \
         web/bench/e1-data.js expect {TEXT_BYTES} and {TEXT_HASH:#x}",
        text.len()
    );
    let link = e1_link(&text);
    let config = Config::from_query(&link).unwrap_or_else(|e| panic!("E1: {e}"));
    let mut session = WordsSession::new(config.clone()).unwrap_or_else(|e| panic!("E1: {e}"));
    // pairs/s is updates/s times an epoch's pairs over its updates (the last
    // batch of an epoch is smaller), as the bench pages count it
    let pairs_per_update = session.train_examples() as f64 / session.epoch_steps() as f64;
    let updates = rate(
        |n| {
            let mut left = n;
            while left > 0 {
                // training finishes after 200 epochs: start over inside the
                // timed run, as web/bench/e1.js does
                if session.finished() {
                    session = WordsSession::new(config.clone()).unwrap_or_else(|e| panic!("{e}"));
                }
                let start = session.step();
                black_box(session.train_steps(left));
                left -= session.step() - start;
            }
        },
        samples,
        sample_ms,
    );
    println!("{{\"e1PairsPerSecond\":{}}}", updates * pairs_per_update);
}
