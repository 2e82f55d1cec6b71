// Smoke test of `cargo xtask bench`'s browser half: the bench page times every workload once
// and leaves positive finite figures, so does the TensorFlow.js peer on its cpu and wasm
// backends (served from node_modules), and the driver's page measurements (play at full speed
// with the network picture in view, time to interactive, .wasm size) give numbers, and C1 runs in
// our wasm, TensorFlow.js and ConvNetJS, S1 in TensorFlow.js and brain.js for each recurrent cell,
// E1 in our wasm and TensorFlow.js, A1 in our wasm and TensorFlow.js (each learning it to 99% per
// token from fresh weights), and the digits page plays until it shows 97%. Figures are never
// compared with targets here: the machine is shared and noisy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { A1_PAGES, C1_PAGES, E1_PAGES, LAB_PAGES, S1_PAGES, fileLabFigures } from './bench-labs.mjs';
import {
  TFJS_BACKENDS, benchDigitsPlay, benchInteractive, benchPage, benchPlay, benchTfjs, benchWorkloads, wasmSize,
  workloadLinks,
} from './bench.mjs';
import { launchBrowser } from './browser.mjs';

/** The figures web/bench/ leaves in `window.benchResults`. */
const FIGURES = [
  'w1TrainStepsPerSecond', 'w1GridPerSecond', 'w1FrameMs',
  'w2TrainStepsPerSecond', 'w2GridPerSecond', 'w2GridMapsPerSecond',
];

/** Every bench-page figure once: the timing of `cargo xtask bench --quick`. */
const ONCE = { samples: 1, sampleMs: 5, figureWarmupMs: 1 };

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * Asserts every named figure is a positive finite number.
 * @param {Record<string, unknown>} figures
 * @param {string[]} names
 */
function assertPositive(figures, names) {
  for (const name of names) {
    const value = figures[name];
    assert.ok(typeof value === 'number' && Number.isFinite(value) && value > 0,
      `${name} = ${value} is not a positive finite number`);
  }
}

test('the bench page times every workload once with positive finite figures', async () => {
  // Loads web/bench/index.html?samples=1&sampleMs=5&warmUpMs=1 and fails on any page or
  // console error.
  const results = await benchWorkloads(browser, ONCE);
  assert.deepEqual(Object.keys(results).sort(), [...FIGURES].sort());
  assertPositive(results, FIGURES);
});

test('TensorFlow.js 4.22 times every workload once on its cpu and wasm backends', async () => {
  assert.deepEqual(TFJS_BACKENDS, ['cpu', 'wasm']);
  for (const backend of TFJS_BACKENDS) {
    // Fails on any page or console error, e.g. a .wasm file the server does not find.
    const results = await benchTfjs(browser, backend, ONCE);
    assert.equal(results.tfjsVersion, '4.22.0');
    // The backend really switched: TensorFlow.js falls back silently otherwise.
    assert.equal(results.tfjsBackend, backend);
    assertPositive(results, FIGURES);
    // Every step and grid disposes what it made: only the data and the variables are left.
    assert.ok(typeof results.tensorsLeft === 'number' && results.tensorsLeft < 120, `${results.tensorsLeft} tensors left`);
  }
});

test('the driver measures the page playing W1, time to interactive and the .wasm size', async () => {
  const { W1 } = await workloadLinks(browser);
  const play = await benchPlay(browser, W1, { warmupMs: 100, playMs: 500 });
  assertPositive(play, ['pageExamplesPerSecond', 'pageFramesPerSecond', 'pageThumbnails']);
  // 2 inputs, 8 + 8 hidden units and 1 output have thumbnails (unused features too).
  assert.ok(play.pageThumbnails >= 19, `${play.pageThumbnails} thumbnails`);
  const interactive = await benchInteractive(browser, { loads: 1 });
  assertPositive(interactive, ['interactiveMs', 'interactiveFirstFrameMs']);
  assert.ok(interactive.interactiveFirstFrameMs >= interactive.interactiveMs);
  const size = await wasmSize();
  assertPositive(size, ['wasmBytes', 'wasmGzipBytes']);
  assert.ok(size.wasmGzipBytes < size.wasmBytes);
});

