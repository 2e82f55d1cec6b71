//! The digits lab's part of the config: the model and its shape, the training
//! set's size and the augmentation switches. Training settings shared with the
//! other labs (optimizer, learning rate, batch, penalties, seeds) stay in `Config`.

/// Which network reads the 8 x 8 images.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Model {
    /// conv, ReLU, pool, conv, ReLU, pool, dense, softmax.
    #[default]
    Cnn,
    /// One hidden dense ReLU layer, with about as many parameters as the CNN.
    Mlp,
    /// Softmax regression on the 64 pixels.
    Linear,
}

/// How each convolution's feature maps are shrunk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pooling {
    /// The largest value of each 2 x 2 window.
    #[default]
    Max,
    /// The mean of each 2 x 2 window.
    Average,
    /// No pooling: the maps keep their 8 x 8 size.
    None,
}

/// Which random changes each training image gets every time it is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Augment {
    /// Shift by up to 1 pixel in each direction.
    pub shift: bool,
    /// Rotate by a small angle.
    pub rotate: bool,
    /// Mirror left to right.
    pub flip: bool,
    /// Add noise to every pixel.
    pub noise: bool,
}

impl Augment {
    /// Whether any augmentation is on.
    pub fn any(&self) -> bool {
        self.shift || self.rotate || self.flip || self.noise
    }
}

/// The digits lab's settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DigitsConfig {
    /// The network.
    pub model: Model,
    /// Filters of the first convolution.
    pub filters1: usize,
    /// Filters of the second convolution.
    pub filters2: usize,
    /// Side of the square kernels (odd; padded so maps keep their size).
    pub kernel: usize,
    /// Pooling after each convolution.
    pub pooling: Pooling,
    /// Hidden units of the MLP.
    pub hidden: usize,
    /// Training images used (stratified; at most the whole training split).
    pub train_size: usize,
    /// Augmentation of the training images.
    pub augment: Augment,
}
