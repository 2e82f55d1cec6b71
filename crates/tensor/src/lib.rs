//! A no_std tensor with reverse-mode autograd, layers, losses and optimizers,
//! small enough to read in an evening and fast on tiny networks.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod rng;

pub use rng::Rng;
