// How the page writes a measured number (a loss, an update ratio): fixed decimals where they
// read well, scientific notation beyond, so a huge or tiny value never breaks a table cell nor
// reads as a calm "0.000". Pure functions; no DOM.

/** Below this size (and above zero) a number is written in scientific notation. */
const SMALL = 1e-3;
/** At or above this size a number is written in scientific notation. */
const LARGE = 1e4;

/**
 * A number in scientific notation with `digits` digits after the point and a plain exponent:
 * 7.82e16, 4.0e-5.
 * @param {number} value finite and not zero
 * @param {number} digits
 * @returns {string}
 */
export function scientific(value, digits) {
  return value.toExponential(digits).replace('e+', 'e');
}

/**
 * A measured number: three decimals between 0.001 and 10,000 (and for zero), scientific
 * notation beyond (`7.82e16`, `4.00e-5`), `∞` for an infinity and `–` for a missing number.
 * @param {number | null | undefined} value
 * @returns {string}
 */
export function formatMeasure(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const size = Math.abs(value);
  if (size === 0 || (size >= SMALL && size < LARGE)) return value.toFixed(3);
  return scientific(value, 2);
}

/**
 * A short number for a small ratio beside a bar: two significant digits, scientific below 0.1
 * (`3.2e-4`), so a tiny value never reads as 0; `0` only for zero itself, `–` when missing.
 * @param {number | null | undefined} value
 * @returns {string}
 */
export function formatRatio(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 0.1 && size < LARGE) return String(Number(value.toPrecision(2)));
  return scientific(value, 1);
}
