//! Prediction over a grid of the plane, for the output heatmap and every
//! neuron's thumbnail, without recording anything. Owns the grid layout and
//! its reusable buffers. The network runs on strips of pixels held column-wise
//! (one row of values per unit), the layout of the maps themselves, so each
//! unit's stretch of a map is one copy.

use alloc::string::String;
use alloc::vec::Vec;

use tensor::nn::Columns;

use super::{MAX_GRID_POINTS, Session};
use crate::config::Features;

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
    /// Each column's x.
    column_xs: Vec<f32>,
    /// One strip's pixel coordinates.
    xs: Vec<f32>,
    ys: Vec<f32>,
    /// One strip's features, column-wise.
    strip: Vec<f32>,
    columns: Columns,
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
        self.fill_grid(width, height, true)?;
        Ok(&self.grid)
    }

    /// Predicts every pixel of a `width x height` grid over the plane: the
    /// probability part of [`Session::predict_grid`] alone, without the
    /// per-unit maps (what the output heatmap needs).
    ///
    /// # Errors
    /// When the grid is empty or has more than [`MAX_GRID_POINTS`] pixels.
    pub fn predict_outputs(&mut self, width: usize, height: usize) -> Result<&[f32], String> {
        self.fill_grid(width, height, false)?;
        Ok(self.grid.probabilities())
    }

    /// Runs the network over the grid's pixels, strip by strip, filling the
    /// probability part and, with `maps`, every unit's map.
    fn fill_grid(&mut self, width: usize, height: usize, maps: bool) -> Result<(), String> {
        let pixels = width.saturating_mul(height);
        if pixels == 0 || pixels > MAX_GRID_POINTS {
            return Err(alloc::format!(
                "a grid must have 1 to {MAX_GRID_POINTS} pixels, not {width} x {height}"
            ));
        }
        let grid = &mut self.grid;
        grid.prepare(
            (width, height),
            self.objective.probability_width(),
            self.model.sizes(),
            maps,
        );
        grid.columns.load_weights(&self.model);
        let features = grid.layer_sizes[0];
        for first in (0..pixels).step_by(STRIP) {
            let count = STRIP.min(pixels - first);
            grid.strip_coordinates(first, count);
            grid.strip.resize(features * count, 0.0);
            self.config
                .features
                .compute_columns(&grid.xs, &grid.ys, &mut grid.strip);
            self.model
                .forward_columns(&grid.strip, count, &mut grid.columns);
            let Some(output) = grid.columns.outputs.last() else {
                continue;
            };
            let probabilities = &mut grid.values[first * grid.per_pixel..];
            self.objective
                .probabilities_columns(output, count, probabilities);
            if maps {
                grid.copy_maps(first, count);
            }
        }
        Ok(())
    }
}

impl Grid {
    /// Every input feature's value over a `size x size` grid of the plane, laid
    /// out as [`Session::predict_grid`] lays out maps (top row first, pixel
    /// centres): one map per feature in [`Features::KEYS`] order, whichever
    /// features a config turns on. The formulas are the ones the network reads.
    ///
    /// # Errors
    /// When the grid is empty or has more than [`MAX_GRID_POINTS`] pixels.
    pub fn feature_maps(size: usize) -> Result<Vec<f32>, String> {
        let pixels = size.saturating_mul(size);
        if pixels == 0 || pixels > MAX_GRID_POINTS {
            return Err(alloc::format!(
                "a feature map must have 1 to {MAX_GRID_POINTS} pixels, not {size} x {size}"
            ));
        }
        let mut grid = Grid::default();
        grid.prepare((size, size), 0, Vec::new(), false);
        grid.strip_coordinates(0, pixels);
        let mut maps = alloc::vec![0.0; Features::ALL.count() * pixels];
        Features::ALL.compute_columns(&grid.xs, &grid.ys, &mut maps);
        Ok(maps)
    }

    /// Sizes the grid for `width x height` pixels, `per_pixel` probabilities
    /// each and, with `maps`, a map for every one of the layers' units, and
    /// computes each column's x.
    fn prepare(
        &mut self,
        (width, height): (usize, usize),
        per_pixel: usize,
        layer_sizes: Vec<usize>,
        maps: bool,
    ) {
        self.width = width;
        self.height = height;
        self.per_pixel = per_pixel;
        let units: usize = layer_sizes.iter().sum();
        self.layer_sizes = layer_sizes;
        let numbers = per_pixel + if maps { units } else { 0 };
        // every number is written by the strips, so only a longer buffer needs filling
        self.values.resize(self.pixels() * numbers, 0.0);
        let step = 2.0 * GRID_EXTENT;
        self.column_xs.clear();
        self.column_xs
            .extend((0..width).map(|i| -GRID_EXTENT + step * (i as f32 + 0.5) / width as f32));
    }

    /// The coordinates of pixels `first..first + count`, row by row, into
    /// `xs` and `ys`.
    fn strip_coordinates(&mut self, first: usize, count: usize) {
        let step = 2.0 * GRID_EXTENT;
        self.xs.clear();
        self.ys.clear();
        let (mut i, mut j) = (first % self.width, first / self.width);
        while self.xs.len() < count {
            let run = (self.width - i).min(count - self.xs.len());
            let y = GRID_EXTENT - step * (j as f32 + 0.5) / self.height as f32;
            self.xs.extend_from_slice(&self.column_xs[i..i + run]);
            self.ys.extend(core::iter::repeat_n(y, run));
            (i, j) = (0, j + 1);
        }
    }

    /// Copies the strip of pixels `first..first + count`, its features and
    /// every unit's activation, into each unit's map.
    fn copy_maps(&mut self, first: usize, count: usize) {
        let pixels = self.pixels();
        let (_, maps) = self.values.split_at_mut(pixels * self.per_pixel);
        let sources = core::iter::once(&self.strip).chain(self.columns.outputs.iter());
        let rows = sources.flat_map(|source| source.chunks_exact(count));
        for (map, row) in maps.chunks_exact_mut(pixels).zip(rows) {
            map[first..first + count].copy_from_slice(row);
        }
    }
}

/// Pixels run through the network together: enough for long vector loops,
/// few enough that a strip of a 64-unit layer stays in cache.
const STRIP: usize = 256;
