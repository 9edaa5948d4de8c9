// Sign in and register; afterwards the shopper goes on to where they were heading.
import { signIn, register } from './auth.js';
import { announce, showError } from './ui.js';

// Where to go once signed in: a page of this site only. The target is resolved as the
// browser itself would resolve it (a backslash counts as a slash, tabs and newlines are
// dropped), so "/\evil.example" and "/%09/evil.example" cannot leave the origin.
function next() {
  const fallback = '/account/';
  const target = new URLSearchParams(location.search).get('next');
  if (!target || !target.startsWith('/')) return fallback;
  let url;
  try {
    url = new URL(target, location.origin);
  } catch {
    return fallback;
  }
  return url.origin === location.origin ? url.pathname + url.search + url.hash : fallback;
}

async function submit(form, action, busyText) {
  const button = form.querySelector('button');
  button.disabled = true;
  announce(busyText);
  try {
    await action();
    location.assign(next());
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

const signInForm = document.getElementById('sign-in');
signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  submit(signInForm, () => signIn(signInForm.email.value.trim(), signInForm.password.value), 'Signing you in…');
});

const registerForm = document.getElementById('register');
registerForm.addEventListener('submit', (event) => {
  event.preventDefault();
  submit(registerForm, () => register(registerForm.displayName.value.trim(), registerForm.email.value.trim(),
    registerForm.password.value), 'Creating your account…');
});
