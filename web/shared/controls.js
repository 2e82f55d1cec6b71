// The page's buttons and readouts: finds them by data-testid, wires the buttons and the speed
// control to handlers, and shows metrics, errors and status messages (always as text).

import { t } from './i18n.js';
import { formatMeasure } from './numbers.js';

/**
 * @typedef {object} Controls
 * @property {HTMLButtonElement} play
 * @property {HTMLButtonElement} pause
 * @property {HTMLButtonElement} step
 * @property {HTMLButtonElement} epoch
 * @property {HTMLButtonElement} reset
 * @property {HTMLButtonElement} newWeights
 * @property {HTMLSelectElement} speed
 * @property {HTMLButtonElement} share
 * @property {HTMLElement} shareStatus
 * @property {HTMLInputElement} shareLink
 * @property {HTMLElement} stepCount
 * @property {HTMLElement} epochCount
 * @property {HTMLElement} trainLoss
 * @property {HTMLElement} testLoss
 * @property {HTMLElement} trainAccuracy
 * @property {HTMLElement} testAccuracy
 * @property {HTMLCanvasElement} heatmap
 * @property {HTMLCanvasElement} lossChart
 * @property {HTMLElement} error
 * @property {HTMLElement} status
 */

/**
 * The page's controls, by their data-testid.
 * @param {ParentNode} root
 * @returns {Controls}
 * @throws {Error} when one is missing from the page
 */
export function findControls(root) {
  /**
   * The element with data-testid `id`, of the type `Controls` names for it.
   * @template {Element} T
   * @param {string} id
   * @returns {T}
   */
  const find = (id) => {
    const element = root.querySelector(`[data-testid="${id}"]`);
    if (!element) throw new Error(`the page has no element with data-testid="${id}"`);
    return /** @type {T} */ (element);
  };
  return {
    play: find('play'),
    pause: find('pause'),
    step: find('step'),
    epoch: find('epoch'),
    reset: find('reset'),
    newWeights: find('new-weights'),
    speed: find('speed'),
    share: find('share'),
    shareStatus: find('share-status'),
    shareLink: find('share-link'),
    stepCount: find('step-count'),
    epochCount: find('epoch-count'),
    trainLoss: find('train-loss'),
    testLoss: find('test-loss'),
    trainAccuracy: find('train-accuracy'),
    testAccuracy: find('test-accuracy'),
    heatmap: find('heatmap'),
    lossChart: find('loss-chart'),
    error: find('error'),
    status: find('status'),
  };
}

/**
 * Calls a handler when its button is clicked, and `speed` with the speed chosen (the `speed`
 * setting's link spelling) whenever the learner changes it.
 * @param {Controls} controls
 * @param {{play: () => void, pause: () => void, step: () => void, epoch: () => void,
 *   reset: () => void, newWeights: () => void, speed: (value: string) => void}} handlers
 */
export function bindControls(controls, handlers) {
  controls.play.addEventListener('click', handlers.play);
  controls.pause.addEventListener('click', handlers.pause);
  controls.step.addEventListener('click', handlers.step);
  controls.epoch.addEventListener('click', handlers.epoch);
  controls.reset.addEventListener('click', handlers.reset);
  controls.newWeights.addEventListener('click', handlers.newWeights);
  controls.speed.addEventListener('change', () => handlers.speed(controls.speed.value));
}

/**
 * The pace a `speed` value stands for: epochs per second, or `Infinity` for `max`.
 * @param {string} value
 * @returns {number}
 */
export function paceOf(value) {
  const pace = Number(value);
  return Number.isFinite(pace) && pace > 0 ? pace : Infinity;
}

/**
 * Shows Pause while playing and Play otherwise, keeping keyboard focus on the visible one.
 * @param {Controls} controls
 * @param {boolean} playing
 */
export function showPlaying(controls, playing) {
  const [shown, hidden] = playing ? [controls.pause, controls.play] : [controls.play, controls.pause];
  const hadFocus = document.activeElement === hidden;
  shown.hidden = false;
  hidden.hidden = true;
  if (hadFocus) shown.focus();
}

/**
 * Writes the metrics into the readouts; a missing number shows as a dash. After a divergence
 * the train loss shows the loss the run reached, marked as diverged (the kept weights' own
 * losses in the tooltips), never the calm loss of the weights kept.
 * @param {Controls} controls
 * @param {import('./types.js').Metrics} metrics
 */
export function showMetrics(controls, metrics) {
  controls.stepCount.textContent = formatCount(metrics.step);
  controls.epochCount.textContent = formatCount(metrics.epoch);
  controls.trainAccuracy.textContent = formatPercent(metrics.trainAccuracy);
  controls.testAccuracy.textContent = formatPercent(metrics.testAccuracy);
  const { stop } = metrics;
  const { trainLoss, testLoss } = controls;
  testLoss.textContent = formatMeasure(metrics.testLoss);
  const diverged = stop?.reason === 'diverged';
  trainLoss.toggleAttribute('data-diverged', diverged);
  if (!diverged) {
    trainLoss.textContent = formatMeasure(metrics.trainLoss);
    trainLoss.removeAttribute('title');
    testLoss.removeAttribute('title');
    return;
  }
  const reached = formatMeasure(stop.loss ?? Infinity);
  trainLoss.textContent = t('charts.lossDiverged', { loss: reached });
  trainLoss.title = t('charts.lossDiverged.title', { loss: reached, kept: formatMeasure(metrics.trainLoss) });
  testLoss.title = t('charts.testLossKept.title');
}

/**
 * Shows `message` in the error banner, or hides the banner for `null`.
 * @param {Controls} controls
 * @param {string | null} message
 */
export function showError(controls, message) {
  controls.error.textContent = message ?? '';
  controls.error.hidden = message === null;
}

/**
 * Shows a note about training (why it stopped), or hides it for `null`.
 * @param {Controls} controls
 * @param {string | null} message
 */
export function showStatus(controls, message) {
  controls.status.textContent = message ?? '';
  controls.status.hidden = message === null;
}

/**
 * A count with commas between thousands, as `toLocaleString('en-US')` writes it but without
 * loading the locale data on the first frame.
 * @param {number} count a whole number
 * @returns {string}
 */
export function formatCount(count) {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * @param {number | null} fraction
 * @returns {string}
 */
function formatPercent(fraction) {
  return fraction === null ? '–' : `${(fraction * 100).toFixed(1)}%`;
}
