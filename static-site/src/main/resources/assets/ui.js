// What every page shows the same way: prices and messages in the live region.
const formats = new Map();

export function formatMoney(money) {
  if (!formats.has(money.currency)) {
    formats.set(money.currency, new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currency }));
  }
  const digits = formats.get(money.currency).resolvedOptions().maximumFractionDigits;
  return formats.get(money.currency).format(money.amount / 10 ** digits);
}

export function announce(text, { error = false } = {}) {
  const region = document.getElementById('messages');
  const line = document.createElement('p');
  line.textContent = text;
  if (error) line.className = 'error';
  region.replaceChildren(line);
}

export function clearMessages() {
  document.getElementById('messages').replaceChildren();
}

export function showError(error) {
  announce(error.message || String(error), { error: true });
}

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}
