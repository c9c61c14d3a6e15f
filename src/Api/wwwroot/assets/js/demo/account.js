// Sign up, log in, log out: the token the engine answers is kept for this app in localStorage.
import { byId, busy, fields, say } from '../dom.js';
import { settings } from './settings.js';
import { asTenant } from './tenant-api.js';

export function initAccount({ notice, onChange }) {
  // call(tenant) signs up or logs in the user of this email.
  const submit = (form, email, call) => busy(form.querySelector('button[type=submit]'), async () => {
    try {
      const answer = await asTenant(call);
      settings.user = { token: answer.token, expiresAt: answer.expiresAt, email };
      form.reset();
      say(notice, '');
      onChange();
    } catch (error) {
      say(notice, error.message);
    }
  });

  byId('signup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const { name, email, password } = fields(event.currentTarget);
    if (!name || !email || password.length < 8) {
      say(notice, 'Enter your name, your email and a password of 8 characters or more.');
      return;
    }
    submit(event.currentTarget, email, (tenant) => tenant.signUp({ name, email, password }));
  });

  byId('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const { email, password } = fields(event.currentTarget);
    if (!email || !password) {
      say(notice, 'Enter your email and your password.');
      return;
    }
    submit(event.currentTarget, email, (tenant) => tenant.logIn({ email, password }));
  });

  byId('logout').addEventListener('click', () => {
    settings.user = null;
    say(notice, 'You are logged out.', 'info');
    onChange();
  });
}
