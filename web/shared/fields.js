// One form field per row of the engine's settings table: a select for choices, a text box or a
// slider for numbers, a switch for booleans, a text box with a dice for seeds. Each field reads
// what the learner typed strictly and applies only a value the engine accepts; otherwise it
// shows what is allowed in its note. Labels and help come from the table through i18n keys.

import { parseLink, randomSeed } from '../pkg/playground_wasm.js';
import { language, t } from './i18n.js';
import { diceIcon, make } from './dom.js';
import { choiceKey, settingKeys } from './strings.js';

/** @typedef {import('./types.js').SettingRow} SettingRow */

/**
 * A field of the form.
 * @typedef {object} Field
 * @property {string} key
 * @property {HTMLElement} element  the wrapper, marked `data-setting="<key>"`
 * @property {(value: string, values: Record<string, string>) => void} show
 *   shows the current value (link spelling) and clears the field's own message
 * @property {() => void} relabel  redoes the text `data-i18n` cannot (after a language switch)
 */

/**
 * How a field looks beyond what its row says.
 * @typedef {object} FieldOptions
 * @property {boolean} [slider]  a whole number as a range slider with its value beside it
 * @property {string} [unit]     shown after a slider's value
 * @property {string} [testid]   the control's data-testid, if not `setting-<key>`
 * @property {boolean} [compact] no visible label (it is still the control's accessible name)
 * @property {string} [lab]      the lab the setting belongs to, when not the plane
 */

/** Whole numbers with at most this many steps between their limits are offered as a menu. */
const FEW = 10;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INT = /^[+-]?\d+$/;

/**
 * A field for `row` that calls `apply(value)` with a value the engine accepts, in link spelling.
 * @param {SettingRow} row
 * @param {(value: string | boolean) => void} apply
 * @param {FieldOptions} [options]
 * @returns {Field}
 */
export function createField(row, apply, options = {}) {
  const keys = settingKeys(row.key);
  const id = `setting-${row.key}`;
  const element = make('div', { className: `field field-${row.type}` });
  element.dataset.setting = row.key;
  const head = make('div', { className: 'field-head' });
  const name = make('span', { textContent: t(keys.name) });
  name.dataset.i18n = keys.name;
  const label = make('label', { htmlFor: id }, [name]);
  label.dataset.i18nTitle = keys.help;
  if (options.compact) label.className = 'visually-hidden';
  const help = make('p', { className: 'help', id: `${id}-help`, hidden: true });
  help.dataset.i18n = keys.help;
  const info = make('button', { type: 'button', className: 'info', textContent: 'i' });
  info.setAttribute('aria-expanded', 'false');
  info.setAttribute('aria-controls', help.id);
  info.addEventListener('click', () => {
    help.hidden = !help.hidden;
    info.setAttribute('aria-expanded', String(!help.hidden));
  });
  const note = make('p', { className: 'note', id: `${id}-note`, hidden: true });
  note.dataset.note = '';
  note.setAttribute('aria-live', 'polite');

  /** The message this field put in the note, if it is showing one. */
  let message = /** @type {string | null} */ (null);
  const say = (/** @type {string | null} */ text) => {
    message = text;
    if (text !== null || note.dataset.by === 'form') {
      note.textContent = text ?? '';
      note.hidden = text === null;
      note.dataset.by = text === null ? '' : 'form';
    }
  };
  const submit = (/** @type {string} */ text) => {
    const value = accepted(row, text.trim(), options.lab);
    if (value === null) {
      say(refusal(row));
      control.setAttribute('aria-invalid', 'true');
      return;
    }
    say(null);
    control.removeAttribute('aria-invalid');
    apply(value);
  };

  const { control, extra, show } = buildControl(row, options, submit, apply);
  control.id = id;
  control.dataset.testid = options.testid ?? id;
  control.setAttribute('aria-describedby', `${note.id} ${help.id}`);
  control.dataset.i18nTitle = keys.help;

  if (row.type === 'bool') {
    const toggle = make('span', { className: 'switch' });
    toggle.append(control, make('span', { className: 'track' }));
    label.prepend(toggle);
    head.append(label, info);
    element.append(head);
  } else {
    head.append(label, ...(options.compact ? [] : [info]));
    element.append(head, make('div', { className: 'field-control' }, [control, ...extra]));
  }
  element.append(help, note);
  const relabel = () => {
    info.setAttribute('aria-label', t('help.about', { name: t(keys.name) }));
    if (message !== null) say(refusal(row));
  };
  relabel();

  return {
    key: row.key,
    element,
    show(value) {
      show(value);
      control.removeAttribute('aria-invalid');
      say(null);
    },
    relabel,
  };
}

