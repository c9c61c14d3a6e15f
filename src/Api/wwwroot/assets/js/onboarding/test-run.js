// Step 9's test: with the new app's own credentials, the organiser logs in, holds the free test seat
// and confirms it, through the same tenant API any shop uses. Each call is shown as it happens.
import { request } from '../api.js';
import { h } from '../dom.js';

export async function runTest(log, { appId, apiKey, organiserEmail, organiserPassword, testEntityId }) {
  const tenant = { 'x-app-id': appId, 'x-api-key': apiKey };
  const step = async (text, action) => {
    const item = h('li', { dataset: { state: 'running' } }, `${text}…`);
    log.append(item);
    try {
      const result = await action();
      item.dataset.state = 'ok';
      item.textContent = `${text}: done${result ? ` (${result})` : ''}.`;
    } catch (error) {
      item.dataset.state = 'error';
      item.textContent = `${text}: failed: ${error.message}`;
      throw error;
    }
  };

  let userToken;
  await step('Logging in to your app as the organiser', async () => {
    userToken = (await request('/auth/login', { method: 'POST', headers: tenant, body: { email: organiserEmail, password: organiserPassword } })).token;
  });
  const user = { ...tenant, authorization: `Bearer ${userToken}` };
  let seat;
  await step(`Reading the seats of ${testEntityId}`, async () => {
    seat = (await request(`/seats?entityId=${encodeURIComponent(testEntityId)}`, { headers: tenant })).seats[0];
    return `${seat.seatNumber}, ${seat.status}`;
  });
  let hold;
  await step(`Holding seat ${seat.seatNumber}`, async () => {
    hold = await request('/reserve-seat', { method: 'POST', headers: user, body: { seatId: seat.seatId } });
    return `held until ${new Date(hold.expiresAt).toISOString().slice(11, 19)} UTC`;
  });
  await step('Confirming the test payment', async () => {
    const booking = await request('/confirm-booking', { method: 'POST', headers: user, body: { reservationToken: hold.reservationToken, paymentId: 'ONBOARDING-TEST' } });
    return `booking ${booking.bookingId}`;
  });
}
