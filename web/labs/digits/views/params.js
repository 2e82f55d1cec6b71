// The parameter counts view: each layer's weights plus biases and the total, as a small table.

import { formatCount } from '../../../shared/controls.js';
import { onLanguageChange } from '../../../shared/i18n.js';
import { layerNames } from './draw.js';

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountParams(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'digits-view-title';
  const table = document.createElement('table');
  table.className = 'digits-params';
  container.append(heading, table);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const draw = () => {
    heading.textContent = ctx.t('Parameters', '参数量');
    table.replaceChildren();
    if (!last) return;
    const names = layerNames(last.layers);
    const head = table.createTHead().insertRow();
    for (const text of [ctx.t('layer', '层'), ctx.t('shape', '形状'), ctx.t('parameters', '参数')]) {
      const cell = document.createElement('th');
      cell.textContent = text;
      head.append(cell);
    }
    const body = table.createTBody();
    let total = 0;
    last.layers.forEach((layer, i) => {
      total += layer.parameters;
      const row = body.insertRow();
      row.dataset.layer = names[i];
      row.insertCell().textContent = names[i];
      row.insertCell().textContent = layer.shape.join(' x ');
      row.insertCell().textContent = formatCount(layer.parameters);
    });
    const foot = table.createTFoot().insertRow();
    foot.dataset.total = String(total);
    foot.insertCell().textContent = ctx.t('total', '合计');
    foot.insertCell();
    foot.insertCell().textContent = formatCount(total);
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
