// The drawing pad: an 8 x 8 image drawn with the mouse, touch or pen (pointer events) or the
// keyboard (arrow keys move a cursor, space or Enter inks or clears a cell), and the network's
// ten class probabilities as bars, asked again after every change with one request in flight.

import { onLanguageChange } from '../../../shared/i18n.js';
import { testCountOf } from './context.js';
import { HIGHLIGHT, argmax, drawCells, grey, sizeCanvas } from './draw.js';

/** The side of one pad cell, in CSS pixels. */
const CELL = 28;
/** The inks the brush can lay, strongest first, then the eraser (0). */
const INKS = [1, 0.5, 0.25, 0];

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountPad(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'digits-view-title';
  const pad = document.createElement('canvas');
  pad.dataset.testid = 'digits-pad-canvas';
  pad.tabIndex = 0;
  pad.className = 'digits-pad';
  const bars = document.createElement('canvas');
  bars.dataset.testid = 'digits-pad-probabilities';
  const verdict = document.createElement('p');
  verdict.dataset.testid = 'digits-pad-verdict';
  verdict.setAttribute('aria-live', 'polite');
  const brush = document.createElement('select');
  brush.dataset.testid = 'digits-pad-brush';
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.dataset.testid = 'digits-pad-clear';
  const load = document.createElement('button');
  load.type = 'button';
  load.dataset.testid = 'digits-pad-load';
  const tools = document.createElement('div');
  tools.className = 'digits-pad-tools';
  tools.append(brush, clear, load);
  const hint = document.createElement('p');
  hint.className = 'digits-view-note';
  const row = document.createElement('div');
  row.className = 'digits-pad-row';
  const left = document.createElement('div');
  left.append(pad, tools);
  const right = document.createElement('div');
  right.append(bars, verdict);
  row.append(left, right);
  container.append(heading, row, hint);

  const pixels = new Float32Array(64);
  const cursor = { row: 3, col: 3 };
  let focused = false;
  let ready = false;
  let asking = false;
  let again = false;
  let nextTest = 0;
  /** @type {import('./context.js').Views | null} */
  let last = null;
  /** @type {Float32Array | null} */
  let probabilities = null;

  const ask = async () => {
    if (!ready) return;
    if (asking) {
      again = true;
      return;
    }
    asking = true;
    try {
      do {
        again = false;
        probabilities = await ctx.client.request('probabilities', { pixels: Array.from(pixels) });
        drawBars();
      } while (again);
    } catch (error) {
      ctx.onError(error);
    } finally {
      asking = false;
    }
  };

  const drawPad = () => {
    const context = sizeCanvas(pad, 8 * CELL + 2, 8 * CELL + 2);
    drawCells(context, pixels, { x: 1, y: 1, rows: 8, cols: 8, size: CELL, colour: grey });
    context.strokeStyle = 'rgba(148, 163, 184, 0.35)';
    context.lineWidth = 1;
    for (let i = 1; i < 8; i++) {
      context.beginPath();
      context.moveTo(1 + i * CELL + 0.5, 1);
      context.lineTo(1 + i * CELL + 0.5, 1 + 8 * CELL);
      context.moveTo(1, 1 + i * CELL + 0.5);
      context.lineTo(1 + 8 * CELL, 1 + i * CELL + 0.5);
      context.stroke();
    }
    pad.dataset.ink = pixels.reduce((a, b) => a + b, 0).toFixed(2);
    if (!focused) return;
    context.strokeStyle = HIGHLIGHT;
    context.lineWidth = 2;
    context.strokeRect(2 + cursor.col * CELL, 2 + cursor.row * CELL, CELL - 2, CELL - 2);
  };

  const drawBars = () => {
    const context = sizeCanvas(bars, 200, 10 * 18 + 2);
    context.font = '12px system-ui, sans-serif';
    context.textBaseline = 'middle';
    const best = probabilities ? argmax(probabilities) : -1;
    for (let d = 0; d < 10; d++) {
      const p = probabilities ? probabilities[d] : 0;
      const y = 1 + d * 18;
      context.fillStyle = '#5d6b7a';
      context.textAlign = 'left';
      context.fillText(String(d), 2, y + 9);
      context.fillStyle = '#eef1f5';
      context.fillRect(16, y + 2, 140, 14);
      context.fillStyle = d === best ? '#1f6feb' : '#94a3b8';
      context.fillRect(16, y + 2, 140 * p, 14);
      context.fillStyle = '#1d2733';
      context.textAlign = 'right';
      context.fillText(`${(100 * p).toFixed(0)}%`, 198, y + 9);
    }
    bars.dataset.probabilities = probabilities ? JSON.stringify(Array.from(probabilities)) : '';
    verdict.textContent = probabilities
      ? ctx.t(`Most likely a ${best} (${(100 * probabilities[best]).toFixed(0)}%)`, `最可能是 ${best}（${(100 * probabilities[best]).toFixed(0)}%）`)
      : ctx.t('Draw a digit on the pad.', '在画板上写一个数字。');
  };

  const describe = () => {
    heading.textContent = ctx.t('Draw a digit', '手写一个数字');
    const names = [ctx.t('ink 100%', '墨水 100%'), ctx.t('ink 50%', '墨水 50%'), ctx.t('ink 25%', '墨水 25%'), ctx.t('eraser', '橡皮擦')];
    const chosen = brush.selectedIndex;
    brush.replaceChildren(...INKS.map((ink, i) => new Option(names[i], String(ink))));
    brush.selectedIndex = Math.max(0, chosen);
    brush.setAttribute('aria-label', ctx.t('brush', '画笔'));
    clear.textContent = ctx.t('Clear', '清空');
    load.textContent = ctx.t('Load a test image', '载入一张测试图像');
    pad.setAttribute('aria-label', ctx.t(
      `drawing pad, 8 by 8: arrow keys move the cursor (row ${cursor.row + 1}, column ${cursor.col + 1}), space or Enter inks or clears the cell`,
      `8 x 8 画板：方向键移动光标（第 ${cursor.row + 1} 行第 ${cursor.col + 1} 列），空格或回车键上墨或擦除该格`,
    ));
    hint.textContent = ctx.t(
      'Draw with the mouse, a finger or the keyboard; the bars are the network\'s probabilities for each digit, updated as it trains.',
      '用鼠标、手指或键盘书写；条形是网络对每个数字给出的概率，随训练更新。',
    );
    drawBars();
  };

  const ink = () => Number(brush.value || 1);
  /** Inks cell (`row`, `col`) with the brush: ink only ever darkens, the eraser clears. */
  const paint = (/** @type {number} */ r, /** @type {number} */ c) => {
    if (r < 0 || r > 7 || c < 0 || c > 7) return;
    const value = ink() === 0 ? 0 : Math.max(pixels[r * 8 + c], ink());
    if (value === pixels[r * 8 + c]) return;
    pixels[r * 8 + c] = value;
    drawPad();
    ask();
  };
  const cellOf = (/** @type {PointerEvent} */ event) => {
    const box = pad.getBoundingClientRect();
    return [Math.floor((event.clientY - box.top - 1) / CELL), Math.floor((event.clientX - box.left - 1) / CELL)];
  };

  pad.addEventListener('pointerdown', (event) => {
    pad.setPointerCapture(event.pointerId);
    const [r, c] = cellOf(event);
    paint(r, c);
  });
  pad.addEventListener('pointermove', (event) => {
    if (event.buttons === 0) return;
    const [r, c] = cellOf(event);
    paint(r, c);
  });
  pad.style.touchAction = 'none';
  pad.addEventListener('keydown', (event) => {
    const steps = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = steps[/** @type {keyof typeof steps} */ (event.key)];
    if (step) {
      cursor.row = Math.min(7, Math.max(0, cursor.row + step[0]));
      cursor.col = Math.min(7, Math.max(0, cursor.col + step[1]));
      describe();
      drawPad();
    } else if (event.key === ' ' || event.key === 'Enter') {
      const at = cursor.row * 8 + cursor.col;
      pixels[at] = pixels[at] > 0 && ink() > 0 ? 0 : ink();
      drawPad();
      ask();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      pixels[cursor.row * 8 + cursor.col] = 0;
      drawPad();
      ask();
    } else {
      return;
    }
    event.preventDefault();
  });
  pad.addEventListener('focus', () => { focused = true; drawPad(); });
  pad.addEventListener('blur', () => { focused = false; drawPad(); });
  clear.addEventListener('click', () => {
    pixels.fill(0);
    drawPad();
    ask();
  });
  load.addEventListener('click', async () => {
    const count = last ? testCountOf(last) : 0;
    if (!ready || count === 0) return;
    try {
      const image = await ctx.client.request('testImage', { index: nextTest });
      nextTest = (nextTest + 1) % count;
      pixels.set(image.pixels);
      drawPad();
      ask();
    } catch (error) {
      ctx.onError(error);
    }
  });
  onLanguageChange(describe);
  describe();
  drawPad();

  return {
    update(views) {
      last = views;
      ready = true;
      ask();
    },
  };
}
