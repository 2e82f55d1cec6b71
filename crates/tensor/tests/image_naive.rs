//! `conv2d` (its direct forward or im2col, and its two gradients) against the
//! definition written as direct loops, on random inputs: the output and both
//! gradients agree bit for bit, since the loops below add the same terms in the
//! same order.

mod common;

use common::random_tensor;
use tensor::{Rng, Tape, Tensor};

/// The sizes of one convolution: `x[n, c, h, w]`, `w[f, c, k, k]`.
#[derive(Clone, Copy, Debug)]
struct Dims {
    n: usize,
    c: usize,
    h: usize,
    w: usize,
    f: usize,
    k: usize,
    stride: usize,
    padding: usize,
}

impl Dims {
    fn out_h(&self) -> usize {
        (self.h + 2 * self.padding - self.k) / self.stride + 1
    }

    fn out_w(&self) -> usize {
        (self.w + 2 * self.padding - self.k) / self.stride + 1
    }

    /// The flat index of input pixel `(n, c)` at padded position `(y, x)` for
    /// output `(oy, ox)` and kernel offset `(i, j)`, or `None` in the padding.
    fn pixel(
        &self,
        n: usize,
        c: usize,
        (oy, ox): (usize, usize),
        (i, j): (usize, usize),
    ) -> Option<usize> {
        let y = (oy * self.stride + i).checked_sub(self.padding)?;
        let x = (ox * self.stride + j).checked_sub(self.padding)?;
        (y < self.h && x < self.w).then_some(((n * self.c + c) * self.h + y) * self.w + x)
    }

    fn weight(&self, f: usize, c: usize, i: usize, j: usize) -> usize {
        ((f * self.c + c) * self.k + i) * self.k + j
    }

    fn output(&self, n: usize, f: usize, oy: usize, ox: usize) -> usize {
        ((n * self.f + f) * self.out_h() + oy) * self.out_w() + ox
    }
}

/// `y[n, f, oy, ox] = sum over c, i, j of w[f, c, i, j] * x[n, c, oy s + i - p, ox s + j - p]`.
fn naive_forward(d: Dims, x: &[f32], w: &[f32]) -> Vec<f32> {
    let mut y = vec![0.0; d.n * d.f * d.out_h() * d.out_w()];
    for n in 0..d.n {
        for f in 0..d.f {
            for oy in 0..d.out_h() {
                for ox in 0..d.out_w() {
                    let mut total = 0.0;
                    for c in 0..d.c {
                        for i in 0..d.k {
                            for j in 0..d.k {
                                let v = d.pixel(n, c, (oy, ox), (i, j)).map_or(0.0, |at| x[at]);
                                total += w[d.weight(f, c, i, j)] * v;
                            }
                        }
                    }
                    y[d.output(n, f, oy, ox)] = total;
                }
            }
        }
    }
    y
}

/// `dw[f, c, i, j] = sum over n, oy, ox of g[n, f, oy, ox] * x[n, c, oy s + i - p, ox s + j - p]`,
/// one term at a time, images outermost.
fn naive_weight_grad(d: Dims, x: &[f32], g: &[f32]) -> Vec<f32> {
    let mut dw = vec![0.0; d.f * d.c * d.k * d.k];
    for n in 0..d.n {
        for f in 0..d.f {
            for c in 0..d.c {
                for i in 0..d.k {
                    for j in 0..d.k {
                        for oy in 0..d.out_h() {
                            for ox in 0..d.out_w() {
                                let v = d.pixel(n, c, (oy, ox), (i, j)).map_or(0.0, |at| x[at]);
                                dw[d.weight(f, c, i, j)] += g[d.output(n, f, oy, ox)] * v;
                            }
                        }
                    }
                }
            }
        }
    }
    dw
}

/// `dx[n, c, y, x] = sum over the (i, j, oy, ox) that read it of
/// (sum over f of w[f, c, i, j] * g[n, f, oy, ox])`: the filters summed first.
fn naive_input_grad(d: Dims, w: &[f32], g: &[f32]) -> Vec<f32> {
    let mut dx = vec![0.0; d.n * d.c * d.h * d.w];
    for n in 0..d.n {
        for c in 0..d.c {
            for i in 0..d.k {
                for j in 0..d.k {
                    for oy in 0..d.out_h() {
                        for ox in 0..d.out_w() {
                            let mut total = 0.0;
                            for f in 0..d.f {
                                total += w[d.weight(f, c, i, j)] * g[d.output(n, f, oy, ox)];
                            }
                            if let Some(at) = d.pixel(n, c, (oy, ox), (i, j)) {
                                dx[at] += total;
                            }
                        }
                    }
                }
            }
        }
    }
    dx
}

