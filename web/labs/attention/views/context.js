// What the attention views get from the page (the ctx of web/labs/attention/views/index.js) and
// the shape of the page's `views` answer they read: the latest metrics, the worker's reading of
// the chosen input (every head's attention, the answers, one head's walk, the knock-out), the
// learner's choices and the exact match at each measurement.

/**
 * An error the worker gave in place of an answer, in both languages.
 * @typedef {{message: string, messageZh: string}} Refusal
 */

/**
 * The learner's choices the views ask about.
 * @typedef {object} Selection
 * @property {number} example  the test sequence the views read
 * @property {number[] | null} input  a typed input (token ids) read instead, if any
 * @property {number} layer  the block whose head the walk shows, from 0
 * @property {number} head  the head the walk shows, from 0
 * @property {number[]} knocked  the silenced heads, `[layer, head, …]`
 */

/**
 * @typedef {object} ViewContext
 * @property {{request: (kind: string, args?: object) => Promise<any>}} client
 *   the page's AttentionClient (web/labs/attention/client.js)
 * @property {() => 'en' | 'zh'} lang
 * @property {(en: string, zh: string) => string} t  the string in the language in use
 * @property {(error: unknown) => void} onError
 * @property {() => string} link  the page's share link
 * @property {(changes: Partial<Selection>) => void} select  changes the choices and redraws
 */

/**
 * The attention metrics: the other labs' plus the attention lab's own fields.
 * @typedef {import('../../../shared/types.js').Metrics & {exactMatch: number | null,
 *   positionAccuracy: Float32Array, gradientNorm: number | null, parameters: number}} AttentionMetrics
 */

/**
 * One head of one block on the input, step by step (`AttentionLab.headWalk`), row by row.
 * @typedef {object} Walk
 * @property {number} layer  the block, from 0
 * @property {number} head  the head, from 0
 * @property {number} width  the head's width, dim / heads
 * @property {Float32Array} queries  `[T, width]`
 * @property {Float32Array} keys  `[T, width]`
 * @property {Float32Array} values  `[T, width]`
 * @property {Float32Array} scores  `[T, T]`: q·k / √width (masked: -Infinity)
 * @property {Float32Array} weights  `[T, T]`: each row's softmax
 * @property {Float32Array} mixed  `[T, width]`: the weighted sums of the values
 */

/**
 * The test set as it comes out (`AttentionLab.knockOut`).
 * @typedef {{testAccuracy: number | null, exactMatch: number | null, positionAccuracy: Float32Array}} Report
 */

/**
 * What the worker reads of the chosen input (worker.js `views`).
 * @typedef {object} Reading
 * @property {Uint16Array} input  the tokens read
 * @property {Uint16Array} answers  the network's answer at each position
 * @property {number[]} expected  the right answer at each position (-1: not known)
 * @property {Float32Array[]} layers  per block, `[heads, T, T]`: row i of a head weighs each position
 * @property {number} heads
 * @property {number} length
 * @property {number} example  the test sequence asked for
 * @property {boolean} typed  whether the typed input was read (else the test sequence)
 * @property {Refusal | null} refused  why the typed input could not be read
 * @property {Walk} walk
 * @property {Report | null} knockOut  the test set with the chosen heads silenced (none chosen: null)
 */

/**
 * What the page hands every view after a measurement.
 * @typedef {object} Views
 * @property {AttentionMetrics} metrics
 * @property {'copy' | 'reverse' | 'sort' | 'text'} task
 * @property {Record<string, string>} values  the settings in force, in link spelling
 * @property {string[]} vocabulary  the tokens, a token's id being its index
 * @property {Reading} reading
 * @property {Selection} selection
 * @property {{steps: number[], exact: Array<number | null>, accuracy: Array<number | null>}} history
 *   the exact match and the test accuracy at each measurement
 */

/**
 * @typedef {object} View
 * @property {(views: Views) => void} update
 */

export {};
