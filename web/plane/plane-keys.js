// Keyboard access to the output plane: the plane takes focus, the arrow keys move a visible
// cursor over it, and keys place a point at the cursor or remove the nearest added one, as a
// click does. Which point that is, and storing it, stay data.js's: this module turns keys into
// plane positions and calls back.

import { addStrings, t } from '../shared/i18n.js';
import { round2 } from './points.js';

/** Plane units one arrow key moves the cursor. */
const STEP = 0.5;
/** Plane units one arrow key moves the cursor with Shift held. */
const FINE_STEP = 0.1;
/** Arrow keys and the direction each moves the cursor in, `[dx, dy]` (y grows upwards). */
const ARROWS = /** @type {Record<string, [number, number]>} */ ({
  ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1],
});

addStrings({
  en: {
    'data.keys': 'Keyboard: Tab to the plane, move the cross with the arrow keys (Shift for small '
      + 'steps), press Enter to add a point there (1 to 6: of that class), Delete to remove the '
      + 'nearest added point.',
    'data.cursor': 'Cursor at ({x}, {y})',
    'data.placed': 'Point added at ({x}, {y})',
    'data.removed': 'Nearest added point removed',
  },
  zh: {
    'data.keys': '键盘：按 Tab 移到预测图上，用方向键移动十字光标（按住 Shift 小步移动），按 Enter 在该处'
      + '添加一个点（按 1 到 6：添加该类别的点），按 Delete 删除最近的一个手动添加的点。',
    'data.cursor': '光标位于 ({x}, {y})',
    'data.placed': '已在 ({x}, {y}) 添加一个点',
    'data.removed': '已删除最近的一个手动添加的点',
  },
});

/**
 * What the keys do to the points; each returns whether the points changed.
 * @typedef {object} PlaneActions
 * @property {(x: number, y: number, label?: number) => boolean} place adds a point at `(x, y)`
 *   (or removes the nearest, as a click does while removing is on); with `label`, adds one
 *   of that class (0-based)
 * @property {(x: number, y: number) => boolean} remove removes the added point nearest `(x, y)`
 * @property {() => number | undefined} classCount the classes to choose from, `undefined` for
 *   regression
 */

/**
 * Makes the plane `canvas` focusable, with a cross over it that the arrow keys move while it
 * has focus, and returns the help line to show beside the plane (the canvas's description).
 * @param {HTMLCanvasElement} canvas the output heatmap, inside its `.plane`
 * @param {number} span the plane shows `[-span, span]` on both axes
 * @param {number} extent the cursor stays within `±extent`, where points may go
 * @param {PlaneActions} actions
 * @returns {HTMLElement}
 */
export function attachPlaneKeys(canvas, span, extent, actions) {
  const help = document.createElement('p');
  help.className = 'plane-keys';
  help.id = 'plane-keys-help';
  const text = document.createElement('span');
  text.dataset.i18n = 'data.keys';
  const said = document.createElement('span');
  said.className = 'plane-keys-said';
  said.dataset.testid = 'plane-cursor-said';
  said.setAttribute('aria-live', 'polite');
  help.append(text, ' ', said);

  const cross = document.createElement('div');
  cross.className = 'plane-cursor';
  cross.dataset.testid = 'plane-cursor';
  cross.setAttribute('aria-hidden', 'true');
  cross.hidden = true;
  canvas.after(cross);
  canvas.tabIndex = 0;
  canvas.setAttribute('aria-describedby', help.id);

  let x = 0;
  let y = 0;
  const at = () => ({ x: round2(x), y: round2(y) });
  /** Shows the cross where the cursor is, and says where. */
  const show = () => {
    cross.hidden = false;
    cross.style.left = `${((x + span) / (2 * span)) * 100}%`;
    cross.style.top = `${((span - y) / (2 * span)) * 100}%`;
    said.textContent = t('data.cursor', at());
  };
  // a click focuses the plane too, but only focus from the keyboard shows the cross
  canvas.addEventListener('focus', () => {
    if (canvas.matches(':focus-visible')) show();
  });
  canvas.addEventListener('blur', () => {
    cross.hidden = true;
    said.textContent = '';
  });
  canvas.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const arrow = ARROWS[event.key];
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : 0;
    if (arrow) {
      const step = event.shiftKey ? FINE_STEP : STEP;
      x = round2(clamp(x + arrow[0] * step, extent));
      y = round2(clamp(y + arrow[1] * step, extent));
      show();
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (actions.place(x, y)) said.textContent = t('data.placed', at());
    } else if (digit > 0 && digit <= (actions.classCount() ?? 0)) {
      if (actions.place(x, y, digit - 1)) said.textContent = t('data.placed', at());
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      if (actions.remove(x, y)) said.textContent = t('data.removed');
    } else {
      return;
    }
    event.preventDefault();
  });
  return help;
}

/**
 * `value` held within `±limit`.
 * @param {number} value
 * @param {number} limit
 */
function clamp(value, limit) {
  return Math.max(-limit, Math.min(limit, value));
}
