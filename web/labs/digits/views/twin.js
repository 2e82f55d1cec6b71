// The translation view's twin: a second worker training the page's experiment with model=mlp,
// kept in step with the page's model (as many epochs, the same settings), so that both can be
// measured on shifted test images. Follows link changes with `apply` and resets with `reset`.

import { DigitsClient, fetchDigits } from '../client.js';

/** Settings only a CNN reads, left out of the twin's link. */
const CNN_KEYS = ['filters1', 'filters2', 'kernel', 'pooling'];
/** The most updates one request asks for (the worker stops at the end of an epoch anyway). */
const STEPS = 1000;

/**
 * The model a link asks for (`cnn` when it names none).
 * @param {string} link
 */
export function modelOf(link) {
  return new URLSearchParams(link).get('model') ?? 'cnn';
}

/**
 * The link of the MLP twin of `link`: the same settings with model=mlp.
 * @param {string} link
 */
export function mlpLink(link) {
  const params = new URLSearchParams(link);
  params.set('model', 'mlp');
  for (const key of CNN_KEYS) params.delete(key);
  return params.toString();
}

/**
 * @typedef {object} Twin
 * @property {(link: string, epoch: number) => void} follow  catch up with the page's model at
 *   `epoch` under `link`; the latest call wins while one is running
 * @property {() => void} stop  ends the twin's worker
 */

/**
 * A twin that reports `{epoch, shifted}` through `onMeasured` each time it caught up.
 * @param {import('./context.js').ViewContext} ctx
 * @param {(measured: {epoch: number, shifted: number[]}) => void} onMeasured
 * @returns {Twin}
 */
export function createTwin(ctx, onMeasured) {
  /** @type {DigitsClient | null} */
  let client = null;
  let link = '';
  let epoch = 0;
  let stopped = false;
  /** @type {{link: string, epoch: number} | null} */
  let wanted = null;
  let running = false;

  const bytes = async () => {
    const data = ctx.dataBytes ? await ctx.dataBytes() : await fetchDigits();
    return data.slice(0);
  };

  const catchUp = async (/** @type {{link: string, epoch: number}} */ goal) => {
    const twinLink = mlpLink(goal.link);
    if (!client) {
      client = new DigitsClient();
      const data = await bytes();
      await client.request('open', { link: twinLink, bytes: data }, [data]);
      link = twinLink;
      epoch = 0;
    } else if (twinLink !== link) {
      await client.request('apply', { link: twinLink });
      link = twinLink;
      epoch = (await client.request('progress')).epoch;
    }
    if (goal.epoch < epoch) {
      await client.request('reset');
      epoch = 0;
    }
    while (epoch < goal.epoch && !stopped) {
      const trained = await client.request('train', { steps: STEPS });
      epoch = trained.epoch;
      if (trained.stopped || (wanted && wanted !== goal)) break;
    }
    if (stopped) return;
    onMeasured({ epoch, shifted: await client.request('shifted') });
  };

  const run = async () => {
    if (running) return;
    running = true;
    try {
      while (wanted && !stopped) {
        const goal = wanted;
        await catchUp(goal);
        if (wanted === goal) wanted = null;
      }
    } catch (error) {
      if (!stopped) ctx.onError(error);
      wanted = null;
    } finally {
      running = false;
    }
  };

  return {
    follow(nextLink, nextEpoch) {
      if (stopped) return;
      wanted = { link: nextLink, epoch: nextEpoch };
      run();
    },
    stop() {
      stopped = true;
      client?.worker.terminate();
      client = null;
    },
  };
}
