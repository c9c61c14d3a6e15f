// The user's bookings, newest first.
import { byId, dateTime, h, money } from '../dom.js';
import { asUser } from './tenant-api.js';

export async function showMyBookings() {
  const bookings = await asUser((user) => user.myBookings());
  byId('mine-empty').hidden = bookings.length > 0;
  byId('mine-table').hidden = bookings.length === 0;
  byId('mine-rows').replaceChildren(...bookings.map((booking) => h('tr', {},
    h('td', {}, booking.entityId),
    h('td', {}, booking.seatNumber),
    h('td', { className: 'num' }, money(booking.price)),
    h('td', {}, dateTime(booking.bookedAt)),
    h('td', {}, h('code', {}, booking.bookingId)))));
}
