// The seat-layout generator: rows × seats per row, a price per row, numbers like A1..A12.

/** Row letters: A..Z, then AA, AB, ... */
export function rowName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** [{seatNumber, price}] row by row: prices[i] is row i's price. */
export function generateLayout(rows, seatsPerRow, prices) {
  const seats = [];
  for (let r = 0; r < rows; r++) {
    for (let s = 1; s <= seatsPerRow; s++) seats.push({ seatNumber: `${rowName(r)}${s}`, price: prices[r] });
  }
  return seats;
}
