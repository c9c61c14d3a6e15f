// Holding the selected seats together (POST /reserve-seats, one token for the group), or the best N
// seats the engine chooses (POST /reserve-best, a group token too), one countdown
// for them, extending it, paying and giving them back. Paying tells the engine the payment started
// (the hold then lasts the payment's grace), then confirms with one paymentId made per hold, so
// however often Pay is clicked the engine sees one payment and books each seat once.
import { ReservationsError } from '../client/index.js';
import { byId, h, money, say } from '../dom.js';
import { formatRemaining, startCountdown } from '../countdown.js';
import { initExtension } from './extension.js';
import { initSelection } from './selection.js';
import { seatsNamed, total } from './seat-words.js';
import { asUser } from './tenant-api.js';

const newPaymentId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `PAY-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
};

const numbers = (seats) => seats.map((seat) => seat.seatNumber);
const codeOf = (error) => (error instanceof ReservationsError ? error.code : null);

export function initCheckout({ clock, seats, onBooked }) {
  const { map } = seats;
  const message = byId('checkout-message');
  const bookedList = byId('booked-list');
  const payButton = byId('pay');
  const tell = (text, kind) => {
    bookedList.hidden = true;
    say(message, text, kind);
  };
  const selection = initSelection({ map, tell });
  let hold = null; // {reservationToken, seats: [{seatId, seatNumber, price}], paymentId, paymentStarted}
  let stopCountdown = () => {};
  let paying = false;

  const showHold = (on) => {
    byId('hold-panel').hidden = !on;
    byId('selection').hidden = on;
  };

  const endHold = () => {
    stopCountdown();
    stopCountdown = () => {};
    hold = null;
    map.setMine([]);
    extension.reset();
    showHold(false);
    selection.lock(false);
  };

  const lost = (held) => {
    endHold();
    const one = held.length === 1;
    tell(`Your hold on ${seatsNamed(numbers(held))} ran out before payment, so ${one ? 'the seat is' : 'the seats are'} free again. `
      + `Hold ${one ? 'it' : 'them'} again to buy ${one ? 'it' : 'them'}.`, 'warn');
  };

  // One countdown for the whole group, to the end the engine gave last; the map's seats follow it.
  const countTo = (expiresAt) => {
    stopCountdown();
    const current = hold;
    for (const seat of current.seats) map.update({ seatId: seat.seatId, status: 'held', heldUntil: expiresAt });
    const countdown = byId('countdown');
    let warned = false;
    stopCountdown = startCountdown(expiresAt, clock, {
      onTick: (left) => {
        countdown.textContent = formatRemaining(left);
        countdown.classList.toggle('low', left <= 30_000);
        if (left <= 30_000 && !warned) {
          warned = true;
          byId('countdown-note').textContent = 'Less than 30 seconds left to pay.';
        }
      },
      onEnd: () => lost(current.seats),
    });
  };

  const extension = initExtension({
    onExtended: (expiresAt) => {
      countTo(expiresAt);
      byId('countdown-note').textContent = 'Pay before the time runs out, or the seats go back on sale.';
    },
    onLost: () => lost(hold.seats),
    onError: (text) => tell(text),
  });

  const showHeld = (held) => {
    const one = held.length === 1;
    byId('hold-text').textContent = one ? `Seat ${held[0].seatNumber} is held for you.` : `These ${held.length} seats are held for you, together:`;
    byId('hold-list').replaceChildren(...held.map((seat) => h('li', {}, `Seat ${seat.seatNumber} · ${money(seat.price)}`)));
    byId('hold-total').textContent = money(total(held));
    byId('pay-amount').textContent = money(total(held));
    byId('release').textContent = one ? 'Give the seat back' : 'Give the seats back';
  };

  const taken = (seatIds, asked) => {
    const names = seatIds.map((id) => map.seat(id)?.seatNumber ?? id);
    if (names.length === 0) return 'Some of these seats were just taken by someone else, so none is held. Change your selection and try again.';
    if (asked === 1) return `Seat ${names[0]} was just taken by someone else. Pick another seat.`;
    return `${seatsNamed(names, { start: true })} ${names.length === 1 ? 'was' : 'were'} just taken by someone else, `
      + 'so none of your seats is held. Change your selection and try again.';
  };

  const held = (answer, heldSeats) => {
    hold = {
      reservationToken: answer.reservationToken,
      seats: heldSeats.map(({ seatId, seatNumber, price }) => ({ seatId, seatNumber, price })),
      paymentId: newPaymentId(),
      paymentStarted: false,
    };
    map.setMine(answer.seatIds);
    showHeld(hold.seats);
    tell('');
    showHold(true);
    countTo(answer.expiresAt);
    extension.start(hold);
    byId('countdown-note').textContent = 'Pay before the time runs out, or the seats go back on sale.';
    byId('card-name').focus();
  };

  const bestForm = byId('best-form');
  const categorySelect = byId('best-category');
  const fillCategories = () => {
    const names = map.categories;
    if ([...categorySelect.options].slice(1).map((o) => o.value).join('\u0000') === names.join('\u0000')) return;
    const chosen = categorySelect.value;
    categorySelect.replaceChildren(h('option', { value: '' }, 'Any'), ...names.map((name) => h('option', { value: name }, name)));
    categorySelect.value = names.includes(chosen) ? chosen : '';
  };

  bestForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (hold || selection.locked || !seats.entityId) return;
    const count = Math.min(10, Math.max(1, Number.parseInt(bestForm.elements.count.value, 10) || 1));
    const category = categorySelect.value || undefined;
    selection.lock(true);
    try {
      const answer = await asUser((user) => user.reserveBest({ entityId: seats.entityId, count, category }));
      selection.clear();
      held(answer, answer.seats);
    } catch (error) {
      tell(codeOf(error) === 'not_enough_seats'
        ? `There are not ${count} seats${category ? ` in ${category}` : ''} together any more. Try fewer seats or another category.`
        : error.message);
    } finally {
      selection.lock(!!hold);
    }
  });

  byId('hold').addEventListener('click', async () => {
    const picked = selection.seats();
    if (picked.length === 0 || hold || selection.locked) return;
    selection.lock(true);
    try {
      const answer = await asUser((user) => user.reserveSeats({ seatIds: picked.map((seat) => seat.seatId) }));
      held(answer, picked);
    } catch (error) {
      tell(codeOf(error) === 'seats_unavailable' ? taken(error.problem.unavailableSeatIds ?? [], picked.length) : error.message);
    } finally {
      selection.lock(!!hold);
    }
  });

  const booked = (bookings) => {
    endHold();
    selection.clear();
    for (const booking of bookings) map.update({ seatId: booking.seatId, status: 'booked', heldUntil: null });
    say(message, `Booked: ${seatsNamed(numbers(bookings))} (${money(total(bookings))} in total).`, 'info');
    bookedList.replaceChildren(...bookings.map((booking) =>
      h('li', {}, `Seat ${booking.seatNumber} · ${money(booking.price)} · booking `, h('code', {}, booking.bookingId))));
    bookedList.hidden = false;
    onBooked();
  };

  const incomplete = (current, lostSeatIds) => {
    endHold();
    const names = current.seats.filter((seat) => lostSeatIds.includes(seat.seatId)).map((seat) => seat.seatNumber);
    tell(`Only part of your hold was booked: the hold on ${seatsNamed(names)} ended first. My bookings lists what was booked.`);
    onBooked();
  };

  byId('pay-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!hold || paying) return;
    const form = event.currentTarget;
    if (!form.elements.cardName.value.trim() || form.elements.cardNumber.value.replace(/\D/g, '').length < 12) {
      tell('Enter the name on the card and a card number.');
      return;
    }
    paying = true;
    payButton.disabled = true;
    payButton.setAttribute('aria-busy', 'true');
    const current = hold;
    const body = { reservationToken: current.reservationToken };
    try {
      if (!current.paymentStarted) {
        const started = await asUser((user) => user.paymentStarted(body));
        if (hold !== current) return; // the countdown ran out meanwhile
        current.paymentStarted = true;
        extension.paying();
        countTo(started.expiresAt);
        byId('countdown-note').textContent = 'Payment in progress: your seats are kept for it until the time runs out.';
      }
      const answer = await asUser((user) => user.confirmBooking({ ...body, paymentId: current.paymentId }));
      booked(answer.bookings);
    } catch (error) {
      if (hold !== current) return;
      const code = codeOf(error);
      if (code === 'reservation_expired') lost(current.seats);
      else if (code === 'group_incomplete') incomplete(current, error.problem.lostSeatIds ?? []);
      else tell(`${error.message} Your hold is kept: you can pay again.`);
    } finally {
      paying = false;
      payButton.disabled = false;
      payButton.removeAttribute('aria-busy');
    }
  });

  byId('release').addEventListener('click', async (event) => {
    if (!hold) return;
    const button = event.currentTarget;
    button.disabled = true;
    const current = hold;
    try {
      const answer = await asUser((user) => user.releaseSeat({ reservationToken: current.reservationToken }));
      endHold();
      for (const seatId of answer.seatIds) map.update({ seatId, status: 'available', heldUntil: null });
      const one = current.seats.length === 1;
      tell(`${seatsNamed(numbers(current.seats), { start: true })} ${one ? 'is' : 'are'} back on sale.`, 'info');
    } catch (error) {
      if (codeOf(error) === 'reservation_expired') lost(current.seats);
      else tell(error.message);
    } finally {
      button.disabled = false;
    }
  });

  selection.draw();
  return {
    describe: () => {
      selection.draw();
      fillCategories();
    },
    select(seat) {
      if (hold) tell('Pay for your hold or give it back before choosing other seats.', 'info');
      else selection.toggle(seat);
    },
    reset() {
      endHold();
      selection.clear();
    },
  };
}
