//! The two gradients of `Tape::conv2d`, read from and added into images padded
//! channels-last (`[h + 2p, w + 2p, c]`), where one row of a window is one
//! run of `k * c` contiguous values. The weight gradient reads each window
//! straight from the padded image (no im2row): wide window rows add each
//! nonzero output gradient times the window, narrow ones (a first layer over
//! grey images) add every window's gradient of all the filters at once. The
//! input gradient is one product per chunk of the batch, with the weights'
//! columns reordered to match, whose rows are then added back window by
//! window. All add the same terms in the same order as the definition's loops
//! in `tests/image_naive.rs`.

use alloc::vec::Vec;

use crate::im2col::Window;
use crate::image::Conv;
use crate::kernels;
use crate::sparse::{SPARSE_RUN, add_listed, all_finite, any_negative_zero, nonzeros};

/// `dw[f, c, i, j] += Σ g[n, f, p] * x[n, c, p + (i, j)]` over the images `n`
/// and then the windows `p` in ascending order, each weight adding its terms
/// one after another from its old value. Windows whose rows are narrower than
/// a vector (`k * c < 8`, as in a first layer over grey images) go the filters
/// side by side ([`weight_grad_by_filters`]); wider ones skip the zeros of the
/// output gradient ([`weight_grad_by_windows`]). `scratch` holds
/// [`Conv::grad_scratch_len`] elements.
pub(crate) fn conv2d_weight_grad(
    x: &[f32],
    g: &[f32],
    conv: Conv,
    dw: &mut [f32],
    scratch: &mut [f32],
) {
    if conv.win.k * conv.c < NARROW_ROW {
        weight_grad_by_filters(x, g, conv, dw, scratch);
    } else {
        weight_grad_by_windows(x, g, conv, dw, scratch);
    }
}

/// Window rows narrower than this many values take [`weight_grad_by_filters`].
const NARROW_ROW: usize = 8;

/// [`conv2d_weight_grad`] adding each nonzero output gradient times its window
/// straight from the padded image, a window row at a time.
///
/// Terms with `g == 0` are left out: each is ±0 while every pixel is finite,
/// and adding ±0 changes no sum that is not -0. With a non-finite pixel, or a
/// -0 already in `dw`, every term is added.
fn weight_grad_by_windows(x: &[f32], g: &[f32], conv: Conv, dw: &mut [f32], scratch: &mut [f32]) {
    let keep_zeros = !all_finite(x) || any_negative_zero(dw);
    let win = conv.win;
    let (row, positions) = (win.k * conv.c, win.positions());
    let [_, _, padded, dw_t] = conv.split(scratch, 1);
    channels_last(dw, dw_t, conv.c, win.k * win.k);
    padded.fill(0.0);
    let starts = window_starts(win, conv.c);
    let mut at = [0usize; SPARSE_RUN];
    let mut av = [0.0f32; SPARSE_RUN];
    let images = x.chunks_exact(conv.image_len());
    for (image, maps) in images.zip(g.chunks_exact(conv.out_image_len())) {
        pad_channels_last(image, conv.c, win, padded);
        for (map, dw_f) in maps
            .chunks_exact(positions)
            .zip(dw_t.chunks_exact_mut(win.k * row))
        {
            for (run, values) in map.chunks(SPARSE_RUN).enumerate() {
                let count = nonzeros(values, (run * SPARSE_RUN, 1), &mut at, &mut av, keep_zeros);
                for start in &mut at[..count] {
                    *start = starts[*start];
                }
                let terms = (&at[..count], &av[..count]);
                for (i, dw_row) in dw_f.chunks_exact_mut(row).enumerate() {
                    add_listed(terms, &padded[i * win.padded_w() * conv.c..], dw_row);
                }
            }
        }
    }
    channels_first(dw_t, dw, conv.c, win.k * win.k);
}

