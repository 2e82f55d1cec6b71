//! A bias added to every row, `out[.., j] = x[.., j] + b[j]`: a layer's bias as
//! one node. Owns its forward; its gradient rule (in `backward`) sums `g` over
//! rows with `norm`'s bias kernel.

use crate::tape::Op;
use crate::{Tape, Var};

impl Tape {
    /// `x + b` with `b[j]` added to column `j` of every row: a layer's bias.
    ///
    /// The same bits as [`Tape::add_broadcast`] (`broadcast_to` then `add`),
    /// value and gradients, in one node: it records no `[.., n]` copy of `b`,
    /// and backward fills no gradient for one. Its gradient is `g` for `x`,
    /// and for `b[j]` the sum of column `j` of `g`, row by row.
    ///
    /// # Shapes
    /// `x: [.., n]`, `b: [n]` give `[.., n]`.
    ///
    /// # Panics
    /// If `x` is a scalar or `b` is not `[n]` for `x`'s last axis `n`.
    pub fn add_row_bias(&mut self, x: Var, b: Var) -> Var {
        let (sx, sb) = (self.shape(x), self.shape(b));
        assert!(
            sx.rank() > 0 && sb.dims() == [sx.dim(sx.rank() - 1)],
            "Tape::add_row_bias: bias {sb:?} is not one per column of {sx:?}"
        );
        let n = sb.len().max(1);
        self.push(sx, Op::RowBias(x, b), &[x, b], |out, nodes| {
            let (xs, bs) = (nodes[x.0].value.data(), nodes[b.0].value.data());
            for (out, x) in out.chunks_exact_mut(n).zip(xs.chunks_exact(n)) {
                for ((o, &x), &b) in out.iter_mut().zip(x).zip(bs) {
                    *o = x + b;
                }
            }
        })
    }
}
