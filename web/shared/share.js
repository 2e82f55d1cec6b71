// The Share button: copies the page's address (which always holds the current experiment) to
// the clipboard and says so; where there is no clipboard, shows the link selected in a
// read-only field for the learner to copy by hand.

import { t } from './i18n.js';

/** How long the "copied" confirmation stays, in milliseconds. */
const CONFIRM_MS = 2500;

/**
 * Wires the Share button.
 * @param {{share: HTMLButtonElement, shareStatus: HTMLElement, shareLink: HTMLInputElement}} parts
 */
export function bindShare({ share, shareStatus, shareLink }) {
  let timer = 0;
  const say = (/** @type {string} */ key, /** @type {boolean} */ fades) => {
    clearTimeout(timer);
    shareStatus.dataset.i18n = key;
    shareStatus.textContent = t(key);
    shareStatus.hidden = false;
    if (fades) timer = window.setTimeout(() => { shareStatus.hidden = true; }, CONFIRM_MS);
  };

  share.addEventListener('click', async () => {
    const link = window.location.href;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      shareLink.hidden = true;
      say('share.copied', true);
    } catch {
      shareLink.value = link;
      shareLink.hidden = false;
      shareLink.focus();
      shareLink.select();
      say('share.manual', false);
    }
  });
  shareLink.addEventListener('blur', () => {
    shareLink.hidden = true;
    shareStatus.hidden = true;
  });
}
