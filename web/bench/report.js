// How a bench page hands its figures to the driver (e2e/bench.mjs): it leaves them in
// `window.benchResults` (or why it failed in `window.benchError`) and shows them on the page.

/**
 * Runs `measure` and leaves its figures (or its error) on the window and in `#results`.
 * @param {() => Promise<Record<string, number | string | null>>} measure
 */
export async function report(measure) {
  const out = document.getElementById('results');
  const page = /** @type {Window & {benchResults?: Record<string, number | string | null>,
   *   benchError?: string}} */ (window);
  try {
    const results = await measure();
    page.benchResults = results;
    if (out) out.textContent = JSON.stringify(results, null, 2);
  } catch (error) {
    page.benchError = error instanceof Error ? error.message : String(error);
    if (out) out.textContent = `failed: ${page.benchError}`;
  }
}