/// [`conv2d_weight_grad`] with every term added, the filters side by side:
/// each window's output gradient (one value per filter) times each of its
/// pixels is added to that tap's weights of every filter at once. The sums of
/// [`TAPS`] taps of [`FILTERS`] filters stay in registers while the windows of
/// an image go by; the filters past the last whole block go one by one.
fn weight_grad_by_filters(x: &[f32], g: &[f32], conv: Conv, dw: &mut [f32], scratch: &mut [f32]) {
    let (win, f, c) = (conv.win, conv.f, conv.c);
    let (positions, patch) = (win.positions(), conv.patch_len());
    // where each tap `(ch, i, j)` (dw's order) sits from its window's start
    let line = win.padded_w() * c;
    let taps: Vec<usize> = (0..patch)
        .map(|t| (t / win.k % win.k) * line + t % win.k * c + t / (win.k * win.k))
        .collect();
    let starts = window_starts(win, c);
    let [_, g_t, padded, dw_t] = conv.split(scratch, 1);
    kernels::transpose(dw, dw_t, f, patch);
    padded.fill(0.0);
    // the taps and filters of whole groups, summed in registers
    let (grouped, whole) = (patch / TAPS * TAPS, f / FILTERS * FILTERS);
    let images = x.chunks_exact(conv.image_len());
    for (image, maps) in images.zip(g.chunks_exact(conv.out_image_len())) {
        pad_channels_last(image, c, win, padded);
        kernels::transpose(maps, g_t, f, positions);
        for block in (0..whole).step_by(FILTERS) {
            for (group, offsets) in taps[..grouped].chunks_exact(TAPS).enumerate() {
                let at = |tap: usize| (group * TAPS + tap) * f + block;
                let mut sums: [[f32; FILTERS]; TAPS] =
                    core::array::from_fn(|tap| core::array::from_fn(|i| dw_t[at(tap) + i]));
                for (filters, &start) in g_t.chunks_exact(f).zip(&starts) {
                    let filters = &filters[block..block + FILTERS];
                    let window = &padded[start..];
                    for (sums, &offset) in sums.iter_mut().zip(offsets) {
                        let pixel = window[offset];
                        for (sum, &g) in sums.iter_mut().zip(filters) {
                            *sum += g * pixel;
                        }
                    }
                }
                for (tap, sums) in sums.iter().enumerate() {
                    dw_t[at(tap)..][..FILTERS].copy_from_slice(sums);
                }
            }
        }
        // the rest one by one: the filters past the whole blocks, and every
        // filter of the taps past the whole groups
        for (filters, &start) in g_t.chunks_exact(f).zip(&starts) {
            let window = &padded[start..];
            for (t, (tap, &offset)) in dw_t.chunks_exact_mut(f).zip(&taps).enumerate() {
                let from = if t < grouped { whole } else { 0 };
                for (dw, &g) in tap[from..].iter_mut().zip(&filters[from..]) {
                    *dw += g * window[offset];
                }
            }
        }
    }
    kernels::transpose(dw_t, dw, patch, f);
}

/// Filters whose weight gradients [`weight_grad_by_filters`] sums at once (two vectors).
const FILTERS: usize = 8;
/// Taps whose weight gradients [`weight_grad_by_filters`] sums at once.
const TAPS: usize = 3;

/// `dx += g^T[windows, f] @ w[f, patch]` added back to the pixels each window
/// read, chunk by chunk: each window sends its output gradient back through
/// the filters. Each pixel adds its windows' entries from its old value in
/// ascending `(c, i, j)` of the offset it was read at, which is descending
/// order of the windows. `scratch` holds [`Conv::grad_scratch_len`] elements.
pub(crate) fn conv2d_input_grad(
    w: &[f32],
    g: &[f32],
    conv: Conv,
    dx: &mut [f32],
    scratch: &mut [f32],
) {
    let (f, positions, patch) = (conv.f, conv.win.positions(), conv.patch_len());
    let (images, outs) = conv.chunk_lens();
    let [_, _, _, w_t] = conv.split(scratch, 0);
    channels_last(w, w_t, conv.c, conv.win.k * conv.win.k);
    let starts = window_starts(conv.win, conv.c);
    for (dx, g) in dx.chunks_mut(images).zip(g.chunks(outs)) {
        let images = dx.len() / conv.image_len();
        let [rows, g_t, padded, w_t] = conv.split(scratch, images);
        let maps = g.chunks_exact(f * positions);
        for (image, image_t) in maps.zip(g_t.chunks_exact_mut(positions * f)) {
            kernels::transpose(image, image_t, f, positions);
        }
        kernels::matmul(g_t, w_t, rows, images * positions, f, patch);
        let images = dx.chunks_exact_mut(conv.image_len());
        for (image, rows) in images.zip(rows.chunks_exact(positions * patch)) {
            pad_channels_last(image, conv.c, conv.win, padded);
            add_windows(rows, conv.c, conv.win, &starts, padded);
            unpad_channels_last(padded, conv.c, conv.win, image);
        }
    }
}

