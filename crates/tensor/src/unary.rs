//! Element-wise functions of one input with their derivatives, side by side
//! (micrograd style). Owns the scalar math only; the tape applies it to tensors.

/// A function applied to every element, differentiable almost everywhere.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unary {
    /// `-x`
    Neg,
    /// `c * x`
    Scale(f32),
    /// `x + c`
    AddScalar(f32),
    /// `e^x`
    Exp,
    /// `ln x`
    Log,
    /// `x^2`
    Square,
    /// `|x|` (derivative 0 at 0)
    Abs,
    /// `sqrt x`
    Sqrt,
    /// `sin x`
    Sin,
    /// `max(x, 0)` (derivative 0 at 0)
    Relu,
    /// `x` if positive, else `slope * x`
    LeakyRelu(f32),
    /// `x` if positive, else `alpha * (e^x - 1)`
    Elu(f32),
    /// `x * Phi(x)` with the exact normal CDF `Phi(x) = (1 + erf(x / sqrt 2)) / 2`
    Gelu,
    /// `ln(1 + e^x)`, computed as `max(x, 0) + ln(1 + e^-|x|)` so it never overflows
    Softplus,
    /// `1 / (1 + e^-x)`
    Sigmoid,
    /// `tanh x` (through [`fast_tanh`], relative error below 5e-7)
    Tanh,
    /// `x`
    Identity,
}

const FRAC_1_SQRT_2PI: f32 = 0.398_942_3;

impl Unary {
    /// The function's value at `x`.
    pub fn apply(self, x: f32) -> f32 {
        match self {
            Unary::Neg => -x,
            Unary::Scale(c) => c * x,
            Unary::AddScalar(c) => x + c,
            Unary::Exp => libm::expf(x),
            Unary::Log => libm::logf(x),
            Unary::Square => square(x),
            Unary::Abs => libm::fabsf(x),
            Unary::Sqrt => crate::math::sqrt(x),
            Unary::Sin => libm::sinf(x),
            Unary::Relu => positive_part(x),
            Unary::LeakyRelu(slope) => {
                if x > 0.0 {
                    x
                } else {
                    slope * x
                }
            }
            Unary::Elu(alpha) => {
                if x > 0.0 {
                    x
                } else {
                    alpha * libm::expm1f(x)
                }
            }
            Unary::Gelu => x * normal_cdf(x),
            Unary::Softplus => positive_part(x) + libm::log1pf(libm::expf(-libm::fabsf(x))),
            Unary::Sigmoid => sigmoid(x),
            Unary::Tanh => fast_tanh(x),
            Unary::Identity => x,
        }
    }

    /// The derivative at `x`, given `y = self.apply(x)` (several rules are cheaper in `y`).
    pub fn derivative(self, x: f32, y: f32) -> f32 {
        match self {
            Unary::Neg => -1.0,
            Unary::Scale(c) => c,
            Unary::AddScalar(_) | Unary::Identity => 1.0,
            Unary::Exp => y,
            Unary::Log => 1.0 / x,
            Unary::Square => square_slope(x),
            Unary::Abs => {
                if x > 0.0 {
                    1.0
                } else if x < 0.0 {
                    -1.0
                } else {
                    0.0
                }
            }
            // d sqrt(x) = 1 / (2 sqrt x)
            Unary::Sqrt => 0.5 / y,
            Unary::Sin => libm::cosf(x),
            Unary::Relu => step(x),
            Unary::LeakyRelu(slope) => {
                if x > 0.0 {
                    1.0
                } else {
                    slope
                }
            }
            // for x <= 0: d alpha (e^x - 1) = alpha e^x = y + alpha
            Unary::Elu(alpha) => {
                if x > 0.0 {
                    1.0
                } else {
                    y + alpha
                }
            }
            // d x Phi(x) = Phi(x) + x phi(x)
            Unary::Gelu => normal_cdf(x) + x * FRAC_1_SQRT_2PI * libm::expf(-0.5 * x * x),
            // d ln(1 + e^x) = sigmoid(x)
            Unary::Softplus => sigmoid(x),
            // d sigmoid = y (1 - y)
            Unary::Sigmoid => sigmoid_slope(y),
            // d tanh = 1 - y^2
            Unary::Tanh => tanh_slope(y),
        }
    }
}

