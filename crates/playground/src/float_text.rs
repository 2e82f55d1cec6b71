//! f32 numbers as decimal text and back, exactly as Rust's `Display` and `str::parse`
//! do it, in integer arithmetic small enough for the page: core's own float formatting
//! and parsing (flt2dec, dec2flt) weigh about 35 KB in the .wasm. Owns nothing else.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// Significant digits of a mantissa [`parse_f32`] keeps: every f32 and every midpoint
/// between two has at most 113, so what lies beyond only says "a little more".
const KEPT_DIGITS: usize = 120;

/// An unsigned integer in 32-bit limbs, least significant first, with no zero limb
/// on top (zero has none). Loops run over the limbs in use and stay loops, one copy
/// each (`inline(never)`): fixed-size arrays and inlining made kilobytes of code.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn new(value: u32) -> Self {
        let mut big = Big(vec![value]);
        big.trim();
        big
    }

    fn limb(&self, index: usize) -> u64 {
        self.0.get(index).copied().map_or(0, u64::from)
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// `self * factor + add`.
    #[inline(never)]
    fn mul_add(&mut self, factor: u32, add: u32) -> &mut Self {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            carry += u64::from(*limb) * u64::from(factor);
            *limb = carry as u32;
            carry >>= 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self
    }

    /// `self * 2^bits`.
    #[inline(never)]
    fn shl(&mut self, bits: usize) -> &mut Self {
        let mut shifted = vec![0; bits / 32];
        let mut carry = 0;
        for &limb in &self.0 {
            carry |= u64::from(limb) << (bits % 32);
            shifted.push(carry as u32);
            carry >>= 32;
        }
        shifted.push(carry as u32);
        self.0 = shifted;
        self.trim();
        self
    }

    /// `self + other`.
    #[inline(never)]
    fn plus(&self, other: &Big) -> Big {
        let mut sum = Big(Vec::new());
        let mut carry = 0;
        for index in 0..=self.0.len().max(other.0.len()) {
            carry += self.limb(index) + other.limb(index);
            sum.0.push(carry as u32);
            carry >>= 32;
        }
        sum.trim();
        sum
    }

    /// `self - other`, for `other <= self`.
    #[inline(never)]
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0;
        for index in 0..self.0.len() {
            let difference = self.limb(index) as i64 - other.limb(index) as i64 - borrow;
            self.0[index] = difference as u32;
            borrow = i64::from(difference < 0);
        }
        self.trim();
    }

    /// The number of bits up to the highest one.
    fn bits(&self) -> usize {
        let top = self
            .0
            .last()
            .map_or(0, |limb| limb.leading_zeros() as usize);
        32 * self.0.len() - top
    }
}

