// The seats picked for one hold: each click (or Enter, Space) on the map adds or removes one, up to
// the most one hold may take. The list, its total and the hold button follow the picks.
import { byId, h, money } from '../dom.js';
import { stateWords, total } from './seat-words.js';

// The engine's Reservations:MaxSeatsPerHold by default. An engine set lower answers too_many_seats,
// whose detail the page shows like any refusal.
export const maxSeatsPerHold = 10;

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** tell(text, kind): shows a message about the picks (empty: none). */
export function initSelection({ map, tell }) {
  const list = byId('selection-list');
  const text = byId('selection-text');
  const limit = byId('selection-limit');
  const holdButton = byId('hold');
  let picked = [];
  let locked = false;
  let drawn = null;

  const seats = () => map.inOrder(picked).map((id) => map.seat(id));

  // Runs on every live change and every second: the DOM is written only when something shows differently.
  const draw = () => {
    const current = seats();
    const lines = current.map((seat) => `Seat ${seat.seatNumber} · ${money(seat.price)} · ${stateWords[map.state(seat)]}`);
    const key = `${locked}|${lines.join('\n')}`;
    if (key === drawn) return;
    drawn = key;
    list.replaceChildren(...lines.map((line) => h('li', {}, line)));
    list.hidden = lines.length === 0;
    text.textContent = current.length === 0
      ? `Select up to ${maxSeatsPerHold} available seats on the map.`
      : `${plural(current.length, 'seat')} selected, ${money(total(current))} in total.`;
    limit.textContent = current.length >= maxSeatsPerHold ? `That is the most one hold can take: ${maxSeatsPerHold} seats.` : '';
    holdButton.textContent = current.length === 0 ? 'Hold seats' : `Hold ${plural(current.length, 'seat')}`;
    holdButton.disabled = locked || current.length === 0;
  };

  const set = (ids, current = null) => {
    picked = ids;
    map.setSelected(picked, current);
    draw();
  };

  const toggle = (seat) => {
    if (picked.includes(seat.seatId)) {
      tell('');
      set(picked.filter((id) => id !== seat.seatId), seat.seatId);
      return;
    }
    const state = map.state(seat);
    if (state !== 'available') {
      tell(`Seat ${seat.seatNumber} is ${stateWords[state]}. Pick an available seat.`, 'warn');
    } else if (picked.length >= maxSeatsPerHold) {
      tell(`One hold takes at most ${maxSeatsPerHold} seats. Unselect one to pick seat ${seat.seatNumber}.`, 'warn');
    } else {
      tell('');
      set([...picked, seat.seatId], seat.seatId);
    }
  };

  return {
    draw,
    seats,
    toggle,
    clear: () => set([]),
    /** While a hold is made or kept, the picks stay as they are and cannot be held again. */
    lock(on) {
      locked = on;
      draw();
    },
    get locked() {
      return locked;
    },
  };
}
