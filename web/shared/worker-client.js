// The page's side of a lab's worker (web/shared/worker-requests.js answers it): requests as
// promises, answered in order. A failed request rejects with an Error carrying `messageZh`, like
// the wasm handle's, and `crashed` when the worker's module trapped (the page then shows its
// crash screen).

export class WorkerClient {
  /**
   * Starts the module worker at `url`; `name` names it in the error of a worker that fails.
   * @param {URL} url
   * @param {{en: string, zh: string}} name
   */
  constructor(url, name) {
    this.worker = new Worker(url, { type: 'module' });
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
      const failure = Object.assign(new Error(`the ${name.en} worker failed: ${event.message}`), {
        messageZh: `${name.zh}的后台线程出错：${event.message}`,
      });
      for (const waiting of this.pending.values()) waiting.reject(failure);
      this.pending.clear();
    };
  }

  /**
   * Sends one request (see the lab's worker.js for the kinds) and resolves with its result.
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
