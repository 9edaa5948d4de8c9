// Sign in and register; afterwards the shopper goes on to where they were heading.
import { signIn, register } from './auth.js';
import { announce, showError } from './ui.js';

function next() {
  const target = new URLSearchParams(location.search).get('next') || '/account/';
  // Only paths on this site, never another origin ("//evil.example").
  return target.startsWith('/') && !target.startsWith('//') ? target : '/account/';
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
