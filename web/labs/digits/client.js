// The page's side of the digits lab's worker (worker.js), through the shared WorkerClient, and
// the shipped digits file fetched for it.

import { WorkerClient } from '../../shared/worker-client.js';

export class DigitsClient extends WorkerClient {
  constructor() {
    super(new URL('./worker.js', import.meta.url), { en: 'digits', zh: '手写数字实验室' });
  }
}

/**
 * The shipped digits, un-gzipped in the page (web/labs/digits/README.md gives the format).
 * @returns {Promise<ArrayBuffer>}
 */
export async function fetchDigits() {
  const response = await fetch(new URL('./digits.bin.gz', import.meta.url));
  if (!response.ok || !response.body) throw new Error(`digits.bin.gz: HTTP ${response.status}`);
  const unzipped = response.body.pipeThrough(new DecompressionStream('gzip'));
  return new Response(unzipped).arrayBuffer();
}
