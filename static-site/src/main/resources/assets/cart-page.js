// Cart page: editable quantities and totals, then checkout. Before paying, prices and
// stock are checked again against the catalog; the cart is updated and the shopper told
// when anything changed.
import { request, ApiError } from './api.js';
import * as cart from './cart.js';
import { ensureSignedIn, authorized } from './auth.js';
import { announce, clearMessages, formatMoney, showError, element } from './ui.js';

const table = document.getElementById('cart-table');
const body = document.getElementById('cart-lines');
const empty = document.getElementById('cart-empty');
const totalCell = document.getElementById('cart-total');
const form = document.getElementById('checkout');
const saved = document.getElementById('saved-addresses');
const newAddress = document.getElementById('new-address');
const guestEmail = document.getElementById('guest-email');
let signedIn = false;

function describe(line) {
  return `${line.name}, size ${line.size}, ${line.colour.replace(/-/g, ' ')}`;
}

function render() {
  const lines = cart.lines();
  empty.hidden = lines.length > 0;
  table.hidden = lines.length === 0;
  form.hidden = lines.length === 0;
  body.replaceChildren(...lines.map((line) => {
    const quantity = element('input', {
      type: 'number', min: 1, max: 10, value: line.quantity, inputmode: 'numeric',
      'aria-label': `Quantity of ${describe(line)}`, 'data-sku': line.sku,
    });
    const lineTotal = element('td', { text: formatMoney({ amount: line.price.amount * line.quantity, currency: line.price.currency }) });
    // Updated in place, so focus and the row stay where the shopper is.
    quantity.addEventListener('change', () => {
      const wanted = Number.parseInt(quantity.value, 10);
      if (!Number.isInteger(wanted)) return;
      cart.setQuantity(line.sku, wanted);
      const now = cart.lines().find((candidate) => candidate.sku === line.sku);
      if (String(now.quantity) !== quantity.value) quantity.value = String(now.quantity);
      lineTotal.textContent = formatMoney({ amount: now.price.amount * now.quantity, currency: now.price.currency });
      showTotal();
    });
    const remove = element('button', { type: 'button', class: 'button secondary', 'aria-label': `Remove ${describe(line)}`, text: 'Remove' });
    remove.addEventListener('click', () => {
      cart.remove(line.sku);
      render();
      announce(`Removed ${describe(line)} from your cart.`);
    });
    const name = element('td', {}, element('a', { href: `/products/${line.slug}/`, text: line.name }),
      element('br'), `Size ${line.size}, ${line.colour.replace(/-/g, ' ')}`);
    if (line.problem) name.append(element('br'), element('span', { class: 'line-gone', text: line.problem }));
    return element('tr', { 'data-sku': line.sku }, name, element('td', { text: formatMoney(line.price) }),
      element('td', {}, quantity), lineTotal, element('td', {}, remove));
  }));
  showTotal();
}

function showTotal() {
  const total = cart.total();
  totalCell.textContent = total ? formatMoney(total) : '';
}

// Compares the cart with the catalog's live prices and stock; true when nothing changed.
async function recheck() {
  const lines = cart.lines();
  const query = lines.map((line) => `sku=${encodeURIComponent(line.sku)}`).join('&');
  const { items } = await request(`/api/catalog/variants?${query}`);
  const live = new Map(items.map((item) => [item.sku, item]));
  const changes = [];
  for (const line of lines) {
    const item = live.get(line.sku);
    let problem = null;
    if (!item) {
      problem = 'No longer sold: please remove it.';
    } else if (!item.inStock) {
      problem = 'Sold out: please remove it.';
    } else if (item.available < line.quantity) {
      problem = `Only ${item.available} left: please lower the quantity.`;
    }
    const priceChanged = item && (item.price.amount !== line.price.amount || item.price.currency !== line.price.currency);
    if (priceChanged) changes.push(`${describe(line)} now costs ${formatMoney(item.price)}.`);
    if (problem) changes.push(`${describe(line)}: ${problem}`);
    cart.update(line.sku, { problem, ...(priceChanged ? { price: item.price } : {}) });
  }
  render();
  if (changes.length > 0) announce(`Your cart changed since you added these items. ${changes.join(' ')} Please check it before paying.`, { error: true });
  return changes.length === 0;
}

async function showSavedAddresses() {
  signedIn = await ensureSignedIn();
  if (!signedIn) return;
  guestEmail.hidden = true;
  guestEmail.querySelector('input').disabled = true;
  const addresses = await authorized('/api/users/me/addresses');
  if (addresses.length === 0) return;
  const fieldset = element('fieldset', {}, element('legend', { text: 'Deliver to' }));
  addresses.forEach((address, index) => {
    const id = `saved-${address.id}`;
    fieldset.append(element('label', { for: id, class: 'choice' },
      element('input', { type: 'radio', name: 'addressId', id, value: address.id, checked: index === 0 }),
      ` ${address.name}, ${address.line1}, ${address.city} ${address.postalCode}`));
  });
  fieldset.append(element('label', { for: 'saved-new', class: 'choice' },
    element('input', { type: 'radio', name: 'addressId', id: 'saved-new', value: '' }), ' A new address'));
  saved.replaceChildren(fieldset);
  const toggle = () => { newAddress.disabled = Boolean(form.addressId.value); newAddress.hidden = newAddress.disabled; };
  fieldset.addEventListener('change', toggle);
  toggle();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  clearMessages();
  try {
    if (!(await recheck())) return;
    const order = { lines: cart.lines().map(({ sku, quantity }) => ({ sku, quantity })) };
    if (!signedIn) order.email = form.email.value.trim();
    if (signedIn && form.addressId && form.addressId.value) {
      order.shippingAddressId = form.addressId.value;
    } else {
      const field = (name) => newAddress.querySelector(`[name="${name}"]`).value.trim();
      order.shippingAddress = {
        name: field('name'), line1: field('line1'), line2: field('line2') || null, city: field('city'),
        postalCode: field('postalCode'), country: field('country').toUpperCase(),
      };
    }
    // A fresh key per attempt: a retry after a failure is a new attempt, while a double
    // submission of one attempt cannot create two orders.
    const options = { method: 'POST', body: order, headers: { 'Idempotency-Key': crypto.randomUUID() } };
    const created = signedIn ? await authorized('/api/checkout', options) : await request('/api/checkout', options);
    if (created.orderToken) localStorage.setItem(`lt.orderToken.${created.orderId}`, created.orderToken);
    announce('Taking you to the secure payment page…');
    location.assign(created.checkoutUrl);
  } catch (error) {
    showError(error instanceof ApiError ? error : new Error('Checkout did not work. Please try again.'));
  } finally {
    button.disabled = false;
  }
});

render();
showSavedAddresses().catch(showError);
