//! The experiment engine: datasets, the settings table with its share-link codec,
//! and the training session. No JS, no DOM: the wasm crate only wraps it.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod dataset;
