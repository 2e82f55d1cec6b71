// The "How wrong it is" card: loss and accuracy over the epochs, the per-layer gradient picture
// with update ratios, the best epoch, what the loss computes, and why training stopped. Takes
// samples from the frame's drawing and from the sampler between drawings; draws only when new
// numbers arrived, the size changed or the language switched, and not before the first layout
// (so the page's first frame does not wait for it); never draws a missing number.

import { compact, decade } from './axes.js';
import { drawPlot } from './plot.js';
import { createHistory, lastStep, record } from './history.js';
import { drawUpdateRatios, layerColour } from './gradient-chart.js';
import './charts-strings.js';
import { onLanguageChange, t } from './i18n.js';
import { createDivergenceNote, translateStatus } from './stop-notes.js';

/** Series of the loss history, in order. */
const TRAIN_LOSS = 0;
const TEST_LOSS = 1;
const TRAIN_ACCURACY = 2;
const TEST_ACCURACY = 3;
/** Test series are dashed, so a train series under them stays visible where they meet. */
const TEST_DASH = [7, 4];

/**
 * The card's view: give it the card element and the sampler that trains; main.js calls
 * `update` after every frame, the sampler hands it samples between frames.
 * @param {import('../main.js').App} app
 * @param {HTMLElement} root the card
 * @param {import('./sampler.js').Sampler} sampler
 * @returns {import('../main.js').View}
 */
export function createChartsView(app, root, sampler) {
  /**
   * The card's element with data-testid `id`, of the type the caller declares.
   * @template {Element} T
   * @param {string} id
   * @returns {T}
   */
  const find = (id) => /** @type {T} */ (root.querySelector(`[data-testid="${id}"]`));
  /** @type {HTMLCanvasElement} */
  const lossCanvas = find('loss-chart');
  /** @type {HTMLCanvasElement} */
  const accuracyCanvas = find('accuracy-chart');
  /** @type {HTMLCanvasElement} */
  const gradCanvas = find('grad-chart');
  /** @type {HTMLCanvasElement} */
  const ratioCanvas = find('update-ratios');
  /** @type {HTMLInputElement} */
  const logToggle = find('loss-log');
  /** @type {HTMLElement} */
  const bestMarker = find('best-epoch');
  const accuracyBlock = /** @type {HTMLElement} */ (root.querySelector('[data-accuracy]'));
  const layerLegend = /** @type {HTMLElement} */ (root.querySelector('[data-layer-legend]'));
  /** @type {HTMLElement} */
  const formula = find('loss-formula');
  const note = createDivergenceNote(root.ownerDocument);

  let losses = createHistory(4);
  let grads = createHistory(0);
  /** @type {Array<number | null>} */
  let ratios = [];
  /** @type {number | null} */
  let bestEpoch = null;
  /** @type {import('./types.js').Stop | null} */
  let stop = null;
  let ratio = window.devicePixelRatio;
  /** Whether samples arrived since the last drawing. */
  let sampled = false;
  /** The loss in force, as a key of the card's strings with its numbers ('' before one is read). */
  /** @type {LossText} */
  let lossIs = { key: '', vars: {} };

  const drawLoss = () => {
    const { xs, series } = losses;
    const log = logToggle.checked;
    const frame = drawPlot(lossCanvas, {
      xs,
      lines: [
        { values: series[TRAIN_LOSS], colour: cssColour(lossCanvas, '--train') },
        { values: series[TEST_LOSS], colour: cssColour(lossCanvas, '--test'), dash: TEST_DASH },
      ],
      log,
      format: log ? decade : compact,
      xLabel: t('charts.epochs'),
      empty: t('charts.empty'),
    });
    const x = bestEpoch === null ? Number.NaN : frame.toX(bestEpoch);
    bestMarker.hidden = !Number.isFinite(x) || xs.length < 2;
    bestMarker.dataset.epoch = bestMarker.hidden ? '' : String(bestEpoch);
    if (bestMarker.hidden) return;
    bestMarker.style.left = `${x}px`;
    bestMarker.style.top = `${frame.top}px`;
    bestMarker.style.height = `${frame.height}px`;
    bestMarker.classList.toggle('flip', x > frame.left + frame.width * 0.7);
    /** @type {HTMLElement} */ (bestMarker.firstElementChild).textContent =
      t('charts.bestEpoch', { epoch: /** @type {number} */ (bestEpoch) });
  };

  const drawAccuracy = () => {
    if (accuracyBlock.hidden) return;
    const { xs, series } = losses;
    drawPlot(accuracyCanvas, {
      xs,
      lines: [
        { values: series[TRAIN_ACCURACY], colour: cssColour(accuracyCanvas, '--train') },
        { values: series[TEST_ACCURACY], colour: cssColour(accuracyCanvas, '--test'), dash: TEST_DASH },
      ],
      log: false,
      range: [0, 1],
      format: (value) => `${Math.round(value * 100)}%`,
      xLabel: t('charts.epochs'),
      empty: t('charts.empty'),
    });
  };

  /** The names of `count` layers: the lab's own, if it names them, else numbered. */
  const namesOf = (/** @type {number} */ count) => {
    const named = app.playground()?.layerNames?.();
    return named?.length === count ? named : layerNames(count);
  };

  const drawGradients = () => {
    const { xs, series } = grads;
    const count = series.length;
    drawPlot(gradCanvas, {
      xs,
      lines: series.map((values, i) => ({ values, colour: layerColour(i, count), width: 1.75 })),
      log: true,
      format: decade,
      xLabel: t('charts.epochs'),
      empty: t('charts.gradEmpty'),
    });
    gradCanvas.dataset.series = String(count);
    drawUpdateRatios(ratioCanvas, { names: namesOf(count), ratios, healthy: t('charts.healthy') });
  };

  /** Whether the canvases were laid out: until then the ResizeObserver's first call draws. */
  let laidOut = false;
  const drawAll = () => {
    if (!laidOut) return;
    drawLoss();
    drawAccuracy();
    drawGradients();
  };

  /** Rebuilds the list of layer swatches (text through DOM calls only). */
  const showLayerLegend = () => {
    const names = namesOf(grads.width);
    layerLegend.replaceChildren(
      ...names.map((name, i) => {
        const item = document.createElement('li');
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = layerColour(i, names.length);
        item.append(swatch, name);
        return item;
      }),
    );
  };

  const resized = new ResizeObserver((entries) => {
    laidOut = true;
    for (const { target } of entries) {
      if (target === lossCanvas) drawLoss();
      else if (target === accuracyCanvas) drawAccuracy();
      else drawGradients();
    }
  });
  for (const canvas of [lossCanvas, accuracyCanvas, gradCanvas]) resized.observe(canvas);
  logToggle.addEventListener('change', drawLoss);
  const showFormula = () => {
    formula.textContent = lossIs.key === '' ? '' : t(lossIs.key, lossIs.vars);
  };

  onLanguageChange(() => {
    showLayerLegend();
    showFormula();
    drawAll();
    if (stop?.reason === 'diverged') note.show(stop);
  });
  translateStatus(find('status'), () => stop);

  const clear = () => {
    losses = createHistory(4);
    grads = createHistory(0);
    ratios = [];
    bestEpoch = null;
    note.clear();
  };

  /**
   * Records `metrics`, `x` epochs into training, unless it is not newer than the last sample.
   * @param {import('./types.js').Metrics} metrics
   * @param {number} x
   * @returns {boolean} whether it was new
   */
  const take = (metrics, x) => {
    let fresh = false;
    if (metrics.step < lastStep(losses)) clear();
    if (metrics.step > lastStep(losses)) {
      const { stop } = metrics;
      // After a divergence the metrics score the weights kept: the chart ends at the loss the
      // run reached instead (a gap where it was not finite).
      const values = stop?.reason === 'diverged'
        ? [stop.loss ?? null, null, null, null]
        : [metrics.trainLoss, metrics.testLoss, metrics.trainAccuracy, metrics.testAccuracy];
      record(losses, metrics.step, x, values);
      fresh = true;
    }
    const { layers } = metrics;
    if (layers.length > 0 && metrics.step > lastStep(grads)) {
      if (layers.length !== grads.width) {
        grads = createHistory(layers.length);
        showLayerLegend();
      }
      record(grads, metrics.step, x, layers.map((layer) => layer.gradNorm));
      ratios = layers.map((layer) => layer.updateRatio);
      fresh = true;
    }
    return fresh;
  };
  sampler.listen((metrics, x) => {
    sampled = take(metrics, x) || sampled;
  });

  /** Reads which loss is in force from the experiment, and says it under the chart. */
  const readLoss = () => {
    const playground = app.playground();
    if (!playground) return;
    lossIs = lossInForce(playground);
    showFormula();
  };

  return {
    update({ playground, metrics }) {
      if (lossIs.key === '') readLoss();
      let fresh = take(metrics, sampler.epochOf(playground, metrics)) || sampled;
      sampled = false;
      const regression = playground.classCount === undefined;
      if (accuracyBlock.hidden !== regression) {
        accuracyBlock.hidden = regression;
        fresh = true;
      }
      fresh ||= metrics.bestEpoch !== bestEpoch || window.devicePixelRatio !== ratio;
      bestEpoch = metrics.bestEpoch ?? null;
      ratio = window.devicePixelRatio;
      stop = metrics.stop;
      if (stop?.reason === 'diverged') note.show(stop);
      else note.clear();
      if (fresh) drawAll();
    },
    restart() {
      clear();
      readLoss();
      showLayerLegend();
      drawAll();
    },
  };
}

