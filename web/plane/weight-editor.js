// The small editor that sets one weight or bias of the network while it trains: titled by the
// unit, pick the parameter (its bias or its weight from any input), type a value, set it.
// Refuses what is not a finite 32-bit number (empty, not a number, `1e39`) next to the field,
// before the playground sees it; knows nothing of the playground.

import { t } from '../shared/i18n.js';

/**
 * One parameter: the weight of layer `layer` (`weights()[layer]`) from input `from` to unit
 * `to`, or that unit's bias when `from` equals the layer's input count.
 * @typedef {{layer: number, from: number, to: number}} Target
 */

/**
 * What the editor asks of the picture.
 * @typedef {object} EditorHost
 * @property {(layer: number) => string[]} sources  names of the inputs of weight layer `layer`
 * @property {(layer: number, to: number) => string} unitName  name of unit `to` of weight layer `layer`
 * @property {(target: Target) => number} valueOf  the parameter's value now
 * @property {(target: Target, value: number) => string | null} apply  sets it; an error or null
 * @property {(target: Target | null) => void} selected  the parameter shown changed (null: closed)
 */

/**
 * @typedef {object} WeightEditor
 * @property {(target: Target, anchor: {x: number, y: number}, opener?: HTMLElement) => void} open
 *   shows the editor for `target` near `anchor` (in the container's pixels)
 * @property {() => void} close
 * @property {() => Target | null} target the parameter being edited, if open
 * @property {() => void} translate redraws its words in the current language
 */

/** Width of the editor, in CSS pixels (also in network.css). */
const WIDTH = 250;

/**
 * Builds the editor (hidden) inside `container`.
 * @param {HTMLElement} container positioned; the editor floats in it
 * @param {EditorHost} host
 * @returns {WeightEditor}
 */
export function createWeightEditor(container, host) {
  const form = document.createElement('form');
  form.className = 'net-editor';
  form.dataset.testid = 'link-editor';
  form.noValidate = true;
  form.hidden = true;
  form.setAttribute('role', 'dialog');
  form.setAttribute('aria-labelledby', 'net-editor-title');
  const title = element('h3', 'net-editor-title');
  title.id = 'net-editor-title';
  const which = element('label');
  const select = /** @type {HTMLSelectElement} */ (element('select'));
  select.dataset.testid = 'weight-source';
  const amount = element('label');
  const input = /** @type {HTMLInputElement} */ (element('input'));
  input.type = 'number';
  input.step = 'any';
  input.dataset.testid = 'weight-input';
  const error = element('p', 'net-editor-error');
  error.dataset.testid = 'weight-error';
  error.setAttribute('role', 'alert');
  error.id = 'net-editor-error';
  input.setAttribute('aria-describedby', error.id);
  const apply = /** @type {HTMLButtonElement} */ (element('button', 'primary'));
  apply.type = 'submit';
  apply.dataset.testid = 'weight-apply';
  const close = /** @type {HTMLButtonElement} */ (element('button'));
  close.type = 'button';
  close.dataset.testid = 'weight-close';
  const buttons = element('div', 'net-editor-buttons');
  buttons.append(apply, close);
  const note = element('p', 'net-editor-note');
  which.append(element('span'), select);
  amount.append(element('span'), input);
  form.append(title, which, amount, error, buttons, note);
  container.append(form);

  /** @type {Target | null} */
  let current = null;
  /** @type {HTMLElement | undefined} */
  let returnTo;

  const showError = (/** @type {string | null} */ message) => {
    error.textContent = message ?? '';
    error.hidden = message === null;
    input.setAttribute('aria-invalid', String(message !== null));
  };

  const words = () => {
    if (!current) return;
    const { layer, to } = current;
    const target = host.unitName(layer, to);
    title.textContent = target;
    /** @type {HTMLElement} */ (which.firstChild).textContent = t('editor.which');
    /** @type {HTMLElement} */ (amount.firstChild).textContent = t('editor.value');
    apply.textContent = t('editor.apply');
    close.textContent = t('editor.close');
    note.textContent = t('editor.note');
    const sources = host.sources(layer);
    const options = sources.map((from, index) => new Option(t('editor.weight', { from }), String(index)));
    options.push(new Option(t('editor.bias'), String(sources.length)));
    select.replaceChildren(...options);
    select.value = String(current.from);
  };

  const show = () => {
    if (!current) return;
    const value = host.valueOf(current);
    input.value = Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';
    showError(null);
    host.selected(current);
  };

  const hide = () => {
    if (form.hidden) return;
    form.hidden = true;
    current = null;
    host.selected(null);
    returnTo?.focus();
  };

  select.addEventListener('change', () => {
    if (!current) return;
    current = { ...current, from: Number(select.value) };
    show();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current) return;
    const problem = refusal(input);
    if (problem) {
      showError(problem);
      return;
    }
    showError(host.apply(current, input.valueAsNumber));
  });
  close.addEventListener('click', hide);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      hide();
    }
  });

  return {
    open(target, anchor, opener) {
      current = target;
      returnTo = opener;
      words();
      show();
      const room = container.clientWidth - WIDTH - 4;
      form.style.left = `${Math.max(0, Math.min(anchor.x + 12, room))}px`;
      form.style.top = `${Math.max(0, anchor.y + 12)}px`;
      form.hidden = false;
      input.focus();
      input.select();
    },
    close: hide,
    target: () => current,
    translate: words,
  };
}

/**
 * Why the number in `input` cannot be a weight, or null when it can: weights are 32-bit floats,
 * so a double that rounds to infinity as one (`1e39`) is refused as well as an empty field and
 * text that is not a number (which a number field holds as `badInput`, with an empty value).
 * @param {HTMLInputElement} input
 * @returns {string | null}
 */
function refusal(input) {
  const value = input.valueAsNumber;
  if (input.validity.badInput) return t('editor.notFinite');
  if (input.value.trim() === '') return t('editor.empty');
  if (!Number.isFinite(value)) return t('editor.notFinite');
  if (!Number.isFinite(Math.fround(value))) return t('editor.tooLarge', { value: input.value.trim() });
  return null;
}

/**
 * A new element with an optional class.
 * @param {string} tag
 * @param {string} [className]
 * @returns {HTMLElement}
 */
function element(tag, className) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  return made;
}
