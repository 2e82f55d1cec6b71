// A lab worker's side of its requests: answers each `{id, kind, args}` message in arrival order
// with its handler's result, or with the error in both languages (a trap in the module marks the
// lab as crashed, so the page shows its crash screen).

/**
 * Serves `handlers` on the worker's messages once `ready` resolves.
 * @param {Promise<unknown>} ready
 * @param {Record<string, (args: any) => unknown>} handlers
 */
export function serveRequests(ready, handlers) {
  let queue = Promise.resolve();
  self.onmessage = (event) => {
    const { id, kind, args } = event.data;
    queue = queue.then(async () => {
      try {
        await ready;
        const handler = handlers[kind];
        if (!handler) throw new Error(`unknown request ${kind}`);
        self.postMessage({ id, ok: true, result: handler(args ?? {}) });
      } catch (error) {
        const e = /** @type {any} */ (error);
        self.postMessage({
          id,
          ok: false,
          error: {
            message: String(e?.message ?? e),
            messageZh: e?.messageZh ?? String(e?.message ?? e),
            crashed: error instanceof WebAssembly.RuntimeError,
          },
        });
      }
    });
  };
}