/// Adds each window's row of `rows` (`[positions, k, k, c]`) into the pixels
/// of `padded` it covers (window `p` from `starts[p]`), the last window first.
fn add_windows(rows: &[f32], channels: usize, win: Window, starts: &[usize], padded: &mut [f32]) {
    let row = win.k * channels;
    let line = win.padded_w() * channels;
    for (window, &start) in rows.chunks_exact(win.k * row).zip(starts).rev() {
        for (i, entries) in window.chunks_exact(row).enumerate() {
            let pixels = &mut padded[start + i * line..][..row];
            for (pixel, &entry) in pixels.iter_mut().zip(entries) {
                *pixel += entry;
            }
        }
    }
}

/// Where each window (row-major) starts in an image padded channels-last.
fn window_starts(win: Window, channels: usize) -> Vec<usize> {
    let rows = (0..win.out_h()).map(|oy| oy * win.padded_w());
    rows.flat_map(|line| (0..win.out_w()).map(move |ox| (line + ox) * win.stride * channels))
        .collect()
}

/// `to[f, t, c] = from[f, c, t]` for the `taps` offsets of each channel.
fn channels_last(from: &[f32], to: &mut [f32], channels: usize, taps: usize) {
    let filters = from.chunks_exact(channels * taps);
    for (filter, filter_t) in filters.zip(to.chunks_exact_mut(channels * taps)) {
        kernels::transpose(filter, filter_t, channels, taps);
    }
}

/// `to[f, c, t] = from[f, t, c]`: the inverse of [`channels_last`].
fn channels_first(from: &[f32], to: &mut [f32], channels: usize, taps: usize) {
    channels_last(from, to, taps, channels);
}

/// Copies `image[c, h, w]` into the middle of `padded[h + 2p, w + 2p, c]` (its
/// border is left as it is).
fn pad_channels_last(image: &[f32], channels: usize, win: Window, padded: &mut [f32]) {
    for (ch, plane) in image.chunks_exact(win.h * win.w).enumerate() {
        for (y, line) in plane.chunks_exact(win.w).enumerate() {
            let first = ((y + win.padding) * win.padded_w() + win.padding) * channels + ch;
            let pixels = padded[first..].iter_mut().step_by(channels);
            for (pixel, &value) in pixels.zip(line) {
                *pixel = value;
            }
        }
    }
}

/// Copies the middle of `padded[h + 2p, w + 2p, c]` back into `image[c, h, w]`.
fn unpad_channels_last(padded: &[f32], channels: usize, win: Window, image: &mut [f32]) {
    for (ch, plane) in image.chunks_exact_mut(win.h * win.w).enumerate() {
        for (y, line) in plane.chunks_exact_mut(win.w).enumerate() {
            let first = ((y + win.padding) * win.padded_w() + win.padding) * channels + ch;
            let pixels = padded[first..].iter().step_by(channels);
            for (value, &pixel) in line.iter_mut().zip(pixels) {
                *value = pixel;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_channels_last_interleaves_the_channels_inside_a_border() {
        // two channels of 1 x 2 pixels, padding 1: a 3 x 4 image of pairs
        let win = Window {
            h: 1,
            w: 2,
            k: 3,
            stride: 1,
            padding: 1,
        };
        let mut padded = [0.0; 24];
        pad_channels_last(&[1.0, 2.0, 3.0, 4.0], 2, win, &mut padded);
        #[rustfmt::skip]
        let expected = [
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 1.0, 3.0, 2.0, 4.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
        ];
        assert_eq!(padded, expected);
        let mut image = [0.0; 4];
        unpad_channels_last(&padded, 2, win, &mut image);
        assert_eq!(image, [1.0, 2.0, 3.0, 4.0]);
        // the second window of the only row starts one pixel (two values) in
        assert_eq!(window_starts(win, 2), [0, 2]);
    }
}
