//! Raw loops over NCHW images for the image ops: window geometry, im2col and
//! its adjoint col2im, and the pooling windows. Owns index arithmetic only;
//! knows nothing of tapes or gradients stores.

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

    /// The unpadded image coordinate that output coordinate `o` (along an axis
    /// of `size` pixels) sees at window offset `i`, or `None` in the padding.
    fn source(&self, o: usize, i: usize, size: usize) -> Option<usize> {
        (o * self.stride + i)
            .checked_sub(self.padding)
            .filter(|&at| at < size)
    }
}

/// Unfolds one image `x[c, h, w]` into `cols[c * k * k, out_h * out_w]`: row
/// `(ch, ki, kj)` holds, for every window position, the pixel at offset
/// `(ki, kj)` of that window in channel `ch` (0 in the padding). A convolution
/// is then one matrix product `weights[f, c * k * k] @ cols`.
pub(crate) fn im2col(x: &[f32], channels: usize, win: Window, cols: &mut [f32]) {
    let (out_h, out_w, k) = (win.out_h(), win.out_w(), win.k);
    let mut rows = cols.chunks_exact_mut(out_h * out_w);
    for image in x.chunks_exact(win.h * win.w).take(channels) {
        for ki in 0..k {
            for kj in 0..k {
                let Some(row) = rows.next() else { return };
                for (oy, out_row) in row.chunks_exact_mut(out_w).enumerate() {
                    let Some(iy) = win.source(oy, ki, win.h) else {
                        out_row.fill(0.0);
                        continue;
                    };
                    let image_row = &image[iy * win.w..][..win.w];
                    for (ox, v) in out_row.iter_mut().enumerate() {
                        *v = win.source(ox, kj, win.w).map_or(0.0, |ix| image_row[ix]);
                    }
                }
            }
        }
    }
}

/// The adjoint of [`im2col`]: adds every entry of `cols` back into the pixel
/// of `dx[c, h, w]` it was copied from (padding entries are dropped). Pixels
/// seen by several windows sum their entries in row-major order of `cols`.
pub(crate) fn col2im_acc(cols: &[f32], channels: usize, win: Window, dx: &mut [f32]) {
    let (out_h, out_w, k) = (win.out_h(), win.out_w(), win.k);
    let mut rows = cols.chunks_exact(out_h * out_w);
    for image in dx.chunks_exact_mut(win.h * win.w).take(channels) {
        for ki in 0..k {
            for kj in 0..k {
                let Some(row) = rows.next() else { return };
                for (oy, col_row) in row.chunks_exact(out_w).enumerate() {
                    let Some(iy) = win.source(oy, ki, win.h) else {
                        continue;
                    };
                    let image_row = &mut image[iy * win.w..][..win.w];
                    for (ox, &v) in col_row.iter().enumerate() {
                        if let Some(ix) = win.source(ox, kj, win.w) {
                            image_row[ix] += v;
                        }
                    }
                }
            }
        }
    }
}

/// The flat index into one `h x w` image of the first largest pixel of the
/// window at output position `(oy, ox)` (scanned row by row; no padding).
pub(crate) fn window_argmax(image: &[f32], win: Window, oy: usize, ox: usize) -> usize {
    let (top, left) = (oy * win.stride, ox * win.stride);
    let mut best = top * win.w + left;
    for y in top..top + win.k {
        for x in left..left + win.k {
            if image[y * win.w + x] > image[best] {
                best = y * win.w + x;
            }
        }
    }
    best
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
    fn im2col_lays_out_padded_windows_and_col2im_adds_them_back() {
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
        let mut cols = [f32::NAN; 36];
        im2col(&[1.0, 2.0, 3.0, 4.0], 1, win, &mut cols);
        #[rustfmt::skip]
        let expected = [
            0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 0.0, 3.0, 4.0, // top-left of each window
            0.0, 0.0, 0.0, 1.0, 2.0, 0.0, 3.0, 4.0, 0.0, // top-right
            0.0, 1.0, 2.0, 0.0, 3.0, 4.0, 0.0, 0.0, 0.0, // bottom-left
            1.0, 2.0, 0.0, 3.0, 4.0, 0.0, 0.0, 0.0, 0.0, // bottom-right
        ];
        assert_eq!(cols, expected);
        // each pixel is seen by all four windows that contain it
        let mut dx = [0.0; 4];
        col2im_acc(&[1.0; 36], 1, win, &mut dx);
        assert_eq!(dx, [4.0; 4]);
    }
}
