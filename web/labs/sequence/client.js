// The page's side of the sequence lab's worker (worker.js): requests as promises, answered in
// order. A failed request rejects with an Error carrying `messageZh`, like the wasm handle's, and
// `crashed` when the worker's module trapped (the page then shows its crash screen).

export class SequenceClient {
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
        waiting.reject(Object.assign(new Error(error.message), {
          messageZh: error.messageZh,
          crashed: error.crashed === true,
        }));
      }
    };
    this.worker.onerror = (event) => {
      const failure = Object.assign(new Error(`the sequence worker failed: ${event.message}`), {
        messageZh: `序列实验室的后台线程出错：${event.message}`,
      });
      for (const waiting of this.pending.values()) waiting.reject(failure);
      this.pending.clear();
    };
  }

  /**
   * Sends one request (see worker.js for the kinds) and resolves with its result.
   * @param {string} kind
   * @param {object} [args]
   * @returns {Promise<any>}
   */
  request(kind, args = {}) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, kind, args });
    });
  }
}
