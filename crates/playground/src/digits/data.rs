//! Decoding the digits file (65-byte records: 64 pixels 0..=16 row-major, then the
//! digit 0..=9) into images scaled to `[0, 1]` and their labels. Checks every byte;
//! un-gzipping is the caller's job.

use crate::FileError;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::ops::RangeInclusive;

/// Pixels per image side.
pub const SIDE: usize = 8;
/// Pixels per image.
pub const PIXELS: usize = SIDE * SIDE;
/// Bytes per record: the pixels, then the label.
pub const RECORD_BYTES: usize = PIXELS + 1;
/// The highest grey level a pixel byte may hold (0 is white paper, 16 full ink).
pub const LEVELS: u8 = 16;
/// Number of classes, the digits 0 to 9.
pub const CLASSES: usize = 10;
/// How many records a file may hold (the shipped one has 1,797).
pub const RECORD_RANGE: RangeInclusive<usize> = 10..=5000;

/// One 8x8 image, row-major (row 0 at the top, left to right), values in `[0, 1]`.
pub type Image = [f32; PIXELS];

/// Labelled digit images, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Digits {
    images: Vec<Image>,
    labels: Vec<u8>,
}

/// Why a digits file cannot be used: what is wrong, where, and what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DigitsError {
    /// The length is not a whole number of records.
    Length {
        /// The file's length in bytes.
        bytes: usize,
    },
    /// The number of records is outside [`RECORD_RANGE`].
    Count {
        /// The number of records in the file.
        records: usize,
    },
    /// A pixel byte above [`LEVELS`].
    Pixel {
        /// The record, counted from 0.
        record: usize,
        /// The byte within the record, `0..64` (row `byte / 8`, column `byte % 8`).
        byte: usize,
        /// The value found.
        value: u8,
    },
    /// A label byte above 9.
    Label {
        /// The record, counted from 0.
        record: usize,
        /// The value found.
        value: u8,
    },
}

impl DigitsError {
    /// The error in English, naming the record, the byte and what is allowed.
    pub fn message(&self) -> String {
        let (low, high) = (RECORD_RANGE.start(), RECORD_RANGE.end());
        match *self {
            Self::Length { bytes } => alloc::format!(
                "digits file: {bytes} bytes is not a whole number of {RECORD_BYTES}-byte records \
                 ({PIXELS} pixels then a label)"
            ),
            Self::Count { records } => {
                alloc::format!("digits file: {records} records; from {low} to {high} are allowed")
            }
            Self::Pixel {
                record,
                byte,
                value,
            } => alloc::format!(
                "digits file: record {record}, byte {byte} (pixel at row {}, column {}) is \
                 {value}; a pixel must be 0..={LEVELS}",
                byte / SIDE,
                byte % SIDE
            ),
            Self::Label { record, value } => alloc::format!(
                "digits file: record {record}, byte {PIXELS} (the label) is {value}; \
                 a label must be 0..={}",
                CLASSES - 1
            ),
        }
    }

    /// The same sentence in Chinese.
    pub fn message_zh(&self) -> String {
        let (low, high) = (RECORD_RANGE.start(), RECORD_RANGE.end());
        match *self {
            Self::Length { bytes } => alloc::format!(
                "数字文件：{bytes} 字节不是整数条 {RECORD_BYTES} 字节的记录（{PIXELS} 个像素加一个标签）"
            ),
            Self::Count { records } => {
                alloc::format!("数字文件：有 {records} 条记录；允许 {low} 到 {high} 条")
            }
            Self::Pixel {
                record,
                byte,
                value,
            } => alloc::format!(
                "数字文件：记录 {record} 的字节 {byte}（第 {} 行第 {} 列的像素）是 {value}；\
                 像素必须在 0..={LEVELS} 之间",
                byte / SIDE,
                byte % SIDE
            ),
            Self::Label { record, value } => alloc::format!(
                "数字文件：记录 {record} 的字节 {PIXELS}（标签）是 {value}；标签必须在 0..={} 之间",
                CLASSES - 1
            ),
        }
    }
}

impl fmt::Display for DigitsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for DigitsError {}

impl From<DigitsError> for FileError {
    fn from(error: DigitsError) -> Self {
        FileError::new(error.message(), error.message_zh())
    }
}

impl Digits {
    /// The images and labels of `raw`, the un-gzipped digits file: records of
    /// [`RECORD_BYTES`] bytes, each 64 pixels 0..=16 row-major then the digit 0..=9.
    /// Pixels become `pixel / 16` in `[0, 1]`.
    ///
    /// # Errors
    /// The first problem found, checking the length, then the record count, then
    /// each record's bytes in order.
    pub fn decode(raw: &[u8]) -> Result<Self, DigitsError> {
        if raw.len() % RECORD_BYTES != 0 {
            return Err(DigitsError::Length { bytes: raw.len() });
        }
        let records = raw.len() / RECORD_BYTES;
        if !RECORD_RANGE.contains(&records) {
            return Err(DigitsError::Count { records });
        }
        let mut images = Vec::with_capacity(records);
        let mut labels = Vec::with_capacity(records);
        for (record, bytes) in raw.chunks_exact(RECORD_BYTES).enumerate() {
            let mut image = [0.0; PIXELS];
            for (byte, (&value, pixel)) in bytes.iter().zip(&mut image).enumerate() {
                if value > LEVELS {
                    return Err(DigitsError::Pixel {
                        record,
                        byte,
                        value,
                    });
                }
                *pixel = f32::from(value) / f32::from(LEVELS);
            }
            let label = bytes[PIXELS];
            if usize::from(label) >= CLASSES {
                return Err(DigitsError::Label {
                    record,
                    value: label,
                });
            }
            images.push(image);
            labels.push(label);
        }
        Ok(Self { images, labels })
    }

    /// How many images there are.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are none (never, for a decoded file).
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Every image, in file order.
    pub fn images(&self) -> &[Image] {
        &self.images
    }

    /// Every label `0..=9`, in file order.
    pub fn labels(&self) -> &[u8] {
        &self.labels
    }

    /// Image `index`.
    ///
    /// # Panics
    /// If `index >= len()`.
    pub fn image(&self, index: usize) -> &Image {
        &self.images[index]
    }

    /// The digit image `index` shows, `0..=9`.
    ///
    /// # Panics
    /// If `index >= len()`.
    pub fn label(&self, index: usize) -> usize {
        usize::from(self.labels[index])
    }

    /// How many images each digit has, indexed by digit.
    pub fn class_counts(&self) -> [usize; CLASSES] {
        let mut counts = [0; CLASSES];
        for &label in &self.labels {
            counts[usize::from(label)] += 1;
        }
        counts
    }
}
