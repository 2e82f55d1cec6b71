//! The `WordsLab` handle: one `playground::words::WordsSession` for the words
//! lab's page, built from a link. Converts words to ids and back, results to
//! JS values and errors to bilingual ones; every figure (similarities,
//! neighbours, analogies, the projection) is the session's.

use js_sys::{Array, Float32Array, Object, Uint32Array};
use playground::words::{Neighbour, WordsSession};
use playground::{Config, ConfigError};
use wasm_bindgen::prelude::{JsError, JsValue, wasm_bindgen};

use crate::bilingual;
use crate::js_values::{number, set};
use crate::lab_session::{LabSession, lab_handle_basics};
use crate::metrics::JsMetrics;

/// The most work one `trainSteps` call may do, in units of one example's
/// score against one vector component: about 4 ms in Chromium's wasm on the
/// dev machine (13 updates of the default settings, 12.6 ms for 48). One
/// update is never split: at the largest settings it takes 6 ms (skip-gram)
/// to 15 ms (CBOW), and the page trains in a worker.
pub const MAX_WORDS_WORK_PER_CALL: u64 = 600_000;
/// Work of one update whatever its size (the batch, the tape, the schedule):
/// about 3 µs.
const UPDATE_OVERHEAD: u64 = 2_000;
/// The most updates one `trainSteps` call takes, however small the setup.
pub const MAX_WORDS_STEPS_PER_CALL: u32 = 1000;
/// The most words `neighbours` and `analogy` list.
const MAX_LISTED: u32 = 50;

/// One words experiment being trained, for the page.
#[wasm_bindgen]
#[derive(Debug)]
pub struct WordsLab {
    session: WordsSession,
}

lab_handle_basics!(WordsLab);

#[wasm_bindgen]
impl WordsLab {
    /// The most updates one `trainSteps` call may take at the current
    /// settings (at least 1): as many as fit in [`MAX_WORDS_WORK_PER_CALL`].
    #[wasm_bindgen(js_name = stepsPerCall)]
    pub fn steps_per_call(&self) -> u32 {
        let config = self.session.config();
        let words = &config.words;
        // each example scores its context and the negatives, and CBOW first
        // averages the window's vectors
        let rows = 1 + words.negatives + 2 * words.window;
        let update = (config.batch_size.max(1) * rows * words.dim.max(1)) as u64 + UPDATE_OVERHEAD;
        u32::try_from(MAX_WORDS_WORK_PER_CALL / update)
            .unwrap_or(MAX_WORDS_STEPS_PER_CALL)
            .clamp(1, MAX_WORDS_STEPS_PER_CALL)
    }

    /// Takes up to `n` updates (fewer once training finishes or stops) and
    /// returns the mean loss of the last batch.
    ///
    /// # Errors
    /// When `n` exceeds [`WordsLab::steps_per_call`], in both languages.
    #[wasm_bindgen(js_name = trainSteps)]
    pub fn train_steps(&mut self, n: u32) -> Result<f32, JsValue> {
        let most = self.steps_per_call();
        if n > most {
            return Err(bilingual::error(
                &format!("trainSteps({n}): at most {most} updates per call at these settings"),
                &format!("trainSteps({n})：在当前设置下每次调用最多 {most} 次更新"),
            ));
        }
        Ok(self.session.train_steps(u64::from(n)))
    }

    /// The updates left in the current epoch.
    #[wasm_bindgen(js_name = stepsLeftInEpoch)]
    pub fn steps_left_in_epoch(&self) -> f64 {
        let epoch = self.session.epoch_steps().max(1);
        (epoch - self.session.step() % epoch) as f64
    }

    /// Whether the link's epochs are all trained: training finished.
    pub fn finished(&self) -> bool {
        self.session.finished()
    }

    /// The trained numbers: two vectors per word.
    #[wasm_bindgen(js_name = parameterCount)]
    pub fn parameter_count(&self) -> f64 {
        self.session.parameter_count() as f64
    }

    /// The other labs' metrics (losses, accuracies, the gradient norms of
    /// the input and the output vectors, the stop) plus `parameters`,
    /// `finished`, `vocabularySize` and `dim` (each word's vector length).
    ///
    /// # Errors
    /// Only if the object cannot be built, which would be a bug.
    pub fn metrics(&self) -> Result<JsValue, JsError> {
        let object = JsMetrics::from(&self.session.metrics()).to_js()?;
        let words = &self.session.config().words;
        set(&object, "parameters", &self.parameter_count().into());
        set(&object, "finished", &self.session.finished().into());
        set(
            &object,
            "vocabularySize",
            &JsValue::from_f64(self.session.vocabulary().len() as f64),
        );
        set(&object, "dim", &JsValue::from_f64(words.dim as f64));
        Ok(object)
    }

    /// The words, most frequent first; a word's id is its index.
    pub fn vocabulary(&self) -> Array {
        self.session
            .vocabulary()
            .iter()
            .map(|word| JsValue::from_str(word))
            .collect()
    }

    /// How often each word occurs, in the order of `vocabulary`.
    pub fn counts(&self) -> Uint32Array {
        Uint32Array::from(self.session.corpus().counts.as_slice())
    }

