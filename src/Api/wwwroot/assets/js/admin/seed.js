// Seeding an entity with the layout generator, then its seat map as the engine lists it.
import { query } from '../api.js';
import { byId, busy, fields, h, say } from '../dom.js';
import { generateLayout, layoutCategories, rowName } from '../layout.js';
import { SeatMap } from '../seat-map.js';
import { ServerClock } from '../server-clock.js';
import { adminApi, listApps } from './session.js';
import { fillAppPicker } from './app-picker.js';

const defaultPrice = (row) => (row < 2 ? 40 : row < 4 ? 30 : 20);
const defaultCategory = (row) => (row < 2 ? 'Front' : row < 4 ? 'Middle' : 'Back');

export function initSeed() {
  const form = byId('seed-form');
  const error = byId('seed-error');
  const prices = byId('seed-prices');
  const map = new SeatMap(byId('seed-map'), { clock: new ServerClock() });

  const count = (name, max) => Math.min(max, Math.max(1, Number.parseInt(form.elements[name].value, 10) || 1));

  const drawPriceFields = () => {
    const rows = count('rows', 52);
    const kept = [...prices.querySelectorAll('input[type=number]')].map((input) => input.value);
    const keptCategories = [...prices.querySelectorAll('input[type=text]')].map((input) => input.value);
    prices.replaceChildren(...Array.from({ length: rows }, (_, row) => {
      const id = `seed-price-${row}`;
      const category = `seed-category-${row}`;
      return h('div', { className: 'field seed-row' },
        h('label', { htmlFor: id }, `Row ${rowName(row)} price`),
        h('input', { id, type: 'number', min: 0, step: '0.01', value: kept[row] ?? defaultPrice(row), required: true }),
        h('label', { htmlFor: category }, `Row ${rowName(row)} category`),
        h('input', { id: category, type: 'text', maxLength: 50, value: keptCategories[row] ?? defaultCategory(row) }));
    }));
    summarize();
  };

  const summarize = () => {
    const rows = count('rows', 52);
    const perRow = count('perRow', 100);
    byId('seed-summary').textContent = `${rows * perRow} seats: ${rowName(0)}1 to ${rowName(rows - 1)}${perRow}.`;
  };

  form.elements.rows.addEventListener('input', drawPriceFields);
  form.elements.perRow.addEventListener('input', summarize);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = fields(form);
    if (!values.appId || !values.entityId) {
      say(error, 'Choose an app and enter an entity id.');
      return;
    }
    const rowPrices = [...prices.querySelectorAll('input[type=number]')].map((input) => Number(input.value));
    const rowCategories = [...prices.querySelectorAll('input[type=text]')].map((input) => input.value.trim());
    if (rowPrices.some((price) => !Number.isFinite(price) || price < 0)) {
      say(error, 'Every row needs a price of 0 or more.');
      return;
    }
    busy(form.querySelector('button[type=submit]'), async () => {
      try {
        say(error, '');
        const seats = generateLayout(count('rows', 52), count('perRow', 100), rowPrices, rowCategories);
        const categories = layoutCategories(seats);
        if (!categories) {
          say(error, 'A category has one price: give its rows the same price, or name them differently.');
          return;
        }
        await adminApi('/admin/seed-data', { method: 'POST', body: { appId: values.appId, entityId: values.entityId, seats, categories } });
        // The engine's listing, not the request: seats the entity already had keep their price and state.
        const listing = await adminApi(`/admin/apps/${encodeURIComponent(values.appId)}/seats${query({ entityId: values.entityId })}`);
        map.setSeats(listing.seats);
        byId('seed-result').textContent = `${values.entityId}: ${map.size} seats in ${values.appId}.`;
      } catch (failure) {
        say(error, failure.message);
      }
    });
  });

  drawPriceFields();
  return {
    async show() {
      try {
        fillAppPicker(byId('seed-app'), await listApps());
      } catch (failure) {
        say(error, failure.message);
      }
    },
  };
}
