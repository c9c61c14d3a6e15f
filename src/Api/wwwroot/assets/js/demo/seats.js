// The event picker and its live seat map: drawn from GET /seats at once, then kept current by
// the live feed (a snapshot on every connection, then one event per change).
import { byId, h } from '../dom.js';
import { connectLiveSeats } from '../live-seats.js';
import { SeatMap } from '../seat-map.js';
import { appHeaders, asTenant, raiseRefusal } from './tenant-api.js';

const liveText = {
  connecting: 'Connecting to live updates…',
  live: 'Live',
  waiting: 'Live updates interrupted; reconnecting…',
  refused: 'Live updates refused',
  off: 'Not connected',
};

export function initSeats({ clock, notice, onSelect, onChange }) {
  const map = new SeatMap(byId('seat-map'), { clock, onSelect });
  const status = byId('live-status');
  const form = byId('entity-form');
  const select = byId('entity');
  let live = null;
  let entityId = null;

  const setLive = (state) => {
    status.dataset.state = state;
    status.textContent = liveText[state];
  };

  const open = async (id) => {
    live?.close();
    live = null;
    entityId = id;
    if (!id) {
      map.setSeats([]);
      setLive('off');
      return;
    }
    try {
      const listing = await asTenant((tenant) => tenant.seats(id));
      if (entityId !== id) return;
      map.setSeats(listing.seats);
      onChange();
    } catch (error) {
      notice(error.message);
      return;
    }
    live = connectLiveSeats({
      entityId: id,
      headers: appHeaders,
      onState: (state, error) => {
        setLive(state);
        if (state === 'refused') notice(raiseRefusal(error).message);
      },
      onSnapshot: (snapshot) => {
        clock.sync(snapshot.serverTime);
        map.setSeats(snapshot.seats);
        onChange();
      },
      onSeat: (change) => {
        clock.sync(change.serverTime);
        map.update(change);
        onChange();
      },
    });
  };

  const loadEntities = async () => {
    try {
      const { entities } = await asTenant((tenant) => tenant.entities());
      const current = select.value;
      select.replaceChildren(...entities.map((entity) =>
        h('option', { value: entity.entityId }, `${entity.entityId} (${entity.seatCount} seats)`)));
      if (entities.some((entity) => entity.entityId === current)) select.value = current;
      if (entities.length === 0) {
        select.replaceChildren(h('option', { value: '' }, 'No events yet'));
      }
      await open(select.value);
    } catch (error) {
      notice(error.message);
    }
  };

  select.addEventListener('change', () => open(select.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    loadEntities();
  });

  // Holds run out by the clock alone: redraw them as time passes.
  setInterval(() => {
    map.refresh();
    onChange();
  }, 1000);

  return {
    map,
    loadEntities,
    get entityId() {
      return entityId;
    },
    stop() {
      live?.close();
      live = null;
      setLive('off');
    },
  };
}
