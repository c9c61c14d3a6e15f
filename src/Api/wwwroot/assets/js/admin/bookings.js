// All bookings across tenants: filters (app, entity, user, dates) and keyset paging.
import { query } from '../api.js';
import { byId, dateTime, fields, h, money, say } from '../dom.js';
import { adminApi, listApps } from './session.js';
import { fillAppPicker } from './app-picker.js';

const pageSize = 25;
const dayAfter = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();

export function initBookings() {
  const form = byId('bookings-filter');
  const error = byId('bookings-error');
  const previous = byId('bookings-prev');
  const next = byId('bookings-next');
  // cursors[i] opens page i; page 0 has none.
  let filters = {};
  let cursors = [null];
  let page = 0;

  const load = async () => {
    try {
      say(error, '');
      const result = await adminApi(`/admin/bookings${query({ ...filters, limit: pageSize, cursor: cursors[page] })}`);
      const rows = result.items.map((booking) => h('tr', {},
        h('td', {}, dateTime(booking.bookedAt)),
        h('td', {}, h('code', {}, booking.appId)),
        h('td', {}, booking.entityId),
        h('td', {}, booking.seatNumber),
        h('td', { className: 'num' }, money(booking.price)),
        h('td', {}, h('code', {}, booking.userId)),
        h('td', {}, h('code', {}, booking.paymentId))));
      byId('bookings-rows').replaceChildren(...(rows.length ? rows
        : [h('tr', {}, h('td', { colSpan: 7, className: 'muted' }, 'No bookings match these filters.'))]));
      cursors[page + 1] = result.nextCursor;
      previous.disabled = page === 0;
      next.disabled = !result.nextCursor;
      byId('bookings-page').textContent = `Page ${page + 1}`;
    } catch (failure) {
      say(error, failure.message);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = fields(form);
    filters = {
      appId: values.appId,
      entityId: values.entityId,
      userId: values.userId,
      from: values.from ? `${values.from}T00:00:00Z` : '',
      to: values.to ? dayAfter(values.to) : '',
    };
    cursors = [null];
    page = 0;
    load();
  });
  previous.addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  next.addEventListener('click', () => { page += 1; load(); });

  return {
    async show() {
      try {
        fillAppPicker(byId('filter-app'), await listApps(), { allLabel: 'All apps' });
      } catch (failure) {
        say(error, failure.message);
      }
      await load();
    },
  };
}
