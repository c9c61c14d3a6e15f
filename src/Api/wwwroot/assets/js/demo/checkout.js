// Selecting a seat, holding it, the countdown, paying and giving it back. One paymentId is made per
// hold, so however often Pay is clicked the engine sees the same payment and books once.
import { ApiError } from '../api.js';
import { byId, money, say } from '../dom.js';
import { formatRemaining, startCountdown } from '../countdown.js';
import { tenantApi } from './tenant-api.js';

const newPaymentId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `PAY-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
};

const stateWords = { available: 'available', held: 'held by someone else', booked: 'booked', mine: 'held by you' };

export function initCheckout({ clock, seats, onBooked }) {
  const message = byId('checkout-message');
  const holdButton = byId('hold');
  const payButton = byId('pay');
  let selected = null;
  let hold = null; // {seatId, seatNumber, price, reservationToken, expiresAt, paymentId}
  let stopCountdown = () => {};
  let paying = false;

  const describe = () => {
    if (!selected) return;
    const seat = seats.map.seat(selected);
    if (!seat) return;
    const text = `Seat ${seat.seatNumber} · ${money(seat.price)} · ${stateWords[seats.map.state(seat)]}`;
    if (byId('selection-text').textContent !== text) byId('selection-text').textContent = text;
  };

  const showHold = (on) => {
    byId('hold-panel').hidden = !on;
    byId('selection').hidden = on;
  };

  const endHold = () => {
    stopCountdown();
    hold = null;
    seats.map.setMine(null);
    showHold(false);
    holdButton.disabled = !selected;
    describe();
  };

  const unselect = () => {
    selected = null;
    seats.map.setSelected(null);
    holdButton.disabled = true;
    byId('selection-text').textContent = 'Select an available seat on the map.';
  };

  const lost = (seatNumber) => {
    endHold();
    say(message, `Your hold on seat ${seatNumber} ran out before payment, so the seat is free again. Hold it again to buy it.`, 'warn');
  };

  const select = (seat) => {
    if (hold) return;
    selected = seat.seatId;
    seats.map.setSelected(seat.seatId);
    holdButton.disabled = false;
    say(message, '');
    describe();
  };

  holdButton.addEventListener('click', async () => {
    const seat = selected && seats.map.seat(selected);
    if (!seat || hold || holdButton.disabled) return;
    holdButton.disabled = true;
    try {
      const answer = await tenantApi('/reserve-seat', { method: 'POST', user: true, body: { seatId: seat.seatId } });
      hold = { ...answer, seatNumber: seat.seatNumber, price: seat.price, paymentId: newPaymentId() };
      seats.map.setMine(seat.seatId);
      seats.map.update({ seatId: seat.seatId, status: 'held', heldUntil: answer.expiresAt });
      byId('hold-seat').textContent = seat.seatNumber;
      byId('pay-amount').textContent = money(seat.price);
      say(message, '');
      showHold(true);
      const countdown = byId('countdown');
      let announced = false;
      stopCountdown = startCountdown(answer.expiresAt, clock, {
        onTick: (left) => {
          countdown.textContent = formatRemaining(left);
          countdown.classList.toggle('low', left <= 30_000);
          if (left <= 30_000 && !announced) {
            announced = true;
            byId('countdown-note').textContent = 'Less than 30 seconds left to pay.';
          }
        },
        onEnd: () => lost(seat.seatNumber),
      });
      byId('countdown-note').textContent = 'Pay before the time runs out, or the seat goes back on sale.';
      byId('card-name').focus();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'seat_unavailable') {
        say(message, `Seat ${seat.seatNumber} was just taken by someone else. Pick another seat.`);
      } else {
        say(message, error.message);
      }
    } finally {
      holdButton.disabled = !selected || !!hold;
    }
  });

  byId('pay-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!hold || paying) return;
    const form = event.currentTarget;
    if (!form.elements.cardName.value.trim() || form.elements.cardNumber.value.replace(/\D/g, '').length < 12) {
      say(message, 'Enter the name on the card and a card number.');
      return;
    }
    paying = true;
    payButton.disabled = true;
    payButton.setAttribute('aria-busy', 'true');
    const current = hold;
    try {
      const booking = await tenantApi('/confirm-booking', {
        method: 'POST',
        user: true,
        body: { reservationToken: current.reservationToken, paymentId: current.paymentId },
      });
      endHold();
      unselect();
      seats.map.update({ seatId: booking.seatId, status: 'booked', heldUntil: null });
      say(message, `Booked: seat ${booking.seatNumber}, ${money(booking.price)}. Booking ${booking.bookingId}.`, 'info');
      onBooked();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reservation_expired') lost(current.seatNumber);
      else say(message, `${error.message} Your hold is kept: you can pay again.`);
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
      await tenantApi('/release-seat', { method: 'POST', user: true, body: { reservationToken: current.reservationToken } });
      endHold();
      seats.map.update({ seatId: current.seatId, status: 'available', heldUntil: null });
      say(message, `Seat ${current.seatNumber} is back on sale.`, 'info');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reservation_expired') lost(current.seatNumber);
      else say(message, error.message);
    } finally {
      button.disabled = false;
    }
  });

  return {
    describe,
    select,
    reset() {
      endHold();
      unselect();
    },
  };
}
