// Account page: the signed-in shopper's orders and addresses, and signing out.
import { ensureSignedIn, authorized, signOut } from './auth.js';
import { announce, formatMoney, showError, element } from './ui.js';

const STATUS = {
  PENDING_PAYMENT: 'Waiting for payment', PAID: 'Paid', PAYMENT_FAILED: 'Payment failed', EXPIRED: 'Expired',
  CANCELLED: 'Cancelled', REFUNDED: 'Refunded', PARTIALLY_REFUNDED: 'Partly refunded',
};
const dates = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

async function showOrders() {
  const list = document.getElementById('orders');
  try {
    const { items } = await authorized('/api/orders?page=0&pageSize=20');
    document.getElementById('orders-empty').hidden = items.length > 0;
    list.replaceChildren(...items.map((order) => element('li', {},
      element('strong', { text: `Order ${order.id}` }),
      ` placed ${dates.format(new Date(order.createdAt))}: ${STATUS[order.status] || order.status}, ${formatMoney(order.total)}`,
      element('br'),
      order.lines.map((line) => `${line.quantity} × ${line.name} (${line.size}, ${line.colour})`).join('; '))));
  } catch (error) {
    showError(error);
  }
}

async function showAddresses() {
  const list = document.getElementById('addresses');
  const addresses = await authorized('/api/users/me/addresses');
  list.replaceChildren(...addresses.map((address) => {
    const text = [address.name, address.line1, address.line2, address.city, address.postalCode, address.country]
      .filter(Boolean).join(', ');
    const remove = element('button', { type: 'button', class: 'button secondary', text: 'Delete', 'aria-label': `Delete address ${text}` });
    remove.addEventListener('click', async () => {
      try {
        await authorized(`/api/users/me/addresses/${encodeURIComponent(address.id)}`, { method: 'DELETE' });
        announce('Address deleted.');
        await showAddresses();
      } catch (error) {
        showError(error);
      }
    });
    return element('li', {}, text + (address.isDefault ? ' (default) ' : ' '), remove);
  }));
}

const form = document.getElementById('add-address');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const value = (name) => form.querySelector(`[name="${name}"]`).value.trim();
  try {
    await authorized('/api/users/me/addresses', {
      method: 'POST',
      body: { name: value('name'), line1: value('line1'), line2: value('line2') || null, city: value('city'),
        postalCode: value('postalCode'), country: value('country').toUpperCase() },
    });
    form.reset();
    announce('Address saved.');
    await showAddresses();
  } catch (error) {
    showError(error);
  }
});

document.getElementById('sign-out').addEventListener('click', async () => {
  try {
    await signOut();
  } catch (error) {
    showError(error);
    return;
  }
  location.assign('/');
});

async function start() {
  if (!(await ensureSignedIn())) {
    document.getElementById('account-signed-out').hidden = false;
    return;
  }
  const me = await authorized('/api/users/me');
  document.getElementById('greeting').textContent = `Signed in as ${me.displayName} (${me.email}).`;
  document.getElementById('account').hidden = false;
  await Promise.all([showOrders(), showAddresses()]);
}

start().catch(showError);
