// Mounts a lab's views in their containers and hands each the lab's latest `views` answer, one
// view per animation frame so that no task draws them all (an answer that comes while they are
// drawing replaces the one they were given); a view that fails is reported and the others go on.

/**
 * Mounts each `[container id, mount]` of `mounts`; the result's `update` passes an answer to
 * each view in turn, one per frame, then calls `drawn`.
 * @template Answer, Context
 * @param {Array<[string, (container: HTMLElement, ctx: Context) => {update: (answer: Answer) => void}]>} mounts
 * @param {Record<string, HTMLElement>} containers
 * @param {Context & {onError: (error: unknown) => void}} ctx
 * @returns {{update: (answer: Answer, drawn?: () => void) => void}}
 */
export function mountLabViews(mounts, containers, ctx) {
  /** @type {Array<{update: (answer: Answer) => void}>} */
  const views = [];
  for (const [id, mount] of mounts) {
    try {
      views.push(mount(containers[id], ctx));
    } catch (error) {
      ctx.onError(error);
    }
  }
  /** The answer being drawn, the next view to draw it, and whether a frame is asked for. */
  /** @type {Answer | null} */
  let latest = null;
  /** Called once every view has drawn `latest`. */
  let whenDrawn = () => {};
  let next = 0;
  let asked = false;
  const drawOne = () => {
    asked = false;
    if (latest === null) return;
    const view = views[next];
    next += 1;
    try {
      view?.update(latest);
    } catch (error) {
      ctx.onError(error);
    }
    if (next < views.length) {
      asked = true;
      requestAnimationFrame(drawOne);
    } else {
      latest = null;
      whenDrawn();
    }
  };
  return {
    update(answer, drawn = () => {}) {
      latest = answer;
      whenDrawn = drawn;
      next = 0;
      if (asked) return;
      asked = true;
      requestAnimationFrame(drawOne);
    },
  };
}
