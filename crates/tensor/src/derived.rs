//! Operations built from the primitives, which get their gradients for free:
//! named element-wise functions, means, bias broadcasting, softmax (causal
//! too) and dropout.
//! Owns no gradient rule of its own.

use crate::{Rng, Shape, Tape, Unary, Var};

impl Tape {
    /// `-a`
    pub fn neg(&mut self, a: Var) -> Var {
        self.unary(a, Unary::Neg)
    }

    /// `c * a`
    pub fn scale(&mut self, a: Var, c: f32) -> Var {
        self.unary(a, Unary::Scale(c))
    }

    /// `a + c`
    pub fn add_scalar(&mut self, a: Var, c: f32) -> Var {
        self.unary(a, Unary::AddScalar(c))
    }

    /// `e^a`
    pub fn exp(&mut self, a: Var) -> Var {
        self.unary(a, Unary::Exp)
    }

    /// `ln a`
    pub fn log(&mut self, a: Var) -> Var {
        self.unary(a, Unary::Log)
    }

    /// `a^2`
    pub fn square(&mut self, a: Var) -> Var {
        self.unary(a, Unary::Square)
    }

    /// `|a|`
    pub fn abs(&mut self, a: Var) -> Var {
        self.unary(a, Unary::Abs)
    }

    /// `sqrt a`
    pub fn sqrt(&mut self, a: Var) -> Var {
        self.unary(a, Unary::Sqrt)
    }

    /// `sin a`
    pub fn sin(&mut self, a: Var) -> Var {
        self.unary(a, Unary::Sin)
    }

    /// `tanh a`
    pub fn tanh(&mut self, a: Var) -> Var {
        self.unary(a, Unary::Tanh)
    }

    /// `sigmoid a`
    pub fn sigmoid(&mut self, a: Var) -> Var {
        self.unary(a, Unary::Sigmoid)
    }

    /// `max(a, 0)`
    pub fn relu(&mut self, a: Var) -> Var {
        self.unary(a, Unary::Relu)
    }

    /// The mean of every element, as a scalar.
    pub fn mean(&mut self, a: Var) -> Var {
        let n = self.shape(a).len();
        let total = self.sum(a);
        self.scale(total, 1.0 / n as f32)
    }

    /// The mean over `axis`, kept as a dimension of size 1.
    pub fn mean_axis(&mut self, a: Var, axis: usize) -> Var {
        let n = self.shape(a).dim(axis);
        let total = self.sum_axis(a, axis);
        self.scale(total, 1.0 / n as f32)
    }

    /// `a + b` with `b` broadcast to the shape of `a` (a bias added to every row).
    ///
    /// # Panics
    /// If `b` does not broadcast to `a`'s shape.
    pub fn add_broadcast(&mut self, a: Var, b: Var) -> Var {
        let shape = self.shape(a);
        let wide = self.broadcast_to(b, shape);
        self.add(a, wide)
    }

    /// `a - b` with `b` broadcast to the shape of `a`.
    ///
    /// # Panics
    /// If `b` does not broadcast to `a`'s shape.
    pub fn sub_broadcast(&mut self, a: Var, b: Var) -> Var {
        let shape = self.shape(a);
        let wide = self.broadcast_to(b, shape);
        self.sub(a, wide)
    }

    /// `log(softmax(a))` over `axis`, stable for any magnitude:
    /// `a - m - ln(sum(e^(a - m)))` with `m` the (detached) maximum.
    pub fn log_softmax(&mut self, a: Var, axis: usize) -> Var {
        let max = self.max_axis(a, axis);
        let max = self.detach(max);
        let shifted = self.sub_broadcast(a, max);
        let exps = self.exp(shifted);
        let total = self.sum_axis(exps, axis);
        let log_total = self.log(total);
        self.sub_broadcast(shifted, log_total)
    }

    /// `softmax(a)` over `axis`: `e^(a - m) / sum(e^(a - m))`.
    pub fn softmax(&mut self, a: Var, axis: usize) -> Var {
        let log_probs = self.log_softmax(a, axis);
        self.exp(log_probs)
    }

    /// `softmax` over the last axis of attention scores `[.., T, T]` in which
    /// row `i` (a query position) may attend only to columns `j <= i`:
    /// `softmax(scores + mask)` with the mask `-inf` above the diagonal, as
    /// minGPT's `masked_fill(-inf)`. A masked entry's probability is exactly 0
    /// (`e^-inf`), and so is its gradient: every rule on its path multiplies by
    /// that 0 (the max is detached, and the diagonal is never masked, so every
    /// row keeps a finite maximum).
    ///
    /// # Panics
    /// If `scores` has rank below 2 or its last two dimensions differ.
    pub fn causal_softmax(&mut self, scores: Var) -> Var {
        let shape = self.shape(scores);
        let rank = shape.rank();
        assert!(
            rank >= 2 && shape.dim(rank - 1) == shape.dim(rank - 2),
            "Tape::causal_softmax: scores {shape:?} are not [.., T, T]"
        );
        let t = shape.dim(rank - 1);
        let mask = self.input_fn(shape, |mask| {
            for square in mask.chunks_exact_mut((t * t).max(1)) {
                for (index, m) in square.iter_mut().enumerate() {
                    if index % t > index / t {
                        *m = f32::NEG_INFINITY;
                    }
                }
            }
        });
        let masked = self.add(scores, mask);
        self.softmax(masked, rank - 1)
    }

    /// Inverted dropout for training: each element is zeroed with probability
    /// `rate` and the kept ones are scaled by `1 / (1 - rate)`, so the expected
    /// value is unchanged and evaluation needs no dropout at all. A `rate` of 0
    /// returns `a` untouched.
    ///
    /// # Panics
    /// If `rate` is not in `[0, 1)`.
    pub fn dropout(&mut self, a: Var, rate: f32, rng: &mut Rng) -> Var {
        assert!(
            (0.0..1.0).contains(&rate),
            // No `{rate}`: f32 formatting would add about 17 KB to the page's .wasm.
            "Tape::dropout: rate not in [0, 1)"
        );
        if rate == 0.0 {
            return a;
        }
        let keep_scale = 1.0 / (1.0 - rate);
        let shape: Shape = self.shape(a);
        let mask = self.input_fn(shape, |mask| {
            for m in mask {
                *m = if rng.uniform() < rate {
                    0.0
                } else {
                    keep_scale
                };
            }
        });
        self.mul(a, mask)
    }
}