impl Unary {
    /// `v = f(v)` for every element, with the common activations in loops of their own.
    pub fn apply_in_place(self, values: &mut [f32]) {
        fn each(values: &mut [f32], f: impl Fn(f32) -> f32) {
            for v in values {
                *v = f(*v);
            }
        }
        match self {
            Unary::Identity => {}
            Unary::Relu => each(values, positive_part),
            Unary::Tanh => tanh_in_place(values),
            Unary::Sigmoid => each(values, sigmoid),
            Unary::Square => each(values, square),
            Unary::Scale(c) => each(values, |x| c * x),
            other => each(values, |x| other.apply(x)),
        }
    }

    /// `out[i] = f(xs[i])`: [`Unary::apply_in_place`] on a copy of `xs`, with
    /// ReLU (the labs' hidden layers) mapped straight across, not copied first.
    pub(crate) fn apply_to(self, xs: &[f32], out: &mut [f32]) {
        if self == Unary::Relu {
            for (o, &x) in out.iter_mut().zip(xs) {
                *o = positive_part(x);
            }
        } else {
            out.copy_from_slice(xs);
            self.apply_in_place(out);
        }
    }

    /// `d[i] += g[i] * f'(xs[i])` given `ys[i] = f(xs[i])`, with the common
    /// activations in loops of their own.
    pub fn derivative_acc(self, g: &[f32], xs: &[f32], ys: &[f32], d: &mut [f32]) {
        fn each(g: &[f32], xs: &[f32], ys: &[f32], d: &mut [f32], f: impl Fn(f32, f32) -> f32) {
            for (((d, &g), &x), &y) in d.iter_mut().zip(g).zip(xs).zip(ys) {
                *d += g * f(x, y);
            }
        }
        match self {
            Unary::Relu => each(g, xs, ys, d, |x, _| step(x)),
            Unary::Tanh => each(g, xs, ys, d, |_, y| tanh_slope(y)),
            Unary::Sigmoid => each(g, xs, ys, d, |_, y| sigmoid_slope(y)),
            Unary::Square => each(g, xs, ys, d, |x, _| square_slope(x)),
            Unary::Scale(c) => each(g, xs, ys, d, |_, _| c),
            other => each(g, xs, ys, d, |x, y| other.derivative(x, y)),
        }
    }
}

// The rules the loops of `apply_in_place` and `derivative_acc` share with
// `apply` and `derivative`, as functions of their own: those loops call them
// directly, where a call of `apply` with a constant variant is not always
// inlined (in the labs' wasm module, ReLU through `apply` cost a call per
// element: 11% of the digits bench).

/// `max(x, 0)` as a comparison, which compiles to a select everywhere (wasm's
/// `f32.max` treats NaN differently, so `f32::max` becomes a function call there).
#[inline(always)]
pub fn positive_part(x: f32) -> f32 {
    if x > 0.0 { x } else { 0.0 }
}

/// ReLU's derivative: 1 above zero, else 0.
#[inline(always)]
fn step(x: f32) -> f32 {
    if x > 0.0 { 1.0 } else { 0.0 }
}

/// `x^2`.
#[inline(always)]
fn square(x: f32) -> f32 {
    x * x
}

/// d x^2 = 2x.
#[inline(always)]
fn square_slope(x: f32) -> f32 {
    2.0 * x
}

/// d tanh = 1 - y^2, in `y = tanh(x)`.
#[inline(always)]
fn tanh_slope(y: f32) -> f32 {
    1.0 - y * y
}

/// d sigmoid = y (1 - y), in `y = sigmoid(x)`.
#[inline(always)]
fn sigmoid_slope(y: f32) -> f32 {
    y * (1.0 - y)
}

/// The logistic function, evaluated so that `e^x` never overflows.
pub fn sigmoid(x: f32) -> f32 {
    if x >= 0.0 {
        1.0 / (1.0 + libm::expf(-x))
    } else {
        let e = libm::expf(x);
        e / (1.0 + e)
    }
}

