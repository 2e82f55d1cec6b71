// The interface language: string tables that each module registers for itself, the current
// language (from the link, else the browser), and translating marked elements in place.

/** @typedef {'en' | 'zh'} Language */

/** @type {Record<Language, Record<string, string>>} */
const tables = { en: {}, zh: {} };
/** @type {Language} */
let current = 'en';
/** @type {Array<(language: Language) => void>} */
const listeners = [];

/**
 * Adds strings for some keys in both languages; a module calls this once when it loads.
 * @param {{en: Record<string, string>, zh: Record<string, string>}} strings
 */
export function addStrings(strings) {
  Object.assign(tables.en, strings.en);
  Object.assign(tables.zh, strings.zh);
}

/**
 * The string for `key` in the current language (English, then the key itself, if missing),
 * with `{name}` placeholders filled from `vars`.
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 * @returns {string}
 */
export function t(key, vars = {}) {
  const text = tables[current][key] ?? tables.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** @returns {Language} the language in use */
export function language() {
  return current;
}

/**
 * The message of something thrown, in the language in use: the engine's errors carry their
 * Chinese as `messageZh`.
 * @param {unknown} error
 * @returns {string}
 */
export function messageOf(error) {
  if (!(error instanceof Error)) return String(error);
  const chinese = /** @type {{messageZh?: unknown}} */ (error).messageZh;
  return current === 'zh' && typeof chinese === 'string' ? chinese : error.message;
}

/**
 * The language the browser prefers: Chinese if its first Chinese or English entry is Chinese.
 * @returns {Language}
 */
export function browserLanguage() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    if (tag.toLowerCase().startsWith('zh')) return 'zh';
    if (tag.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

/**
 * Switches the language: `auto` follows the browser. Retranslates the page and tells listeners.
 * @param {string} setting the link's `lang` value: `auto`, `en` or `zh`
 */
export function setLanguage(setting) {
  const next = setting === 'en' || setting === 'zh' ? setting : browserLanguage();
  const switched = next !== current;
  current = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  translate(document);
  if (switched) for (const listener of listeners) listener(next);
}

/**
 * Calls `listener` after every language switch (not when the language stays).
 * @param {(language: Language) => void} listener
 */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

/**
 * Fills every element under `root` marked `data-i18n="key"` (its text), `data-i18n-title`
 * (its tooltip) or `data-i18n-label` (its aria-label). Text only, never HTML. Leaves what
 * already reads right untouched, so an unchanged page needs no new layout.
 * @param {ParentNode} root
 */
export function translate(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    const text = t(/** @type {HTMLElement} */ (element).dataset.i18n ?? '');
    if (element.textContent !== text) element.textContent = text;
  }
  for (const element of root.querySelectorAll('[data-i18n-title]')) {
    setText(element, 'title', t(/** @type {HTMLElement} */ (element).dataset.i18nTitle ?? ''));
  }
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    setText(element, 'aria-label', t(/** @type {HTMLElement} */ (element).dataset.i18nLabel ?? ''));
  }
}

/**
 * Sets attribute `name` of `element` to `text` unless it already is.
 * @param {Element} element
 * @param {string} name
 * @param {string} text
 */
function setText(element, name, text) {
  if (element.getAttribute(name) !== text) element.setAttribute(name, text);
}
