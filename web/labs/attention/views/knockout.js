// The knock-out view: a switch per head of every layer; the heads switched off are silenced
// (their values zeroed, so they add nothing to their block) and the whole test set is read
// again, as the engine's `knockOut` does: the test accuracy and exact match with those heads
// silenced beside the full network's, and the accuracy at each position of both.

import { onLanguageChange } from '../../../shared/i18n.js';
import { SERIES_COLOURS, widthOf } from '../../sequence/views/draw.js';
import { cell, drawBars, percent, titled } from './draw.js';

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountKnockOut(container, ctx) {
  const { heading, note } = titled(container);
  const switches = document.createElement('div');
  switches.className = 'attention-knock-grid';
  switches.dataset.testid = 'attention-knock-grid';
  const buttons = document.createElement('div');
  buttons.className = 'attention-row';
  const all = document.createElement('button');
  all.type = 'button';
  all.dataset.testid = 'attention-knock-all';
  const none = document.createElement('button');
  none.type = 'button';
  none.dataset.testid = 'attention-knock-none';
  buttons.append(all, none);
  const table = document.createElement('table');
  table.className = 'attention-table';
  table.dataset.testid = 'attention-knockout-readout';
  const chart = document.createElement('canvas');
  chart.dataset.testid = 'attention-knockout-chart';
  chart.setAttribute('role', 'img');
  container.append(switches, buttons, table, chart, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;
  /** The shape the switches were built for, as `layers x heads`. */
  let built = '';

  /** Every head's switch, as `[layer, head, input]`. */
  /** @type {Array<[number, number, HTMLInputElement]>} */
  let inputs = [];

  const chosen = () => inputs.filter(([, , input]) => input.checked).flatMap(([layer, head]) => [layer, head]);

  const build = (/** @type {number} */ layers, /** @type {number} */ heads) => {
    inputs = [];
    switches.replaceChildren(...Array.from({ length: layers }, (_, layer) => {
      const row = document.createElement('div');
      row.className = 'attention-row';
      const title = document.createElement('span');
      title.className = 'attention-layer-title';
      title.dataset.layer = String(layer);
      row.append(title);
      for (let head = 0; head < heads; head++) {
        const label = document.createElement('label');
        label.className = 'attention-switch';
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.dataset.testid = `attention-knock-${layer}-${head}`;
        input.addEventListener('change', () => ctx.select({ knocked: chosen() }));
        const text = document.createElement('span');
        text.dataset.head = String(head);
        label.append(input, text);
        row.append(label);
        inputs.push([layer, head, input]);
      }
      return row;
    }));
    built = `${layers}x${heads}`;
  };

  const draw = () => {
    heading.textContent = ctx.t('Silence heads', '让注意力头静默');
    all.textContent = ctx.t('Silence all', '全部静默');
    none.textContent = ctx.t('Silence none', '全部恢复');
    for (const title of switches.querySelectorAll('[data-layer]')) {
      const layer = Number(/** @type {HTMLElement} */ (title).dataset.layer);
      title.textContent = ctx.t(`Layer ${layer + 1}`, `第 ${layer + 1} 层`);
    }
    for (const text of switches.querySelectorAll('[data-head]')) {
      const head = Number(/** @type {HTMLElement} */ (text).dataset.head);
      text.textContent = ctx.t(`head ${head + 1}`, `头 ${head + 1}`);
    }
    note.textContent = ctx.t(
      'Tick a head to silence it: its values are set to zero, so it adds nothing to its layer, and the whole test set is read again. A head the task needs costs accuracy; a spare one costs little. Blue: the full network; red: with the ticked heads silenced.',
      '勾选一个头让它静默：它的值被置零，对所在层不再有任何贡献，然后重新读一遍整个测试集。任务需要的头会让准确率下降；多余的头影响很小。蓝：完整网络；红：勾选的头静默后。',
    );
    if (!last) return;
    const { metrics, reading, selection, task } = last;
    if (built !== `${reading.layers.length}x${reading.heads}`) build(reading.layers.length, reading.heads);
    const knocked = new Set();
    for (let i = 0; i + 1 < selection.knocked.length; i += 2) knocked.add(`${selection.knocked[i]}-${selection.knocked[i + 1]}`);
    for (const [layer, head, input] of inputs) input.checked = knocked.has(`${layer}-${head}`);
    const report = reading.knockOut;
    const silenced = chosen().length / 2;
    const text = task === 'text';
    const header = document.createElement('tr');
    header.append(cell('th', ''), cell('th', ctx.t('test accuracy', '测试准确率')),
      ...(text ? [] : [cell('th', ctx.t('exact match', '完全匹配'))]));
    const full = document.createElement('tr');
    full.append(cell('th', ctx.t('full network', '完整网络')), cell('td', percent(metrics.testAccuracy)),
      ...(text ? [] : [cell('td', percent(metrics.exactMatch))]));
    const without = document.createElement('tr');
    without.append(cell('th', ctx.t(`${silenced} head${silenced === 1 ? '' : 's'} silenced`, `${silenced} 个头静默`)),
      cell('td', report ? percent(report.testAccuracy) : '–'),
      ...(text ? [] : [cell('td', report ? percent(report.exactMatch) : '–')]));
    table.replaceChildren(header, full, without);
    Object.assign(table.dataset, {
      silenced: String(silenced),
      fullAccuracy: String(metrics.testAccuracy ?? ''),
      fullExact: String(metrics.exactMatch ?? ''),
      testAccuracy: String(report?.testAccuracy ?? ''),
      exactMatch: String(report?.exactMatch ?? ''),
    });
    const positions = [...metrics.positionAccuracy];
    drawBars(chart, {
      labels: positions.map((_, i) => String(i + 1)),
      series: [
        { values: positions, colour: SERIES_COLOURS[1] },
        { values: report ? [...report.positionAccuracy] : [], colour: SERIES_COLOURS[0] },
      ],
      width: widthOf(container),
      height: 110,
    });
    chart.setAttribute('aria-label', report
      ? ctx.t(`with ${silenced} heads silenced the test accuracy is ${percent(report.testAccuracy)}, against ${percent(metrics.testAccuracy)}`,
        `${silenced} 个头静默时测试准确率为 ${percent(report.testAccuracy)}，完整网络为 ${percent(metrics.testAccuracy)}`)
      : ctx.t(`no head silenced: test accuracy ${percent(metrics.testAccuracy)}`, `没有头静默：测试准确率 ${percent(metrics.testAccuracy)}`));
  };

  all.addEventListener('click', () => {
    for (const [, , input] of inputs) input.checked = true;
    ctx.select({ knocked: chosen() });
  });
  none.addEventListener('click', () => {
    for (const [, , input] of inputs) input.checked = false;
    ctx.select({ knocked: [] });
  });
  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
