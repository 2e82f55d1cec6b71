//! `float_text` agrees with Rust's own f32 `Display` and `str::parse` to the byte and
//! to the bit: over f32 bit patterns with a stride, every boundary, random bits, and
//! decimal strings of many shapes (long mantissas, exact midpoints between two f32s
//! and their nearest neighbours, huge and tiny exponents, malformed text).

use playground::float_text::{format_f32, parse_f32};
use proptest::prelude::*;

/// Rust's answer: the f32 `text` parses to, when it parses to a finite one.
fn rust_parse(text: &str) -> Option<u32> {
    text.parse::<f32>()
        .ok()
        .filter(|v| v.is_finite())
        .map(f32::to_bits)
}

/// Panics with the bits when `format_f32` differs from `Display` or does not read back.
fn check_format(bits: u32) {
    let value = f32::from_bits(bits);
    let text = format_f32(value);
    assert_eq!(text, value.to_string(), "bits {bits:#010x}");
    if value.is_finite() {
        assert_eq!(parse_f32(&text).map(f32::to_bits), Some(bits), "{text}");
    }
}

/// Panics with the text when `parse_f32` differs from `str::parse`.
fn check_parse(text: &str) {
    assert_eq!(
        parse_f32(text).map(f32::to_bits),
        rust_parse(text),
        "{text:?}"
    );
}

/// A small deterministic generator (splitmix64) for the bulk sweeps.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn digits(&mut self, count: u64) -> String {
        (0..count)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

/// The exact decimal value of `value`, every digit written out.
fn exact(value: f64) -> String {
    let text = format!("{value:.1100}");
    let text = text.trim_end_matches('0');
    text.strip_suffix('.').unwrap_or(text).into()
}

#[test]
fn format_matches_display_over_strided_bits() {
    for bits in (0..=u32::MAX).step_by(4093) {
        check_format(bits);
    }
}

#[test]
fn format_matches_display_at_every_boundary() {
    let mut bits = vec![
        0,
        1,
        2,
        3,
        0x007f_ffff,
        0x0080_0000,
        0x0080_0001,
        0x7f7f_ffff,
    ];
    bits.extend([
        0x7f80_0000,
        0x7fc0_0000,
        0x3f80_0000,
        0x4b80_0000,
        0x4b7f_ffff,
    ]);
    // Each power of two and its neighbours, where the gap below halves.
    for exponent in 0..=255u32 {
        let power = exponent << 23;
        bits.extend([
            power,
            power.wrapping_sub(1),
            power + 1,
            power + 2,
            power | 0x7f_ffff,
        ]);
    }
    // Every power of ten and the f32s around it, where the digit count changes.
    for power in -45..=38 {
        let Ok(value) = format!("1e{power}").parse::<f32>() else {
            panic!("1e{power}")
        };
        let center = value.to_bits();
        bits.extend(center.saturating_sub(3)..=center + 3);
    }
    // The smallest subnormals, written with the most zeros.
    bits.extend(0..20_000);
    for bits in bits {
        check_format(bits);
        check_format(bits | 0x8000_0000);
    }
}

#[test]
fn format_spells_specials_and_long_forms_like_display() {
    let cases = [
        (0.03, "0.03"),
        (-0.0, "-0"),
        (1.0, "1"),
        (1e-45, "0.000000000000000000000000000000000000000000001"),
        (3.402_823_5e38, "340282350000000000000000000000000000000"),
        (2_097_152.2, "2097152.3"),
        (f32::NAN, "NaN"),
        (f32::NEG_INFINITY, "-inf"),
    ];
    for (value, text) in cases {
        assert_eq!(format_f32(value), text);
    }
}

#[test]
fn parse_accepts_and_refuses_the_same_forms_as_rust() {
    let forms = [
        "1e3",
        ".5",
        "5.",
        "+1",
        "-.5",
        ".",
        "",
        "e5",
        "1e",
        "1e+5",
        "1E5",
        "1e-",
        "inf",
        "-inf",
        "NaN",
        "nan",
        "infinity",
        "1_0",
        " 1",
        "1 ",
        "0x10",
        "1..2",
        "-",
        "+",
        "+.",
        ".e1",
        "1.e1",
        "00001",
        "--1",
        "+-1",
        "1e+-1",
        "1e--1",
        "1.5.",
        "١",
        "1e99999999999999999999",
        "0e99999999999999999999",
        "1e-99999999999999999999",
        "-0",
        "-0.0e7",
        "0.",
        "-1e-50",
        "1e40",
        "3.4028235e38",
        "3.4028236e38",
        "3.40282357e38",
        "1e-45",
        "7e-46",
        "7.1e-46",
        "1.00000005960464477539062500000001",
        "1.000000059604644775390625",
        "1.0000000596046447753906249999999",
        "16777217",
        "16777219",
        "0.1",
        "0.3",
    ];
    for text in forms {
        check_parse(text);
    }
}

