// What the sequence views get from the page (the ctx of web/labs/sequence/views/index.js) and
// the shape of the page's `views` answer they read: the latest metrics and the histories the
// page keeps of the updates it trained.

/**
 * @typedef {object} ViewContext
 * @property {{request: (kind: string, args?: object) => Promise<any>}} client
 *   the page's SequenceClient (web/labs/sequence/client.js)
 * @property {() => 'en' | 'zh'} lang
 * @property {(en: string, zh: string) => string} t  the string in the language in use
 * @property {(error: unknown) => void} onError
 * @property {() => string} link  the page's share link
 */

/**
 * The sequence metrics: the digits lab's plus the sequence lab's own fields.
 * @typedef {import('../../../shared/types.js').Metrics & {
 *   baselineLoss: number | null, perplexity: number | null, gradientNorm: number | null,
 *   clipped: boolean, stepGradientNorms: Float32Array, parameters: number}} SequenceMetrics
 */

/**
 * What the page hands every view after a measurement.
 * @typedef {object} Views
 * @property {SequenceMetrics} metrics
 * @property {'text' | 'adding' | 'reverse'} task
 * @property {number} clip  the clipping threshold in force (0: off)
 * @property {{steps: number[], train: Array<number | null>, test: Array<number | null>}} losses
 *   the train and test loss at each measurement
 * @property {{steps: number[], values: number[]}} norms  each update's global gradient norm
 *   before clipping (thinned to at most a few thousand)
 * @property {{steps: number[], rows: Float32Array[]}} stepNorms  the per-step gradient norms
 *   at the end of each training request (thinned to at most a few hundred rows)
 */

/**
 * @typedef {object} View
 * @property {(views: Views) => void} update
 */

export {};
