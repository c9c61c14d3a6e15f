// Webhooks of one app: register (the signing secret is shown once), list, rotate the secret,
// remove; and an endpoint's deliveries with their attempts, each replayable.
import { query } from '../api.js';
import { byId, busy, dateTime, h, say } from '../dom.js';
import { adminApi, listApps } from './session.js';
import { fillAppPicker } from './app-picker.js';
import { secretPanel } from './secret-panel.js';

export function initWebhooks() {
  const select = byId('webhooks-app');
  const error = byId('webhooks-error');
  const list = byId('endpoints-list');
  const registerForm = byId('register-form');
  const rows = byId('deliveries-rows');
  const more = byId('deliveries-more');
  let shown = null; // { endpoint, cursor }

  const base = () => `/admin/apps/${encodeURIComponent(select.value)}/webhooks`;

  const act = (button, action) => busy(button, async () => {
    try {
      say(error, '');
      await action();
    } catch (failure) {
      say(error, failure.message);
    }
  });

  const showValue = secretPanel({
    panel: 'new-secret', input: 'new-secret-value', copy: 'copy-secret', dismiss: 'dismiss-secret', status: 'copy-secret-status', noun: 'secret',
  });
  const showSecret = (endpoint) => {
    byId('new-secret-endpoint').textContent = endpoint.url;
    showValue(endpoint.secret);
  };

  const attemptsText = (delivery) => delivery.attempts.map((attempt) =>
    `#${attempt.attempt} ${dateTime(attempt.at)}: ${attempt.statusCode ? `HTTP ${attempt.statusCode}` : attempt.error} (${attempt.durationMs} ms)`);

  const deliveryRow = (endpoint, delivery) => h('tr', { dataset: { eventId: delivery.eventId } },
    h('td', {}, dateTime(delivery.createdAt)),
    h('td', {}, h('code', {}, delivery.type), h('br'), h('span', { className: 'muted mono' }, delivery.eventId)),
    h('td', {}, h('span', { className: `status-pill ${delivery.status === 'delivered' ? 'on' : 'off'}` }, delivery.status)),
    h('td', {}, delivery.attempts.length === 0 ? h('span', { className: 'muted' }, 'none yet')
      : h('details', {}, h('summary', {}, `${delivery.attempts.length} attempt${delivery.attempts.length > 1 ? 's' : ''}`),
        h('ul', {}, ...attemptsText(delivery).map((line) => h('li', {}, line))))),
    h('td', {}, delivery.nextAttemptAt ? dateTime(delivery.nextAttemptAt) : ''),
    h('td', {}, h('button', { type: 'button', className: 'secondary', 'aria-label': `Replay ${delivery.type} ${delivery.eventId}`,
      onclick: (event) => act(event.currentTarget, async () => {
        await adminApi(`${base()}/${endpoint.endpointId}/deliveries/${encodeURIComponent(delivery.eventId)}/replay`, { method: 'POST' });
        say(error, `Event ${delivery.eventId} will be sent again.`, 'info');
      }) }, 'Replay')));

  const loadDeliveries = async (endpoint, append) => {
    const cursor = append ? shown?.cursor : undefined;
    const page = await adminApi(`${base()}/${endpoint.endpointId}/deliveries${query({ cursor })}`);
    shown = { endpoint, cursor: page.nextCursor };
    const built = page.items.map((delivery) => deliveryRow(endpoint, delivery));
    if (append) rows.append(...built);
    else rows.replaceChildren(...built);
    byId('deliveries-heading').textContent = `Deliveries to ${endpoint.url}`;
    byId('deliveries-caption').textContent = rows.children.length ? 'Newest first.' : 'Nothing sent to this endpoint yet.';
    more.hidden = !page.nextCursor;
    byId('deliveries').hidden = false;
  };

  const endpointItem = (endpoint) => {
    const headingId = `endpoint-${endpoint.endpointId}`;
    const confirmRemove = h('span', { className: 'row', hidden: true },
      h('span', {}, 'Its undelivered events are dropped.'),
      h('button', { type: 'button', className: 'danger', 'aria-describedby': headingId, onclick: (event) => act(event.currentTarget, async () => {
        await adminApi(`${base()}/${endpoint.endpointId}`, { method: 'DELETE' });
        if (shown?.endpoint.endpointId === endpoint.endpointId) byId('deliveries').hidden = true;
        await refresh();
      }) }, 'Remove now'),
      h('button', { type: 'button', className: 'link-button', onclick: () => { confirmRemove.hidden = true; } }, 'Cancel'));
    return h('li', { dataset: { endpointId: endpoint.endpointId } },
      h('div', { className: 'app-head' }, h('h3', { id: headingId, className: 'mono' }, endpoint.url)),
      h('p', { className: 'muted' }, `${endpoint.events.join(', ')}${endpoint.batch ? ' · batched' : ''} · registered ${dateTime(endpoint.createdAt)}`),
      h('div', { className: 'row' },
        h('button', { type: 'button', 'aria-describedby': headingId, onclick: (event) => act(event.currentTarget, () => loadDeliveries(endpoint, false)) }, 'Deliveries'),
        h('button', { type: 'button', className: 'secondary', 'aria-describedby': headingId, onclick: (event) => act(event.currentTarget, async () => {
          showSecret(await adminApi(`${base()}/${endpoint.endpointId}/rotate-secret`, { method: 'POST' }));
        }) }, 'Rotate secret'),
        h('button', { type: 'button', className: 'danger', 'aria-describedby': headingId, onclick: () => {
          confirmRemove.hidden = false;
          confirmRemove.querySelector('button').focus();
        } }, 'Remove'),
        confirmRemove));
  };

  const refresh = async () => {
    if (!select.value) return;
    const { items } = await adminApi(base());
    byId('endpoints-empty').hidden = items.length > 0;
    list.replaceChildren(...items.map(endpointItem));
  };

  registerForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = byId('register-url').value.trim();
    const events = [...registerForm.querySelectorAll('input[name="events"]:checked')].map((box) => box.value);
    if (!url) {
      say(error, 'Give the endpoint\'s URL.');
      byId('register-url').focus();
      return;
    }
    if (events.length === 0) {
      say(error, 'Choose at least one event.');
      return;
    }
    act(registerForm.querySelector('button[type="submit"]'), async () => {
      showSecret(await adminApi(base(), { method: 'POST', body: { url, events, batch: byId('register-batch').checked } }));
      byId('register-url').value = '';
      byId('register-batch').checked = false;
      await refresh();
    });
  });

  select.addEventListener('change', () => {
    byId('deliveries').hidden = true;
    act(select, refresh);
  });
  more.addEventListener('click', () => act(more, () => loadDeliveries(shown.endpoint, true)));

  return {
    async show() {
      try {
        say(error, '');
        const apps = await listApps();
        fillAppPicker(select, apps);
        if (apps.length === 0) {
          say(error, 'No apps yet: create one first.', 'info');
          return;
        }
        await refresh();
      } catch (failure) {
        say(error, failure.message);
      }
    },
  };
}