#[test]
fn parse_matches_rust_on_random_decimal_shapes() {
    let mut rng = Rng(7);
    for _ in 0..200_000 {
        let mut text = String::new();
        match rng.below(3) {
            0 => text.push('-'),
            1 => text.push('+'),
            _ => {}
        }
        let whole = rng.below(4).pow(2) * rng.below(6);
        text.push_str(&"0".repeat(rng.below(3) as usize));
        text.push_str(&rng.digits(whole));
        if rng.below(3) > 0 {
            text.push('.');
            text.push_str(&"0".repeat(rng.below(50) as usize * rng.below(2) as usize));
            let fraction = rng.below(4).pow(3) * rng.below(8);
            text.push_str(&rng.digits(fraction));
        }
        if rng.below(2) == 0 {
            text.push(if rng.below(2) == 0 { 'e' } else { 'E' });
            text.push_str(["", "-", "+"][rng.below(3) as usize]);
            text.push_str(&rng.below(120).to_string());
        }
        check_parse(&text);
    }
}

#[test]
fn parse_matches_rust_at_midpoints_and_next_to_them() {
    let mut rng = Rng(11);
    let mut bits: Vec<u32> = (0..60).collect();
    bits.extend([0x007f_ffff, 0x0080_0000, 0x7f7f_fffe, 0x7f7f_ffff]);
    bits.extend((0..4_000).map(|_| rng.below(0x7f80_0000) as u32));
    for bits in bits {
        let low = f64::from(f32::from_bits(bits));
        let high = match bits {
            0x7f7f_ffff => 2f64.powi(128),
            _ => f64::from(f32::from_bits(bits + 1)),
        };
        let middle = exact((low + high) / 2.0);
        let Some(last) = middle.chars().last() else {
            panic!("{middle}")
        };
        let lower_last = char::from(last as u8 - 1);
        let below = format!("{}{lower_last}99999999", &middle[..middle.len() - 1]);
        let scientific = format!("{}e-7", middle.replacen('.', "", 1));
        for text in [
            middle.clone(),
            format!("{middle}00000001"),
            below,
            scientific,
        ] {
            check_parse(&text);
        }
        check_parse(&exact(low));
    }
}

#[test]
fn parse_matches_rust_on_long_mantissas() {
    let mut rng = Rng(13);
    for _ in 0..3_000 {
        let count = 100 + rng.below(400);
        let exponent = rng.below(500) as i64 - 300;
        let point = rng.below(count);
        let digits = rng.digits(count);
        let text = format!(
            "{}.{}e{exponent}",
            &digits[..point as usize],
            &digits[point as usize..]
        );
        check_parse(&text);
    }
}

/// Every f32 bit pattern, about 2^32 of them: run once by hand with
/// `cargo test --release -p playground --test float_text -- --ignored`.
#[test]
#[ignore = "takes long; run by hand in release"]
fn format_matches_display_for_every_f32() {
    let threads: Vec<_> = (0..2u32)
        .map(|half| std::thread::spawn(move || (half..=u32::MAX).step_by(2).for_each(check_format)))
        .collect();
    for thread in threads {
        assert!(thread.join().is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn format_matches_display_for_random_bits(bits in any::<u32>()) {
        check_format(bits);
    }

    #[test]
    fn parse_matches_rust_for_random_text(
        text in "[+-]?[0-9]{0,25}(\\.[0-9]{0,60})?([eE][+-]?[0-9]{1,3})?"
    ) {
        check_parse(&text);
    }

    #[test]
    fn parse_reads_what_format_writes(bits in any::<u32>()) {
        let value = f32::from_bits(bits);
        prop_assume!(value.is_finite());
        prop_assert_eq!(parse_f32(&format_f32(value)).map(f32::to_bits), Some(bits));
    }
}
