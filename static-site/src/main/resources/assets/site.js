// On every page: the cart badge, and the account link's wording.
import { updateBadge } from './cart.js';

updateBadge();
if (localStorage.getItem('lt.signedIn') === '1') {
  const label = document.getElementById('account-label');
  if (label) label.textContent = 'Your account';
}
