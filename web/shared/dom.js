// Small DOM builders for the form and the lessons: elements with their properties, and the
// inline icons their buttons draw (no icon fonts or images are fetched).

/**
 * A 24x24 inline SVG icon of one path, hidden from screen readers.
 * @param {string} d the path's data
 * @param {string} [className] the path's class (`solid` fills it)
 * @returns {SVGSVGElement}
 */
export function pathIcon(d, className) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  if (className) path.setAttribute('class', className);
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

/**
 * A die with five pips, as inline SVG (for buttons that draw a new random seed).
 * @returns {SVGSVGElement}
 */
export function diceIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const face = document.createElementNS(ns, 'rect');
  for (const [name, value] of [['x', '3.5'], ['y', '3.5'], ['width', '17'], ['height', '17'], ['rx', '3.5']]) {
    face.setAttribute(name, value);
  }
  svg.append(face);
  for (const [cx, cy] of [[8, 8], [16, 8], [12, 12], [8, 16], [16, 16]]) {
    const pip = document.createElementNS(ns, 'circle');
    pip.setAttribute('cx', String(cx));
    pip.setAttribute('cy', String(cy));
    pip.setAttribute('r', '1.4');
    pip.setAttribute('class', 'solid');
    svg.append(pip);
  }
  return svg;
}

/**
 * A new element with properties set and children appended.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Partial<HTMLElementTagNameMap[K]>} props
 * @param {Node[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function make(tag, props, children = []) {
  const element = document.createElement(tag);
  Object.assign(element, props);
  element.append(...children);
  return element;
}
