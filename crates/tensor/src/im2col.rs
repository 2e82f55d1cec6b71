//! Raw loops over NCHW images for the image ops: window geometry, im2col over a
//! batch, and the pooling windows. The unfolding reads a copy of the image with
//! its border of zeros, so no loop tests for the padding. Owns index arithmetic
//! only; knows nothing of tapes or gradients stores.

/// Where a square `k x k` window visits an image of `h x w` pixels: every
/// `stride` pixels, over the image padded by `padding` zeros on every side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    /// Image height.
    pub(crate) h: usize,
    /// Image width.
    pub(crate) w: usize,
    /// Window side.
    pub(crate) k: usize,
    /// Step between windows, in pixels.
    pub(crate) stride: usize,
    /// Zeros added on each side.
    pub(crate) padding: usize,
}

impl Window {
    /// Output height: `(h + 2 padding - k) / stride + 1`.
    pub(crate) fn out_h(&self) -> usize {
        (self.h + 2 * self.padding - self.k) / self.stride + 1
    }

    /// Output width: `(w + 2 padding - k) / stride + 1`.
    pub(crate) fn out_w(&self) -> usize {
        (self.w + 2 * self.padding - self.k) / self.stride + 1
    }

    /// The number of window positions, `out_h * out_w`.
    pub(crate) fn positions(&self) -> usize {
        self.out_h() * self.out_w()
    }

    /// Whether at least one window fits and the stride moves.
    pub(crate) fn fits(&self) -> bool {
        self.k > 0
            && self.stride > 0
            && self.h + 2 * self.padding >= self.k
            && self.w + 2 * self.padding >= self.k
    }

    /// Width of the padded image, `w + 2 padding`.
    pub(crate) fn padded_w(&self) -> usize {
        self.w + 2 * self.padding
    }

    /// Elements of one padded channel, `(h + 2 padding) * (w + 2 padding)`.
    pub(crate) fn padded_len(&self) -> usize {
        (self.h + 2 * self.padding) * self.padded_w()
    }
}

/// Unfolds images `x[n, c, h, w]` into `cols[c * k * k, n * out_h * out_w]`
/// (im2col over the batch): column `(image, oy, ox)` holds the window at
/// `(oy, ox)`, channel by channel, `k` pixels of each of its `k` rows (0 in
/// the padding). A convolution of every image is then one matrix product
/// `weights @ cols`. `padded` (`c * padded_len` elements) receives each image
/// with its border of zeros.
pub(crate) fn im2col(
    x: &[f32],
    channels: usize,
    win: Window,
    padded: &mut [f32],
    cols: &mut [f32],
) {
    let image_len = channels * win.h * win.w;
    let (images, positions) = (x.len() / image_len, win.positions());
    padded.fill(0.0);
    for (n, image) in x.chunks_exact(image_len).enumerate() {
        copy_padded(image, win, padded);
        for_each_entry(channels, win, |column, corner| {
            let row = &mut cols[(column * images + n) * positions..][..positions];
            for (oy, out) in row.chunks_exact_mut(win.out_w()).enumerate() {
                let from = &padded[corner + oy * win.stride * win.padded_w()..];
                if win.stride == 1 {
                    copy_short(out, from);
                } else {
                    for (ox, out) in out.iter_mut().enumerate() {
                        *out = from[ox * win.stride];
                    }
                }
            }
        });
    }
}

/// Calls `visit(column, corner)` for every window offset `(c, ki, kj)` in
/// ascending order: its row of [`im2col`]'s matrix and the index in the padded
/// channels of the pixel it reads in the first window.
fn for_each_entry(channels: usize, win: Window, mut visit: impl FnMut(usize, usize)) {
    let mut column = 0;
    for ch in 0..channels {
        for ki in 0..win.k {
            for kj in 0..win.k {
                visit(column, ch * win.padded_len() + ki * win.padded_w() + kj);
                column += 1;
            }
        }
    }
}

/// `dst = src[..dst.len()]`, the short lengths of kernel and image rows (1 to
/// 8) as copies of a known length, which compile to a few moves instead of a
/// call to `memcpy`.
#[inline(always)]
fn copy_short(dst: &mut [f32], src: &[f32]) {
    macro_rules! known {
        ($($n:literal)*) => {
            match dst.len() {
                $($n => dst[..$n].copy_from_slice(&src[..$n]),)*
                n => dst.copy_from_slice(&src[..n]),
            }
        };
    }
    known!(1 2 3 4 5 6 7 8);
}

