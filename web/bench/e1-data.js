// Workload E1 of `cargo xtask bench` as data, shared by the E1 bench pages (ours and TensorFlow.js):
// the fixed generated text (its generator is here, and ported byte for byte to
// crates/playground/benches/words.rs), the words lab link that trains on it, and for the peer the
// text read as the engine reads it (crates/playground/src/words/): its 500 most frequent words,
// the held-out sentences, the skip-gram pairs within the window and word2vec's noise table.

import { Pcg32 } from './s1-data.js';

/** E1: skip-gram with negative sampling, vectors of 16, a window of 2 words on each side, 5
 * negatives per true context, batches of 256 (word, context) pairs, Adam 0.01. */
export const DIM = 16;
export const WINDOW = 2;
export const NEGATIVES = 5;
export const BATCH = 256;
export const LEARNING_RATE = 0.01;
/** The most epochs a words link may ask for; training finishes after them. */
export const EPOCHS = 200;
/** The words the engine keeps: the most frequent (words/corpus.rs's `MAX_VOCAB`). */
export const VOCABULARY = 500;

/** The generated text's sentences, and the seed of its xorshift generator. */
const SENTENCES = 680;
const TEXT_SEED = 0x2545f491;
/** The made-up words are syllables of these letters. */
const CONSONANTS = 'bcdfghjklmnprstvwxz';
const VOWELS = 'aeiou';
/** What the text must come to, here and in benches/words.rs: its bytes and their FNV-1a hash. */
export const TEXT_BYTES = 19_082;
export const TEXT_HASH = 0x80e59230;
/** The data seed of the link (the default), which draws the held-out sentences. */
const DATA_SEED = 1;
/** The percent of sentences held out (words/examples.rs's `TEST_PERCENT`) once there are at
 * least `MIN_SENTENCES_TO_SPLIT`. */
const TEST_PERCENT = 10;
const MIN_SENTENCES_TO_SPLIT = 10;
/** Slots of the peer's noise table (word2vec's `table_size`, scaled to 500 words). */
const NOISE_TABLE_SIZE = 100_000;

/**
 * A text read as word ids, as words/corpus.rs's `WordCorpus::read` reads it.
 * @typedef {{vocabulary: string[], counts: number[], sentences: number[][]}} WordCorpus
 * @typedef {{centers: Int32Array, contexts: Int32Array}} Pairs
 */

/**
 * A 32-bit xorshift generator (Marsaglia's 13, 17, 5): a function giving the next draw.
 * @param {number} seed non-zero
 * @returns {() => number}
 */
export function xorshift32(seed) {
  let state = seed >>> 0;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

/**
 * The made-up words, most frequent rank first: consonant-vowel and vowel-consonant pairs, then
 * consonant-vowel-consonant triples (19 x 5 x 2 + 19 x 5 x 19 = 1,995 words).
 * @returns {string[]}
 */
export function madeUpWords() {
  const [cs, vs] = [[...CONSONANTS], [...VOWELS]];
  return [
    ...cs.flatMap((c) => vs.map((v) => c + v)),
    ...vs.flatMap((v) => cs.map((c) => v + c)),
    ...cs.flatMap((c) => vs.flatMap((v) => cs.map((d) => c + v + d))),
  ];
}

/**
 * E1's text: `SENTENCES` lines of 5 to 12 words drawn by a seeded xorshift from a Zipf
 * distribution over the made-up words (rank r weighs 2^20 / (r + 1), rounded down: integer
 * arithmetic, so words.rs draws the same), words separated by spaces, each line ended by "\n".
 * 5,807 words of which 1,176 distinct: the engine keeps the 500 most frequent.
 * @returns {string}
 */
export function generateText() {
  const words = madeUpWords();
  const cumulative = [];
  let total = 0;
  for (let rank = 0; rank < words.length; rank += 1) {
    total += Math.floor(2 ** 20 / (rank + 1));
    cumulative.push(total);
  }
  const next = xorshift32(TEXT_SEED);
  let text = '';
  for (let sentence = 0; sentence < SENTENCES; sentence += 1) {
    const length = 5 + (next() % 8);
    const line = [];
    for (let i = 0; i < length; i += 1) {
      const draw = next() % total;
      // the first rank whose running total exceeds the draw
      let [low, high] = [0, cumulative.length - 1];
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (cumulative[mid] > draw) high = mid;
        else low = mid + 1;
      }
      line.push(words[low]);
    }
    text += `${line.join(' ')}\n`;
  }
  return text;
}

/**
 * The 32-bit FNV-1a hash of `text`'s characters (all ASCII here: its UTF-8 bytes).
 * @param {string} text
 */
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * E1's text, checked against the length and hash words.rs also checks, so the two generators
 * cannot drift apart.
 * @returns {string}
 */
