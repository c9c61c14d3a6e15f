// Seats in words: "seat A1", "seats A1 and A2", "seats A1, A2 and A3".

export const stateWords = { available: 'available', held: 'held by someone else', booked: 'booked', mine: 'held by you' };

/** "A1", "A1 and A2", "A1, A2 and A3". */
export const listed = (items) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** "seat A1" or "seats A1 and A2" (capitalised when `start` is set). */
export function seatsNamed(seatNumbers, { start = false } = {}) {
  const word = seatNumbers.length === 1 ? 'seat' : 'seats';
  return `${start ? word[0].toUpperCase() + word.slice(1) : word} ${listed(seatNumbers)}`;
}

export const total = (seats) => seats.reduce((sum, seat) => sum + Number(seat.price), 0);
