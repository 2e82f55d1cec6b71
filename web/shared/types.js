// The shapes of the plain objects the engine hands the page through web/pkg, whose .d.ts can
// only call them `any`, `object` or `Array<any>`: JSDoc types and nothing that runs. Modules
// name them with `import('../shared/types.js').Name` (or `./types.js` beside it) in JSDoc, so the
// browser never fetches this file.
// crates/wasm writes each shape (the file named beside it); when it grows a field, add it here,
// and `cargo xtask test --stage types` checks every use.

/**
 * A row of `settingsTable()` (settings.rs): one setting of the engine's table, in form order.
 * The form, the link and the defaults all come from these rows.
 * @typedef {object} SettingRow
 * @property {string} key       the share-link key
 * @property {'data' | 'features' | 'network' | 'training' | 'view'} group
 * @property {'choice' | 'int' | 'float' | 'bool' | 'list' | 'seed' | 'points' | 'text'} type
 * @property {string} default   in link spelling
 * @property {string} nameEn
 * @property {string} nameZh
 * @property {string} helpEn
 * @property {string} helpZh
 * @property {string} allowed   what is allowed, as the end of a sentence ("must be ...")
 * @property {string} allowedZh the same in Chinese
 * @property {'live' | 'rebuild'} applies  whether a change keeps the trained weights or starts over
 * @property {string} [noteEn]  a note shown beside the field while `notes()` lists the key
 * @property {string} [noteZh]
 * @property {string[]} [names] a choice's values
 * @property {string[]} [labelsEn] a choice's labels, one per name
 * @property {string[]} [labelsZh]
 * @property {number} [min]     the least value of an `int`, a `float` or a `list` item
 * @property {number} [max]     their greatest; for `points`, the most points
 * @property {boolean} [openMin] a float whose `min` itself is not allowed
 * @property {number} [maxLen]  a list's most items
 * @property {number} [maxBytes] a text's most bytes of UTF-8
 */

/**
 * `Playground.values()` (settings.rs): every setting's current value in link spelling, by
 * share-link key (one per row of the table).
 * @typedef {Record<string, string> & {lang: 'auto' | import('./i18n.js').Language}} Values
 */

/**
 * The gradient health of one layer at the last update (metrics.rs); `null` before the first
 * update or where a number is not finite.
 * @typedef {object} LayerHealth
 * @property {number | null} gradNorm    `|dL/dW|`
 * @property {number | null} weightNorm  `|W|`
 * @property {number | null} updateRatio `|update| / |W|`
 */

/**
 * Why training stopped (metrics.rs).
 * @typedef {object} Stop
 * @property {'earlyStopped' | 'diverged'} reason
 * @property {string} message          the engine's sentence in English
 * @property {string} messageZh        the same in Chinese
 * @property {number | null} step      the update at which training diverged
 * @property {number | null} epoch     the epoch at which early stopping stopped
 * @property {number | null} bestEpoch the epoch whose weights early stopping restored
 * @property {'learningRate' | 'initScale' | null} [cause] after a divergence, the setting that
 *   most likely caused it: the starting weights when the first update's gradients were already
 *   large and training blew up within 20 updates, else the learning rate (`null` for early
 *   stopping; divergence.rs)
 * @property {number | null} [loss]    after a divergence, the batch loss of the update that
 *   blew up, before the last finite weights were restored (`null` where not finite, and for
 *   early stopping)
 */

/**
 * `Playground.metrics()` (metrics.rs): counts, losses and accuracies, with `null` wherever a
 * number is missing or not finite.
 * @typedef {object} Metrics
 * @property {number} step                  updates taken
 * @property {number} epoch                 epochs completed
 * @property {number | null} learningRate   what the schedule gives now
 * @property {number | null} batchLoss      mean loss of the last batch
 * @property {number | null} trainLoss
 * @property {number | null} testLoss
 * @property {number | null} trainAccuracy  fraction right; `null` for regression
 * @property {number | null} testAccuracy
 * @property {LayerHealth[]} layers         per layer of weights, input side first
 * @property {number | null} bestEpoch      the lowest test loss's epoch (early stopping on)
 * @property {Stop | null} stop             why training stopped, if it did
 */

/**
 * One bad or ignored setting of a link (link.rs).
 * @typedef {object} LinkProblem
 * @property {string} key
 * @property {string | null} value  as given (`null` for an ignored key)
 * @property {string} message       what is allowed, or what happened to the key
 * @property {string} messageZh     the same in Chinese
 * @property {string} text          the whole sentence, ready to show
 * @property {string} textZh        the same in Chinese
 */

/**
 * `parseLink(link)` (link.rs): the link read leniently.
 * @typedef {object} ParsedLink
 * @property {string} query           a link that always works: bad settings at their defaults
 * @property {LinkProblem[]} errors   one per bad setting
 * @property {LinkProblem[]} warnings one per ignored key
 */

/**
 * `Playground.neuronMaps(size, reuse)` (network.rs): every unit's activation over a
 * `size` x `size` grid, one map after another, layer by layer (input features first).
 * @typedef {object} NeuronMaps
 * @property {number} size
 * @property {number[]} sizes   units per layer, input features first, output last
 * @property {Float32Array} maps `size * size` values per unit
 */

/**
 * One layer of `Playground.weights()` (network.rs), input side first.
 * @typedef {object} Layer
 * @property {number} inputs
 * @property {number} units
 * @property {Float32Array} weight row-major `[inputs, units]`: input `i` to unit `j` at `i * units + j`
 * @property {Float32Array} bias   one per unit
 */

/**
 * The wasm handle as the page uses it: web/pkg's class, with the shapes above where its
 * .d.ts says `any` or `object`, and the settings `formChange` and `relevant` return by key.
 * `heatmapRgba`'s pixels are copied out of the wasm memory into an `ArrayBuffer` of their own
 * (never a shared one, as `ImageData` requires). link.js and web/bench/bench.js make one from
 * the class. `layerNames`, when a lab has it, names its layers input side first in the page's
 * language (the words lab's two tables of vectors); the charts number them otherwise.
 * @typedef {Omit<import('../pkg/playground_wasm.js').Playground,
 *   'metrics' | 'values' | 'weights' | 'neuronMaps' | 'formChange' | 'relevant' | 'heatmapRgba'> & {
 *   metrics(): Metrics,
 *   values(): Values,
 *   formChange(key: string, value: string): Record<string, string>,
 *   relevant(): Record<string, boolean>,
 *   weights(): Layer[],
 *   neuronMaps(size: number, reuse?: Float32Array): NeuronMaps,
 *   heatmapRgba(width: number, height: number, discretize: boolean): Uint8ClampedArray<ArrayBuffer>,
 *   layerNames?: () => string[],
 * }} Playground
 */

export {};
