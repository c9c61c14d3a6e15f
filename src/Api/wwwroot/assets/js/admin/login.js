// The login form: POST /admin/login answers the token (kept for this tab) and also sets the
// cookie that opens the Orleans dashboard.
import { request } from '../api.js';
import { byId, busy, fields, say } from '../dom.js';
import { session } from './session.js';

export function initLogin({ onLoggedIn }) {
  const form = byId('login-form');
  const error = byId('login-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { username, password } = fields(form);
    if (!username || !password) {
      say(error, 'Enter the username and the password.');
      return;
    }
    await busy(form.querySelector('button[type=submit]'), async () => {
      try {
        session.start(await request('/admin/login', { method: 'POST', body: { username, password } }));
        say(error, '');
        form.reset();
        onLoggedIn();
      } catch (failure) {
        say(error, failure.message);
      }
    });
  });
  return {
    show() {
      byId('login-username').focus();
    },
  };
}