/// The standard normal cumulative distribution function.
fn normal_cdf(x: f32) -> f32 {
    0.5 * (1.0 + libm::erff(x * core::f32::consts::FRAC_1_SQRT_2))
}

/// [`fast_tanh`] over `values`, 16 at a time: four vectors of four whose long
/// chains of multiply-adds overlap (wasm engines do not unroll loops themselves).
fn tanh_in_place(values: &mut [f32]) {
    let mut chunks = values.chunks_exact_mut(16);
    for chunk in &mut chunks {
        for v in chunk {
            *v = fast_tanh(*v);
        }
    }
    for v in chunks.into_remainder() {
        *v = fast_tanh(*v);
    }
}

/// `tanh x` as Eigen's rational approximation (its `generic_fast_tanh_float`):
/// an odd degree-13 polynomial over an even degree-6 one on `[-7.9053, 7.9053]`,
/// saturating outside. Branch-free, so loops over it vectorize; the relative
/// error is below 5e-7 everywhere (about 4 times libm's), checked by a test.
pub fn fast_tanh(x: f32) -> f32 {
    const CLAMP: f32 = 7.905_311;
    let x = x.clamp(-CLAMP, CLAMP);
    let x2 = x * x;
    let mut p = -2.760_768_5e-16_f32;
    for c in [
        2.000_188e-13,
        -8.604_672e-11,
        5.122_297e-8,
        1.485_722_4e-5,
        6.372_619_3e-4,
        4.893_524_6e-3,
    ] {
        p = p * x2 + c;
    }
    let q = ((1.198_258_4e-6_f32 * x2 + 1.185_347e-4) * x2 + 2.268_434_6e-3) * x2 + 4.893_525e-3;
    if x.abs() < 0.0004 { x } else { x * p / q }
}

#[cfg(test)]
mod tests {
    use super::Unary;

    #[test]
    fn hand_derived_values() {
        // sigmoid(0) = 1/2, its slope 1/4; tanh'(0) = 1; softplus(0) = ln 2.
        assert_eq!(Unary::Sigmoid.apply(0.0), 0.5);
        assert_eq!(Unary::Sigmoid.derivative(0.0, 0.5), 0.25);
        assert_eq!(Unary::Tanh.derivative(0.0, 0.0), 1.0);
        assert!((Unary::Softplus.apply(0.0) - core::f32::consts::LN_2).abs() < 1e-7);
        // gelu(1) = Phi(1) = 0.8413447; gelu'(0) = Phi(0) = 1/2.
        assert!((Unary::Gelu.apply(1.0) - 0.841_344_7).abs() < 1e-6);
        assert_eq!(Unary::Gelu.derivative(0.0, 0.0), 0.5);
        // elu(-1) with alpha 1 = e^-1 - 1; its slope e^-1.
        let y = Unary::Elu(1.0).apply(-1.0);
        assert!((y - (-0.632_120_56)).abs() < 1e-6);
        assert!((Unary::Elu(1.0).derivative(-1.0, y) - 0.367_879_44).abs() < 1e-6);
    }

    #[test]
    fn fast_tanh_stays_within_its_error_bound() {
        let mut worst = 0.0f64;
        for i in -1_000_000..=1_000_000 {
            let x = i as f32 * 1e-5;
            let exact = libm::tanh(f64::from(x));
            let got = f64::from(super::fast_tanh(x));
            if exact != 0.0 {
                worst = worst.max(((got - exact) / exact).abs());
            }
        }
        assert!(worst < 5e-7, "relative error {worst}");
        assert_eq!(super::fast_tanh(f32::INFINITY), 1.0);
        assert_eq!(super::fast_tanh(-100.0), -1.0);
        assert!(super::fast_tanh(f32::NAN).is_nan());
    }

    #[test]
    fn stable_forms_do_not_overflow() {
        assert_eq!(Unary::Sigmoid.apply(-200.0), 0.0);
        assert_eq!(Unary::Sigmoid.apply(200.0), 1.0);
        assert_eq!(Unary::Softplus.apply(200.0), 200.0);
        assert_eq!(Unary::Softplus.apply(-200.0), 0.0);
    }
}
