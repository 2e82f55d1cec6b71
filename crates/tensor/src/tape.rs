//! The tape: every operation computes its value eagerly and appends a node, so
//! the node list is already in topological order. Owns the forward pass of the
//! primitive ops; their gradient rules live in `backward`, derived ops in `derived`,
//! the image ops' forwards in `image`, attention's in `batched`, `norm` and
//! `attention_core`.

use alloc::vec::Vec;

use crate::attention_core::Heads;
use crate::im2col::Window;
use crate::image::Conv;
use crate::pool::Pool;
use crate::{MAX_RANK, Shape, Tensor, Unary, kernels};

/// A handle to a value recorded on a [`Tape`]: an index into its node list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Var(pub(crate) usize);

/// How a node's value was computed from earlier nodes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Op {
    /// A parameter or input; nothing to propagate into.
    Leaf,
    /// `a + b`, equal shapes.
    Add(Var, Var),
    /// `a - b`, equal shapes.
    Sub(Var, Var),
    /// `a * b` element-wise, equal shapes.
    Mul(Var, Var),
    /// `a / b` element-wise, equal shapes.
    Div(Var, Var),
    /// `f(a)` element-wise.
    Unary(Var, Unary),
    /// `a[.., m, k] @ b[k, n]`, the rows of `a` stacked.
    MatMul(Var, Var),
    /// `a^T` of a matrix.
    Transpose(Var),
    /// The same data under another shape.
    Reshape(Var),
    /// `a` repeated along broadcast axes.
    BroadcastTo(Var),
    /// Sum over one axis, kept with size 1.
    SumAxis(Var, usize),
    /// Sum of every element, to a scalar.
    Sum(Var),
    /// Largest element over one axis, kept with size 1.
    MaxAxis(Var, usize),
    /// `x[n, c, h, w]` cross-correlated with `w[f, c, k, k]` (see `image`).
    Conv2d(Var, Var, Conv),
    /// `x[n, c, h, w] + b[c]`: one bias per channel (see `image`).
    ChannelBias(Var, Var),
    /// The largest pixel of each window of every image, with the constant node
    /// of the index of each window's first largest pixel in its image (see `image`).
    MaxPool2d(Var, Window, Var),
    /// The mean pixel of each window of every image.
    AvgPool2d(Var, Window),
    /// Rows of a table gathered by the ids held in a constant node (see `embedding`).
    Embedding(Var, Var),
    /// Rows of a table kept outside the tape, gathered by the ids held in a
    /// constant node; its gradient is also summed per row (see `embedding`).
    SparseEmbedding(Var),
    /// The dot product of each row of `a` with the same row of `b` (see `row_dot`).
    RowDot(Var, Var),
    /// `a[i] @ b[i]` for each matrix of a batch (see `batched`).
    BatchMatMul(Var, Var),
    /// `a` with two axes swapped (see `batched`).
    SwapAxes(Var, usize, usize),
    /// Each last-axis row of `x` normalised, times `gain` plus `bias`, with
    /// the constant node of each row's mean and `1 / sqrt(var + eps)` (see `norm`).
    LayerNorm(Var, Var, Var, Var),
    /// `x[.., j] + b[j]`: a bias added to every row (see `row_bias`).
    RowBias(Var, Var),
    /// Scaled dot-product attention of every head (see `attention_core`).
    MultiHeadAttention(Heads),
}

/// One recorded value.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) value: Tensor,
    pub(crate) op: Op,
    /// Whether any parameter flows into this value, so backward must visit it.
    pub(crate) needs_grad: bool,
}

/// A record of operations for reverse-mode differentiation.
///
/// Reuse one tape across training steps with [`Tape::clear`]: its buffers are
/// recycled, so a repeated step allocates nothing after the first.
#[derive(Default, Debug)]
pub struct Tape {
    pub(crate) nodes: Vec<Node>,
    pub(crate) pool: Pool,
}

impl Tape {
    /// An empty tape.
    pub fn new() -> Self {
        Self::default()
    }

    /// Forgets every node, keeping their buffers for reuse.
    pub fn clear(&mut self) {
        for node in self.nodes.drain(..) {
            self.pool.give(node.value.into_data());
        }
    }

    /// The number of recorded nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The value of a recorded variable.
    pub fn value(&self, var: Var) -> &Tensor {
        &self.nodes[var.0].value
    }

    /// The shape of a recorded variable.
    pub fn shape(&self, var: Var) -> Shape {
        self.nodes[var.0].value.shape()
    }

