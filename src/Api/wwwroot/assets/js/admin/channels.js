// Sales channels of an app: create one (its key shown once), and keep seats of an entity for it or make
// them public again, on the entity's seat map (a seat's label names its channel).
import { query } from '../api.js';
import { byId, busy, fields, h, say } from '../dom.js';
import { SeatMap } from '../seat-map.js';
import { ServerClock } from '../server-clock.js';
import { adminApi, listApps } from './session.js';
import { fillAppPicker } from './app-picker.js';

export function initChannels() {
  const appSelect = byId('channels-app');
  const channelSelect = byId('channels-channel');
  const error = byId('channels-error');
  const keyBox = byId('channels-key');
  const assignError = byId('channels-assign-error');
  let picked = new Set();
  // The map draws a seat's channel as its category: a stripe, the key and the seat's label name it.
  const map = new SeatMap(byId('channels-map'), {
    clock: new ServerClock(),
    keyPrices: false,
    onSelect: (seat) => {
      if (picked.has(seat.seatId)) picked.delete(seat.seatId);
      else picked.add(seat.seatId);
      map.setSelected([...picked], seat.seatId);
      describe();
    },
  });

  const appId = () => appSelect.value;

  const describe = () => {
    byId('channels-picked').textContent = picked.size === 0 ? 'Select seats on the map.' : `${picked.size} seat${picked.size === 1 ? '' : 's'} selected.`;
    const kept = [...map.seats()].filter((seat) => seat.channel);
    byId('channels-summary').replaceChildren(...(kept.length === 0 ? [h('li', {}, 'No seat of this entity is kept for a channel.')]
      : Object.entries(Object.groupBy(kept, (seat) => seat.channel)).map(([name, seats]) =>
        h('li', {}, `${name}: ${seats.map((seat) => seat.seatNumber).join(', ')}`))));
  };

  const loadChannels = async () => {
    if (!appId()) return;
    const { channels } = await adminApi(`/admin/apps/${encodeURIComponent(appId())}/channels`);
    const current = channelSelect.value;
    channelSelect.replaceChildren(...channels.map((channel) => h('option', { value: channel.name }, channel.name)));
    if (channels.some((channel) => channel.name === current)) channelSelect.value = current;
    byId('channels-list').replaceChildren(...(channels.length === 0 ? [h('li', {}, 'No channels yet.')]
      : channels.map((channel) => h('li', {}, channel.name))));
  };

  const showSeats = (seats) => {
    picked = new Set();
    map.setSelected([]);
    map.setSeats(seats.map((seat) => ({ ...seat, category: seat.channel ? `kept for ${seat.channel}` : null })));
    describe();
  };

  const loadSeats = async () => {
    const entityId = byId('channels-entity').value.trim();
    if (!appId() || !entityId) return;
    const listing = await adminApi(`/admin/apps/${encodeURIComponent(appId())}/seats${query({ entityId })}`);
    showSeats(listing.seats);
  };

  appSelect.addEventListener('change', () => loadChannels().catch((failure) => say(error, failure.message)));

  byId('channels-create').addEventListener('submit', (event) => {
    event.preventDefault();
    const { name } = fields(event.currentTarget);
    busy(event.currentTarget.querySelector('button[type=submit]'), async () => {
      try {
        say(error, '');
        const created = await adminApi(`/admin/apps/${encodeURIComponent(appId())}/channels`, { method: 'POST', body: { name } });
        keyBox.hidden = false;
        byId('channels-key-value').textContent = created.key;
        byId('channels-key-name').textContent = created.name;
        await loadChannels();
      } catch (failure) {
        say(error, failure.message);
      }
    });
  });

  byId('channels-seats').addEventListener('submit', (event) => {
    event.preventDefault();
    busy(event.currentTarget.querySelector('button[type=submit]'), async () => {
      try {
        say(assignError, '');
        await loadSeats();
      } catch (failure) {
        say(assignError, failure.message);
      }
    });
  });

  const change = (action) => async () => {
    if (picked.size === 0 || !channelSelect.value) {
      say(assignError, picked.size === 0 ? 'Select seats on the map first.' : 'Create a channel first.');
      return;
    }
    try {
      say(assignError, '');
      const { channel, seatIds } = await adminApi(`/admin/apps/${encodeURIComponent(appId())}/channels/${encodeURIComponent(channelSelect.value)}/${action}`,
        { method: 'POST', body: { seatIds: [...picked] } });
      // The seats' answer, not a new listing: the entity's listing hears of a seat's change a moment later.
      const changed = new Set(seatIds);
      showSeats([...map.seats()].map((seat) => (changed.has(seat.seatId) ? { ...seat, channel } : seat)));
    } catch (failure) {
      say(assignError, failure.message);
    }
  };
  byId('channels-keep').addEventListener('click', change('seats'));
  byId('channels-release').addEventListener('click', change('release'));

  return {
    async show() {
      try {
        fillAppPicker(appSelect, await listApps());
        await loadChannels();
      } catch (failure) {
        say(error, failure.message);
      }
    },
  };
}
