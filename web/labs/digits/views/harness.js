// A test harness for the digits views while the lab's page is being built: opens the lab from
// the hash's link, mounts every view and trains on request (window.harness.train(epochs)).
import { DigitsClient, fetchDigits } from '../client.js';
import * as views from './index.js';

const client = new DigitsClient();
const bytes = await fetchDigits();
let link = (await client.request('open', { link: location.hash.slice(1) || 'v=1&lab=digits', bytes: bytes.slice(0) })).link;
const status = /** @type {HTMLElement} */ (document.querySelector('[data-testid="harness-status"]'));
/** @type {import('./context.js').ViewContext} */
const ctx = {
  client,
  lang: () => 'en',
  t: (en) => en,
  onError: (error) => { status.textContent = `error: ${error}`; console.error(error); },
  link: () => link,
  dataBytes: () => bytes,
};
const mounted = Object.entries({
  'digits-params': views.mountParams,
  'digits-kernels': views.mountKernels,
  'digits-maps': views.mountMaps,
  'digits-confusion': views.mountConfusion,
  'digits-gallery': views.mountGallery,
  'digits-pad': views.mountPad,
  'digits-translation': views.mountTranslation,
}).map(([id, mount]) => mount(/** @type {HTMLElement} */ (document.querySelector(`[data-testid="${id}"]`)), ctx));

let epoch = 0;
const refresh = async () => {
  const shown = await client.request('views');
  for (const view of mounted) view.update(shown);
  status.textContent = `epoch ${epoch}`;
};

/** Trains `epochs` whole epochs, updating the views after each. */
async function train(/** @type {number} */ epochs) {
  for (let e = 0; e < epochs; e++) {
    let ended = false;
    while (!ended) ended = (await client.request('train', { steps: 1000 })).epochEnded;
    epoch += 1;
    await refresh();
  }
}

/** Applies a new link, as the page's form would. */
async function apply(/** @type {string} */ next) {
  link = (await client.request('apply', { link: next })).link;
  epoch = (await client.request('progress')).epoch;
  await refresh();
}

Object.assign(window, { harness: { train, apply, epoch: () => epoch } });
await refresh();
