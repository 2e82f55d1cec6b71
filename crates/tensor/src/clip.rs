//! Gradient clipping by global norm: one scale for every parameter's gradient,
//! so their directions are kept. Owns the norm's summation order.

use crate::{Grads, Tensor, Var};

/// The L2 norm of every element of `grads` together: the squares are summed in
/// f64 in the order given (tensor by tensor, element by element), so the result
/// is the same bits on every target and overflows only past about 1e154. `NaN`
/// or infinite when some element is.
pub fn global_norm<'a>(grads: impl IntoIterator<Item = &'a Tensor>) -> f64 {
    let squares: f64 = grads
        .into_iter()
        .flat_map(Tensor::data)
        .map(|&g| f64::from(g) * f64::from(g))
        .sum();
    crate::math::sqrt64(squares)
}

impl Grads {
    /// Scales the gradients of `params` (each listed once) by `max_norm / norm`
    /// when their [`global_norm`] exceeds `max_norm`, so it becomes `max_norm`,
    /// and returns the norm before clipping. Under the limit nothing changes.
    /// A `NaN` or infinite norm (some gradient is not finite) leaves every
    /// gradient untouched, since no scale can make it finite: the caller should
    /// skip that update. Parameters the loss does not reach are ignored.
    ///
    /// # Panics
    /// If `max_norm` is not positive.
    pub fn clip_global_norm(&mut self, params: &[Var], max_norm: f32) -> f64 {
        assert!(
            max_norm > 0.0,
            "Grads::clip_global_norm: max_norm not positive"
        );
        let norm = global_norm(params.iter().filter_map(|&p| self.get(p)));
        if norm.is_finite() && norm > f64::from(max_norm) {
            let scale = (f64::from(max_norm) / norm) as f32;
            for &p in params {
                if let Some(grad) = self.get_mut(p) {
                    grad.data_mut().iter_mut().for_each(|g| *g *= scale);
                }
            }
        }
        norm
    }
}