    /// Records a trainable value: backward computes its gradient.
    pub fn param(&mut self, value: &Tensor) -> Var {
        let data = self.pool.take_copy(value.data());
        self.push_node(Tensor::new(value.shape(), data), Op::Leaf, true)
    }

    /// Records a constant (data, targets, masks): no gradient flows into it.
    pub fn input(&mut self, shape: impl Into<Shape>, values: &[f32]) -> Var {
        let data = self.pool.take_copy(values);
        self.push_node(Tensor::new(shape, data), Op::Leaf, false)
    }

    /// A constant copy of `a`: gradients stop here.
    pub fn detach(&mut self, a: Var) -> Var {
        let shape = self.shape(a);
        let data = self.pool.take_copy(self.nodes[a.0].value.data());
        self.push_node(Tensor::new(shape, data), Op::Leaf, false)
    }

    pub(crate) fn push_node(&mut self, value: Tensor, op: Op, needs_grad: bool) -> Var {
        self.nodes.push(Node {
            value,
            op,
            needs_grad,
        });
        Var(self.nodes.len() - 1)
    }

    /// Appends a node of `shape` whose buffer `fill` writes from the earlier
    /// nodes. The buffer holds stale values: `fill` must write every element.
    pub(crate) fn push(
        &mut self,
        shape: Shape,
        op: Op,
        inputs: &[Var],
        fill: impl FnOnce(&mut [f32], &[Node]),
    ) -> Var {
        let mut data = self.pool.take_dirty(shape.len());
        fill(&mut data, &self.nodes);
        let needs_grad = inputs.iter().any(|v| self.nodes[v.0].needs_grad);
        self.push_node(Tensor::new(shape, data), op, needs_grad)
    }

    fn binary(&mut self, a: Var, b: Var, op: Op, name: &str, f: impl Fn(f32, f32) -> f32) -> Var {
        let shape = self.shape(a);
        assert_eq!(
            shape,
            self.shape(b),
            "Tape::{name}: shapes differ ({shape:?} vs {:?}); broadcast first",
            self.shape(b)
        );
        self.push(shape, op, &[a, b], |out, nodes| {
            let (x, y) = (nodes[a.0].value.data(), nodes[b.0].value.data());
            for ((o, &x), &y) in out.iter_mut().zip(x).zip(y) {
                *o = f(x, y);
            }
        })
    }

    /// `a + b` element-wise.
    ///
    /// # Panics
    /// If the shapes differ (use [`Tape::broadcast_to`] first).
    pub fn add(&mut self, a: Var, b: Var) -> Var {
        self.binary(a, b, Op::Add(a, b), "add", |x, y| x + y)
    }

    /// `a - b` element-wise.
    ///
    /// # Panics
    /// If the shapes differ.
    pub fn sub(&mut self, a: Var, b: Var) -> Var {
        self.binary(a, b, Op::Sub(a, b), "sub", |x, y| x - y)
    }

    /// `a * b` element-wise.
    ///
    /// # Panics
    /// If the shapes differ.
    pub fn mul(&mut self, a: Var, b: Var) -> Var {
        self.binary(a, b, Op::Mul(a, b), "mul", |x, y| x * y)
    }

    /// `a / b` element-wise.
    ///
    /// # Panics
    /// If the shapes differ.
    pub fn div(&mut self, a: Var, b: Var) -> Var {
        self.binary(a, b, Op::Div(a, b), "div", |x, y| x / y)
    }

    /// `f(a)` element-wise.
    pub fn unary(&mut self, a: Var, f: Unary) -> Var {
        self.push(self.shape(a), Op::Unary(a, f), &[a], |out, nodes| {
            f.apply_to(nodes[a.0].value.data(), out);
        })
    }

    /// The matrix product `a @ b`. A left side of rank 3 or 4 is a stack of
    /// rows, as in `torch.matmul`: `[batch, T, k] @ [k, n]` is the product of
    /// its `batch * T` rows, `[batch, T, n]`, so a layer needs no reshape.
    ///
    /// # Shapes
    /// `a: [.., m, k]`, `b: [k, n]` give `[.., m, n]`.
    ///
    /// # Panics
    /// If `a` has rank below 2, `b` is not a matrix or the inner dimensions differ.
    pub fn matmul(&mut self, a: Var, b: Var) -> Var {
        let (sa, sb) = (self.shape(a), self.shape(b));
        let rank = sa.rank();
        assert!(
            rank >= 2 && sb.rank() == 2 && sa.dim(rank - 1) == sb.dim(0),
            "Tape::matmul: cannot multiply {sa:?} by {sb:?}"
        );
        let (m, k, n) = (sa.around(rank - 1).0, sb.dim(0), sb.dim(1));
        let mut dims = [0; MAX_RANK];
        dims[..rank].copy_from_slice(sa.dims());
        dims[rank - 1] = n;
        self.push(
            Shape::new(&dims[..rank]),
            Op::MatMul(a, b),
            &[a, b],
            |out, nodes| {
                kernels::matmul(
                    nodes[a.0].value.data(),
                    nodes[b.0].value.data(),
                    out,
                    m,
                    k,
                    n,
                );
            },
        )
    }

