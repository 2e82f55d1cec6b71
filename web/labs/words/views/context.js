// What the words views get from the page (the ctx of web/labs/words/views/index.js) and the shape
// of the page's `views` answer they read: the latest metrics, what the worker drew from the
// vectors, the learner's choices (a word, an analogy, pairs) and the pairs' similarity history.

/**
 * An answer a view shows in place of its figures when the worker refused the question.
 * @typedef {{error: {message: string, messageZh: string}}} Refused
 */

/** @typedef {{word: string, similarity: number | null}} Listed */

/**
 * The learner's choices the views ask about.
 * @typedef {object} Selection
 * @property {string} word  the word whose neighbours and co-occurrences show
 * @property {[string, string, string]} analogy  a − b + c
 * @property {Array<[string, string]>} pairs  the pairs whose similarity is followed
 */

/**
 * @typedef {object} ViewContext
 * @property {() => 'en' | 'zh'} lang
 * @property {(en: string, zh: string) => string} t  the string in the language in use
 * @property {(error: unknown) => void} onError
 * @property {() => string} link  the page's share link
 * @property {(changes: Partial<Selection>) => void} select  changes the choices and redraws
 * @property {(changes: Record<string, string>) => void} change  changes settings, as the form does
 * @property {() => Promise<string>} vectorsFile  the vectors as the CLI's --export writes them
 */

/**
 * The words metrics: the other labs' plus the words lab's own fields.
 * @typedef {import('../../../shared/types.js').Metrics & {parameters: number, finished: boolean,
 *   vocabularySize: number, dim: number, pairs: Array<number | null>}} WordsMetrics
 */

/**
 * What the page hands every view after a measurement.
 * @typedef {object} Views
 * @property {WordsMetrics} metrics
 * @property {Record<string, string>} values  the settings in force, in link spelling
 * @property {string[]} vocabulary  the words, most frequent first
 * @property {Array<{nameEn: string, nameZh: string, words: string[]}>} groups  the built-in
 *   text's groups (none for a pasted text)
 * @property {number[]} groupIds  each word's group, -1 for none
 * @property {Float32Array} projection  `[x0, y0, x1, y1, …]`, one point per word
 * @property {Listed[] | Refused} neighbours  the chosen word's nearest words
 * @property {Uint32Array | Refused} cooccurrences  how often each word is in the chosen word's window
 * @property {Float32Array | Refused} similarities  the chosen word's similarity to every word
 * @property {Listed[] | Refused} analogy  the analogy's best answers
 * @property {{words: string[], similarities: Array<Array<number | Refused>>}} sample
 *   a few words and their learned similarities, for the one-hot view
 * @property {{groupNeighbours: number | null, similarPair: number | null,
 *   distantPair: number | null, analogyRank: number} | null} summary
 * @property {Selection} selection
 * @property {{epochs: number[], values: Array<Array<number | null>>}} pairs  each tracked
 *   pair's similarity at each epoch's end
 */

/**
 * @typedef {object} View
 * @property {(views: Views) => void} update
 */

export {};
