// The words the views ask about before the learner picks others: for the built-in texts the
// pairs and the analogy the lab is about (猫/狗 against 猫/汽车, 国王 − 男人 + 女人; cat/dog against
// cat/car, king − man + woman), for a pasted text its most frequent words. Pure data: no DOM.

/** @typedef {import('./views/context.js').Selection} Selection */

/** The built-in texts' choices, by the `corpus` setting. */
const BUILT_IN = {
  zh: { word: '猫', analogy: ['国王', '男人', '女人'], pairs: [['猫', '狗'], ['猫', '汽车']] },
  en: { word: 'cat', analogy: ['king', 'man', 'woman'], pairs: [['cat', 'dog'], ['cat', 'car']] },
};

/** How many words the one-hot view compares. */
const SAMPLE_SIZE = 5;

/**
 * The choices to start from for text `corpus` with `vocabulary`.
 * @param {string} corpus the `corpus` setting
 * @param {string[]} vocabulary the words, most frequent first
 * @returns {Selection}
 */
export function defaultSelection(corpus, vocabulary) {
  const known = corpus === 'zh' || corpus === 'en' ? BUILT_IN[corpus] : null;
  if (known && known.pairs.flat().every((word) => vocabulary.includes(word))) {
    return {
      word: known.word,
      analogy: /** @type {[string, string, string]} */ ([...known.analogy]),
      pairs: known.pairs.map(([a, b]) => /** @type {[string, string]} */ ([a, b])),
    };
  }
  const at = (/** @type {number} */ i) => vocabulary[Math.min(i, vocabulary.length - 1)] ?? '';
  return { word: at(0), analogy: [at(0), at(1), at(2)], pairs: [[at(0), at(1)], [at(0), at(2)]] };
}

/**
 * Whether every word `selection` names is in `vocabulary`.
 * @param {Selection} selection
 * @param {string[]} vocabulary
 */
export function fits(selection, vocabulary) {
  const words = [selection.word, ...selection.analogy, ...selection.pairs.flat()];
  return words.every((word) => vocabulary.includes(word));
}

/**
 * The few words the one-hot view compares: the chosen word, the pairs' words and the analogy's.
 * @param {Selection} selection
 * @returns {string[]}
 */
export function sampleOf(selection) {
  const words = [selection.word, ...selection.pairs.flat(), selection.analogy[0], selection.analogy[2]];
  return [...new Set(words)].slice(0, SAMPLE_SIZE);
}