/// Copies `image[c, h, w]` into the middle of `padded`'s channels (their
/// borders are left as they are).
fn copy_padded(image: &[f32], win: Window, padded: &mut [f32]) {
    let planes = padded.chunks_exact_mut(win.padded_len());
    for (plane, padded) in image.chunks_exact(win.h * win.w).zip(planes) {
        let padded_rows = padded[win.padding * win.padded_w()..].chunks_mut(win.padded_w());
        for (row, padded_row) in plane.chunks_exact(win.w).zip(padded_rows) {
            copy_short(&mut padded_row[win.padding..][..win.w], row);
        }
    }
}

/// The flat index into one `h x w` image of the first largest pixel of the
/// window at output position `(oy, ox)` (scanned row by row; no padding).
pub(crate) fn window_argmax(image: &[f32], win: Window, oy: usize, ox: usize) -> usize {
    let (top, left) = (oy * win.stride, ox * win.stride);
    let mut best = top * win.w + left;
    let mut most = image[best];
    for y in top..top + win.k {
        let first = y * win.w + left;
        for (at, &v) in image[first..][..win.k].iter().enumerate() {
            if v > most {
                (best, most) = (first + at, v);
            }
        }
    }
    best
}

/// Writes, for every window of each `h x w` image of `maps` (every window of
/// the first image in row-major order, then of the next), the flat index in its
/// image of its first largest pixel as [`window_argmax`] finds it (as an `f32`,
/// exact below 2^24). The usual 2 x 2 windows 2 apart take [`argmax_2x2`].
pub(crate) fn argmax_windows(maps: &[f32], win: Window, best: &mut [f32]) {
    if win.k == 2 && win.stride == 2 {
        argmax_2x2(maps, win, best);
        return;
    }
    let images = maps.chunks_exact(win.h * win.w);
    for (image, best) in images.zip(best.chunks_exact_mut(win.positions())) {
        for (at, best) in best.iter_mut().enumerate() {
            *best = window_argmax(image, win, at / win.out_w(), at % win.out_w()) as f32;
        }
    }
}

/// [`argmax_windows`] for 2 x 2 windows 2 apart, [`RUN`] windows at a time:
/// their four pixels are copied into four rows side by side, then every
/// window compares them in the same order as [`window_argmax`], with selects
/// rather than branches (which pixel of a ReLU map wins is a coin toss). The
/// rows are contiguous, so the compiler turns the selects into vector selects:
/// V8 branches on every scalar `f32` select on x64, and the scalar loop cost
/// about 45 cycles a window in Chromium.
fn argmax_2x2(maps: &[f32], win: Window, best: &mut [f32]) {
    const RUN: usize = 64;
    let (w, image_len) = (win.w, win.h * win.w);
    let offsets = [0, 1, w, w + 1];
    let (mut image, mut oy, mut ox) = (0, 0, 0);
    let mut next_corner = || {
        let corner = 2 * (oy * w + ox);
        let at = image + corner;
        ox += 1;
        if ox == win.out_w() {
            (oy, ox) = (oy + 1, 0);
            if oy == win.out_h() {
                (image, oy) = (image + image_len, 0);
            }
        }
        (at, corner as u32)
    };
    for run in best.chunks_mut(RUN) {
        let mut pixels = [[0.0f32; RUN]; 4];
        let mut corners = [0u32; RUN];
        for lane in 0..run.len() {
            let (at, corner) = next_corner();
            for (row, offset) in pixels.iter_mut().zip(offsets) {
                row[lane] = maps[at + offset];
            }
            corners[lane] = corner;
        }
        let mut first = [0u32; RUN];
        for lane in 0..RUN {
            let (mut most, mut at) = (pixels[0][lane], corners[lane]);
            for (row, offset) in pixels.iter().zip(offsets).skip(1) {
                let larger = row[lane] > most;
                most = if larger { row[lane] } else { most };
                at = if larger {
                    corners[lane] + offset as u32
                } else {
                    at
                };
            }
            first[lane] = at;
        }
        for (best, first) in run.iter_mut().zip(first) {
            *best = first as f32;
        }
    }
}

