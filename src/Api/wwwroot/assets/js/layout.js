// The seat-layout generator: rows × seats per row, a category and price per row, numbers like A1..A12,
// each seat with its row and position so the engine can choose best available seats.

/** Row letters: A..Z, then AA, AB, ... */
export function rowName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** [{seatNumber, price, row, position, category}] row by row: prices[i] and categories[i] are row i's ('' for none). */
export function generateLayout(rows, seatsPerRow, prices, categories = []) {
  const seats = [];
  for (let r = 0; r < rows; r++) {
    for (let s = 1; s <= seatsPerRow; s++) {
      seats.push({ seatNumber: `${rowName(r)}${s}`, price: prices[r], row: rowName(r), position: s, category: categories[r] || null });
    }
  }
  return seats;
}

/** The categories a layout names, each with its price; null when a category has two prices. */
export function layoutCategories(seats) {
  const prices = new Map();
  for (const seat of seats) {
    if (!seat.category) continue;
    if (prices.has(seat.category) && prices.get(seat.category) !== seat.price) return null;
    prices.set(seat.category, seat.price);
  }
  return [...prices].map(([name, price]) => ({ name, price }));
}
