// A seat map: one button per seat, in sections and rows as seeded (section, row, position: a gap in the
// positions is drawn as an aisle), else grouped in rows by the letters before the seat number (A1..A12).
// A seat's category is a coloured stripe, named in its label and in the map's category key.
// Seats are told apart by colour and by pattern (see the legend in the page); each button shows its
// seat number, and its label adds state and price. Arrow keys move between seats; Tab leaves the map.
// Several seats may be selected (pressed) and several be the user's own hold.
import { h, money } from './dom.js';

const stateText = { available: 'available', held: 'held by someone else', booked: 'booked', mine: 'your hold' };
const rowOf = (seatNumber) => /^[^\d]*/.exec(seatNumber)[0].trim();
const unnamedRowLength = 20;

export class SeatMap {
  #seats = new Map();
  #buttons = new Map();
  #mine = new Set();
  #selected = new Set();
  #categories = [];
  #current = null;

  /**
   * clock: a ServerClock, so a hold whose time ran out is drawn available. onSelect(seat) runs on click or Enter.
   * keyPrices: whether the category key shows each category's price.
   */
  constructor(container, { clock, onSelect = null, keyPrices = true }) {
    this.container = container;
    this.keyPrices = keyPrices;
    this.clock = clock;
    this.onSelect = onSelect;
    container.classList.add('seat-map');
    container.classList.toggle('static', !onSelect);
    container.addEventListener('keydown', (event) => this.#move(event));
  }

  get size() {
    return this.#seats.size;
  }

  seat(seatId) {
    return this.#seats.get(seatId);
  }

  /** Every seat of the map, in its order. */
  seats() {
    return this.#seats.values();
  }

  /** The categories of the map's seats, in the order they first appear. */
  get categories() {
    return this.#categories;
  }

  /** The given seat ids in the map's order (seat id order), unknown ones left out. */
  inOrder(seatIds) {
    const wanted = new Set(seatIds);
    return [...this.#seats.keys()].filter((id) => wanted.has(id));
  }

  /** The state a seat is drawn in: 'mine', 'available', 'held' or 'booked'. */
  state(seat) {
    if (this.#mine.has(seat.seatId) && seat.status === 'held') return 'mine';
    if (seat.status === 'held' && (!seat.heldUntil || this.clock.remaining(seat.heldUntil) <= 0)) return 'available';
    return seat.status;
  }

  label(seat) {
    return `Seat ${seat.seatNumber}, ${stateText[this.state(seat)]}${seat.category ? `, ${seat.category}` : ''}, ${money(seat.price)}`;
  }

  /** Draws every seat anew: [{seatId, seatNumber, price, status, heldUntil}] in seat order. */
  setSeats(seats) {
    this.#seats = new Map(seats.map((seat) => [seat.seatId, { ...seat }]));
    this.#buttons.clear();
    const rows = new Map();
    for (const seat of this.#seats.values()) {
      const key = seat.row ? `${seat.section ?? ''}\u0000${seat.row}` : rowOf(seat.seatNumber);
      if (!rows.has(key)) rows.set(key, { section: seat.row ? seat.section : null, name: seat.row ?? rowOf(seat.seatNumber), seats: [] });
      rows.get(key).seats.push(seat);
    }
    this.#categories = [...new Set([...this.#seats.values()].map((seat) => seat.category).filter(Boolean))];
    const lines = [];
    let section = null;
    for (const row of rows.values()) {
      if (row.section && row.section !== section) lines.push(h('h3', { className: 'seat-section' }, row.section));
      section = row.section;
      const seats = row.seats[0]?.position ? [...row.seats].sort((a, b) => a.position - b.position) : row.seats;
      // Seat numbers without row letters are cut into lines of a readable length.
      for (const line of row.name ? [seats] : chunk(seats, unnamedRowLength)) {
        lines.push(h('div', { className: 'seat-row', role: 'group', 'aria-label': row.name ? `${row.section ? `${row.section}, ` : ''}Row ${row.name}` : 'Seats' },
          h('span', { className: 'seat-row-label', 'aria-hidden': 'true' }, row.name),
          line.flatMap((seat, i) => (i > 0 && seat.position && line[i - 1].position && seat.position > line[i - 1].position + 1
            ? [h('span', { className: 'aisle', 'aria-hidden': 'true' }), this.#button(seat)]
            : [this.#button(seat)]))));
      }
    }
    const key = this.#categories.length === 0 ? [] : [h('ul', { className: 'legend categories', 'aria-label': 'Categories' },
      this.#categories.map((name, i) => {
        const price = [...this.#seats.values()].find((seat) => seat.category === name).price;
        return h('li', {}, h('span', { className: 'swatch category', dataset: { category: String(i % 6) }, 'aria-hidden': 'true' }),
          this.keyPrices ? `${name} · ${money(price)}` : name);
      }))];
    this.container.replaceChildren(...key, h('div', { className: 'stage', 'aria-hidden': 'true' }, 'STAGE'), ...lines);
    this.#roving(this.#current ?? seats[0]?.seatId);
  }

  /** Applies one change: {seatId, status, heldUntil}. Unknown seats are ignored until the next snapshot. */
  update(change) {
    const seat = this.#seats.get(change.seatId);
    if (!seat) return;
    seat.status = change.status;
    seat.heldUntil = change.heldUntil ?? null;
    this.#draw(seat);
  }

  /** The seats of the user's own hold, drawn as "your hold" while held (none: an empty list). */
  setMine(seatIds) {
    const before = this.#mine;
    this.#mine = new Set(seatIds);
    for (const id of new Set([...before, ...this.#mine])) if (this.#seats.has(id)) this.#draw(this.#seats.get(id));
  }

  /** The picked seats (pressed buttons); `current`, if given, is where Tab enters the map. */
  setSelected(seatIds, current = null) {
    const before = this.#selected;
    this.#selected = new Set(seatIds);
    for (const id of new Set([...before, ...this.#selected])) {
      this.#buttons.get(id)?.setAttribute('aria-pressed', String(this.#selected.has(id)));
    }
    if (current) {
      this.#current = current;
      this.#roving(current);
    }
  }

  /** Redraws every seat whose drawn state may have changed with time (holds running out). */
  refresh() {
    for (const seat of this.#seats.values()) this.#draw(seat);
  }

  #button(seat) {
    const button = h('button', {
      type: 'button',
      className: 'seat',
      tabIndex: -1,
      dataset: seat.category ? { seatId: seat.seatId, category: String(this.#categories.indexOf(seat.category) % 6) } : { seatId: seat.seatId },
      'aria-pressed': this.onSelect ? String(this.#selected.has(seat.seatId)) : null,
      disabled: !this.onSelect,
      onclick: () => this.onSelect?.(this.#seats.get(seat.seatId)),
    }, seat.seatNumber);
    this.#buttons.set(seat.seatId, button);
    this.#draw(seat, button);
    return button;
  }

  #draw(seat, button = this.#buttons.get(seat.seatId)) {
    if (!button) return;
    const state = this.state(seat);
    if (button.dataset.status !== state) button.dataset.status = state;
    const label = this.label(seat);
    if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
  }

  #roving(seatId) {
    for (const [id, button] of this.#buttons) button.tabIndex = id === seatId ? 0 : -1;
    if (seatId && !this.#buttons.has(seatId) && this.#buttons.size > 0) this.#buttons.values().next().value.tabIndex = 0;
  }

  #move(event) {
    const current = event.target.closest?.('.seat');
    if (!current) return;
    const rows = [...this.container.querySelectorAll('.seat-row')].map((row) => [...row.querySelectorAll('.seat')]);
    const r = rows.findIndex((row) => row.includes(current));
    const c = rows[r].indexOf(current);
    const targets = {
      ArrowLeft: rows[r][c - 1],
      ArrowRight: rows[r][c + 1],
      ArrowUp: rows[r - 1]?.[Math.min(c, rows[r - 1].length - 1)],
      ArrowDown: rows[r + 1]?.[Math.min(c, rows[r + 1].length - 1)],
      Home: rows[r][0],
      End: rows[r][rows[r].length - 1],
    };
    if (!(event.key in targets)) return;
    event.preventDefault();
    const target = targets[event.key];
    if (!target) return;
    this.#roving(target.dataset.seatId);
    target.focus();
  }
}

function chunk(items, size) {
  const chunks = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
