//! The activation functions a network can use between layers, by name.
//! Owns the choice of function and its fixed constants; the math is `Unary`'s.

use crate::Unary;

/// A hidden- or output-layer nonlinearity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Activation {
    /// `max(x, 0)`
    Relu,
    /// `x` if positive, else `0.01 x`
    LeakyRelu,
    /// `x` if positive, else `e^x - 1`
    Elu,
    /// `x Phi(x)`, the exact Gaussian error linear unit
    Gelu,
    /// `ln(1 + e^x)`
    Softplus,
    /// `1 / (1 + e^-x)`
    Sigmoid,
    /// `tanh x`
    Tanh,
    /// `x` (a network of these stays linear however deep)
    Identity,
    /// `sin x`
    Sine,
}

/// The slope of leaky ReLU below zero.
pub const LEAKY_RELU_SLOPE: f32 = 0.01;

impl Activation {
    /// Every activation, in menu order.
    pub const ALL: [Activation; 9] = [
        Activation::Relu,
        Activation::LeakyRelu,
        Activation::Elu,
        Activation::Gelu,
        Activation::Softplus,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Identity,
        Activation::Sine,
    ];

    /// The element-wise function this activation applies.
    pub fn unary(self) -> Unary {
        match self {
            Activation::Relu => Unary::Relu,
            Activation::LeakyRelu => Unary::LeakyRelu(LEAKY_RELU_SLOPE),
            Activation::Elu => Unary::Elu(1.0),
            Activation::Gelu => Unary::Gelu,
            Activation::Softplus => Unary::Softplus,
            Activation::Sigmoid => Unary::Sigmoid,
            Activation::Tanh => Unary::Tanh,
            Activation::Identity => Unary::Identity,
            Activation::Sine => Unary::Sin,
        }
    }

    /// The activation's value at `x`.
    pub fn apply(self, x: f32) -> f32 {
        self.unary().apply(x)
    }
}