/**
 * The control of a field and the elements beside it.
 * @param {SettingRow} row
 * @param {FieldOptions} options
 * @param {(text: string) => void} submit  checks typed text and applies it
 * @param {(value: string | boolean) => void} apply  applies a value known to be good
 * @returns {{control: HTMLInputElement | HTMLSelectElement, extra: HTMLElement[],
 *   show: (value: string) => void}}
 */
function buildControl(row, options, submit, apply) {
  if (row.type === 'choice') {
    const select = make('select', {});
    for (const name of row.names ?? []) {
      const option = make('option', { value: name, textContent: t(choiceKey(row.key, name)) });
      option.dataset.i18n = choiceKey(row.key, name);
      select.append(option);
    }
    select.addEventListener('change', () => submit(select.value));
    return { control: select, extra: [], show: (value) => { select.value = value; } };
  }
  if (row.type === 'bool') {
    const box = make('input', { type: 'checkbox' });
    box.setAttribute('role', 'switch');
    box.addEventListener('change', () => apply(box.checked));
    return { control: box, extra: [], show: (value) => { box.checked = value === 'true'; } };
  }
  if (row.type === 'int' && !options.slider && (row.max ?? Infinity) - (row.min ?? 0) <= FEW) {
    const select = make('select', {});
    for (let n = row.min ?? 0; n <= (row.max ?? 0); n += 1) {
      select.append(make('option', { value: String(n), textContent: String(n) }));
    }
    select.addEventListener('change', () => submit(select.value));
    return { control: select, extra: [], show: (value) => { select.value = value; } };
  }
  if (options.slider && row.type === 'int') {
    const slider = make('input', { type: 'range', min: String(row.min), max: String(row.max), step: '1' });
    const shown = make('output', { className: 'slider-value' });
    const echo = () => { shown.textContent = `${slider.value}${options.unit ?? ''}`; };
    slider.addEventListener('input', () => { echo(); submit(slider.value); });
    return { control: slider, extra: [shown], show: (value) => { slider.value = value; echo(); } };
  }
  const box = make('input', { type: 'text', spellcheck: false, autocomplete: 'off' });
  if (row.type === 'int') box.inputMode = 'numeric';
  if (row.type === 'float') box.inputMode = 'decimal';
  box.addEventListener('change', () => submit(box.value));
  const extra = [];
  if (row.type === 'seed') {
    const dice = make('button', { type: 'button', className: 'dice' }, [diceIcon()]);
    dice.dataset.testid = `dice-${row.key}`;
    dice.dataset.i18nLabel = 'seed.dice';
    dice.dataset.i18nTitle = 'seed.dice';
    dice.addEventListener('click', () => submit(randomSeed()));
    extra.push(dice);
  }
  return { control: box, extra, show: (value) => { box.value = value; } };
}

/**
 * `text` if it is a value the engine accepts for `row` (numbers read strictly first, so no
 * `NaN`, `Infinity` or hex ever reaches it), else `null`.
 * @param {SettingRow} row
 * @param {string} text
 * @param {string} [lab] the lab of `row`, when not the plane
 * @returns {string | null}
 */
export function accepted(row, text, lab) {
  if (row.type === 'int' || row.type === 'float') {
    const number = Number(text);
    const bounded = row.openMin ? number > (row.min ?? 0) : number >= (row.min ?? 0);
    if (!(row.type === 'int' ? INT : FLOAT).test(text) || !Number.isFinite(number)
      || !bounded || number > (row.max ?? Infinity)) {
      return null;
    }
  }
  const setting = `${encodeURIComponent(row.key)}=${encodeURIComponent(text)}`;
  const parsed = /** @type {import('./types.js').ParsedLink} */ (
    parseLink(lab && lab !== 'plane' ? `lab=${lab}&${setting}` : setting));
  const refused = parsed.errors.some((error) => error.key === row.key);
  return refused ? null : text;
}

/**
 * What the note says when a value is refused: the table's `allowed`, in the page's language.
 * @param {SettingRow} row
 * @returns {string}
 */
function refusal(row) {
  return t('form.notApplied', { allowed: language() === 'zh' ? row.allowedZh : row.allowed });
}
