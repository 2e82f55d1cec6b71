//! Central-difference gradient checks for the image ops (`conv2d`,
//! `max_pool2d`, `avg_pool2d`) and the ones built from other ops (`flatten`,
//! `add_channel_bias`), over many shapes, strides and paddings.

mod common;

use common::{assert_gradcheck, distinct, random_tensor};
use tensor::{Rng, Shape, Tape};

/// One convolution to check: `x[n, c, h, w]`, `w[f, c, k, k]`, stride, padding.
struct Case {
    x: [usize; 4],
    f: usize,
    k: usize,
    stride: usize,
    padding: usize,
}

/// Hand-picked corners (1x1 kernels, padding as wide as the kernel, strides
/// that skip the last column, one-pixel outputs) and random ones.
fn conv_cases() -> Vec<Case> {
    let case = |x, f, k, stride, padding| Case {
        x,
        f,
        k,
        stride,
        padding,
    };
    let mut cases = vec![
        case([1, 1, 3, 3], 1, 1, 1, 0),
        case([1, 1, 3, 3], 1, 3, 1, 0),
        case([2, 3, 4, 5], 4, 3, 1, 1),
        case([1, 2, 5, 4], 3, 2, 2, 0),
        case([2, 1, 5, 6], 2, 3, 2, 2),
        case([1, 3, 2, 3], 2, 1, 2, 1),
        case([2, 2, 3, 3], 1, 2, 1, 2),
        case([1, 1, 7, 4], 4, 3, 2, 1),
        case([2, 2, 1, 1], 3, 3, 1, 1),
    ];
    let mut rng = Rng::new(15);
    for _ in 0..12 {
        let k = 1 + rng.below(3);
        let padding = rng.below(3);
        let (h, w) = (k + rng.below(4), k.max(1 + rng.below(5)));
        let x = [1 + rng.below(2), 1 + rng.below(3), h, w];
        cases.push(case(x, 1 + rng.below(4), k, 1 + rng.below(2), padding));
    }
    cases
}

#[test]
fn conv2d_grad_matches_finite_difference() {
    for (seed, case) in (0..).zip(conv_cases()) {
        let Case {
            x,
            f,
            k,
            stride,
            padding,
        } = case;
        let inputs = [
            random_tensor(x, seed, -1.0, 1.0),
            random_tensor([f, x[1], k, k], seed + 100, -1.0, 1.0),
        ];
        assert_gradcheck(
            format!(
                "conv2d x {x:?} w [{f}, {}, {k}, {k}] stride {stride} padding {padding}",
                x[1]
            ),
            |t, v| t.conv2d(v[0], v[1], stride, padding),
            &inputs,
        );
    }
}

#[test]
fn conv2d_with_channel_bias_grad_matches_finite_difference() {
    let inputs = [
        random_tensor([2, 2, 4, 3], 1, -1.0, 1.0),
        random_tensor([3, 2, 3, 3], 2, -1.0, 1.0),
        random_tensor([3], 3, -1.0, 1.0),
    ];
    assert_gradcheck(
        "conv2d + bias",
        |t, v| {
            let y = t.conv2d(v[0], v[1], 1, 1);
            t.add_channel_bias(y, v[2])
        },
        &inputs,
    );
}

/// `(x shape, k, stride)` for the pools: overlapping, tiling, gapped windows,
/// leftover rows and columns dropped by the rounding down.
const POOLS: [([usize; 4], usize, usize); 7] = [
    ([1, 1, 4, 4], 2, 2),
    ([2, 3, 5, 4], 2, 2),
    ([1, 2, 5, 5], 3, 1),
    ([2, 1, 6, 7], 3, 2),
    ([1, 2, 3, 5], 1, 2),
    ([1, 1, 4, 6], 2, 3),
    ([2, 2, 3, 3], 3, 3),
];

#[test]
fn max_pool2d_grad_matches_finite_difference() {
    for (seed, (x, k, stride)) in (0..).zip(POOLS) {
        // distinct values: a perturbation never changes which pixel is largest
        let inputs = [distinct(x, seed)];
        assert_gradcheck(
            format!("max_pool2d {x:?} k {k} stride {stride}"),
            |t, v| t.max_pool2d(v[0], k, stride),
            &inputs,
        );
    }
}