/// The digits lab's two convolutions, another like them, and random ones.
fn cases() -> Vec<Dims> {
    let lab = |n, c, side, f| Dims {
        n,
        c,
        h: side,
        w: side,
        f,
        k: 3,
        stride: 1,
        padding: 1,
    };
    // and a block of eight filters with four more, over two narrow channels
    let mut cases = vec![lab(32, 1, 8, 8), lab(32, 8, 4, 16), lab(4, 2, 6, 12)];
    let mut rng = Rng::new(7);
    for _ in 0..20 {
        let k = 1 + rng.below(4);
        cases.push(Dims {
            n: 1 + rng.below(3),
            c: 1 + rng.below(4),
            h: k + rng.below(6),
            w: k + rng.below(6),
            f: 1 + rng.below(5),
            k,
            stride: 1 + rng.below(3),
            padding: rng.below(3),
        });
    }
    cases
}

/// Output gradients with about two in three zeros (as after a ReLU or a max
/// pool), so large products take the sparse path of `kernels`.
fn sparse_gradient(len: usize, seed: u64) -> Vec<f32> {
    let mut rng = Rng::new(seed);
    (0..len)
        .map(|_| {
            if rng.uniform() < 0.67 {
                0.0
            } else {
                rng.uniform_range(-1.0, 1.0)
            }
        })
        .collect()
}

#[test]
fn conv2d_equals_direct_loops_bit_for_bit() {
    for (seed, d) in (0..).zip(cases()) {
        let x = random_tensor([d.n, d.c, d.h, d.w], seed, -1.0, 1.0);
        let w = random_tensor([d.f, d.c, d.k, d.k], seed + 100, -1.0, 1.0);
        let out_len = d.n * d.f * d.out_h() * d.out_w();
        let g = if seed % 2 == 0 {
            random_tensor([out_len], seed + 200, -1.0, 1.0)
                .data()
                .to_vec()
        } else {
            sparse_gradient(out_len, seed + 200)
        };

        let mut tape = Tape::new();
        let (xv, wv) = (tape.param(&x), tape.param(&w));
        let y = tape.conv2d(xv, wv, d.stride, d.padding);
        let gv = tape.input(tape.shape(y), &g);
        let weighted = tape.mul(y, gv);
        let loss = tape.sum(weighted);
        let grads = tape.backward(loss);
        let grad = |v| grads.get(v).map(Tensor::data);

        assert_eq!(
            tape.value(y).data(),
            naive_forward(d, x.data(), w.data()),
            "{d:?} forward"
        );
        assert_eq!(
            grad(wv),
            Some(&naive_weight_grad(d, x.data(), &g)[..]),
            "{d:?} dw"
        );
        assert_eq!(
            grad(xv),
            Some(&naive_input_grad(d, w.data(), &g)[..]),
            "{d:?} dx"
        );
    }
}

#[test]
fn conv2d_with_an_infinite_weight_adds_the_padding_terms() {
    // an infinite corner tap reads the padding along the top and left edges,
    // where the definition adds inf * 0 = NaN: the forward leaves the padding
    // terms out only while every weight is finite
    for (seed, d) in (0..).zip(cases().into_iter().take(2)) {
        let x = random_tensor([d.n, d.c, d.h, d.w], seed, -1.0, 1.0);
        let mut w = random_tensor([d.f, d.c, d.k, d.k], seed + 100, -1.0, 1.0);
        w.data_mut()[0] = f32::INFINITY;
        let mut tape = Tape::new();
        let (xv, wv) = (
            tape.input(x.shape(), x.data()),
            tape.input(w.shape(), w.data()),
        );
        let y = tape.conv2d(xv, wv, d.stride, d.padding);
        let bits = |values: &[f32]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        let expected = naive_forward(d, x.data(), w.data());
        assert!(
            expected.iter().any(|v| v.is_nan()),
            "{d:?}: no padding term met the infinite tap"
        );
        assert_eq!(bits(tape.value(y).data()), bits(&expected), "{d:?} forward");
    }
}

#[test]
fn conv2d_with_an_infinite_pixel_adds_every_weight_gradient_term() {
    // the weight gradient leaves out the terms of a zero output gradient only
    // while every pixel is finite: with an infinite one, 0 * inf = NaN counts
    for (seed, d) in (0..).zip(cases().into_iter().take(2)) {
        let mut x = random_tensor([d.n, d.c, d.h, d.w], seed, -1.0, 1.0);
        x.data_mut()[d.w + 1] = f32::INFINITY;
        let w = random_tensor([d.f, d.c, d.k, d.k], seed + 100, -1.0, 1.0);
        let out_len = d.n * d.f * d.out_h() * d.out_w();
        let g = sparse_gradient(out_len, seed + 200);
        let mut tape = Tape::new();
        let (xv, wv) = (tape.input(x.shape(), x.data()), tape.param(&w));
        let y = tape.conv2d(xv, wv, d.stride, d.padding);
        let gv = tape.input(tape.shape(y), &g);
        let weighted = tape.mul(y, gv);
        let loss = tape.sum(weighted);
        let grads = tape.backward(loss);
        let bits = |values: &[f32]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        let expected = naive_weight_grad(d, x.data(), &g);
        assert!(
            expected.iter().any(|v| v.is_nan()),
            "{d:?}: no zero gradient met the infinite pixel"
        );
        let dw = grads.get(wv).map(|t| bits(t.data()));
        assert_eq!(dw, Some(bits(&expected)), "{d:?} dw");
    }
}
