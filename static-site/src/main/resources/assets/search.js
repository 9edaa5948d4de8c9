// Search: the catalog's listing API with filters; facet counts say how many products each
// choice would show. The URL keeps the search, so it can be shared and reloaded. Results
// take the places of the placeholder tiles the page starts with, so nothing moves when
// they arrive; on a phone the filters wait behind a button that counts the active ones.
import { request } from './api.js';
import { formatMoney, showError, element } from './ui.js';

const form = document.getElementById('search');
const facets = document.getElementById('facets');
const toggle = document.getElementById('filters-toggle');
const active = document.getElementById('filter-count');
const results = document.getElementById('results');
const count = document.getElementById('result-count');
const more = document.getElementById('more');
const FACETS = { category: 'Category', gender: 'Who for', size: 'Size', colour: 'Colour' };
const PAGE_SIZE = 24;
// As many as the first screen shows: loaded at once, the rest as they scroll into view.
const EAGER = 4;
const apiBase = document.documentElement.dataset.api || '';
let page = 0;

function params() {
  const query = new URLSearchParams();
  const q = form.q.value.trim();
  if (q) query.set('q', q);
  for (const input of facets.querySelectorAll('input:checked')) query.append(input.name, input.value);
  return query;
}

function showActive() {
  const n = facets.querySelectorAll('input:checked').length;
  active.textContent = n > 0 ? ` (${n} active)` : '';
}

function tile(product, index) {
  const src = product.image ? (product.image.url.startsWith('/api/') ? apiBase + product.image.url : product.image.url) : '';
  const img = element('img', {
    src, alt: product.image ? product.image.alt : '', width: 480, height: 480, loading: index < EAGER ? null : 'lazy',
  });
  return element('li', { class: 'tile' }, element('a', { href: `/products/${product.slug}/` }, img,
    element('span', { class: 'tile-name', text: product.name }),
    element('span', { class: 'tile-price', text: formatMoney(product.price) })));
}

function renderFacets(available, selected) {
  const groups = [];
  for (const [name, legend] of Object.entries(FACETS)) {
    const fieldset = element('fieldset', {}, element('legend', { text: legend }));
    for (const { value, count: n } of available[name] || []) {
      const id = `facet-${name}-${value}`;
      const input = element('input', { type: 'checkbox', id, name, value, checked: selected.getAll(name).includes(value) });
      fieldset.append(element('label', { for: id }, input, `${value.replace(/-/g, ' ')} (${n})`));
    }
    groups.push(fieldset);
  }
  facets.replaceChildren(...groups);
}

async function run({ append = false } = {}) {
  const query = params();
  history.replaceState(null, '', query.toString() ? `?${query}` : location.pathname);
  query.set('page', String(page));
  query.set('pageSize', String(PAGE_SIZE));
  try {
    const listing = await request(`/api/catalog/products?${query}`);
    const items = listing.items.map((product, index) => tile(product, append ? EAGER : index));
    if (append) results.append(...items);
    else results.replaceChildren(...items);
    results.removeAttribute('aria-busy');
    const focused = document.activeElement && document.activeElement.id;
    renderFacets(listing.facets, query);
    if (focused && focused.startsWith('facet-')) document.getElementById(focused)?.focus();
    showActive();
    count.textContent = listing.total === 1 ? '1 product' : `${listing.total} products`;
    more.hidden = (page + 1) * PAGE_SIZE >= listing.total;
  } catch (error) {
    results.replaceChildren();
    results.removeAttribute('aria-busy');
    count.textContent = 'The search did not work.';
    showError(error);
  }
}

const initial = new URLSearchParams(location.search);
form.q.value = initial.get('q') || '';
facets.append(...[...initial.entries()].filter(([name]) => name in FACETS)
  .map(([name, value]) => element('input', { type: 'checkbox', name, value, checked: true, hidden: true })));
showActive();

toggle.addEventListener('click', () => {
  toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true'));
});
form.addEventListener('submit', (event) => { event.preventDefault(); page = 0; run(); });
facets.addEventListener('change', () => { page = 0; run(); });
more.addEventListener('click', () => { page += 1; run({ append: true }); });
run();