impl Ord for Big {
    #[inline(never)]
    fn cmp(&self, other: &Self) -> Ordering {
        let longer = self.0.len().cmp(&other.0.len());
        longer.then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `value` as Rust's `Display` writes it: the shortest decimal that reads back as the
/// same f32 (the closest of those, ties away from zero), never with an exponent
/// (`0.03`, `-2`, `0.000000000000000000000000000000000000000000001`), and `NaN`,
/// `inf`, `-inf`, `-0` as they are.
pub fn format_f32(value: f32) -> String {
    let mut out = String::new();
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_sign_negative() {
        out.push('-');
    }
    if value.is_infinite() || value == 0.0 {
        out.push_str(if value == 0.0 { "0" } else { "inf" });
        return out;
    }
    let (digits, point) = shortest_digits(value.to_bits() & 0x7fff_ffff);
    if point <= 0 {
        out.push_str("0.");
    }
    // Digit `i` of the digits, with zeros on either side; the point before digit `point`.
    for i in point.min(0)..point.max(digits.len() as i32) {
        if i == point && i > 0 {
            out.push('.');
        }
        let digit = usize::try_from(i).ok().and_then(|i| digits.get(i));
        out.push(char::from(digit.copied().unwrap_or(b'0')));
    }
    out
}

/// The shortest digits of a positive finite f32 given by its bits, and where the
/// decimal point goes (`value = 0.digits * 10^point`): Steele and White's free-format
/// algorithm with exact integers, as core's `flt2dec::strategy::dragon` runs it.
fn shortest_digits(bits: u32) -> (Vec<u8>, i32) {
    let (biased, fraction) = (bits >> 23, bits & 0x7f_ffff);
    let (mantissa, exponent) = match biased {
        0 => (fraction, -149),
        _ => (fraction | 1 << 23, biased as i32 - 150),
    };
    let inclusive = mantissa % 2 == 0;
    // value = r / s; every number in (r - minus, r + plus) / s reads back as value,
    // the ends too when `inclusive`. Above a power of two the gap below is half as
    // wide (core assumes so for the smallest normal too).
    let (r, minus, plus, exponent) = if biased > 0 && fraction == 0 {
        (mantissa << 2, 1, 2, exponent - 2)
    } else {
        (mantissa << 1, 1, 1, exponent - 1)
    };
    let [mut r, mut minus, mut plus, mut s] = [r, minus, plus, 1].map(Big::new);
    let shift = exponent.unsigned_abs() as usize;
    if exponent < 0 {
        s.shl(shift);
    } else {
        for big in [&mut r, &mut minus, &mut plus] {
            big.shl(shift);
        }
    }
    let below = |a: &Big, b: &Big| a < b || (inclusive && a == b);
    // point: the power of ten at or just above the interval's top.
    let mut point = 0;
    while below(&s, &r.plus(&plus)) {
        s.mul_add(10, 0);
        point += 1;
    }
    while !below(&s, r.plus(&plus).mul_add(10, 0)) {
        for big in [&mut r, &mut minus, &mut plus] {
            big.mul_add(10, 0);
        }
        point -= 1;
    }
    let mut digits = Vec::new();
    loop {
        for big in [&mut r, &mut minus, &mut plus] {
            big.mul_add(10, 0);
        }
        let mut digit = b'0';
        while r >= s {
            r.sub(&s);
            digit += 1;
        }
        let down = below(&r, &minus);
        let up = below(&s, &r.plus(&plus));
        if down || up {
            // The next digit up is the closer one (or as close): it never ends in 10.
            if up && (!down || r.plus(&r) >= s) {
                digit += 1;
            }
            digits.push(digit);
            return (digits, point);
        }
        digits.push(digit);
    }
}

/// The f32 nearest to decimal `text` (ties to even), as `text.parse::<f32>()` reads
/// it, or `None` when that would fail or is not finite. Accepted: an optional sign,
/// digits with at most one `.` and at least one digit (`5`, `.5`, `5.`), then
/// optionally `e` or `E`, an optional sign and digits (`1e-3`, `2E+7`).
pub fn parse_f32(text: &str) -> Option<f32> {
    let (negative, text) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    let (mut mantissa, mut kept, mut exponent) = (Big::new(0), 0, 0i64);
    let (mut any_digit, mut dot, mut dropped) = (false, false, false);
    let mut rest = text;
    while let [byte, tail @ ..] = rest {
        match byte {
            b'.' if !dot => dot = true,
            b'0'..=b'9' => {
                any_digit = true;
                if kept < KEPT_DIGITS {
                    kept += usize::from(kept > 0 || *byte != b'0');
                    mantissa.mul_add(10, u32::from(byte - b'0'));
                    exponent -= i64::from(dot);
                } else {
                    dropped |= *byte != b'0';
                    exponent += i64::from(!dot);
                }
            }
            _ => break,
        }
        rest = tail;
    }
    if !any_digit {
        return None;
    }
    if let [b'e' | b'E', tail @ ..] = rest {
        let (sign, mut tail) = match tail {
            [b'-', more @ ..] => (-1, more),
            [b'+', more @ ..] => (1, more),
            more => (1, more),
        };
        let mut written = 0i64;
        let mut any = false;
        while let [byte @ b'0'..=b'9', more @ ..] = tail {
            written = (written * 10 + i64::from(byte - b'0')).min(1 << 20);
            any = true;
            tail = more;
        }
        if !any {
            return None;
        }
        exponent += sign * written;
        rest = tail;
    }
    if !rest.is_empty() {
        return None;
    }
    if dropped {
        mantissa.mul_add(10, 1);
        exponent -= 1;
        kept += 1;
    }
    let magnitude = f32::from_bits(round_to_bits(mantissa, kept, exponent)?);
    Some(if negative { -magnitude } else { magnitude })
}

/// The bits of the f32 nearest to `mantissa * 10^exponent` (`mantissa` has
/// `digits` significant digits), or `None` when that is infinite.
fn round_to_bits(mantissa: Big, digits: usize, exponent: i64) -> Option<u32> {
    // Below 10^-46 all rounds to 0; from 10^39 on, to infinity.
    let magnitude = digits as i64 + exponent;
    if mantissa.0.is_empty() || magnitude < -45 {
        return Some(0);
    }
    if magnitude > 39 {
        return None;
    }
    // value = a / b; first scaled by 2^-k into [1, 2).
    let (mut a, mut b) = (mantissa, Big::new(1));
    let scaled = if exponent > 0 { &mut a } else { &mut b };
    for _ in 0..exponent.unsigned_abs() {
        scaled.mul_add(10, 0);
    }
    let mut k = a.bits() as i32 - b.bits() as i32;
    if k < 0 {
        a.shl(k.unsigned_abs() as usize);
    } else {
        b.shl(k as usize);
    }
    if a < b {
        a.shl(1);
        k -= 1;
    }
    if k < -150 {
        return Some(0);
    }
    // One bit at a time: 24 for a normal number, fewer below 2^-126.
    let mut bits = 0u32;
    for _ in 0..(k + 150).clamp(0, 24) {
        bits <<= 1;
        if a >= b {
            a.sub(&b);
            bits |= 1;
        }
        a.shl(1);
    }
    if a > b || (a == b && bits % 2 == 1) {
        bits += 1;
    }
    // Adding the mantissa, hidden bit and all, lets a carry raise the exponent.
    if k >= -126 {
        bits += ((k + 126) as u32) << 23;
    }
    (bits < 0x7f80_0000).then_some(bits)
}