export function e1Text() {
  const text = generateText();
  if (text.length !== TEXT_BYTES || fnv1a(text) !== TEXT_HASH) {
    throw new Error(`E1's generated text is ${text.length} bytes with FNV-1a 0x${fnv1a(text).toString(16)}: `
      + `web/bench/e1-data.js expects ${TEXT_BYTES} and 0x${TEXT_HASH.toString(16)}`);
  }
  return text;
}

/**
 * E1 as a words lab link (kept identical to benches/words.rs's): the pasted `text`, Adam 0.01
 * (the lab's default, spelled out), the data and weight seeds 1 (the defaults).
 * @param {string} text
 */
export function e1Link(text) {
  return `lab=words&corpus=custom&text=${encodeURIComponent(text)}&method=sgns&dim=${DIM}&window=${WINDOW}`
    + `&negatives=${NEGATIVES}&batchSize=${BATCH}&epochs=${EPOCHS}&optimizer=adam&learningRate=${LEARNING_RATE}`;
}

/**
 * `text` read as the engine reads a pasted text, for a text of lowercase letters, spaces and line
 * breaks (as E1's): sentences are its non-blank lines, words are cut at spaces, the vocabulary is
 * the `VOCABULARY` most frequent words (ties in order of first appearance), most frequent
 * first, and the other words are dropped from the sentences (a sentence left empty with them).
 * @param {string} text
 * @returns {WordCorpus}
 */
export function readWords(text) {
  const tokens = text.split('\n').filter((line) => line.trim() !== '').map((line) => line.split(' ').filter(Boolean));
  /** @type {Map<string, number>} */
  const firstSeen = new Map();
  /** @type {number[]} */
  const seen = [];
  for (const word of tokens.flat()) {
    const id = firstSeen.get(word);
    if (id === undefined) {
      firstSeen.set(word, seen.length);
      seen.push(1);
    } else {
      seen[id] += 1;
    }
  }
  const words = [...firstSeen.keys()];
  const order = Array.from(seen, (_, id) => id).sort((a, b) => seen[b] - seen[a] || a - b).slice(0, VOCABULARY);
  const rank = new Map(order.map((id, r) => [words[id], r]));
  const sentences = tokens
    .map((line) => line.flatMap((word) => {
      const id = rank.get(word);
      return id === undefined ? [] : [id];
    }))
    .filter((ids) => ids.length > 0);
  return { vocabulary: order.map((id) => words[id]), counts: order.map((id) => seen[id]), sentences };
}

/**
 * The training pairs the engine trains on: the sentences not held out (words/examples.rs's
 * `test_sentences`: the sentence indices shuffled by `Rng::new(seed ^ 0x07e575e7)`, the first
 * 10% held out), each word paired with every word within `WINDOW` of it in its sentence, in
 * the text's order.
 * @param {WordCorpus} corpus
 * @returns {Pairs}
 */
export function trainPairs(corpus) {
  const count = corpus.sentences.length;
  const heldOut = new Set();
  if (count >= MIN_SENTENCES_TO_SPLIT) {
    const order = Array.from({ length: count }, (_, i) => i);
    const rng = new Pcg32(DATA_SEED ^ 0x07e575e7);
    for (let i = count - 1; i > 0; i -= 1) {
      const j = rng.below(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order.slice(0, Math.floor((count * TEST_PERCENT) / 100))) heldOut.add(index);
  }
  const [centers, contexts] = [/** @type {number[]} */ ([]), /** @type {number[]} */ ([])];
  corpus.sentences.forEach((sentence, index) => {
    if (heldOut.has(index)) return;
    sentence.forEach((word, at) => {
      const end = Math.min(at + WINDOW + 1, sentence.length);
      for (let j = Math.max(0, at - WINDOW); j < end; j += 1) {
        if (j === at) continue;
        centers.push(word);
        contexts.push(sentence[j]);
      }
    });
  });
  return { centers: Int32Array.from(centers), contexts: Int32Array.from(contexts) };
}

/**
 * word2vec's unigram table: `NOISE_TABLE_SIZE` slots, each word filling a share proportional to
 * its count to the power 0.75, so a uniform slot draws a negative from the noise distribution.
 * @param {number[]} counts
 * @returns {Int32Array}
 */
export function noiseTable(counts) {
  const weights = counts.map((count) => count ** 0.75);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const table = new Int32Array(NOISE_TABLE_SIZE);
  let [start, running] = [0, 0];
  weights.forEach((weight, word) => {
    running += weight;
    const end = word === weights.length - 1 ? NOISE_TABLE_SIZE : Math.round((running / total) * NOISE_TABLE_SIZE);
    table.fill(word, start, end);
    start = Math.max(start, end);
  });
  return table;
}
