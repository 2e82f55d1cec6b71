// What the digits views get from the page (the ctx of web/labs/digits/views/index.js), the
// shapes of the worker's answers they read, and the chosen test image the views share.

/**
 * @typedef {object} ViewContext
 * @property {{request: (kind: string, args?: object, transfer?: Transferable[]) => Promise<any>}} client
 *   the page's DigitsClient (web/labs/digits/client.js)
 * @property {() => 'en' | 'zh'} lang
 * @property {(en: string, zh: string) => string} t  the string in the language in use
 * @property {(error: unknown) => void} onError
 * @property {() => string} [link]  the page's share link, for the translation view's MLP twin
 * @property {() => ArrayBuffer | Promise<ArrayBuffer>} [dataBytes]  the un-gzipped digits file
 */

/**
 * @typedef {object} LayerView
 * @property {'conv' | 'dense'} kind
 * @property {number[]} shape  [F, C, k, k] for a convolution, [inputs, units] for a dense layer
 * @property {Float32Array} values
 * @property {number} parameters
 */

/**
 * The worker's `views` answer.
 * @typedef {object} Views
 * @property {LayerView[]} layers
 * @property {Uint32Array} confusion   counts[truth * 10 + predicted]
 * @property {Uint32Array} misclassified  [test index, predicted, ...]
 * @property {number[]} shifted  test accuracy on images shifted 0 to 3 px
 */

/**
 * @typedef {object} View
 * @property {(views: Views) => void} update
 * @property {() => void} [destroy]
 */

/** @type {WeakMap<object, EventTarget>} */
const channels = new WeakMap();

/**
 * The channel through which the views of one page share the chosen test image.
 * @param {ViewContext} ctx
 * @returns {EventTarget}
 */
function channelOf(ctx) {
  let channel = channels.get(ctx.client);
  if (!channel) {
    channel = new EventTarget();
    channels.set(ctx.client, channel);
  }
  return channel;
}

/**
 * Asks the feature-map view to show test image `index`.
 * @param {ViewContext} ctx
 * @param {number} index
 */
export function chooseTestImage(ctx, index) {
  channelOf(ctx).dispatchEvent(new CustomEvent('choose', { detail: index }));
}

/**
 * Calls `listener` with each test image index chosen elsewhere.
 * @param {ViewContext} ctx
 * @param {(index: number) => void} listener
 */
export function onTestImageChosen(ctx, listener) {
  channelOf(ctx).addEventListener('choose', (event) => listener(/** @type {CustomEvent} */ (event).detail));
}

/**
 * How many test images there are: the confusion matrix counts each once.
 * @param {Views} views
 */
export function testCountOf(views) {
  let total = 0;
  for (const n of views.confusion) total += n;
  return total;
}
