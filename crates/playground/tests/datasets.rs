//! The public dataset API across every kind: point counts, label ranges, determinism,
//! coordinate ranges, class balance, names and panics. Each generator's own formula
//! is tested beside it, in its file under `src/dataset/`.

use playground::dataset::{DataSpec, DatasetKind, Point, generate};

fn spec(kind: DatasetKind, classes: usize, points: usize, noise: f32, seed: u64) -> DataSpec {
    DataSpec {
        kind,
        classes,
        points,
        noise,
        seed,
    }
}

/// Every spec worth sweeping: each kind, with every class count where it has a choice.
fn all_specs(points: usize, noise: f32, seed: u64) -> Vec<DataSpec> {
    DatasetKind::ALL
        .into_iter()
        .flat_map(|kind| {
            let classes = if kind.has_class_choice() {
                2..=6
            } else {
                2..=2
            };
            classes.map(move |k| spec(kind, k, points, noise, seed))
        })
        .collect()
}

fn bits(points: &[Point]) -> Vec<[u32; 3]> {
    points
        .iter()
        .map(|p| [p.x.to_bits(), p.y.to_bits(), p.label.to_bits()])
        .collect()
}

fn class_counts(points: &[Point], classes: usize) -> Vec<usize> {
    let mut counts = vec![0; classes];
    for p in points {
        counts[p.label as usize] += 1;
    }
    counts
}

#[test]
fn every_kind_gives_exactly_the_requested_point_count() {
    for points in [0, 1, 2, 3, 7, 100, 101, 499, 500] {
        for spec in all_specs(points, 10.0, 3) {
            assert_eq!(generate(&spec).len(), points, "{spec:?}");
        }
    }
}

#[test]
fn class_labels_are_integer_indices_below_the_class_count() {
    for noise in [0.0, 50.0] {
        for spec in all_specs(301, noise, 5) {
            let Some(classes) = spec.class_count() else {
                continue;
            };
            for p in generate(&spec) {
                assert_eq!(p.label.fract(), 0.0, "{spec:?}: {p:?}");
                assert!((0.0..classes as f32).contains(&p.label), "{spec:?}: {p:?}");
            }
        }
    }
}

#[test]
fn regression_labels_stay_in_minus_one_to_one() {
    for kind in [DatasetKind::Plane, DatasetKind::MultiGauss] {
        for noise in [0.0, 25.0, 50.0] {
            let points = generate(&spec(kind, 2, 2000, noise, 9));
            assert!(points.iter().all(|p| (-1.0..=1.0).contains(&p.label)));
            // Both signs occur: the targets are not stuck at one end.
            assert!(points.iter().any(|p| p.label > 0.5) && points.iter().any(|p| p.label < -0.5));
        }
    }
}

#[test]
fn class_count_follows_the_kind() {
    assert_eq!(
        spec(DatasetKind::Spiral, 5, 10, 0.0, 0).class_count(),
        Some(5)
    );
    assert_eq!(
        spec(DatasetKind::Gauss, 3, 10, 0.0, 0).class_count(),
        Some(3)
    );
    assert_eq!(
        spec(DatasetKind::Moons, 5, 10, 0.0, 0).class_count(),
        Some(2)
    );
    assert_eq!(spec(DatasetKind::Plane, 5, 10, 0.0, 0).class_count(), None);
}

#[test]
fn same_spec_gives_identical_bits_and_another_seed_other_points() {
    for spec in all_specs(200, 20.0, 11) {
        let first = bits(&generate(&spec));
        assert_eq!(first, bits(&generate(&spec)), "{spec:?}");
        let reseeded = DataSpec { seed: 12, ..spec };
        assert_ne!(first, bits(&generate(&reseeded)), "{spec:?}");
    }
}