    /// The transpose of a matrix.
    ///
    /// # Panics
    /// If `a` is not rank 2.
    pub fn transpose(&mut self, a: Var) -> Var {
        let shape = self.shape(a);
        assert_eq!(
            shape.rank(),
            2,
            "Tape::transpose: {shape:?} is not a matrix"
        );
        let (rows, cols) = (shape.dim(0), shape.dim(1));
        self.push(
            Shape::new(&[cols, rows]),
            Op::Transpose(a),
            &[a],
            |out, nodes| {
                kernels::transpose(nodes[a.0].value.data(), out, rows, cols);
            },
        )
    }

    /// The same elements under another shape.
    ///
    /// # Panics
    /// If the element counts differ.
    pub fn reshape(&mut self, a: Var, shape: impl Into<Shape>) -> Var {
        let shape = shape.into();
        let from = self.shape(a);
        assert_eq!(
            from.len(),
            shape.len(),
            "Tape::reshape: {from:?} to {shape:?}"
        );
        self.push(shape, Op::Reshape(a), &[a], |out, nodes| {
            out.copy_from_slice(nodes[a.0].value.data());
        })
    }

    /// `a` repeated to `shape` under the NumPy broadcasting rule. Its backward is a sum.
    ///
    /// # Panics
    /// If `a` does not broadcast to `shape`.
    pub fn broadcast_to(&mut self, a: Var, shape: impl Into<Shape>) -> Var {
        let to = shape.into();
        let from = self.shape(a);
        assert!(
            from.broadcasts_to(&to),
            "Tape::broadcast_to: {from:?} to {to:?}"
        );
        self.push(to, Op::BroadcastTo(a), &[a], |out, nodes| {
            kernels::broadcast(nodes[a.0].value.data(), &from, &to, out);
        })
    }

    /// The sum over `axis`, kept as a dimension of size 1.
    ///
    /// # Panics
    /// If `axis` is not below the rank.
    pub fn sum_axis(&mut self, a: Var, axis: usize) -> Var {
        let shape = self.shape(a);
        assert!(
            axis < shape.rank(),
            "Tape::sum_axis: axis {axis} of {shape:?}"
        );
        self.push(
            shape.reduced(axis),
            Op::SumAxis(a, axis),
            &[a],
            |out, nodes| {
                kernels::sum_axis(nodes[a.0].value.data(), shape.around(axis), out);
            },
        )
    }

    /// The sum of every element, as a scalar.
    pub fn sum(&mut self, a: Var) -> Var {
        self.push(Shape::scalar(), Op::Sum(a), &[a], |out, nodes| {
            out[0] = nodes[a.0].value.data().iter().sum();
        })
    }

    /// The largest element over `axis`, kept as a dimension of size 1. Its
    /// gradient goes to the first largest element.
    ///
    /// # Panics
    /// If `axis` is not below the rank or has size 0.
    pub fn max_axis(&mut self, a: Var, axis: usize) -> Var {
        let shape = self.shape(a);
        assert!(
            axis < shape.rank() && shape.dim(axis) > 0,
            "Tape::max_axis: axis {axis} of {shape:?}"
        );
        let split = shape.around(axis);
        self.push(
            shape.reduced(axis),
            Op::MaxAxis(a, axis),
            &[a],
            |out, nodes| {
                let x = nodes[a.0].value.data();
                let (outer, size, inner) = split;
                for o in 0..outer {
                    for i in 0..inner {
                        let best = kernels::argmax_axis(x, split, o, i);
                        out[o * inner + i] = x[(o * size + best) * inner + i];
                    }
                }
            },
        )
    }
}

impl Tape {
    /// Records a constant whose values `fill` writes into a zeroed buffer.
    pub fn input_fn(&mut self, shape: impl Into<Shape>, fill: impl FnOnce(&mut [f32])) -> Var {
        let shape = shape.into();
        self.push(shape, Op::Leaf, &[], |out, _| {
            out.fill(0.0);
            fill(out)
        })
    }
}
