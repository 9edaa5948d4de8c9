// The cart lives in localStorage, so it survives reloads and navigation; every page shows
// its count in the header badge.
const KEY = 'lt.cart';
const MAX_QUANTITY = 10;

export function lines() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(stored) ? stored.filter((line) => line && line.sku && line.quantity > 0) : [];
  } catch {
    return [];
  }
}

function save(updated) {
  localStorage.setItem(KEY, JSON.stringify(updated));
  updateBadge();
}

export function add(item, quantity) {
  const current = lines();
  const existing = current.find((line) => line.sku === item.sku);
  if (existing) existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + quantity);
  else current.push({ ...item, quantity: Math.min(MAX_QUANTITY, quantity) });
  save(current);
}

export function setQuantity(sku, quantity) {
  const current = lines();
  const line = current.find((candidate) => candidate.sku === sku);
  if (line) line.quantity = Math.max(1, Math.min(MAX_QUANTITY, quantity));
  save(current);
}

export function update(sku, changes) {
  save(lines().map((line) => (line.sku === sku ? { ...line, ...changes } : line)));
}

export function remove(sku) {
  save(lines().filter((line) => line.sku !== sku));
}

export function clear() {
  save([]);
}

export function count() {
  return lines().reduce((sum, line) => sum + line.quantity, 0);
}

export function total() {
  const current = lines();
  if (current.length === 0) return null;
  return { amount: current.reduce((sum, line) => sum + line.price.amount * line.quantity, 0), currency: current[0].price.currency };
}

export function updateBadge() {
  const badge = document.getElementById('cart-count');
  if (badge) badge.textContent = String(count());
}

window.addEventListener('storage', (event) => {
  if (event.key === KEY) updateBadge();
});
