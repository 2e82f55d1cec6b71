//! The network picture's calls: every unit's activation over a small grid of
//! the plane, every layer's weights and biases, and editing one of them.
//! Converts types and turns the session's refusals into sentences; decides nothing.

use js_sys::{Array, Float32Array, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{JsError, JsValue, wasm_bindgen};

use crate::budget::Limits;
use crate::handle::Playground;
use crate::number_text::number_text;

#[wasm_bindgen]
impl Playground {
    /// Every unit's activation over a `size x size` grid of the plane, as
    /// `{size, sizes, maps}`: `sizes` are the units per layer (input features
    /// first, output last) and `maps` holds one `size * size` map per unit,
    /// layer by layer, each laid out like `predictGrid`'s pixels. Output units
    /// hold the output activation (before the probabilities `predictGrid` shows).
    /// Given `reuse`, the `maps` of an earlier call of the same size and network,
    /// the maps are copied into it rather than into a new array: a page drawing
    /// maps every frame then allocates nothing. Anything else in `reuse` (left
    /// out, another length, not a `Float32Array`) gets a new array.
    ///
    /// # Errors
    /// When the grid is empty or has more than `maxGridPixels` pixels.
    #[wasm_bindgen(js_name = neuronMaps)]
    pub fn neuron_maps(&mut self, size: u32, reuse: JsValue) -> Result<Object, JsError> {
        let pixels = u64::from(size) * u64::from(size);
        let most = Limits::of(&self.session).grid_pixels;
        if pixels > most as u64 {
            return Err(JsError::new(&format!(
                "neuronMaps({size}): a grid of {size} x {size} is more than the {most} pixels \
                 this network may predict in one call, so the page stays responsive"
            )));
        }
        let grid = self
            .session
            .predict_grid(size as usize, size as usize)
            .map_err(|message| JsError::new(&message))?;
        let maps = &grid.values[grid.probabilities().len()..];
        let sizes: Array = grid
            .layer_sizes
            .iter()
            .map(|&units| JsValue::from_f64(units as f64))
            .collect();
        let result = Object::new();
        set(&result, "size", JsValue::from_f64(size.into()))?;
        set(&result, "sizes", sizes.into())?;
        let array = match reuse.dyn_into::<Float32Array>() {
            Ok(array) if array.length() as usize == maps.len() => {
                array.copy_from(maps);
                array
            }
            _ => Float32Array::from(maps),
        };
        set(&result, "maps", array.into())?;
        Ok(result)
    }

    /// Every layer's parameters, input side first, as `{inputs, units, weight,
    /// bias}`: `weight` is row-major `[inputs, units]` (the weight from input
    /// `i` to unit `j` is `weight[i * units + j]`) and `bias` has one number per unit.
    ///
    /// # Errors
    /// Only if building the JS objects fails.
    pub fn weights(&self) -> Result<Array, JsError> {
        let layers = Array::new();
        for linear in &self.session.model().layers {
            let layer = Object::new();
            set(&layer, "inputs", JsValue::from_f64(linear.in_dim() as f64))?;
            set(&layer, "units", JsValue::from_f64(linear.out_dim() as f64))?;
            set(
                &layer,
                "weight",
                Float32Array::from(linear.weight.data()).into(),
            )?;
            set(
                &layer,
                "bias",
                Float32Array::from(linear.bias.data()).into(),
            )?;
            layers.push(&layer);
        }
        Ok(layers)
    }

    /// Sets the weight of layer `layer` from its input `from` to its unit `to`,
    /// or that unit's bias when `from` equals the layer's input count. Training
    /// goes on from the edited weights; the step count stays.
    ///
    /// # Errors
    /// When `value` is not a finite 32-bit number or the position does not exist.
    #[wasm_bindgen(js_name = setWeight)]
    pub fn set_weight(
        &mut self,
        layer: u32,
        from: u32,
        to: u32,
        value: f64,
    ) -> Result<(), JsError> {
        let narrow = value as f32;
        if self
            .session
            .set_weight(layer as usize, from as usize, to as usize, narrow)
        {
            return Ok(());
        }
        Err(JsError::new(&self.refusal(layer, from, to, value)))
    }
}

impl Playground {
    /// Why `setWeight(layer, from, to, value)` was refused, in one sentence.
    fn refusal(&self, layer: u32, from: u32, to: u32, value: f64) -> String {
        let call = format!("setWeight({layer}, {from}, {to}, {})", number_text(value));
        if !(value as f32).is_finite() {
            return format!("{call}: the value must be a finite number of at most about ±3.4e38");
        }
        let layers = &self.session.model().layers;
        let Some(linear) = layers.get(layer as usize) else {
            return format!(
                "{call}: layer must be 0 to {}, one per layer of weights",
                layers.len().saturating_sub(1)
            );
        };
        let (inputs, units) = (linear.in_dim(), linear.out_dim());
        if to as usize >= units {
            return format!(
                "{call}: layer {layer} has {units} units, so to must be 0 to {}",
                units - 1
            );
        }
        format!(
            "{call}: layer {layer} has {inputs} inputs, so from must be 0 to {inputs} ({inputs} is the bias)"
        )
    }
}

/// Sets `object[key] = value`.
fn set(object: &Object, key: &str, value: JsValue) -> Result<(), JsError> {
    Reflect::set(object, &JsValue::from_str(key), &value)
        .map(|_| ())
        .map_err(|_| JsError::new("could not build the network's JS object"))
}
