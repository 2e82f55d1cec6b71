// The labs and the switcher between them in the header: which lab a link opens (its `lab` key;
// `plane`, the default, is never written), each lab's last link remembered for the tab's
// session so switching back restores it, a new page load whenever the link's lab changes, and
// the word a lesson's preset leaves for the lab it opens to start training once loaded.

import { addStrings } from './i18n.js';

addStrings({
  en: {
    'labs.label': 'Labs',
    'labs.plane': 'Plane',
    'labs.plane.title': 'Points on a plane: a small network draws the boundary between classes',
    'labs.digits': 'Digits',
    'labs.digits.title': 'Handwritten digits: a convolutional network learns to read 8 x 8 images',
    'labs.sequence': 'Sequences',
    'labs.sequence.title': 'Sequences: RNN, LSTM and GRU read sentences word by word and remember numbers',
    'labs.words': 'Words',
    'labs.words.title': 'Word vectors: Word2Vec learns from sentences which words are alike',
    'labs.attention': 'Attention',
    'labs.attention.title': 'Attention: a small Transformer learns to copy, reverse and sort digits, and to read sentences',
  },
  zh: {
    'labs.label': '实验室',
    'labs.plane': '平面',
    'labs.plane.title': '平面上的点：一个小网络画出类别之间的边界',
    'labs.digits': '手写数字',
    'labs.digits.title': '手写数字：卷积网络学习识别 8 x 8 的图像',
    'labs.sequence': '序列',
    'labs.sequence.title': '序列：RNN、LSTM 和 GRU 逐词读句子，并记住数字',
    'labs.words': '词向量',
    'labs.words.title': '词向量：Word2Vec 从句子中学出哪些词相似',
    'labs.attention': '注意力',
    'labs.attention.title': '注意力：一个小 Transformer 学习复制、倒序和排序数字，并读句子',
  },
});

/** The labs the page has, the default first. */
export const LABS = /** @type {const} */ (['plane', 'digits', 'sequence', 'words', 'attention']);

/** @typedef {typeof LABS[number]} LabName */

/** Where a lab's last link is kept in sessionStorage. */
const STORAGE_PREFIX = 'backprop-playground.link.';

/**
 * The lab `link` opens (the part after `#`, or a whole query); an unknown lab is the default,
 * whose page then names the bad value.
 * @param {string} link
 * @returns {LabName}
 */
export function labOf(link) {
  const name = new URLSearchParams(link.replace(/^[#?]/, '')).get('lab');
  return LABS.find((lab) => lab === name) ?? 'plane';
}

/**
 * Remembers `link` as its lab's last link (a private window without storage forgets).
 * @param {string} link
 */
export function rememberLink(link) {
  try {
    sessionStorage.setItem(STORAGE_PREFIX + labOf(link), link);
  } catch {
    // No storage: switching back opens the lab's defaults.
  }
}

/** Where a preset that opens another lab leaves its link, for that lab's page to play it. */
const PLAY_KEY = 'backprop-playground.play';

/**
 * Asks the page that `link` loads (another lab's) to start training once it has opened it, as
 * a preset does in its own lab.
 * @param {string} link
 */
export function playOnArrival(link) {
  try {
    sessionStorage.setItem(PLAY_KEY, link);
  } catch {
    // No storage: the lab opens paused, and Play starts it.
  }
}

/**
 * Whether the page just loaded for `link` was asked to play it; the request is used up either way.
 * @param {string} link
 * @returns {boolean}
 */
export function arrivedToPlay(link) {
  try {
    const wanted = sessionStorage.getItem(PLAY_KEY);
    sessionStorage.removeItem(PLAY_KEY);
    return wanted === link;
  } catch {
    return false;
  }
}

/**
 * The link that opens `lab`: its last one in this tab, else its defaults.
 * @param {LabName} lab
 * @returns {string}
 */
export function linkOf(lab) {
  let link = null;
  try {
    link = sessionStorage.getItem(STORAGE_PREFIX + lab);
  } catch {
    link = null;
  }
  if (link !== null && labOf(link) === lab) return link;
  return lab === 'plane' ? '' : `lab=${lab}`;
}

/**
 * Wires the header's switcher (`data-testid="lab-<name>"` links) for the page of lab `current`:
 * marks the current one, points each other one at its lab's last link, and loads the page
 * anew when the address's lab changes (a switch, a hand-edited link, Back).
 * @param {ParentNode} root
 * @param {LabName} current
 */
export function bindLabSwitcher(root, current) {
  for (const lab of LABS) {
    const link = root.querySelector(`[data-testid="lab-${lab}"]`);
    if (!(link instanceof HTMLAnchorElement)) continue;
    if (lab === current) {
      link.setAttribute('aria-current', 'page');
      link.href = window.location.href;
      continue;
    }
    link.removeAttribute('aria-current');
    // Read when followed, so it is the other lab's link as it last was.
    const point = () => { link.href = `#${linkOf(lab)}`; };
    point();
    link.addEventListener('focus', point);
    link.addEventListener('pointerenter', point);
    link.addEventListener('click', point);
  }
  window.addEventListener('hashchange', () => {
    if (labOf(window.location.hash.slice(1)) !== current) window.location.reload();
  });
}
