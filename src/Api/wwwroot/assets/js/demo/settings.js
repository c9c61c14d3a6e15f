// What a tenant's frontend keeps in the browser: its app id and key, and the user's token.

const appKey = 'reservations.demo.app';
const userKey = (appId) => `reservations.demo.user.${appId}`;
const read = (key) => JSON.parse(localStorage.getItem(key) ?? 'null');

export const settings = {
  get app() {
    return read(appKey);
  },
  set app(value) {
    localStorage.setItem(appKey, JSON.stringify(value));
  },
  /** The signed-in user of the current app: {token, expiresAt, email}, or null once expired. */
  get user() {
    const app = this.app;
    const user = app && read(userKey(app.appId));
    return user && Date.parse(user.expiresAt) > Date.now() ? user : null;
  },
  set user(value) {
    const app = this.app;
    if (!app) return;
    if (value) localStorage.setItem(userKey(app.appId), JSON.stringify(value));
    else localStorage.removeItem(userKey(app.appId));
  },
};
