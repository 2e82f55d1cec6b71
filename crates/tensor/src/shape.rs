//! Shapes of rank 0 to 4 and the broadcasting rule between them.
//! Owns dimension bookkeeping only; knows nothing of data or gradients.

use core::fmt;

/// The largest rank a tensor may have.
pub const MAX_RANK: usize = 4;

/// The dimensions of a tensor, outermost first (row-major).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shape {
    dims: [usize; MAX_RANK],
    rank: usize,
}

impl Shape {
    /// A shape from its dimensions.
    ///
    /// # Panics
    /// If there are more than [`MAX_RANK`] dimensions.
    pub fn new(dims: &[usize]) -> Self {
        assert!(
            dims.len() <= MAX_RANK,
            "Shape::new: rank {} exceeds {MAX_RANK}",
            dims.len()
        );
        let mut all = [1; MAX_RANK];
        all[..dims.len()].copy_from_slice(dims);
        Self {
            dims: all,
            rank: dims.len(),
        }
    }

    /// The shape of a single number.
    pub fn scalar() -> Self {
        Self::new(&[])
    }

    /// The dimensions, outermost first.
    pub fn dims(&self) -> &[usize] {
        &self.dims[..self.rank]
    }

    /// The number of dimensions.
    pub fn rank(&self) -> usize {
        self.rank
    }

    /// The number of elements (1 for a scalar).
    pub fn len(&self) -> usize {
        self.dims().iter().product()
    }

    /// True when some dimension is zero.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The size of dimension `axis`.
    ///
    /// # Panics
    /// If `axis` is not below the rank.
    pub fn dim(&self, axis: usize) -> usize {
        assert!(axis < self.rank, "Shape::dim: axis {axis} out of {self:?}");
        self.dims[axis]
    }

    /// The same shape with dimension `axis` set to 1 (a kept, reduced axis).
    pub fn reduced(&self, axis: usize) -> Self {
        let mut out = *self;
        out.dims[axis] = 1;
        out
    }

    /// Splits the shape around `axis` into (elements before it, its size, elements after it).
    pub fn around(&self, axis: usize) -> (usize, usize, usize) {
        let dims = self.dims();
        let outer = dims[..axis].iter().product();
        let inner = dims[axis + 1..].iter().product();
        (outer, dims[axis], inner)
    }

    /// Whether `self` can be broadcast to `target` under the NumPy rule: dimensions
    /// are aligned from the right, and each of `self` is 1 or equal to the target's.
    pub fn broadcasts_to(&self, target: &Shape) -> bool {
        if self.rank > target.rank {
            return false;
        }
        let offset = target.rank - self.rank;
        self.dims()
            .iter()
            .zip(&target.dims()[offset..])
            .all(|(&from, &to)| from == 1 || from == to)
    }

    /// `self` written with `target`'s rank, padding 1s on the left.
    pub(crate) fn aligned_to(&self, target: &Shape) -> [usize; MAX_RANK] {
        let mut out = [1; MAX_RANK];
        let offset = target.rank - self.rank;
        out[offset..target.rank].copy_from_slice(self.dims());
        out
    }
}

impl fmt::Debug for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.dims())
    }
}

impl From<&[usize]> for Shape {
    fn from(dims: &[usize]) -> Self {
        Self::new(dims)
    }
}

impl<const N: usize> From<[usize; N]> for Shape {
    fn from(dims: [usize; N]) -> Self {
        Self::new(&dims)
    }
}

#[cfg(test)]
mod tests {
    use super::Shape;

    #[test]
    fn broadcasting_follows_the_numpy_rule() {
        assert!(Shape::new(&[3]).broadcasts_to(&Shape::new(&[2, 3])));
        assert!(Shape::new(&[2, 1]).broadcasts_to(&Shape::new(&[2, 3])));
        assert!(Shape::scalar().broadcasts_to(&Shape::new(&[4, 5])));
        assert!(!Shape::new(&[2]).broadcasts_to(&Shape::new(&[2, 3])));
        assert!(!Shape::new(&[2, 3]).broadcasts_to(&Shape::new(&[3])));
    }

    #[test]
    fn around_splits_elements_at_an_axis() {
        let shape = Shape::new(&[2, 3, 4]);
        assert_eq!(shape.around(1), (2, 3, 4));
        assert_eq!(shape.around(0), (1, 2, 12));
        assert_eq!(shape.reduced(2).dims(), &[2, 3, 1]);
        assert_eq!(shape.len(), 24);
    }
}