#[test]
fn kind_names_are_tfps_and_round_trip() {
    let names: Vec<&str> = DatasetKind::ALL.iter().map(|k| k.name()).collect();
    let expected = [
        "spiral",
        "circle",
        "xor",
        "gauss",
        "moons",
        "reg-plane",
        "reg-gauss",
    ];
    assert_eq!(names, expected);
    for kind in DatasetKind::ALL {
        assert_eq!(DatasetKind::from_name(kind.name()), Some(kind));
    }
    assert_eq!(DatasetKind::from_name("Spiral"), None);
    assert_eq!(DatasetKind::from_name(""), None);
    let regression: Vec<bool> = DatasetKind::ALL.iter().map(|k| k.is_regression()).collect();
    assert_eq!(regression, [false, false, false, false, false, true, true]);
}

#[test]
fn coordinates_stay_in_each_generators_range() {
    for noise in [0.0, 50.0] {
        let jitter = noise / 100.0;
        let within = |kind, classes, x_max: f32, y_max: f32| {
            let points = generate(&spec(kind, classes, 1000, noise, 21));
            let bad = points
                .iter()
                .find(|p| p.x.abs() > x_max + 1e-5 || p.y.abs() > y_max + 1e-5);
            assert!(bad.is_none(), "{kind:?}, noise {noise}: {bad:?}");
        };
        within(DatasetKind::Spiral, 4, 5.0 + jitter, 5.0 + jitter);
        within(DatasetKind::Circle, 2, 5.0, 5.0);
        within(DatasetKind::Xor, 2, 5.3, 5.3);
        within(DatasetKind::Moons, 2, 5.0 + jitter, 2.5 + jitter);
        within(DatasetKind::Plane, 2, 6.0, 6.0);
        within(DatasetKind::MultiGauss, 2, 6.0, 6.0);
    }
}

#[test]
fn classes_are_balanced() {
    for kind in [DatasetKind::Spiral, DatasetKind::Gauss] {
        for classes in 2..=6 {
            let counts = class_counts(&generate(&spec(kind, classes, 503, 30.0, 2)), classes);
            let (min, max) = (counts.iter().min(), counts.iter().max());
            assert!(
                max.zip(min).is_some_and(|(max, min)| max - min <= 1),
                "{kind:?}: {counts:?}"
            );
        }
    }
    let circle = class_counts(&generate(&spec(DatasetKind::Circle, 2, 501, 0.0, 2)), 2);
    assert_eq!(circle, [250, 251]);
    let moons = class_counts(&generate(&spec(DatasetKind::Moons, 2, 501, 0.0, 2)), 2);
    assert_eq!(moons, [250, 251]);
    for noise in [0.0, 50.0] {
        let xor = class_counts(&generate(&spec(DatasetKind::Xor, 2, 2000, noise, 2)), 2);
        assert!(
            xor.iter().all(|&count| (850..=1150).contains(&count)),
            "{xor:?}"
        );
    }
}

#[test]
fn label_noise_flips_labels_but_keeps_positions() {
    let kinds = [
        DatasetKind::Circle,
        DatasetKind::Xor,
        DatasetKind::Plane,
        DatasetKind::MultiGauss,
    ];
    for kind in kinds {
        let clean = generate(&spec(kind, 2, 1000, 0.0, 19));
        let noisy = generate(&spec(kind, 2, 1000, 40.0, 19));
        let moved = clean
            .iter()
            .zip(&noisy)
            .any(|(c, n)| (c.x, c.y) != (n.x, n.y));
        let relabelled = clean
            .iter()
            .zip(&noisy)
            .filter(|(c, n)| c.label != n.label)
            .count();
        assert!(!moved, "{kind:?}");
        assert!(relabelled > 50, "{kind:?}: {relabelled} labels changed");
    }
}

#[test]
#[should_panic(expected = "classes in 2..=6")]
fn one_class_spiral_is_a_programming_error() {
    generate(&spec(DatasetKind::Spiral, 1, 10, 0.0, 0));
}

#[test]
#[should_panic(expected = "noise must be in 0..=50")]
fn noise_above_fifty_percent_is_a_programming_error() {
    generate(&spec(DatasetKind::Circle, 2, 10, 60.0, 0));
}
