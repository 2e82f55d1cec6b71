//! Square roots as hardware instructions where std provides them: stable Rust
//! compiles libm's `sqrt` for wasm as a bit-by-bit loop rather than `f32.sqrt`
//! or `f64.sqrt`. Both are correctly rounded, so results do not change.

/// `x.sqrt()` for f32.
pub(crate) fn sqrt(x: f32) -> f32 {
    #[cfg(feature = "std")]
    {
        x.sqrt()
    }
    #[cfg(not(feature = "std"))]
    {
        libm::sqrtf(x)
    }
}

/// `x.sqrt()` for f64.
pub(crate) fn sqrt64(x: f64) -> f64 {
    #[cfg(feature = "std")]
    {
        x.sqrt()
    }
    #[cfg(not(feature = "std"))]
    {
        libm::sqrt(x)
    }
}