test('a lab figure files with ours, with its peer, or, timed beside ours, with the peer it names', () => {
  /** @type {Record<string, number | string>} */
  const figures = {};
  /** @type {Record<string, number | string>} */
  const peers = {};
  fileLabFigures({
    ours: { c1InferImagesPerSecond: 3, 'tfjs-wasm.c1InferBesideImagesPerSecond': 2 },
    'tfjs-wasm': { c1InferImagesPerSecond: 1, tfjsVersion: '4.22.0' },
  }, figures, peers);
  assert.deepEqual(figures, { c1InferImagesPerSecond: 3 });
  assert.deepEqual(peers, {
    'tfjs-wasm.c1InferBesideImagesPerSecond': 2,
    'tfjs-wasm.c1InferImagesPerSecond': 1,
    'tfjs-wasm.tfjsVersion': '4.22.0',
  });
});

test('C1 is timed once in our wasm, TensorFlow.js and ConvNetJS, or the peer says what it lacks', async () => {
  assert.deepEqual(Object.keys(C1_PAGES), ['ours', 'tfjs-cpu', 'tfjs-wasm', 'convnetjs']);
  for (const library of /** @type {(keyof typeof C1_PAGES)[]} */ (Object.keys(C1_PAGES))) {
    const results = await benchPage(browser, C1_PAGES[library], ONCE);
    assertPositive(results, ['c1InferImagesPerSecond', 'c1TestAccuracy']);
    if (library === 'ours') {
      // ours also times its inference beside TensorFlow.js's wasm backend, and files theirs
      assertPositive(results, ['c1InferBesideImagesPerSecond', 'tfjs-wasm.c1InferBesideImagesPerSecond']);
    }
    if (results.c1TrainExamplesPerSecond === null) {
      // Only TensorFlow.js's wasm backend may fail to train, and it names the missing kernel.
      assert.equal(library, 'tfjs-wasm');
      assert.match(String(results.c1TrainError), /not registered for backend 'wasm'/);
      assert.equal(typeof results.c1TrainMissingKernel, 'string');
    } else {
      assertPositive(results, ['c1TrainExamplesPerSecond', 'c1Epochs']);
    }
  }
});

test('S1 is timed once for each cell in our wasm, TensorFlow.js and brain.js on one vocabulary, or the peer names the kernel it lacks', async () => {
  assert.deepEqual(Object.keys(S1_PAGES), ['ours', 'tfjs-cpu', 'tfjs-wasm', 'brainjs']);
  /** @type {Record<string, unknown>} */
  const vocabularies = {};
  for (const library of /** @type {(keyof typeof S1_PAGES)[]} */ (Object.keys(S1_PAGES))) {
    const results = await benchPage(browser, S1_PAGES[library], ONCE);
    vocabularies[library] = results.s1Vocabulary;
    if (library.startsWith('tfjs-')) {
      assert.equal(results.tfjsVersion, '4.22.0');
      assert.equal(results.tfjsBackend, library.slice('tfjs-'.length));
      // Every step and test pass disposes what it made, and each cell its weights (tf.layers
      // itself keeps about one tensor per layer built and disposed).
      assert.ok(typeof results.tensorsLeft === 'number' && results.tensorsLeft < 10, `${library}: ${results.tensorsLeft} tensors left`);
    }
    for (const cell of ['Rnn', 'Lstm', 'Gru']) {
      if (results[`s1${cell}TokensPerSecond`] === null) {
        // Only TensorFlow.js's wasm backend may fail to train, and it names the missing kernel.
        assert.equal(library, 'tfjs-wasm', `${library} cannot train S1's ${cell}`);
        assert.match(String(results[`s1${cell}TrainError`]), /not registered for backend 'wasm'/);
        assert.equal(typeof results[`s1${cell}TrainMissingKernel`], 'string');
      } else {
        assertPositive(results, [`s1${cell}TokensPerSecond`, `s1${cell}TestLoss`, `s1${cell}Updates`]);
      }
    }
  }
  // Every library reads the same corpus into the same characters.
  assert.ok(typeof vocabularies.ours === 'number' && vocabularies.ours > 30, `ours: ${vocabularies.ours}`);
  for (const [library, size] of Object.entries(vocabularies)) assert.equal(size, vocabularies.ours, library);
});