/**
 * A sentence of the card's strings, by key, and the numbers it names.
 * @typedef {{key: string, vars: Record<string, string | number>}} LossText
 */

/**
 * The loss `playground` computes, as a sentence of the card's strings.
 * @param {import('./types.js').Playground} playground
 * @returns {LossText}
 */
function lossInForce(playground) {
  const classes = playground.classCount;
  if (classes === undefined) return { key: 'charts.formula.regression', vars: {} };
  if (playground.values().loss !== 'crossEntropy') return { key: 'charts.formula.tanh', vars: {} };
  if (classes === 2) return { key: 'charts.formula.sigmoid', vars: {} };
  return { key: 'charts.formula.softmax', vars: { classes, chance: Math.log(classes).toFixed(3) } };
}

/**
 * Names of `count` layers: the hidden ones numbered from the input side, then the output.
 * @param {number} count
 * @returns {string[]}
 */
function layerNames(count) {
  return Array.from({ length: count }, (_, i) =>
    i === count - 1 ? t('charts.output') : t('charts.layer', { n: i + 1 }),
  );
}

/** Colours already read, by element and property: reading styles forces a style recalculation. */
/** @type {WeakMap<HTMLElement, Map<string, string>>} */
const colours = new WeakMap();

/**
 * A colour custom property as the canvas sees it, read once per element and name.
 * @param {HTMLElement} element
 * @param {string} name
 * @returns {string}
 */
function cssColour(element, name) {
  const known = colours.get(element) ?? new Map();
  colours.set(element, known);
  let colour = known.get(name);
  if (colour === undefined) {
    colour = getComputedStyle(element).getPropertyValue(name).trim();
    known.set(name, colour);
  }
  return colour;
}
