// The "How wrong it is" card: loss and accuracy over the steps, the per-layer gradient picture
// with update ratios, the best epoch, and why training stopped. Draws only when new numbers
// arrived, the size changed or the language switched, and not before the first layout (so the
// page's first frame does not wait for it); never draws a missing number.

import { compact, decade } from './axes.js';
import { drawPlot } from './plot.js';
import { createHistory, lastStep, record, samples } from './history.js';
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
 * The card's view: give it the card element; main.js calls `update` after every frame.
 * @param {import('./main.js').App} app
 * @param {HTMLElement} root the card
 * @returns {import('./main.js').View}
 */
export function createChartsView(app, root) {
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

  const drawLoss = () => {
    const { steps, epochs, series } = samples(losses);
    const log = logToggle.checked;
    const frame = drawPlot(lossCanvas, {
      steps,
      lines: [
        { values: series[TRAIN_LOSS], colour: cssColour(lossCanvas, '--train') },
        { values: series[TEST_LOSS], colour: cssColour(lossCanvas, '--test'), dash: TEST_DASH },
      ],
      log,
      format: log ? decade : compact,
      stepLabel: t('charts.step'),
      empty: t('charts.empty'),
    });
    const x = bestEpoch === null ? Number.NaN : frame.toX(stepOfEpoch(steps, epochs, bestEpoch));
    bestMarker.hidden = !Number.isFinite(x) || steps.length < 2;
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
    const { steps, series } = samples(losses);
    drawPlot(accuracyCanvas, {
      steps,
      lines: [
        { values: series[TRAIN_ACCURACY], colour: cssColour(accuracyCanvas, '--train') },
        { values: series[TEST_ACCURACY], colour: cssColour(accuracyCanvas, '--test'), dash: TEST_DASH },
      ],
      log: false,
      range: [0, 1],
      format: (value) => `${Math.round(value * 100)}%`,
      stepLabel: t('charts.step'),
      empty: t('charts.empty'),
    });
  };

  const drawGradients = () => {
    const { steps, series } = samples(grads);
    const count = series.length;
    drawPlot(gradCanvas, {
      steps,
      lines: series.map((values, i) => ({ values, colour: layerColour(i, count), width: 1.75 })),
      log: true,
      format: decade,
      stepLabel: t('charts.step'),
      empty: t('charts.gradEmpty'),
    });
    gradCanvas.dataset.series = String(count);
    drawUpdateRatios(ratioCanvas, { names: layerNames(count), ratios, healthy: t('charts.healthy') });
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
    const names = layerNames(grads.width);
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
  onLanguageChange(() => {
    showLayerLegend();
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

  return {
    update({ playground, metrics }) {
      let fresh = false;
      if (metrics.step < lastStep(losses)) clear();
      if (metrics.step > lastStep(losses)) {
        const { step, epoch } = metrics;
        record(losses, step, epoch, [
          metrics.trainLoss, metrics.testLoss, metrics.trainAccuracy, metrics.testAccuracy,
        ]);
        fresh = true;
      }
      const { layers } = metrics;
      if (layers.length > 0 && metrics.step > lastStep(grads)) {
        if (layers.length !== grads.width) {
          grads = createHistory(layers.length);
          showLayerLegend();
        }
        record(grads, metrics.step, metrics.epoch, layers.map((layer) => layer.gradNorm));
        ratios = layers.map((layer) => layer.updateRatio);
        fresh = true;
      }
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
      showLayerLegend();
      drawAll();
    },
  };
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

/**
 * The step at which `epoch` ended, interpolated between the samples around it.
 * @param {number[]} steps
 * @param {number[]} epochs
 * @param {number} epoch
 * @returns {number}
 */
function stepOfEpoch(steps, epochs, epoch) {
  const after = epochs.findIndex((e) => e >= epoch);
  if (after < 0) return steps[steps.length - 1];
  if (after === 0) return steps[0];
  const [e0, e1, s0, s1] = [epochs[after - 1], epochs[after], steps[after - 1], steps[after]];
  return s0 + ((epoch - e0) / (e1 - e0)) * (s1 - s0);
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
