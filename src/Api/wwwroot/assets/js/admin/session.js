// The admin session: the token lives in sessionStorage (gone with the tab), and every admin call
// carries it. A 401 ends the session, and the page sends the admin back to the login form.
import { request, ApiError } from '../api.js';

const key = 'reservations.admin.session';

export const session = {
  get token() {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    return saved && Date.parse(saved.expiresAt) > Date.now() ? saved.token : null;
  },
  start({ token, expiresAt }) {
    sessionStorage.setItem(key, JSON.stringify({ token, expiresAt }));
  },
  end() {
    sessionStorage.removeItem(key);
  },
};

/** An admin API call; a refused token ends the session and raises 'session-ended' on window. */
export async function adminApi(path, options = {}) {
  try {
    return await request(path, { ...options, headers: { authorization: `Bearer ${session.token ?? ''}` } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      session.end();
      window.dispatchEvent(new CustomEvent('session-ended', { detail: 'Your session has ended or the token was refused. Log in again.' }));
    }
    throw error;
  }
}

/** The apps, for the pickers on several views: [{appId, name, ...}]. */
export const listApps = () => adminApi('/admin/apps');
