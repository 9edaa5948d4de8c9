// Product page: live stock per size and colour (sold-out sizes cannot be chosen) and
// adding the chosen size to the cart. The stock line and the size cells have room for what
// the stock check writes into them, so nothing below moves when it answers.
import { request } from './api.js';
import { add } from './cart.js';
import { announce, showError } from './ui.js';

const form = document.getElementById('add-to-cart');
const variants = JSON.parse(document.getElementById('variants').textContent);
const note = document.getElementById('availability');
const image = document.getElementById('product-image');
let stock = null;

const chosen = (name) => form.querySelector(`input[name="${name}"]:checked`);
const variantFor = (colour, size) => variants.find((v) => v.colour === colour && v.size === size);

function showSizes() {
  const colour = chosen('colour').value;
  for (const input of form.querySelectorAll('input[name="size"]')) {
    const variant = variantFor(colour, input.value);
    const soldOut = !variant || (stock !== null && !(stock.get(variant.sku)?.inStock));
    input.disabled = soldOut;
    if (soldOut && input.checked) input.checked = false;
    // Unbreakable "sold out", so a narrow cell wraps it whole onto the line below the size.
    input.nextElementSibling.textContent = soldOut ? `${input.value} (sold\u00a0out)` : input.value;
  }
}

form.addEventListener('change', (event) => {
  if (event.target.name !== 'colour') return;
  image.src = event.target.dataset.image;
  image.alt = event.target.dataset.alt;
  showSizes();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  // The size radios are required, so the browser asks for one before this runs.
  const size = chosen('size');
  const colour = chosen('colour').value;
  const variant = variantFor(colour, size.value);
  const quantity = Math.max(1, Number.parseInt(form.quantity.value, 10) || 1);
  const available = stock?.get(variant.sku)?.available;
  if (available !== undefined && quantity > available) {
    announce(`Only ${available} left in size ${size.value}. Please choose a smaller quantity.`, { error: true });
    return;
  }
  add({
    sku: variant.sku, slug: form.dataset.slug, name: form.dataset.name, size: size.value, colour,
    price: { amount: Number(form.dataset.amount), currency: form.dataset.currency },
  }, quantity);
  announce(`Added ${form.dataset.name}, size ${size.value}, ${colour.replace(/-/g, ' ')} to your cart.`);
});

showSizes();
request(`/api/catalog/products/${encodeURIComponent(form.dataset.slug)}/availability`)
  .then((availability) => {
    stock = new Map(availability.variants.map((v) => [v.sku, v]));
    note.textContent = availability.inStock ? 'Sizes shown crossed out are sold out.' : 'This product is sold out.';
    showSizes();
  })
  .catch((error) => {
    note.textContent = 'We could not check stock just now; your cart checks it again before you pay.';
    showError(error);
  });
