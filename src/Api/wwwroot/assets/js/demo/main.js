// The reference booking frontend: app settings, account, live seat map, hold, pay, my bookings.
import { byId, fields, say } from '../dom.js';
import { ServerClock } from '../server-clock.js';
import { settings } from './settings.js';
import { initAccount } from './account.js';
import { initSeats } from './seats.js';
import { initCheckout } from './checkout.js';
import { showMyBookings } from './my-bookings.js';

const notice = byId('notice');
const tell = (text, kind = 'error') => say(notice, text, kind);
const clock = new ServerClock();

let checkout = null;
const seats = initSeats({
  clock,
  notice: tell,
  onSelect: (seat) => checkout.select(seat),
  onChange: () => checkout?.describe(),
});
checkout = initCheckout({
  clock,
  seats,
  onBooked: () => showMyBookings().catch((error) => tell(error.message)),
});

initAccount({ notice, onChange: () => render() });

function render() {
  const app = settings.app;
  const user = app && settings.user;
  byId('config').open = !app;
  byId('config-state').textContent = app ? `(${app.appId})` : '(not set)';
  byId('account').hidden = !app || !!user;
  byId('shop').hidden = !user;
  byId('logout').hidden = !user;
  byId('signed-in-as').hidden = !user;
  byId('signed-in-as').textContent = user ? `Signed in as ${user.email}` : '';
  if (user) {
    seats.loadEntities();
    showMyBookings().catch((error) => tell(error.message));
  } else {
    seats.stop();
    checkout.reset();
  }
}

byId('config-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const { appId, apiKey } = fields(event.currentTarget);
  if (!appId || !apiKey) {
    tell('Enter the app id and the API key the platform operator gave you.');
    return;
  }
  settings.app = { appId, apiKey };
  tell('App settings saved.', 'info');
  render();
});

window.addEventListener('tenant-refused', (event) => {
  tell(event.detail.message);
  if (event.detail.code === 'invalid_token') {
    settings.user = null;
    render();
  } else if (event.detail.code === 'invalid_app_credentials') {
    byId('config').open = true;
    byId('config-key').focus();
  }
});

const saved = settings.app;
if (saved) {
  byId('config-app').value = saved.appId;
  byId('config-key').value = saved.apiKey;
}
render();