test('E1 is timed once in our wasm and TensorFlow.js on the same 500 words and pairs, or the peer names the kernel it lacks', async () => {
  assert.deepEqual(Object.keys(E1_PAGES), ['ours', 'tfjs-cpu', 'tfjs-wasm']);
  /** @type {Record<string, unknown>} */
  const pairs = {};
  for (const library of /** @type {(keyof typeof E1_PAGES)[]} */ (Object.keys(E1_PAGES))) {
    const results = await benchPage(browser, E1_PAGES[library], ONCE);
    assert.equal(results.e1Vocabulary, 500, library);
    pairs[library] = results.e1TrainPairs;
    if (library.startsWith('tfjs-')) {
      assert.equal(results.tfjsVersion, '4.22.0');
      assert.equal(results.tfjsBackend, library.slice('tfjs-'.length));
      // Every step disposes what it made, and the run its tables.
      assert.ok(typeof results.tensorsLeft === 'number' && results.tensorsLeft < 10, `${library}: ${results.tensorsLeft} tensors left`);
    }
    if (results.e1PairsPerSecond === null) {
      // Only TensorFlow.js's wasm backend may fail to train, and it names the missing kernel.
      assert.equal(library, 'tfjs-wasm', `${library} cannot train E1`);
      assert.match(String(results.e1TrainError), /not registered for backend 'wasm'/);
      assert.equal(typeof results.e1TrainMissingKernel, 'string');
    } else {
      assertPositive(results, ['e1PairsPerSecond', 'e1TrainLoss', 'e1Updates']);
    }
  }
  // Every library trains on the pairs of the same sentences.
  for (const [library, count] of Object.entries(pairs)) assert.equal(count, pairs.ours, library);
});

test('A1 is timed once in our wasm and TensorFlow.js and each learns it to 99% per token from fresh weights, or the peer names the kernel it lacks', async () => {
  assert.deepEqual(Object.keys(LAB_PAGES), ['C1', 'S1', 'E1', 'A1']);
  assert.deepEqual(Object.keys(A1_PAGES), ['ours', 'tfjs-cpu', 'tfjs-wasm']);
  for (const library of /** @type {(keyof typeof A1_PAGES)[]} */ (Object.keys(A1_PAGES))) {
    const results = await benchPage(browser, A1_PAGES[library], ONCE);
    if (library.startsWith('tfjs-')) {
      assert.equal(results.tfjsVersion, '4.22.0');
      assert.equal(results.tfjsBackend, library.slice('tfjs-'.length));
      // Every step and check disposes what it made, and each model its weights and test set.
      assert.ok(typeof results.tensorsLeft === 'number' && results.tensorsLeft < 10, `${library}: ${results.tensorsLeft} tensors left`);
    }
    if (results.a1TrainStepsPerSecond === null) {
      // Only TensorFlow.js's wasm backend may fail to train, and it names the missing kernel.
      assert.equal(library, 'tfjs-wasm', `${library} cannot train A1`);
      assert.match(String(results.a1TrainError), /not registered for backend 'wasm'/);
      assert.equal(typeof results.a1TrainMissingKernel, 'string');
    } else {
      assertPositive(results, ['a1TrainStepsPerSecond', 'a1Updates']);
      // The run from fresh weights reaches 99% per-token test accuracy at a check (every 10
      // updates) well before it would give up (3000).
      assert.equal(results.a1To99Error, undefined, `${library}: ${results.a1To99Error}`);
      assertPositive(results, ['a1StepsTo99', 'a1SecondsTo99']);
      assert.equal(Number(results.a1StepsTo99) % 10, 0, `${library}: ${results.a1StepsTo99} steps`);
      assert.ok(Number(results.a1AccuracyAt99) >= 0.99, `${library}: ${results.a1AccuracyAt99}`);
    }
  }
});

test('the digits page plays its default experiment until it shows 97% test accuracy', async () => {
  const played = await benchDigitsPlay(browser);
  assertPositive(played, ['digitsPlayTo97Ms', 'digitsPlayTo97Epoch']);
  assert.ok(played.digitsPlayShownAccuracy >= 97, `${played.digitsPlayShownAccuracy}% shown`);
});
