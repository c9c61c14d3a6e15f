// "Extend hold": POST /extend-hold moves the hold's end. The engine says how many extensions are
// left, or refuses one (extension_limit, payment_in_progress) with a detail shown beside the button,
// which then stays disabled.
import { ReservationsError } from '../client/index.js';
import { byId } from '../dom.js';
import { asUser } from './tenant-api.js';

export function initExtension({ onExtended, onLost, onError }) {
  const button = byId('extend');
  const note = byId('extend-note');
  let hold = null;

  const stop = (reason) => {
    button.disabled = true;
    note.textContent = reason;
  };

  button.addEventListener('click', async () => {
    if (!hold || button.disabled) return;
    const current = hold;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const answer = await asUser((user) => user.extendHold({ reservationToken: current.reservationToken }));
      if (hold !== current) return;
      onExtended(answer.expiresAt);
      const left = answer.extensionsLeft;
      if (left > 0) {
        button.disabled = false;
        note.textContent = `Hold extended. ${left} more ${left === 1 ? 'extension' : 'extensions'} allowed.`;
      } else {
        stop('Hold extended. No more extensions: this hold has had as many as allowed.');
      }
    } catch (error) {
      if (hold !== current) return;
      const code = error instanceof ReservationsError ? error.code : null;
      if (code === 'extension_limit' || code === 'payment_in_progress') stop(error.message);
      else if (code === 'reservation_expired') onLost();
      else {
        button.disabled = false;
        onError(error.message);
      }
    } finally {
      button.removeAttribute('aria-busy');
    }
  });

  return {
    start(newHold) {
      hold = newHold;
      button.disabled = false;
      note.textContent = '';
    },
    /** Payment has started: the engine keeps the hold for it and extends it no more. */
    paying() {
      stop('Payment has started: the hold is kept for the payment and is not extended.');
    },
    reset() {
      hold = null;
      button.disabled = true;
      note.textContent = '';
    },
  };
}