#[test]
fn avg_pool2d_grad_matches_finite_difference() {
    for (seed, (x, k, stride)) in (0..).zip(POOLS) {
        let inputs = [random_tensor(x, seed, -1.0, 1.0)];
        assert_gradcheck(
            format!("avg_pool2d {x:?} k {k} stride {stride}"),
            |t, v| t.avg_pool2d(v[0], k, stride),
            &inputs,
        );
    }
}

#[test]
fn flatten_grad_matches_finite_difference() {
    for dims in [&[3][..], &[2, 3], &[2, 1, 3], &[2, 3, 2, 2]] {
        let inputs = [random_tensor(Shape::new(dims), 7, -1.0, 1.0)];
        assert_gradcheck(format!("flatten {dims:?}"), |t, v| t.flatten(v[0]), &inputs);
    }
}

#[test]
fn flatten_keeps_the_batch_axis() {
    let mut tape = Tape::new();
    let x = tape.input([2, 3, 2, 2], &[0.0; 24]);
    let flat = tape.flatten(x);
    assert_eq!(tape.shape(flat).dims(), &[2, 12]);
}

/// The digits lab's network on a batch of 8x8 images: every op chained, each
/// gradient reaching the parameters through the others.
#[test]
fn small_convnet_grad_matches_finite_difference() {
    let inputs = [
        distinct([2, 1, 8, 8], 1),
        random_tensor([3, 1, 3, 3], 2, -1.0, 1.0),
        random_tensor([3], 3, -0.5, 0.5),
        random_tensor([2, 3, 3, 3], 4, -1.0, 1.0),
        random_tensor([4, 8], 5, -1.0, 1.0),
    ];
    assert_gradcheck(
        "conv, bias, tanh, max pool, conv, avg pool, flatten, dense",
        |t, v| {
            let y = t.conv2d(v[0], v[1], 1, 1);
            let y = t.add_channel_bias(y, v[2]);
            let y = t.tanh(y);
            let y = t.max_pool2d(y, 2, 2);
            let y = t.conv2d(y, v[3], 1, 1);
            let y = t.avg_pool2d(y, 2, 2);
            let y = t.flatten(y);
            let w = t.transpose(v[4]);
            t.matmul(y, w)
        },
        &inputs,
    );
}

#[test]
#[should_panic(expected = "Tape::conv2d")]
fn conv2d_with_mismatched_channels_panics_naming_the_op() {
    let mut tape = Tape::new();
    let x = tape.input([1, 2, 4, 4], &[0.0; 32]);
    let w = tape.input([1, 3, 3, 3], &[0.0; 27]);
    tape.conv2d(x, w, 1, 0);
}

#[test]
#[should_panic(expected = "does not fit")]
fn conv2d_with_kernel_larger_than_padded_input_panics() {
    let mut tape = Tape::new();
    let x = tape.input([1, 1, 2, 2], &[0.0; 4]);
    let w = tape.input([1, 1, 5, 5], &[0.0; 25]);
    tape.conv2d(x, w, 1, 1);
}

#[test]
#[should_panic(expected = "Tape::max_pool2d")]
fn max_pool2d_of_a_matrix_panics_naming_the_op() {
    let mut tape = Tape::new();
    let x = tape.input([4, 4], &[0.0; 16]);
    tape.max_pool2d(x, 2, 2);
}

#[test]
#[should_panic(expected = "Tape::avg_pool2d")]
fn avg_pool2d_with_zero_stride_panics_naming_the_op() {
    let mut tape = Tape::new();
    let x = tape.input([1, 1, 4, 4], &[0.0; 16]);
    tape.avg_pool2d(x, 2, 0);
}

#[test]
fn pools_of_a_known_image_hold_its_window_maxima_and_means() {
    // x = [1 5 2 0; 3 4 8 6; 0 1 2 3; 7 2 5 4], k = 2, stride 2
    let values = [
        1.0, 5.0, 2.0, 0.0, 3.0, 4.0, 8.0, 6.0, 0.0, 1.0, 2.0, 3.0, 7.0, 2.0, 5.0, 4.0,
    ];
    let mut tape = Tape::new();
    let x = tape.input([1, 1, 4, 4], &values);
    let max = tape.max_pool2d(x, 2, 2);
    let avg = tape.avg_pool2d(x, 2, 2);
    assert_eq!(tape.value(max).data(), &[5.0, 8.0, 7.0, 5.0]);
    // (1+5+3+4)/4, (2+0+8+6)/4, (0+1+7+2)/4, (2+3+5+4)/4
    assert_eq!(tape.value(avg).data(), &[3.25, 4.0, 2.5, 3.5]);
}
