// The crash overlay. A panic in the wasm module is a bug, and the call it happens in throws a
// `WebAssembly.RuntimeError`, after which the instance is unusable. Instead of a page that
// silently stops, the learner sees what happened and a Reload button; the experiment lives in
// the address bar, so reloading loses nothing.

import { addStrings, t } from './i18n.js';

addStrings({
  en: {
    'crash.title': 'The playground stopped working',
    'crash.text': 'Its engine hit an internal error (a bug, not something you did) and cannot '
      + 'go on. Your experiment is safe in the address bar: Reload opens it again.',
    'crash.details': 'What the engine said',
    'crash.reload': 'Reload',
  },
  zh: {
    'crash.title': '演练场停止运行了',
    'crash.text': '引擎遇到内部错误（这是程序缺陷，与你的操作无关），无法继续运行。你的实验保存在地址栏中：'
      + '点击“重新加载”即可恢复。',
    'crash.details': '引擎给出的信息',
    'crash.reload': '重新加载',
  },
});

/** @type {string | null} the message of the panic the module reported, if any */
let panicMessage = null;
let shown = false;

/**
 * Records the message of a panic, which the module reports just before it traps: pass this to
 * the module's `onPanic`.
 * @param {unknown} message
 */
export function recordPanic(message) {
  panicMessage = String(message);
}

/** @returns {boolean} whether the module has crashed, so that nothing may call it again */
export function hasCrashed() {
  return shown || panicMessage !== null;
}

/**
 * Whether `error` means the module is dead: a trap (`WebAssembly.RuntimeError`, such as
 * "unreachable" after a panic), or anything thrown once a panic was reported.
 * @param {unknown} error
 */
function isCrash(error) {
  return error instanceof WebAssembly.RuntimeError || panicMessage !== null;
}

/**
 * Shows the crash overlay when `error` means the module is dead, and makes the rest of the page
 * inert; returns whether it did (otherwise the caller shows the error as usual).
 * @param {unknown} error
 * @returns {boolean}
 */
export function showCrash(error) {
  if (!isCrash(error)) return false;
  if (shown) return true;
  shown = true;
  const trap = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const details = panicMessage === null ? trap : `${panicMessage}\n(${trap})`;
  for (const child of document.body.children) {
    /** @type {HTMLElement} */ (child).inert = true;
  }
  const overlay = make('div', 'crash');
  overlay.setAttribute('role', 'alertdialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-labelledby', 'crash-title');
  overlay.setAttribute('aria-describedby', 'crash-text');
  overlay.dataset.testid = 'crash';
  const box = make('div', 'crash-box');
  const title = make('h2', '', t('crash.title'));
  title.id = 'crash-title';
  const text = make('p', '', t('crash.text'));
  text.id = 'crash-text';
  const more = make('details', 'crash-details');
  more.open = true;
  const message = make('pre', 'crash-message', details);
  message.dataset.testid = 'crash-message';
  more.append(make('summary', '', t('crash.details')), message);
  const reload = make('button', 'primary', t('crash.reload'));
  reload.type = 'button';
  reload.dataset.testid = 'crash-reload';
  reload.addEventListener('click', () => window.location.reload());
  box.append(title, text, more, reload);
  overlay.append(box);
  document.body.append(overlay);
  reload.focus();
  return true;
}

/**
 * Shows the overlay for traps that escape every handler (an event listener calling the module
 * directly), so no crash leaves a dead page behind.
 */
export function watchForCrashes() {
  window.addEventListener('error', (event) => {
    if (showCrash(event.error)) event.preventDefault();
  });
  window.addEventListener('unhandledrejection', (event) => {
    if (showCrash(event.reason)) event.preventDefault();
  });
}

/**
 * An element with a class and text (never HTML).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} className
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
function make(tag, className, text = '') {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  return element;
}
