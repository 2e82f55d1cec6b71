//! Dataset thumbnails for the page's data picker: points drawn by the engine's
//! own generators. Converts arguments and errors; every point is the engine's.

use js_sys::Float32Array;
use playground::dataset::{DataSpec, DatasetKind, generate};
use playground::float_text::format_f32;
use playground::seed_value;
use playground::settings::MAX_SAMPLES;
use wasm_bindgen::prelude::{JsError, wasm_bindgen};

/// `count` points of the dataset named `dataset` (a `dataset` or `regDataset`
/// link name such as `spiral` or `reg-gauss`) as `[x, y, label]` triples, drawn
/// by the same generator, with the same classes, noise percent and seed text,
/// that a playground uses. Labels are class indices, or targets in `[-1, 1]`
/// for regression data; `classes` matters only for spiral and gauss.
///
/// # Errors
/// When the name is unknown, or `classes`, `noise` or `count` is outside what
/// the generator accepts.
#[wasm_bindgen(js_name = datasetPreview)]
pub fn dataset_preview(
    dataset: &str,
    classes: u32,
    noise: u32,
    seed: &str,
    count: u32,
) -> Result<Float32Array, JsError> {
    let spec = spec(dataset, classes, noise, seed, count).map_err(|m| JsError::new(&m))?;
    let flat: Vec<f32> = generate(&spec)
        .iter()
        .flat_map(|point| [point.x, point.y, point.label])
        .collect();
    Ok(Float32Array::from(flat.as_slice()))
}

/// The generator's spec for the arguments, or what is wrong with them.
fn spec(
    dataset: &str,
    classes: u32,
    noise: u32,
    seed: &str,
    count: u32,
) -> Result<DataSpec, String> {
    let kind = DatasetKind::from_name(dataset).ok_or_else(|| {
        let names: Vec<&str> = DatasetKind::ALL.iter().map(|kind| kind.name()).collect();
        format!(
            "datasetPreview: dataset `{dataset}` must be one of {}",
            names.join(", ")
        )
    })?;
    let classes = classes as usize;
    if kind.has_class_choice() && !DataSpec::CLASS_RANGE.contains(&classes) {
        return Err(format!(
            "datasetPreview: classes {classes} must be from {} to {}",
            DataSpec::CLASS_RANGE.start(),
            DataSpec::CLASS_RANGE.end()
        ));
    }
    let noise = noise as f32;
    if !DataSpec::NOISE_RANGE.contains(&noise) {
        let [noise, low, high] = [
            noise,
            *DataSpec::NOISE_RANGE.start(),
            *DataSpec::NOISE_RANGE.end(),
        ]
        .map(format_f32);
        return Err(format!(
            "datasetPreview: noise {noise} must be from {low} to {high} percent"
        ));
    }
    if count == 0 || count > MAX_SAMPLES {
        return Err(format!(
            "datasetPreview: count {count} must be from 1 to {MAX_SAMPLES}"
        ));
    }
    Ok(DataSpec {
        kind,
        classes,
        points: count as usize,
        noise,
        seed: seed_value(seed),
    })
}

#[cfg(test)]
mod tests {
    use super::spec;

    #[test]
    fn spec_names_the_argument_that_is_out_of_range() {
        let error = |result: Result<_, String>| result.err().unwrap_or_default();
        assert!(error(spec("donut", 2, 0, "1", 10)).contains("donut"));
        assert!(error(spec("spiral", 7, 0, "1", 10)).contains("classes 7"));
        assert!(error(spec("spiral", 2, 51, "1", 10)).contains("noise 51"));
        assert!(error(spec("spiral", 2, 0, "1", 0)).contains("count 0"));
        assert!(error(spec("spiral", 2, 0, "1", 2001)).contains("count 2001"));
    }

    #[test]
    fn classes_are_ignored_where_the_generator_does_not_choose_them() {
        assert!(spec("circle", 0, 0, "1", 10).is_ok());
        assert!(spec("reg-gauss", 99, 50, "abc", 2000).is_ok());
    }
}
