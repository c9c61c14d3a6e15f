// The client against a running engine: each flow of docs/clients/typescript.md, a typed problem,
// Idempotency-Key and AbortSignal.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { AdminClient, ReservationsError, TenantClient, type UserClient } from '../src/index.js';
import { startEngine, type Engine } from './engine.js';

let engine: Engine;
let admin: AdminClient;
let tenant: TenantClient;
let appId: string;
let seatIds: string[];

before(async () => {
  engine = await startEngine();
  admin = await AdminClient.logIn({ baseUrl: engine.baseUrl }, engine.admin);
  const app = await admin.createApp({ name: 'TypeScript client', domain: 'MOVIE', allowedDomains: [] });
  appId = app.appId;
  const seeded = await admin.seedData({
    appId,
    entityId: 'film-1',
    seats: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((seatNumber) => ({ seatNumber, price: 12.5 })),
  });
  seatIds = seeded.seats.map((seat) => seat.seatId);
  tenant = new TenantClient({ baseUrl: engine.baseUrl, appId, apiKey: app.apiKey });
});

after(() => engine?.stop());

const newEmail = () => `${randomUUID()}@example.com`;
const password = 'correct horse 42';

async function signedUp(): Promise<UserClient> {
  const { token } = await tenant.signUp({ email: newEmail(), password, name: 'Ann' });
  return tenant.asUser(token);
}

function refusal(status: number, code: string) {
  return (error: unknown) => {
    assert.ok(error instanceof ReservationsError, `expected a ReservationsError, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.equal(error.code, code);
    assert.equal(error.problem.error, code);
    assert.ok(error.message.length > 0);
    return true;
  };
}

test('the admin creates an app, whose key is shown once and which the list then holds', async () => {
  const apps = await admin.apps();
  const app = apps.find((candidate) => candidate.appId === appId);
  assert.ok(app);
  assert.equal(app.name, 'TypeScript client');
  assert.match(appId, /^APP-/);
  assert.equal('apiKey' in app, false);
  await assert.rejects(admin.app('APP-0000-0000-0000'), refusal(404, 'app_not_found'));
});

test('a user signs up, then logs in with the same password', async () => {
  const email = newEmail();
  const signup = await tenant.signUp({ email, password, name: 'Ann' });
  assert.ok(signup.userId);
  assert.ok(signup.token);
  const login = await tenant.logIn({ email, password });
  assert.ok(login.token);
  assert.ok(Date.parse(login.expiresAt) > Date.now());
  await assert.rejects(tenant.logIn({ email, password: 'not the password' }), refusal(401, 'invalid_credentials'));
});

test('a held seat is confirmed once: the same paymentId answers the same booking, another is refused', async () => {
  const user = await signedUp();
  const seatId = seatIds[0]!;
  const hold = await user.reserveSeat({ seatId });
  assert.equal(hold.seatId, seatId);
  const first = await user.confirmBooking({ reservationToken: hold.reservationToken, paymentId: 'PAY-1' });
  const again = await user.confirmBooking({ reservationToken: hold.reservationToken, paymentId: 'PAY-1' });
  assert.ok('bookingId' in first && 'bookingId' in again);
  assert.equal(again.bookingId, first.bookingId);
  assert.equal(first.seatId, seatId);
  await assert.rejects(
    user.confirmBooking({ reservationToken: hold.reservationToken, paymentId: 'PAY-2' }),
    refusal(409, 'token_used'));

  const mine = await user.myBookings();
  assert.deepEqual(mine.map((booking) => booking.bookingId), [first.bookingId]);
  const listed = await admin.bookings({ appId });
  assert.ok(listed.items.some((booking) => booking.bookingId === first.bookingId));
});

test('a seat another user holds is refused with a typed 409 seat_unavailable', async () => {
  const [ann, bob] = [await signedUp(), await signedUp()];
  const seatId = seatIds[1]!;
  await ann.reserveSeat({ seatId });
  await assert.rejects(bob.reserveSeat({ seatId }), refusal(409, 'seat_unavailable'));
  const listing = await tenant.seats('film-1');
  assert.equal(listing.seats.find((seat) => seat.seatId === seatId)?.status, 'held');
});

test('a group hold is all or none: a taken seat is named in unavailableSeatIds', async () => {
  const [ann, bob] = [await signedUp(), await signedUp()];
  const group = await ann.reserveSeats({ seatIds: [seatIds[2]!, seatIds[3]!] });
  assert.deepEqual(group.seatIds, [seatIds[2], seatIds[3]]);
  await assert.rejects(bob.reserveSeats({ seatIds: [seatIds[3]!, seatIds[4]!] }), (error: unknown) => {
    assert.ok(error instanceof ReservationsError);
    assert.equal(error.code, 'seats_unavailable');
    assert.deepEqual(error.problem.unavailableSeatIds, [seatIds[3]]);
    return true;
  });
  const confirmed = await ann.confirmBooking({ reservationToken: group.reservationToken, paymentId: 'PAY-G' });
  assert.ok('bookings' in confirmed);
  assert.equal(confirmed.bookings.length, 2);
});

test('a POST repeated with its Idempotency-Key gets the first answer instead of running again', async () => {
  const body = { email: newEmail(), password, name: 'Ann' };
  const first = await tenant.signUp(body, { idempotencyKey: 'signup-1' });
  const replayed = await tenant.signUp(body, { idempotencyKey: 'signup-1' });
  assert.equal(replayed.userId, first.userId);
  // By default each call sends a new key, which the refusal carries for a retry.
  await assert.rejects(tenant.signUp(body), (error: unknown) => {
    assert.ok(error instanceof ReservationsError);
    assert.equal(error.code, 'email_taken');
    assert.match(error.idempotencyKey ?? '', /^[0-9a-f]{32}$/);
    return true;
  });
});

test('an aborted call rejects with the AbortError and no ReservationsError', async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(tenant.seats('film-1', { signal: controller.signal }), { name: 'AbortError' });
});

test('wrong app credentials are refused with 401 invalid_app_credentials', async () => {
  const stranger = new TenantClient({ baseUrl: engine.baseUrl, appId, apiKey: 'sk_live_wrong' });
  await assert.rejects(stranger.entities(), refusal(401, 'invalid_app_credentials'));
});

test('an engine that cannot be reached is a ReservationsError of status 0, network_error', async () => {
  const nowhere = new TenantClient({ baseUrl: 'http://127.0.0.1:9', appId, apiKey: 'sk_live_x' });
  await assert.rejects(nowhere.entities(), refusal(0, 'network_error'));
});
