// Workload S1 of `cargo xtask bench` as data, shared by the S1 bench pages (TensorFlow.js,
// brain.js): the corpus read as characters as crates/playground/src/sequence/corpus.rs reads it,
// its seeded train/test split, and the seeded random windows each update trains on.

/** S1: a character-level model (embedding of 16, one recurrent layer of 64, a dense softmax over
 * the corpus's characters at every step), truncated BPTT over 32 steps, batches of 16 windows,
 * Adam 0.01, for each recurrent cell. */
export const EMBEDDING = 16;
export const HIDDEN = 64;
export const STEPS = 32;
export const BATCH = 16;
export const LEARNING_RATE = 0.01;
/** The cells S1 times, in the order of the keys' names (`s1RnnTokensPerSecond`, ...). */
export const CELLS = /** @type {const} */ (['rnn', 'lstm', 'gru']);
/** Predictions per update: tokens/s = updates/s x this. */
export const TOKENS_PER_UPDATE = BATCH * STEPS;
/** The data seed of the split and of the windows (the lab's default). */
export const DATA_SEED = 1;
/** The percent of the sentences held out for testing (corpus.rs's `TEST_PERCENT`). */
const TEST_PERCENT = 20;

/** The corpus the sequence lab ships, served from the repository itself (not copied). */
const CORPUS_URL = new URL('../../crates/playground/src/sequence/corpus.txt', import.meta.url);

/**
 * The corpus as character ids: the sorted distinct characters and each sentence's ids.
 * @typedef {{vocabulary: string[], sentences: number[][]}} Corpus
 * @typedef {{train: Int32Array, test: Int32Array}} Split
 * @typedef {'rnn' | 'lstm' | 'gru'} Cell
 */

/**
 * The corpus file's text.
 * @returns {Promise<string>}
 */
export async function loadCorpus() {
  const response = await fetch(CORPUS_URL);
  if (!response.ok) throw new Error(`GET ${CORPUS_URL}: ${response.status}`);
  return response.text();
}

/**
 * `text` read as corpus.rs's `Corpus::read(text, Units::Characters)`: its non-blank lines (Rust's
 * `lines()`: split at "\n", a trailing "\r" dropped), each line's characters (spaces included)
 * and a "\n" at its end; the vocabulary every distinct character sorted by code point (as Rust
 * sorts `&str`s, by their UTF-8 bytes).
 * @param {string} text
 * @returns {Corpus}
 */
export function readCharacters(text) {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line.trim() !== '');
  const tokens = lines.map((line) => [...line, '\n']);
  const vocabulary = [...new Set(tokens.flat())].sort(byCodePoint);
  const ids = new Map(vocabulary.map((token, id) => [token, id]));
  return { vocabulary, sentences: tokens.map((line) => line.map((token) => ids.get(token) ?? 0)) };
}

/**
 * corpus.rs's `Corpus::split(seed)`: the sentences shuffled by `Rng::new(seed)`, the first 20%
 * held out for testing, each side's sentences joined into one stream in the shuffled order.
 * @param {Corpus} corpus
 * @param {number} seed
 * @returns {Split}
 */
