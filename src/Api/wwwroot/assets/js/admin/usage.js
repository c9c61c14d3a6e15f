// Usage per app: totals since creation (GET /admin/usage) and hourly charts of the last 24 hours
// (GET /admin/usage/history).
import { query } from '../api.js';
import { byId, h, say } from '../dom.js';
import { barChart } from '../chart.js';
import { adminApi, listApps } from './session.js';
import { fillAppPicker } from './app-picker.js';

const series = [
  ['requests', 'Requests'],
  ['holdsGranted', 'Holds granted'],
  ['holdsRefused', 'Holds refused'],
  ['releases', 'Releases'],
  ['expiries', 'Expiries'],
  ['confirmations', 'Confirmations'],
];

export function initUsage() {
  const form = byId('usage-form');
  const select = byId('usage-app');
  const error = byId('usage-error');

  const showTotals = (usage) => {
    byId('usage-totals').replaceChildren(...series.map(([key, label]) =>
      h('div', {}, h('dt', {}, label), h('dd', { dataset: { total: key } }, String(usage?.[key] ?? 0)))));
  };

  const showHistory = (history) => {
    byId('usage-charts').replaceChildren(...series.map(([key, label]) => {
      const points = history.points.map((point) => ({ start: point.start, value: point[key] }));
      return h('div', { className: 'chart' }, h('figure', {},
        h('figcaption', {}, h('span', {}, label), h('span', { className: 'muted' }, `${history.totals[key]} in 24 h`)),
        barChart(`${label} per hour`, points)));
    }));
  };

  const load = async () => {
    const appId = select.value;
    if (!appId) return;
    try {
      say(error, '');
      const usage = await adminApi('/admin/usage');
      showTotals(usage.find((entry) => entry.appId === appId));
    } catch (failure) {
      say(error, failure.message);
      return;
    }
    try {
      showHistory(await adminApi(`/admin/usage/history${query({ appId })}`));
    } catch (failure) {
      byId('usage-charts').replaceChildren();
      say(error, failure.message);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  select.addEventListener('change', load);

  return {
    async show() {
      try {
        const apps = await listApps();
        fillAppPicker(select, apps);
        if (apps.length === 0) say(error, 'No apps yet: create one first.', 'info');
      } catch (failure) {
        say(error, failure.message);
        return;
      }
      await load();
    },
  };
}
