//! The `Tensor` value type: an f32 buffer, row-major and contiguous, with its shape.
//! Owns storage and element access; the arithmetic on tensors lives in `kernels`
//! and the differentiable operations in `tape`.

use alloc::vec;
use alloc::vec::Vec;

use crate::Shape;

/// A dense, row-major f32 array of rank 0 to 4.
#[derive(Clone, Debug, PartialEq)]
pub struct Tensor {
    shape: Shape,
    data: Vec<f32>,
}

impl Tensor {
    /// A tensor from a shape and its row-major data.
    ///
    /// # Panics
    /// If `data.len()` is not the shape's element count.
    pub fn new(shape: impl Into<Shape>, data: Vec<f32>) -> Self {
        let shape = shape.into();
        assert_eq!(
            shape.len(),
            data.len(),
            "Tensor::new: shape {shape:?} needs {} values, got {}",
            shape.len(),
            data.len()
        );
        Self { shape, data }
    }

    /// A tensor of zeros.
    pub fn zeros(shape: impl Into<Shape>) -> Self {
        Self::full(shape, 0.0)
    }

    /// A tensor with every element `value`.
    pub fn full(shape: impl Into<Shape>, value: f32) -> Self {
        let shape = shape.into();
        Self {
            data: vec![value; shape.len()],
            shape,
        }
    }

    /// A rank-0 tensor holding `value`.
    pub fn scalar(value: f32) -> Self {
        Self::new(Shape::scalar(), vec![value])
    }

    /// The shape.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// The dimensions, outermost first.
    pub fn dims(&self) -> &[usize] {
        self.shape.dims()
    }

    /// The elements in row-major order.
    pub fn data(&self) -> &[f32] {
        &self.data
    }

    /// The elements in row-major order, writable.
    pub fn data_mut(&mut self) -> &mut [f32] {
        &mut self.data
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// True when the tensor holds no elements.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The single element of a one-element tensor.
    ///
    /// # Panics
    /// If the tensor does not hold exactly one element.
    pub fn item(&self) -> f32 {
        assert_eq!(self.len(), 1, "Tensor::item: shape {:?}", self.shape);
        self.data[0]
    }

    /// The element at a rank-2 index `[row, col]`.
    ///
    /// # Panics
    /// If the tensor is not rank 2 or the index is out of range.
    pub fn at2(&self, row: usize, col: usize) -> f32 {
        assert_eq!(self.shape.rank(), 2, "Tensor::at2: shape {:?}", self.shape);
        let cols = self.shape.dim(1);
        assert!(
            row < self.shape.dim(0) && col < cols,
            "Tensor::at2: out of range"
        );
        self.data[row * cols + col]
    }

    /// The same data under another shape with the same element count.
    ///
    /// # Panics
    /// If the element counts differ.
    pub fn reshaped(mut self, shape: impl Into<Shape>) -> Self {
        let shape = shape.into();
        assert_eq!(
            shape.len(),
            self.len(),
            "Tensor::reshaped: {:?} to {shape:?}",
            self.shape
        );
        self.shape = shape;
        self
    }

    /// Takes the buffer out, leaving the tensor empty (for reuse by a pool).
    pub(crate) fn into_data(self) -> Vec<f32> {
        self.data
    }

    /// True when every element is finite.
    pub fn all_finite(&self) -> bool {
        self.data.iter().all(|v| v.is_finite())
    }
}
