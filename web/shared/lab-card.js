// Switches index.html's shared parts to a lab (the plane's own cards hide under `body.lab-<lab>`),
// loads the lab's styles, and builds the card that holds the lab's views' containers, shared by
// every lab's page.js. Builds DOM only; the views fill their containers.

/**
 * Turns the page into `lab`'s and returns the containers of `viewIds`, each a box with that
 * data-testid in the card's grid; `extras` go between the caption and the grid.
 * @template {string} Id
 * @param {Document} document
 * @param {string} lab the lab's name, as links spell it
 * @param {readonly Id[]} viewIds
 * @param {string} styleHref the lab's stylesheet
 * @param {HTMLElement[]} [extras]
 * @returns {Record<Id, HTMLElement>}
 */
export function buildLabCard(document, lab, viewIds, styleHref, extras = []) {
  document.body.classList.add(`lab-${lab}`);
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = styleHref;
  document.head.append(style);

  const card = document.createElement('section');
  card.className = `card ${lab}-views`;
  card.setAttribute('aria-labelledby', `${lab}-title`);
  const title = document.createElement('h2');
  title.id = `${lab}-title`;
  title.dataset.i18n = `${lab}.title`;
  const caption = document.createElement('p');
  caption.className = 'caption';
  caption.dataset.i18n = `${lab}.caption`;
  const grid = document.createElement('div');
  grid.className = `${lab}-grid`;
  /** @type {Partial<Record<Id, HTMLElement>>} */
  const containers = {};
  for (const id of viewIds) {
    const box = document.createElement('div');
    box.className = `${lab}-view ${id}`;
    box.dataset.testid = id;
    grid.append(box);
    containers[id] = box;
  }
  card.append(title, caption, ...extras, grid);
  const network = document.getElementById('network-panel');
  if (network) network.after(card);
  else document.querySelector('.workbench')?.append(card);
  return /** @type {Record<Id, HTMLElement>} */ (containers);
}
