//! Numbers that describe training health: gradient norms and update-to-weight
//! ratios, so vanishing and exploding gradients can be charted layer by layer.

/// The Euclidean norm `sqrt(sum x^2)`, summed in f64 so that large weights
/// do not overflow the squares.
pub fn l2_norm(values: &[f32]) -> f32 {
    let squares: f64 = values.iter().map(|&v| f64::from(v) * f64::from(v)).sum();
    crate::math::sqrt64(squares) as f32
}

/// `|update| / |weights|`, the relative size of a step (about 1e-3 is healthy;
/// far below means learning has stalled, far above means it is unstable).
/// Zero weights give 0 for a zero update and infinity otherwise.
pub fn update_ratio(update_norm: f32, weight_norm: f32) -> f32 {
    if update_norm == 0.0 {
        0.0
    } else {
        update_norm / weight_norm
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn norm_and_ratio_by_hand() {
        // |(3, 4)| = 5
        assert_eq!(super::l2_norm(&[3.0, 4.0]), 5.0);
        assert_eq!(super::update_ratio(0.5, 5.0), 0.1);
        assert_eq!(super::update_ratio(0.0, 0.0), 0.0);
        // (3e30)^2 overflows f32, the norm of (3e30, 4e30) does not
        assert_eq!(super::l2_norm(&[3e30, 4e30]), 5e30);
    }
}
