//! The digits lab's data: the shipped file decodes to scikit-learn's digits, bad files
//! are refused with the record and byte named, the stratified split holds its counts
//! and seeds, and the augmentations do what they say.

use flate2::read::GzDecoder;
use playground::FileError;
use playground::digits::{
    CLASSES, Digits, DigitsError, Image, RECORD_BYTES, TEST_PERCENT, add_noise, flip,
    max_train_size, random_rotate, random_shift, rotate, shift, stratified_split,
};
use std::io::Read;
use tensor::Rng;

/// The shipped file, gzipped as the page fetches it.
const SHIPPED: &[u8] = include_bytes!("../../../web/labs/digits/digits.bin.gz");

/// The first row of digits-8x8.csv.gz (scikit-learn's `load_digits().data[0]`, a 0).
const FIRST_ROW: [u8; 65] = [
    0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0,
    8, 8, 0, 0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6,
    13, 10, 0, 0, 0, 0,
];

fn raw() -> Result<Vec<u8>, std::io::Error> {
    let mut bytes = Vec::new();
    GzDecoder::new(SHIPPED).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn shipped() -> Result<Digits, Box<dyn std::error::Error>> {
    Ok(Digits::decode(&raw()?)?)
}

/// Ten valid records, one per digit, every pixel 8.
fn ten_records() -> Vec<u8> {
    (0..10u8)
        .flat_map(|digit| [8u8; 64].into_iter().chain([digit]))
        .collect()
}

fn class_counts(indices: &[usize], labels: &[u8]) -> [usize; CLASSES] {
    let mut counts = [0; CLASSES];
    for &i in indices {
        counts[usize::from(labels[i])] += 1;
    }
    counts
}

fn bits(image: &Image) -> Vec<u32> {
    image.iter().map(|v| v.to_bits()).collect()
}

#[test]
fn shipped_file_is_scikit_learns_1797_digits() -> Result<(), Box<dyn std::error::Error>> {
    let digits = shipped()?;
    assert_eq!(digits.len(), 1797);
    assert_eq!(raw()?.len(), 1797 * RECORD_BYTES);
    // sklearn.datasets.load_digits(): np.bincount(target)
    assert_eq!(
        digits.class_counts(),
        [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    );
    let first: Vec<f32> = FIRST_ROW[..64]
        .iter()
        .map(|&p| f32::from(p) / 16.0)
        .collect();
    assert_eq!(digits.image(0).as_slice(), first.as_slice());
    assert_eq!(digits.label(0), usize::from(FIRST_ROW[64]));
    assert_eq!(&digits.labels()[..10], &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    let pixels = digits.images().iter().flatten();
    assert!(pixels.clone().all(|p| (0.0..=1.0).contains(p)));
    assert!(pixels.clone().any(|&p| p == 1.0));
    Ok(())
}

#[test]
fn a_length_not_a_whole_number_of_records_is_refused_with_the_record_size() {
    let mut bytes = ten_records();
    bytes.pop();
    let error = Digits::decode(&bytes);
    assert_eq!(error, Err(DigitsError::Length { bytes: 649 }));
    if let Err(error) = error {
        assert!(error.message().contains("649 bytes"), "{error}");
        assert!(error.message().contains("65-byte records"), "{error}");
        assert!(
            error.message_zh().contains("65 字节"),
            "{}",
            error.message_zh()
        );
    }
}

#[test]
fn too_few_records_are_refused_with_the_range_allowed() {
    let bytes = &ten_records()[..9 * RECORD_BYTES];
    let error = Digits::decode(bytes);
    assert_eq!(error, Err(DigitsError::Count { records: 9 }));
    if let Err(error) = error {
        assert!(error.to_string().contains("from 10 to 5000"), "{error}");
    }
    assert_eq!(Digits::decode(&[]), Err(DigitsError::Count { records: 0 }));
    assert!(Digits::decode(&ten_records()).is_ok());
}

#[test]
fn pixel_17_is_refused_naming_record_byte_and_levels() {
    let mut bytes = ten_records();
    bytes[3 * RECORD_BYTES + 10] = 17;
    let error = Digits::decode(&bytes);
    assert_eq!(
        error,
        Err(DigitsError::Pixel {
            record: 3,
            byte: 10,
            value: 17
        })
    );
    if let Err(error) = error {
        let en = error.message();
        for part in [
            "record 3",
            "byte 10",
            "row 1, column 2",
            "is 17",
            "pixel must be 0..=16",
        ] {
            assert!(en.contains(part), "{part:?} missing from {en}");
        }
        let zh = error.message_zh();
        for part in ["记录 3", "字节 10", "像素", "0..=16"] {
            assert!(zh.contains(part), "{part:?} missing from {zh}");
        }
        let file = FileError::from(error);
        assert_eq!((file.en, file.zh), (en, zh));
    }
}

#[test]
fn label_10_is_refused_naming_record_and_digits() {
    let mut bytes = ten_records();
    bytes[7 * RECORD_BYTES + 64] = 10;
    let error = Digits::decode(&bytes);
    assert_eq!(
        error,
        Err(DigitsError::Label {
            record: 7,
            value: 10
        })
    );
    if let Err(error) = error {
        let en = error.message();
        for part in ["record 7", "byte 64", "label", "is 10", "0..=9"] {
            assert!(en.contains(part), "{part:?} missing from {en}");
        }
        assert!(
            error.message_zh().contains("标签"),
            "{}",
            error.message_zh()
        );
    }
}

#[test]
fn split_is_stratified_disjoint_and_complete() -> Result<(), Box<dyn std::error::Error>> {
    let digits = shipped()?;
    let labels = digits.labels();
    let most = max_train_size(labels);
    let split = stratified_split(labels, most, 7);
    // Each digit holds out floor(count * 25 / 100).
    let held: Vec<usize> = digits
        .class_counts()
        .iter()
        .map(|&n| n * TEST_PERCENT / 100)
        .collect();
    assert_eq!(class_counts(&split.test, labels).to_vec(), held);
    assert_eq!(split.test.len(), 445);
    assert_eq!(most, 1797 - 445);
    let mut all: Vec<usize> = split.train.iter().chain(&split.test).copied().collect();
    all.sort_unstable();
    assert_eq!(all, (0..1797).collect::<Vec<_>>(), "disjoint and covering");
    assert!(split.train.is_sorted() && split.test.is_sorted());
    Ok(())
}

#[test]
fn fifty_training_images_are_five_per_digit() -> Result<(), Box<dyn std::error::Error>> {
    let digits = shipped()?;
    let labels = digits.labels();
    let split = stratified_split(labels, 50, 1);
    assert_eq!(class_counts(&split.train, labels), [5; CLASSES]);
    let ten = stratified_split(labels, 10, 1);
    assert_eq!(class_counts(&ten.train, labels), [1; CLASSES]);
    let odd = class_counts(&stratified_split(labels, 53, 1).train, labels);
    assert_eq!(odd.iter().filter(|&&n| n == 6).count(), 3);
    assert_eq!(odd.iter().filter(|&&n| n == 5).count(), 7);
    assert!(split.train.iter().all(|i| !split.test.contains(i)));
    Ok(())
}

#[test]
fn split_is_deterministic_for_a_seed_and_differs_for_another()
-> Result<(), Box<dyn std::error::Error>> {
    let digits = shipped()?;
    let labels = digits.labels();
    let first = stratified_split(labels, 200, 42);
    assert_eq!(first, stratified_split(labels, 200, 42));
    let other = stratified_split(labels, 200, 43);
    assert_ne!(first.train, other.train);
    assert_ne!(first.test, other.test);
    Ok(())
}

#[test]
fn a_larger_training_set_keeps_the_smaller_one_and_the_test_set()
-> Result<(), Box<dyn std::error::Error>> {
    let digits = shipped()?;
    let labels = digits.labels();
    let small = stratified_split(labels, 50, 9);
    let large = stratified_split(labels, 500, 9);
    assert_eq!(small.test, large.test);
    assert!(small.train.iter().all(|i| large.train.contains(i)));
    Ok(())
}

/// A lopsided test image: the 3x2 block at rows 2..=3, columns 1..=3, and one corner pixel.
fn sample() -> Image {
    let mut image = [0.0; 64];
    for (i, value) in [
        (17, 0.25),
        (18, 0.5),
        (19, 0.75),
        (25, 1.0),
        (26, 0.125),
        (27, 0.5),
        (7, 1.0),
    ] {
        image[i] = value;
    }
    image
}

#[test]
fn flipping_twice_is_the_identity_and_once_mirrors() {
    let image = sample();
    let flipped = flip(&image);
    assert_eq!(flipped[0], image[7]);
    assert_eq!(flipped[8 * 2 + 6], image[8 * 2 + 1]);
    assert_ne!(bits(&flipped), bits(&image));
    assert_eq!(bits(&flip(&flipped)), bits(&image));
}

#[test]
fn shifting_right_moves_each_pixel_one_column_and_fills_with_zero() {
    let image = sample();
    let moved = shift(&image, 1, 0);
    for row in 0..8 {
        assert_eq!(
            moved[row * 8],
            0.0,
            "column 0 of row {row} is filled with 0"
        );
        for col in 1..8 {
            assert_eq!(moved[row * 8 + col], image[row * 8 + col - 1]);
        }
    }
    let down = shift(&image, 0, 3);
    assert_eq!(down[5 * 8 + 1], image[2 * 8 + 1]);
    assert!(down[..24].iter().all(|&p| p == 0.0));
    assert_eq!(bits(&shift(&image, 0, 0)), bits(&image));
    assert!(shift(&image, 8, 0).iter().all(|&p| p == 0.0));
}

#[test]
fn rotating_by_zero_is_the_identity_and_small_turns_keep_the_ink_in_range() {
    let image = sample();
    assert_eq!(bits(&rotate(&image, 0.0)), bits(&image));
    let turned = rotate(&image, 10.0);
    assert_ne!(bits(&turned), bits(&image));
    assert!(turned.iter().all(|p| (0.0..=1.0).contains(p)));
    let mut a = Rng::new(3);
    let mut b = Rng::new(3);
    assert_eq!(
        bits(&random_rotate(&image, &mut a)),
        bits(&random_rotate(&image, &mut b))
    );
}

#[test]
fn random_shifts_are_at_most_one_pixel_and_seeded() {
    let mut image = [0.0; 64];
    image[3 * 8 + 4] = 1.0;
    let mut rng = Rng::new(11);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..200 {
        let moved = random_shift(&image, &mut rng);
        let at = moved.iter().position(|&p| p == 1.0);
        let Some(at) = at else {
            panic!("the pixel left the image");
        };
        let (dx, dy) = (at as i32 % 8 - 4, at as i32 / 8 - 3);
        assert!(dx.abs() <= 1 && dy.abs() <= 1, "moved by ({dx}, {dy})");
        seen.insert((dx, dy));
    }
    assert_eq!(seen.len(), 9, "every shift in -1..=1 squared turns up");
    let first = random_shift(&image, &mut Rng::new(5));
    assert_eq!(bits(&first), bits(&random_shift(&image, &mut Rng::new(5))));
}

#[test]
fn noise_stays_in_zero_one_and_is_seeded() {
    let image = sample();
    let noisy = add_noise(&image, 0.3, &mut Rng::new(21));
    assert!(noisy.iter().all(|p| (0.0..=1.0).contains(p)));
    assert_ne!(bits(&noisy), bits(&image));
    assert_eq!(
        bits(&noisy),
        bits(&add_noise(&image, 0.3, &mut Rng::new(21)))
    );
    assert_ne!(
        bits(&noisy),
        bits(&add_noise(&image, 0.3, &mut Rng::new(22)))
    );
    assert_eq!(
        bits(&add_noise(&image, 0.0, &mut Rng::new(21))),
        bits(&image)
    );
}