    /// The `count` words (at most 50) nearest to `word` by cosine, nearest
    /// first, as `{word, similarity}`.
    ///
    /// # Errors
    /// A word outside the vocabulary, named, in both languages.
    pub fn neighbours(&self, word: &str, count: u32) -> Result<Array, JsValue> {
        let id = self.id(word, "word")?;
        Ok(self.listed(&self.session.neighbours(id, listed_count(count))))
    }

    /// The `count` words (at most 50) nearest to `a − b + c`, the three
    /// themselves left out, as `{word, similarity}`.
    ///
    /// # Errors
    /// A word outside the vocabulary, named, in both languages.
    pub fn analogy(&self, a: &str, b: &str, c: &str, count: u32) -> Result<Array, JsValue> {
        let (a, b, c) = (self.id(a, "a")?, self.id(b, "b")?, self.id(c, "c")?);
        Ok(self.listed(&self.session.analogy(a, b, c, listed_count(count))))
    }

    /// The cosine similarity of the vectors of words `a` and `b`.
    ///
    /// # Errors
    /// A word outside the vocabulary, named, in both languages.
    pub fn similarity(&self, a: &str, b: &str) -> Result<f32, JsValue> {
        let (a, b) = (self.id(a, "a")?, self.id(b, "b")?);
        Ok(self.session.similarity(a, b))
    }

    /// How often each word (in the order of `vocabulary`) appears within the
    /// window of `word`, over the whole text.
    ///
    /// # Errors
    /// A word outside the vocabulary, named, in both languages.
    pub fn cooccurrences(&self, word: &str) -> Result<Uint32Array, JsValue> {
        let id = self.id(word, "word")?;
        Ok(Uint32Array::from(self.session.cooccurrences(id).as_slice()))
    }

    /// Every word's place on the two principal axes of the unit vectors, as
    /// `[x0, y0, x1, y1, …]` in the order of `vocabulary`.
    pub fn projection(&self) -> Float32Array {
        let flat: Vec<f32> = self.session.projection().into_iter().flatten().collect();
        Float32Array::from(flat.as_slice())
    }

    /// The group of word `id` (an index into `groups()`), or -1 for none.
    #[wasm_bindgen(js_name = groupOf)]
    pub fn group_of(&self, id: u32) -> i32 {
        self.session
            .group_of(id as usize)
            .and_then(|group| i32::try_from(group).ok())
            .unwrap_or(-1)
    }

    /// The built-in text's word groups as `{nameEn, nameZh, words}` (none for
    /// a pasted text).
    pub fn groups(&self) -> Array {
        self.session
            .corpus()
            .groups
            .iter()
            .map(|group| {
                let entry = Object::new();
                set(&entry, "nameEn", &JsValue::from_str(group.name_en));
                set(&entry, "nameZh", &JsValue::from_str(group.name_zh));
                let words: Array = group.words.iter().map(|w| JsValue::from_str(w)).collect();
                set(&entry, "words", &words);
                JsValue::from(entry)
            })
            .collect()
    }

    /// The lab's figures for a built-in text as `{groupNeighbours,
    /// similarPair, distantPair, analogyRank}`, or `null` for a pasted text.
    pub fn summary(&self) -> JsValue {
        let Some(summary) = self.session.summary() else {
            return JsValue::NULL;
        };
        let object = Object::new();
        set(
            &object,
            "groupNeighbours",
            &number(summary.group_neighbours),
        );
        set(&object, "similarPair", &number(summary.similar_pair));
        set(&object, "distantPair", &number(summary.distant_pair));
        set(
            &object,
            "analogyRank",
            &JsValue::from_f64(summary.analogy_rank as f64),
        );
        object.into()
    }

    /// The trained vectors as the JSON file the CLI's `--export` writes.
    #[wasm_bindgen(js_name = vectorsFile)]
    pub fn vectors_file(&self) -> String {
        self.session.vectors_file()
    }
}

impl WordsLab {
    /// The id of `word`, or an error naming it and the argument it was given as.
    fn id(&self, word: &str, argument: &str) -> Result<usize, JsValue> {
        self.session.corpus().id(word).ok_or_else(|| {
            let shown: String = word.chars().take(40).collect();
            bilingual::error(
                &format!("{argument}: \"{shown}\" is not a word of the text"),
                &format!("{argument}：“{shown}”不是文本中的词"),
            )
        })
    }

    /// `neighbours` as `{word, similarity}` objects.
    fn listed(&self, neighbours: &[Neighbour]) -> Array {
        let vocabulary = self.session.vocabulary();
        neighbours
            .iter()
            .map(|neighbour| {
                let entry = Object::new();
                let word = vocabulary.get(neighbour.id).map_or("", String::as_str);
                set(&entry, "word", &JsValue::from_str(word));
                set(&entry, "similarity", &number(neighbour.similarity));
                JsValue::from(entry)
            })
            .collect()
    }
}

/// `count` within the most a list may hold.
fn listed_count(count: u32) -> usize {
    count.min(MAX_LISTED) as usize
}

impl LabSession for WordsSession {
    fn open(config: Config) -> Result<Self, ConfigError> {
        WordsSession::new(config)
    }
    fn settings(&self) -> &Config {
        self.config()
    }
    fn retune(&mut self, config: Config) -> Result<bool, ConfigError> {
        self.set_config(config)
    }
}
