// The pages the payment page sends the shopper back to, with ?order=<id>. Success polls
// the order until the payment is confirmed; cancel cancels the order (nothing is charged).
import { request, ApiError } from './api.js';
import { ensureSignedIn, authorized } from './auth.js';
import * as cart from './cart.js';
import { formatMoney, showError, element } from './ui.js';

const POLL_EVERY_MS = 2000;
const POLL_FOR_MS = 120000;
// Answers that mean "not now" rather than "no": the shop unreachable for a moment, an
// instance restarting behind the gateway, too many requests. Polling goes on through them.
const TRANSIENT = new Set([0, 429, 502, 503, 504]);
const status = document.getElementById('order-status');
const orderId = new URLSearchParams(location.search).get('order') || '';
const token = orderId ? localStorage.getItem(`lt.orderToken.${orderId}`) : null;

// A guest proves the order is theirs with its order token; a shopper with their session.
async function call(path, options = {}) {
  if (token) return request(path, { ...options, headers: { 'X-Order-Token': token } });
  if (await ensureSignedIn()) return authorized(path, options);
  return request(path, options);
}

function summary(order) {
  document.getElementById('order-lines').replaceChildren(...order.lines.map((line) => element('li', {
    text: `${line.quantity} × ${line.name} (size ${line.size}, ${line.colour}): ${formatMoney(line.lineTotal)}`,
  })));
  document.getElementById('order-total').textContent = formatMoney(order.total);
  document.getElementById('order-summary').hidden = false;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));

async function success() {
  const started = Date.now();
  for (;;) {
    let order;
    try {
      order = await call(`/api/orders/${encodeURIComponent(orderId)}`);
    } catch (error) {
      if (!(error instanceof ApiError && TRANSIENT.has(error.status)) || Date.now() - started > POLL_FOR_MS) throw error;
      await pause();
      continue;
    }
    if (order.status === 'PAID') {
      cart.clear();
      localStorage.removeItem(`lt.orderToken.${orderId}`);
      status.textContent = `Your payment is confirmed and order ${order.id} is on its way to being packed.`;
      summary(order);
      return;
    }
    if (order.status !== 'PENDING_PAYMENT') {
      status.textContent = `Order ${order.id} was not paid (${order.status.toLowerCase().replace(/_/g, ' ')}). Nothing was charged; your cart is still here.`;
      return;
    }
    if (Date.now() - started > POLL_FOR_MS) {
      status.textContent = `We have not had confirmation of your payment for order ${order.id} yet. There is no need to pay again: reload this page in a few minutes.`;
      return;
    }
    status.textContent = `Thank you. We are waiting for the payment service to confirm your payment for order ${order.id}; this usually takes a few seconds…`;
    await pause();
  }
}

async function cancel() {
  await call(`/api/orders/${encodeURIComponent(orderId)}/cancel`, { method: 'POST' });
  localStorage.removeItem(`lt.orderToken.${orderId}`);
  status.textContent = `Order ${orderId} was cancelled and nothing was charged. Your cart is still here if you change your mind.`;
}

if (!/^[A-Za-z0-9_-]{1,100}$/.test(orderId)) {
  status.textContent = 'This link does not name an order. Your cart is still here.';
} else {
  (document.body.dataset.page === 'checkout-cancel' ? cancel() : success()).catch((error) => {
    status.textContent = 'We could not check your order just now.';
    showError(error);
  });
}
