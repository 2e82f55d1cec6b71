// Why training stopped, said where the learner looks: the engine's message in the page's
// language, and after a divergence a note beside the setting the engine names as its likely
// cause (the learning rate or the initial weight scale).

import { language } from './i18n.js';

/** @typedef {import('./types.js').Stop} Stop */

/**
 * The engine's stop message in the current language (the engine writes both).
 * @param {Stop} stop
 * @returns {string}
 */
export function stopMessage(stop) {
  return language() === 'zh' ? stop.messageZh : stop.message;
}

/**
 * Keeps the status line in the page's language: main.js writes the engine's message there
 * after every frame, and this puts the translation in its place (text only).
 * @param {HTMLElement} status
 * @param {() => Stop | null} currentStop  the stop of the latest frame
 */
export function translateStatus(status, currentStop) {
  const observer = new MutationObserver(() => {
    const stop = currentStop();
    if (!stop || status.textContent !== stop.message) return;
    const translated = stopMessage(stop);
    if (translated !== stop.message) status.textContent = translated;
  });
  observer.observe(status, { childList: true, characterData: true, subtree: true });
}

/**
 * The setting a divergence note stands beside: the cause the engine names, else the learning
 * rate.
 * @param {Stop} stop
 * @returns {'learningRate' | 'initScale'}
 */
export function causeOf(stop) {
  return stop.cause === 'initScale' ? 'initScale' : 'learningRate';
}

/**
 * The note beside the cause's setting after a divergence: the form renders each setting in a
 * `[data-setting]` wrapper holding an empty hidden `[data-note]`, and marks whose message a
 * note shows in its `data-by`. Only notes this wrote are cleared, so the form's own stay.
 * @param {Document} document
 * @returns {{show: (stop: Stop) => void, clear: () => void}}
 */
export function createDivergenceNote(document) {
  /** @type {{wrapper: HTMLElement, note: HTMLElement, text: string} | null} */
  let shown = null;
  const clear = () => {
    if (!shown) return;
    const { wrapper, note, text } = shown;
    delete wrapper.dataset.diverged;
    if (note.dataset.by === 'charts' && note.textContent === text) {
      note.textContent = '';
      note.hidden = true;
      note.dataset.by = '';
    }
    shown = null;
  };
  return {
    show(stop) {
      const wrapper = /** @type {HTMLElement | null} */ (
        document.querySelector(`[data-setting="${causeOf(stop)}"]`)
      );
      const note = /** @type {HTMLElement | null} */ (wrapper?.querySelector('[data-note]') ?? null);
      const text = stopMessage(stop);
      if (shown && shown.note === note && note.dataset.by === 'charts' && note.textContent === text) {
        return;
      }
      clear();
      // The form's own message (a refused value) is newer than the divergence: it stays.
      if (!wrapper || !note || (note.dataset.by === 'form' && !note.hidden)) return;
      note.textContent = text;
      note.hidden = false;
      note.dataset.by = 'charts';
      wrapper.dataset.diverged = '';
      shown = { wrapper, note, text };
    },
    clear,
  };
}
