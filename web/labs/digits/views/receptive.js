// Receptive fields: which input pixels one feature-map pixel sees, walking back through the
// chain of convolutions (kernel k, padding k / 2, stride 1) and 2 x 2 poolings (stride 2).

/** The side of the input images. */
export const SIDE = 8;

/**
 * One convolution of the chain: its kernel side, whether a pooling follows it, and the side
 * of the maps it reads and writes.
 * @typedef {{kernel: number, pooled: boolean, inSide: number, outSide: number}} ConvStage
 */

/**
 * The convolutions of a network, from its layers (`views.layers`) and one image's layer outputs
 * (`layerOutputs`): a convolution whose output is smaller than its input is followed by pooling.
 * @param {Array<{kind: string, shape: number[]}>} layers
 * @param {Array<{shape: number[]}>} outputs
 * @returns {ConvStage[]}
 */
export function convStages(layers, outputs) {
  /** @type {ConvStage[]} */
  const stages = [];
  let side = SIDE;
  layers.forEach((layer, i) => {
    if (layer.kind !== 'conv' || !outputs[i]) return;
    const outSide = outputs[i].shape[outputs[i].shape.length - 1];
    stages.push({ kernel: layer.shape[2], pooled: outSide < side, inSide: side, outSide });
    side = outSide;
  });
  return stages;
}

/**
 * The input pixels that pixel (`row`, `col`) of convolution `stage`'s (pooled) output sees,
 * as an inclusive box clipped to the image (padding adds zeros, not pixels).
 * @param {ConvStage[]} stages
 * @param {number} stage
 * @param {number} row
 * @param {number} col
 * @returns {{top: number, left: number, bottom: number, right: number}}
 */
export function receptiveField(stages, stage, row, col) {
  let [top, bottom, left, right] = [row, row, col, col];
  for (let s = stage; s >= 0; s--) {
    const { kernel, pooled, inSide } = stages[s];
    if (pooled) {
      [top, left] = [2 * top, 2 * left];
      [bottom, right] = [2 * bottom + 1, 2 * right + 1];
    }
    const reach = Math.floor(kernel / 2);
    const clip = (/** @type {number} */ v) => Math.min(inSide - 1, Math.max(0, v));
    [top, left] = [clip(top - reach), clip(left - reach)];
    [bottom, right] = [clip(bottom + reach), clip(right + reach)];
  }
  return { top, left, bottom, right };
}
