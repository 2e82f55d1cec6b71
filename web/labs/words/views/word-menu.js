// A select of the text's words, most frequent first, rebuilt only when the vocabulary changes:
// the word pickers of the neighbours, pairs and co-occurrence views.

/**
 * A select over the vocabulary that calls `chosen(word)` when the learner picks one.
 * @param {string} testid the select's data-testid
 * @param {(word: string) => void} chosen
 * @returns {{element: HTMLSelectElement, show: (vocabulary: string[], word: string) => void}}
 */
export function createWordMenu(testid, chosen) {
  const element = document.createElement('select');
  element.dataset.testid = testid;
  element.addEventListener('change', () => chosen(element.value));
  /** @type {string[]} */
  let shown = [];
  return {
    element,
    show(vocabulary, word) {
      if (vocabulary !== shown) {
        shown = vocabulary;
        element.replaceChildren(...vocabulary.map((one) => {
          const option = document.createElement('option');
          option.value = one;
          option.textContent = one;
          return option;
        }));
      }
      if (element.value !== word) element.value = word;
    },
  };
}
