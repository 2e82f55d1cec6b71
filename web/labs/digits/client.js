// The page's side of the digits lab's worker (worker.js): requests as promises, answered in
// order. A failed request rejects with an Error carrying `messageZh`, like the wasm handle's, and
// `crashed` when the worker's module trapped (the page then shows its crash screen).

/** @typedef {{message: string, messageZh: string}} WorkerError */

export class DigitsClient {
  constructor() {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    /** @type {Map<number, {resolve: (value: any) => void, reject: (error: Error) => void}>} */
    this.pending = new Map();
    this.next = 0;
    this.worker.onmessage = (event) => {
      const { id, ok, result, error } = event.data;
      const waiting = this.pending.get(id);
      if (!waiting) return;
      this.pending.delete(id);
      if (ok) {
        waiting.resolve(result);
      } else {
        const failure = Object.assign(new Error(error.message), {
          messageZh: error.messageZh,
          crashed: error.crashed === true,
        });
        waiting.reject(failure);
      }
    };
    this.worker.onerror = (event) => {
      const failure = Object.assign(new Error(`the digits worker failed: ${event.message}`), {
        messageZh: `手写数字实验室的后台线程出错：${event.message}`,
      });
      for (const waiting of this.pending.values()) waiting.reject(failure);
      this.pending.clear();
    };
  }

  /**
   * Sends one request (see worker.js for the kinds) and resolves with its result.
   * @param {string} kind
   * @param {object} [args]
   * @param {Transferable[]} [transfer]
   * @returns {Promise<any>}
   */
  request(kind, args = {}, transfer = []) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, kind, args }, transfer);
    });
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