/// The sum of the window at output position `(oy, ox)` of one `h x w` image,
/// added row by row (no padding).
pub(crate) fn window_sum(image: &[f32], win: Window, oy: usize, ox: usize) -> f32 {
    let (top, left) = (oy * win.stride, ox * win.stride);
    let mut total = 0.0;
    for y in top..top + win.k {
        for &v in &image[y * win.w + left..][..win.k] {
            total += v;
        }
    }
    total
}

/// Adds `value` to every pixel of the window at output position `(oy, ox)`.
pub(crate) fn window_add(image: &mut [f32], win: Window, oy: usize, ox: usize, value: f32) {
    let (top, left) = (oy * win.stride, ox * win.stride);
    for y in top..top + win.k {
        for d in &mut image[y * win.w + left..][..win.k] {
            *d += value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn im2col_lays_out_padded_windows_as_columns() {
        // x = [1 2; 3 4], k = 2, padding 1, stride 1: 3 x 3 windows over
        //     0 0 0 0
        //     0 1 2 0
        //     0 3 4 0
        //     0 0 0 0
        let win = Window {
            h: 2,
            w: 2,
            k: 2,
            stride: 1,
            padding: 1,
        };
        let mut padded = [f32::NAN; 16];
        let mut cols = [f32::NAN; 36];
        im2col(&[1.0, 2.0, 3.0, 4.0], 1, win, &mut padded, &mut cols);
        #[rustfmt::skip]
        let windows = [
            0.0, 0.0, 0.0, 1.0, // top-left window
            0.0, 0.0, 1.0, 2.0,
            0.0, 0.0, 2.0, 0.0,
            0.0, 1.0, 0.0, 3.0, // middle row of windows
            1.0, 2.0, 3.0, 4.0,
            2.0, 0.0, 4.0, 0.0,
            0.0, 3.0, 0.0, 0.0, // bottom row of windows
            3.0, 4.0, 0.0, 0.0,
            4.0, 0.0, 0.0, 0.0,
        ];
        for (window, entries) in windows.chunks_exact(4).enumerate() {
            for (offset, &value) in entries.iter().enumerate() {
                assert_eq!(cols[offset * 9 + window], value);
            }
        }
    }

    #[test]
    fn im2col_of_strided_windows_pads_the_left_of_the_first_and_the_right_of_the_last() {
        // x = [1 2 3], k = 3, padding 1, stride 2: the windows start at padded
        // columns 0 and 2 of 0 1 2 3 0, between padded rows 0 and 2
        let win = Window {
            h: 1,
            w: 3,
            k: 3,
            stride: 2,
            padding: 1,
        };
        let mut padded = [f32::NAN; 15];
        let mut cols = [f32::NAN; 18];
        im2col(&[1.0, 2.0, 3.0], 1, win, &mut padded, &mut cols);
        #[rustfmt::skip]
        let expected = [
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, // the top row of both windows
            0.0, 2.0, 1.0, 3.0, 2.0, 0.0, // the middle row
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, // the bottom row
        ];
        assert_eq!(cols, expected);
    }

    #[test]
    fn four_windows_at_a_time_pick_the_pixel_each_window_alone_picks() {
        // ties, both zeros and NaN, on images whose windows come in groups of
        // four and on ones that leave windows over (and an odd last column)
        let values = [0.0, -0.0, 1.0, 1.0, -1.0, f32::NAN, 2.0, 0.5];
        let mut seed = 12345u32;
        for (h, w) in [(8, 8), (4, 4), (5, 7), (2, 2), (6, 10), (3, 5), (18, 18)] {
            let image: Vec<f32> = (0..h * w)
                .map(|_| {
                    seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    values[(seed >> 29) as usize]
                })
                .collect();
            let win = Window {
                h,
                w,
                k: 2,
                stride: 2,
                padding: 0,
            };
            let mut best = vec![f32::NAN; win.positions()];
            argmax_windows(&image, win, &mut best);
            // two images at once: the second's windows count from its own corner
            let twice = [&image[..], &image[..]].concat();
            let mut both = vec![f32::NAN; 2 * win.positions()];
            argmax_windows(&twice, win, &mut both);
            assert_eq!(both, [&best[..], &best[..]].concat(), "{h}x{w} twice");
            for (at, &best) in best.iter().enumerate() {
                let alone = window_argmax(&image, win, at / win.out_w(), at % win.out_w());
                assert_eq!(best, alone as f32, "{h}x{w} window {at}");
            }
        }
    }
}
