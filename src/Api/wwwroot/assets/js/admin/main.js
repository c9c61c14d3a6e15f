// The admin dashboard: hash routes (#apps, #bookings, #usage, #seed, #channels, #webhooks, #onboarding) inside one page, because
// the paths under /admin/ are the API's.
import { byId, say } from '../dom.js';
import { session } from './session.js';
import { initLogin } from './login.js';
import { initApps } from './apps.js';
import { initBookings } from './bookings.js';
import { initUsage } from './usage.js';
import { initSeed } from './seed.js';
import { initChannels } from './channels.js';
import { initWebhooks } from './webhooks.js';
import { initOnboarding } from './onboarding.js';

const flash = byId('flash');
const views = {
  login: initLogin({ onLoggedIn: () => { location.hash = '#apps'; route(); } }),
  apps: initApps(),
  bookings: initBookings(),
  usage: initUsage(),
  seed: initSeed(),
  channels: initChannels(),
  webhooks: initWebhooks(),
  onboarding: initOnboarding(),
};
const titles = { login: 'Log in', apps: 'Apps', bookings: 'Bookings', usage: 'Usage', seed: 'Seed seats', channels: 'Sales channels', webhooks: 'Webhooks', onboarding: 'Onboarding' };

function route() {
  const wanted = location.hash.slice(1) || 'apps';
  const name = !session.token ? 'login' : wanted in views && wanted !== 'login' ? wanted : 'apps';
  for (const view of Object.keys(views)) byId(`view-${view}`).hidden = view !== name;
  byId('nav').hidden = name === 'login';
  for (const link of byId('nav').querySelectorAll('a[href^="#"]')) {
    if (link.hash === `#${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${titles[name]} · Reservations admin`;
  if (name !== 'login') say(flash, '');
  views[name].show();
}

window.addEventListener('hashchange', () => {
  route();
  byId('main').focus();
});
window.addEventListener('session-ended', (event) => {
  say(flash, event.detail, 'warn');
  route();
});
byId('logout').addEventListener('click', () => {
  session.end();
  say(flash, 'You are logged out.', 'info');
  history.replaceState(null, '', '#apps');
  route();
});

route();
