//! Prediction over a grid of the plane, for the output heatmap and every
//! neuron's thumbnail, without recording anything. Owns the grid layout and
//! its reusable buffers.

use alloc::string::String;
use alloc::vec::Vec;

use super::{MAX_GRID_POINTS, Session};

/// The plane shown spans `[-GRID_EXTENT, GRID_EXTENT]` on both axes.
pub const GRID_EXTENT: f32 = 6.0;

/// The result of [`Session::predict_grid`], kept in one buffer.
///
/// Pixel `(i, j)` (column `i` from the left, row `j` from the top) is the point
/// `x = -6 + 12 (i + 0.5) / width`, `y = 6 - 12 (j + 0.5) / height`.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    /// Columns.
    pub width: usize,
    /// Rows.
    pub height: usize,
    /// Numbers per pixel in the probability part: the class count, or 1 for regression.
    pub per_pixel: usize,
    /// Units per layer, inputs (features) first, output last.
    pub layer_sizes: Vec<usize>,
    /// First `width * height * per_pixel` numbers: class probabilities pixel
    /// by pixel (or the prediction, for regression). Then one `width * height`
    /// map per unit, layer by layer (features first), each unit's activation.
    pub values: Vec<f32>,
    inputs: Vec<f32>,
    layers: Vec<Vec<f32>>,
}

impl Grid {
    /// Pixels per map.
    pub fn pixels(&self) -> usize {
        self.width * self.height
    }

    /// The probability part.
    pub fn probabilities(&self) -> &[f32] {
        &self.values[..self.pixels() * self.per_pixel]
    }

    /// The map of unit `unit` of layer `layer` (0 = input features).
    pub fn neuron(&self, layer: usize, unit: usize) -> Option<&[f32]> {
        let sizes = self.layer_sizes.get(..layer)?;
        if unit >= *self.layer_sizes.get(layer)? {
            return None;
        }
        let index: usize = sizes.iter().sum::<usize>() + unit;
        let start = self.pixels() * (self.per_pixel + index);
        self.values.get(start..start + self.pixels())
    }
}

impl Session {
    /// Predicts every pixel of a `width x height` grid over the plane and every
    /// unit's activation there.
    ///
    /// # Errors
    /// When the grid is empty or has more than [`MAX_GRID_POINTS`] pixels.
    pub fn predict_grid(&mut self, width: usize, height: usize) -> Result<&Grid, String> {
        self.forward_grid(width, height)?;
        let grid = &mut self.grid;
        let pixels = grid.pixels();
        let units: usize = grid.layer_sizes.iter().sum();
        grid.values.resize(pixels * (grid.per_pixel + units), 0.0);
        let maps = &mut grid.values[pixels * grid.per_pixel..];
        let sources = core::iter::once(&grid.inputs).chain(grid.layers.iter());
        let mut first = 0;
        for (source, &size) in sources.zip(&grid.layer_sizes) {
            unit_major(
                source,
                size,
                pixels,
                &mut maps[first * pixels..(first + size) * pixels],
            );
            first += size;
        }
        Ok(&self.grid)
    }

    /// Predicts every pixel of a `width x height` grid over the plane: the
    /// probability part of [`Session::predict_grid`] alone, without the
    /// per-unit maps (what the output heatmap needs).
    ///
    /// # Errors
    /// When the grid is empty or has more than [`MAX_GRID_POINTS`] pixels.
    pub fn predict_outputs(&mut self, width: usize, height: usize) -> Result<&[f32], String> {
        self.forward_grid(width, height)?;
        Ok(self.grid.probabilities())
    }

    /// Runs the network over the grid's points and fills the probability part.
    fn forward_grid(&mut self, width: usize, height: usize) -> Result<(), String> {
        let pixels = width.saturating_mul(height);
        if pixels == 0 || pixels > MAX_GRID_POINTS {
            return Err(alloc::format!(
                "a grid must have 1 to {MAX_GRID_POINTS} pixels, not {width} x {height}"
            ));
        }
        let grid = &mut self.grid;
        grid.width = width;
        grid.height = height;
        grid.per_pixel = self.objective.probability_width();
        grid.layer_sizes = self.model.sizes();
        grid.inputs.clear();
        let step = 2.0 * GRID_EXTENT;
        for j in 0..height {
            let y = GRID_EXTENT - step * (j as f32 + 0.5) / height as f32;
            for i in 0..width {
                let x = -GRID_EXTENT + step * (i as f32 + 0.5) / width as f32;
                self.config.features.compute(x, y, &mut grid.inputs);
            }
        }
        self.model
            .forward_layers(&grid.inputs, pixels, &mut grid.layers);
        grid.values.clear();
        grid.values.resize(pixels * grid.per_pixel, 0.0);
        let output_width = *grid.layer_sizes.last().unwrap_or(&1);
        if let Some(output) = grid.layers.last() {
            for (row, out) in output
                .chunks_exact(output_width)
                .zip(grid.values.chunks_exact_mut(grid.per_pixel))
            {
                self.objective.probabilities(row, out);
            }
        }
        Ok(())
    }
}

/// Pixels transposed together: a block's rows stay in cache while every
/// unit's map receives its stretch.
const TRANSPOSE_BLOCK: usize = 64;

/// Rewrites `source` (`[pixels, size]`, pixel-major) as one map per unit in `maps`.
fn unit_major(source: &[f32], size: usize, pixels: usize, maps: &mut [f32]) {
    for start in (0..pixels).step_by(TRANSPOSE_BLOCK) {
        let end = (start + TRANSPOSE_BLOCK).min(pixels);
        for (unit, map) in maps.chunks_exact_mut(pixels).enumerate().take(size) {
            for (pixel, value) in map[start..end].iter_mut().enumerate() {
                *value = source[(start + pixel) * size + unit];
            }
        }
    }
}
