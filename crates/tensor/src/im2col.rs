//! Raw loops over NCHW images for the image ops: window geometry, im2col over a
//! batch and its transpose im2row, the adjoint row2im, and the pooling windows.
//! Each unfolding reads a copy of the image with its border of zeros, so no
//! loop tests for the padding. Owns index arithmetic only; knows nothing of
//! tapes or gradients stores.

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
    fn padded_w(&self) -> usize {
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

/// Unfolds images `x[n, c, h, w]` into `rows[n * out_h * out_w, c * k * k]`
/// (im2col, transposed): row `(image, oy, ox)` holds the window at `(oy, ox)`,
/// channel by channel, `k` pixels of each of its `k` rows (0 in the padding).
/// A convolution of every image is then one matrix product `rows @ weights^T`.
/// `padded` (`c * padded_len` elements) receives each image with its border of zeros.
pub(crate) fn im2row(
    x: &[f32],
    channels: usize,
    win: Window,
    padded: &mut [f32],
    rows: &mut [f32],
) {
    let (k, patch) = (win.k, channels * win.k * win.k);
    padded.fill(0.0);
    let images = x.chunks_exact(channels * win.h * win.w);
    for (image, rows) in images.zip(rows.chunks_exact_mut(win.positions() * patch)) {
        copy_padded(image, win, padded);
        for (at, row) in rows.chunks_exact_mut(patch).enumerate() {
            let (oy, ox) = (at / win.out_w(), at % win.out_w());
            let corner = (oy * win.padded_w() + ox) * win.stride;
            let channels = padded.chunks_exact(win.padded_len());
            for (plane, row) in channels.zip(row.chunks_exact_mut(k * k)) {
                let lines = plane[corner..].chunks(win.padded_w());
                for (line, row) in lines.zip(row.chunks_exact_mut(k)) {
                    copy_short(row, line);
                }
            }
        }
    }
}

/// The adjoint of [`im2row`]: adds every entry of `rows` back into the pixel
/// of `dx[n, c, h, w]` it was copied from (padding entries are dropped). Within
/// an image, each pixel adds its entries to its old value offset by offset
/// (`(c, ki, kj)` ascending), window by window (row-major) within each: the
/// order of im2col's matrix, row after row. `padded` as for [`im2row`].
pub(crate) fn row2im_acc(
    rows: &[f32],
    channels: usize,
    win: Window,
    padded: &mut [f32],
    dx: &mut [f32],
) {
    let patch = channels * win.k * win.k;
    let images = dx.chunks_exact_mut(channels * win.h * win.w);
    for (image, rows) in images.zip(rows.chunks_exact(win.positions() * patch)) {
        copy_padded(image, win, padded);
        for_each_entry(channels, win, |column, corner| {
            let mut at = column;
            for oy in 0..win.out_h() {
                let mut to = corner + oy * win.stride * win.padded_w();
                for _ in 0..win.out_w() {
                    padded[to] += rows[at];
                    at += patch;
                    to += win.stride;
                }
            }
        });
        copy_unpadded(padded, win, image);
    }
}

/// Calls `visit(column, corner)` for every window offset `(c, ki, kj)` in
/// ascending order: its row of [`im2col`]'s matrix (column of [`im2row`]'s)
/// and the index in the padded channels of the pixel it reads in the first window.
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

/// Copies the middle of `padded`'s channels back into `image[c, h, w]`.
fn copy_unpadded(padded: &[f32], win: Window, image: &mut [f32]) {
    let planes = padded.chunks_exact(win.padded_len());
    for (plane, padded) in image.chunks_exact_mut(win.h * win.w).zip(planes) {
        let padded_rows = padded[win.padding * win.padded_w()..].chunks(win.padded_w());
        for (row, padded_row) in plane.chunks_exact_mut(win.w).zip(padded_rows) {
            copy_short(row, &padded_row[win.padding..]);
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

/// Calls `visit(output, pixel)` for every window of one `h x w` image, in
/// row-major order of the output, with the index of its first largest pixel as
/// [`window_argmax`] finds it. The usual 2 x 2 windows 2 apart take two rows
/// at a time and pick with selects, the same comparisons in the same order:
/// which pixel of a ReLU map wins is a coin toss, and mispredicted branches
/// made the pooling a sixth of a digits CNN's step.
pub(crate) fn for_each_argmax(image: &[f32], win: Window, mut visit: impl FnMut(usize, usize)) {
    if win.k != 2 || win.stride != 2 {
        for oy in 0..win.out_h() {
            for ox in 0..win.out_w() {
                visit(oy * win.out_w() + ox, window_argmax(image, win, oy, ox));
            }
        }
        return;
    }
    let width = 2 * win.out_w();
    for oy in 0..win.out_h() {
        let top = 2 * oy * win.w;
        let (upper, lower) = (&image[top..][..width], &image[top + win.w..][..width]);
        let pairs = upper.chunks_exact(2).zip(lower.chunks_exact(2));
        for (ox, (u, l)) in pairs.enumerate() {
            let corner = top + 2 * ox;
            let (mut best, mut most) = (corner, u[0]);
            for (at, v) in [
                (corner + 1, u[1]),
                (corner + win.w, l[0]),
                (corner + win.w + 1, l[1]),
            ] {
                let larger = v > most;
                best = if larger { at } else { best };
                most = if larger { v } else { most };
            }
            visit(oy * win.out_w() + ox, best);
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
    fn im2row_lays_out_padded_windows_and_row2im_adds_them_back() {
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
        let mut rows = [f32::NAN; 36];
        im2row(&[1.0, 2.0, 3.0, 4.0], 1, win, &mut padded, &mut rows);
        #[rustfmt::skip]
        let expected = [
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
        assert_eq!(rows, expected);
        // im2col lays out the same windows as columns
        let mut cols = [f32::NAN; 36];
        im2col(&[1.0, 2.0, 3.0, 4.0], 1, win, &mut padded, &mut cols);
        for (window, row) in expected.chunks_exact(4).enumerate() {
            for (offset, &value) in row.iter().enumerate() {
                assert_eq!(cols[offset * 9 + window], value);
            }
        }
        // each pixel is seen by all four windows that contain it
        let mut dx = [0.0; 4];
        row2im_acc(&[1.0; 36], 1, win, &mut padded, &mut dx);
        assert_eq!(dx, [4.0; 4]);
    }

    #[test]
    fn im2row_of_strided_windows_pads_the_left_of_the_first_and_the_right_of_the_last() {
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
        let mut rows = [f32::NAN; 18];
        im2row(&[1.0, 2.0, 3.0], 1, win, &mut padded, &mut rows);
        #[rustfmt::skip]
        let expected = [
            0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 2.0, 3.0, 0.0, 0.0, 0.0, 0.0,
        ];
        assert_eq!(rows, expected);
    }
}