export function split(corpus, seed) {
  const order = Array.from(corpus.sentences, (_, i) => i);
  const rng = new Pcg32(seed);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = rng.below(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const heldOut = Math.floor((corpus.sentences.length * TEST_PERCENT) / 100);
  const stream = (/** @type {number[]} */ indices) => Int32Array.from(indices.flatMap((i) => corpus.sentences[i]));
  return { train: stream(order.slice(heldOut)), test: stream(order.slice(0, heldOut)) };
}

/**
 * S1's updates as data: each call gives `BATCH` windows of `STEPS + 1` characters at starts
 * drawn uniformly from the training stream by `Rng::new(seed)`, split into the inputs (the first
 * `STEPS` of each window) and the targets (the next `STEPS`), row after row.
 * @param {Int32Array} stream
 * @param {number} seed
 * @returns {() => {inputs: Int32Array, targets: Int32Array}}
 */
export function windows(stream, seed) {
  const rng = new Pcg32(seed);
  const starts = stream.length - STEPS;
  return () => {
    const inputs = new Int32Array(BATCH * STEPS);
    const targets = new Int32Array(BATCH * STEPS);
    for (let row = 0; row < BATCH; row += 1) {
      const start = rng.below(starts);
      inputs.set(stream.subarray(start, start + STEPS), row * STEPS);
      targets.set(stream.subarray(start + 1, start + STEPS + 1), row * STEPS);
    }
    return { inputs, targets };
  };
}

/**
 * The held-out stream cut into consecutive windows of `STEPS + 1` characters overlapping by one
 * (every test character but the first is a target once), the remainder dropped; inputs and
 * targets row after row, as `windows` gives them.
 * @param {Int32Array} stream
 * @returns {{inputs: Int32Array, targets: Int32Array, rows: number}}
 */
export function testWindows(stream) {
  const rows = Math.floor((stream.length - 1) / STEPS);
  const inputs = new Int32Array(rows * STEPS);
  const targets = new Int32Array(rows * STEPS);
  for (let row = 0; row < rows; row += 1) {
    inputs.set(stream.subarray(row * STEPS, (row + 1) * STEPS), row * STEPS);
    targets.set(stream.subarray(row * STEPS + 1, (row + 1) * STEPS + 1), row * STEPS);
  }
  return { inputs, targets, rows };
}

/**
 * A cell's key stem: `rnn` -> `Rnn` (as in `s1RnnTokensPerSecond`).
 * @param {Cell} cell
 */
export function keyStem(cell) {
  return `${cell[0].toUpperCase()}${cell.slice(1)}`;
}

/**
 * The cells the page's `?cell=` names (one of CELLS), or all three.
 * @param {URLSearchParams} params
 * @returns {Cell[]}
 */
export function cellsFrom(params) {
  const named = params.get('cell');
  if (named === null) return [...CELLS];
  const cell = CELLS.find((known) => known === named);
  if (!cell) throw new Error(`S1 has no cell ${named}: one of ${CELLS.join(', ')}`);
  return [cell];
}

/**
 * tensor's `Rng` (crates/tensor/src/rng.rs): rand_pcg 0.10's Pcg32 (Lcg64Xsh32) seeded by
 * rand_core's `seed_from_u64`, with `below` by Lemire's multiply-shift, so a seed draws the same
 * numbers here as natively and in wasm (web/bench/e1-data.js splits E1's text with it too).
 */
export class Pcg32 {
  /** @param {number} seed */
  constructor(seed) {
    let state = BigInt(seed);
    const words = [];
    for (let i = 0; i < 4; i += 1) {
      state = (state * 0x5851f42d4c957f2dn + 0xa17654e46fbe17f3n) & MASK64;
      words.push(BigInt(output(state)));
    }
    const increment = ((words[3] << 32n) | words[2] | 1n) & MASK64;
    /** @type {bigint} */
    this.increment = increment;
    /** @type {bigint} */
    this.state = (((words[1] << 32n) | words[0]) + increment) & MASK64;
    this.step();
  }

  /** Advances the generator. */
  step() {
    this.state = (this.state * MULTIPLIER + this.increment) & MASK64;
  }

  /** The next 32 random bits. */
  nextU32() {
    const state = this.state;
    this.step();
    return output(state);
  }

  /** The next 64 random bits: two draws of 32, the first the low half. */
  nextU64() {
    const low = BigInt(this.nextU32());
    return (BigInt(this.nextU32()) << 32n) | low;
  }

  /**
   * A uniform index in `0..n` (`n` > 0).
   * @param {number} n
   */
  below(n) {
    return Number((this.nextU64() * BigInt(n)) >> 64n);
  }
}

/** 2^64 - 1, for wrapping arithmetic on BigInts. */
const MASK64 = (1n << 64n) - 1n;
/** The PCG multiplier of rand_pcg's Lcg64Xsh32. */
const MULTIPLIER = 6364136223846793005n;

/**
 * PCG's XSH RR output function of a 64-bit state: 32 bits.
 * @param {bigint} state
 */
function output(state) {
  const xorshifted = Number((((state >> 18n) ^ state) >> 27n) & 0xffffffffn);
  const rot = Number(state >> 59n);
  return ((xorshifted >>> rot) | (xorshifted << ((32 - rot) & 31))) >>> 0;
}

/**
 * Orders strings by code point, as Rust orders `&str`s.
 * @param {string} a
 * @param {string} b
 */
function byCodePoint(a, b) {
  const [x, y] = [a.codePointAt(0) ?? 0, b.codePointAt(0) ?? 0];
  return x - y;
}
