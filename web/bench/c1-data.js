// Workload C1 of `cargo xtask bench` as data, shared by the C1 bench pages (ours, TensorFlow.js,
// ConvNetJS): the link, the digits file, the lab's own train/test split and the batch order.

import init, { DigitsLab } from '../pkg-digits/playground_wasm.js';

/** C1: the digits CNN (conv 3x3x8, ReLU, pool 2, conv 3x3x16, ReLU, pool 2, dense 64 -> 10),
 * Adam 0.01, batches of 32, on the lab's default split (data seed 1). Kept identical to
 * crates/playground/benches/digits.rs. */
export const C1 = 'lab=digits&filters1=8&filters2=16';
/** C1's batch size and Adam learning rate, as the link's defaults give them. */
export const BATCH = 32;
export const LEARNING_RATE = 0.01;
/** Pixels per image (8 x 8) and classes. */
export const PIXELS = 64;
export const CLASSES = 10;

/** The digits file the lab loads, relative to this module. */
const DATA_URL = new URL('../labs/digits/digits.bin.gz', import.meta.url);

/**
 * Images as flat rows: `pixels` holds `count` rows of 64 values in [0, 1].
 * @typedef {{pixels: Float32Array, labels: Uint8Array, count: number}} Images
 */

/**
 * The un-gzipped digits file: 1,797 records of 64 pixels (0..16) and the digit.
 * @returns {Promise<Uint8Array>}
 */
export async function loadDigits() {
  const response = await fetch(DATA_URL);
  if (!response.ok || !response.body) throw new Error(`GET ${DATA_URL}: ${response.status}`);
  const raw = new Response(response.body.pipeThrough(new DecompressionStream('gzip')));
  return new Uint8Array(await raw.arrayBuffer());
}

/**
 * Our lab on C1, the wasm module initialised first.
 * @param {Uint8Array} raw the un-gzipped digits file
 * @returns {Promise<DigitsLab>}
 */
export async function openLab(raw) {
  await init();
  return new DigitsLab(C1, raw);
}

/**
 * C1's split, taken from the lab itself so every library trains and tests on the same images:
 * the test set is the lab's (in its order), the training set every other record (C1 trains on
 * all of them), in file order.
 * @param {Uint8Array} raw the un-gzipped digits file
 * @returns {Promise<{train: Images, test: Images}>}
 */
export async function c1Split(raw) {
  const lab = await openLab(raw);
  /** @type {Map<string, number>} test records still to be taken out, by content */
  const held = new Map();
  const testCount = lab.testCount();
  const test = images(testCount);
  for (let i = 0; i < testCount; i += 1) {
    const pixels = lab.testImage(i);
    test.pixels.set(pixels, i * PIXELS);
    test.labels[i] = lab.testLabel(i);
    const key = recordKey(Array.from(pixels, (value) => Math.round(value * 16)), test.labels[i]);
    held.set(key, (held.get(key) ?? 0) + 1);
  }
  lab.free();
  const records = raw.length / (PIXELS + 1);
  const train = images(records - testCount);
  let at = 0;
  for (let record = 0; record < records; record += 1) {
    const bytes = raw.subarray(record * (PIXELS + 1), (record + 1) * (PIXELS + 1));
    const key = recordKey(Array.from(bytes.subarray(0, PIXELS)), bytes[PIXELS]);
    const left = held.get(key) ?? 0;
    if (left > 0) {
      held.set(key, left - 1);
      continue;
    }
    train.pixels.set(Array.from(bytes.subarray(0, PIXELS), (value) => value / 16), at * PIXELS);
    train.labels[at] = bytes[PIXELS];
    at += 1;
  }
  if (at !== train.count) throw new Error(`C1 split: ${at} training images, expected ${train.count}`);
  return { train, test };
}

/**
 * The batches of an epoch as the lab takes them: the training set in a shuffled order, cut into
 * batches of `BATCH`, the last one short (1,352 images: 42 of 32 and one of 8). A new order
 * each epoch.
 * @param {number} count training images
 * @param {() => number} random uniform on [0, 1)
 * @returns {() => number[]} the next batch's indices
 */
export function batcher(count, random) {
  const order = Array.from({ length: count }, (_, i) => i);
  let cursor = count;
  return () => {
    if (cursor >= count) {
      for (let i = count - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      cursor = 0;
    }
    const batch = order.slice(cursor, cursor + BATCH);
    cursor += batch.length;
    return batch;
  };
}

/**
 * Examples per update, on average over an epoch (its last batch is short), to turn updates per
 * second into examples per second as the native benchmark does.
 * @param {number} count training images
 */
export function examplesPerStep(count) {
  return count / Math.ceil(count / BATCH);
}

/**
 * A seeded uniform generator on [0, 1) (mulberry32).
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Room for `count` images.
 * @param {number} count
 * @returns {Images}
 */
function images(count) {
  return { pixels: new Float32Array(count * PIXELS), labels: new Uint8Array(count), count };
}

/**
 * A record's content as a map key.
 * @param {number[]} pixels 0..16 each
 * @param {number} label
 */
function recordKey(pixels, label) {
  return `${label}:${pixels.join(',')}`;
}
