// A tenant's frontend or server: the app's id and key on every call (TenantClient), and a signed-in
// user's token on the user routes (UserClient).
import type { Answer, Body } from './operations.js';
import { Transport, type CallOptions, type ClientOptions } from './transport.js';

export interface TenantOptions extends ClientOptions {
  appId: string;
  /** Any of the app's keys: the publishable key (`pk_live_…`) in browsers, a secret key on servers. */
  apiKey: string;
}

export class TenantClient {
  protected readonly transport: Transport;

  constructor(protected readonly options: TenantOptions) {
    this.transport = new Transport(options);
  }

  protected headers(): Record<string, string> {
    return { 'x-app-id': this.options.appId, 'x-api-key': this.options.apiKey };
  }

  /** The same app, calling as the user whose token this is (from signUp or logIn). */
  asUser(token: string): UserClient {
    return new UserClient(this.options, token);
  }

  /** `POST /auth/signup`: 201 with the new user's id and token; 409 `email_taken`. */
  signUp(body: Body<'/auth/signup', 'post'>, options?: CallOptions): Promise<Answer<'/auth/signup', 'post'>> {
    return this.transport.send('post', '/auth/signup', { body, headers: this.headers() }, options);
  }

  /** `POST /auth/login`: a token; 401 `invalid_credentials`, 429 `login_locked`. */
  logIn(body: Body<'/auth/login', 'post'>, options?: CallOptions): Promise<Answer<'/auth/login', 'post'>> {
    return this.transport.send('post', '/auth/login', { body, headers: this.headers() }, options);
  }

  /** `GET /entities`: the app's entities in the order they were first seeded. */
  entities(options?: CallOptions): Promise<Answer<'/entities', 'get'>> {
    return this.transport.send('get', '/entities', { headers: this.headers() }, options);
  }

  /** `GET /seats?entityId=`: every seat of the entity with its status, in seat id order. */
  seats(entityId: string, options?: CallOptions): Promise<Answer<'/seats', 'get'>> {
    return this.transport.send('get', '/seats', { query: { entityId }, headers: this.headers() }, options);
  }
}

export class UserClient extends TenantClient {
  constructor(options: TenantOptions, readonly token: string) {
    super(options);
  }

  protected override headers(): Record<string, string> {
    return { ...super.headers(), authorization: `Bearer ${this.token}` };
  }

  /** `POST /reserve-seat`: holds one seat; 409 `seat_unavailable`, 409 `too_many_holds`, 404 `seat_not_found`. */
  reserveSeat(body: Body<'/reserve-seat', 'post'>, options?: CallOptions): Promise<Answer<'/reserve-seat', 'post'>> {
    return this.transport.send('post', '/reserve-seat', { body, headers: this.headers() }, options);
  }

  /** `POST /reserve-seats`: holds up to 10 seats of one entity together, all or none; 409 `seats_unavailable` names them. */
  reserveSeats(body: Body<'/reserve-seats', 'post'>, options?: CallOptions): Promise<Answer<'/reserve-seats', 'post'>> {
    return this.transport.send('post', '/reserve-seats', { body, headers: this.headers() }, options);
  }

  /**
   * `POST /reserve-best`: the engine chooses and holds the best `count` seats together (side by side leaving no lone
   * seat, else side by side, else in one section; closest to the entity's focal point); 409 `not_enough_seats`.
   */
  reserveBest(body: Body<'/reserve-best', 'post'>, options?: CallOptions): Promise<Answer<'/reserve-best', 'post'>> {
    return this.transport.send('post', '/reserve-best', { body, headers: this.headers() }, options);
  }

  /** `POST /extend-hold`: moves the hold's end later; 409 `extension_limit`, 409 `payment_in_progress`, 410 `reservation_expired`. */
  extendHold(body: Body<'/extend-hold', 'post'>, options?: CallOptions): Promise<Answer<'/extend-hold', 'post'>> {
    return this.transport.send('post', '/extend-hold', { body, headers: this.headers() }, options);
  }

  /** `POST /payment-started`: keeps the hold for the payment's grace; 410 `reservation_expired`. */
  paymentStarted(body: Body<'/payment-started', 'post'>, options?: CallOptions): Promise<Answer<'/payment-started', 'post'>> {
    return this.transport.send('post', '/payment-started', { body, headers: this.headers() }, options);
  }

  /** `POST /release-seat`: gives the held seat (or group) back; 410 `reservation_expired`. */
  releaseSeat(body: Body<'/release-seat', 'post'>, options?: CallOptions): Promise<Answer<'/release-seat', 'post'>> {
    return this.transport.send('post', '/release-seat', { body, headers: this.headers() }, options);
  }

  /**
   * `POST /confirm-booking`: books the held seat (a booking) or group (`{bookings}`). The same token and
   * paymentId again answer the same booking; 409 `token_used` for another paymentId, 410 `reservation_expired`.
   */
  confirmBooking(body: Body<'/confirm-booking', 'post'>, options?: CallOptions): Promise<Answer<'/confirm-booking', 'post'>> {
    return this.transport.send('post', '/confirm-booking', { body, headers: this.headers() }, options);
  }

  /** `GET /my-bookings`: the user's bookings, newest first. */
  myBookings(options?: CallOptions): Promise<Answer<'/my-bookings', 'get'>> {
    return this.transport.send('get', '/my-bookings', { headers: this.headers() }, options);
  }

  /** `POST /auth/change-password`: a new token; every earlier token of the account is revoked. */
  changePassword(body: Body<'/auth/change-password', 'post'>, options?: CallOptions): Promise<Answer<'/auth/change-password', 'post'>> {
    return this.transport.send('post', '/auth/change-password', { body, headers: this.headers() }, options);
  }

  /** `POST /auth/logout-all`: revokes every token of the account, this one included. */
  logOutAll(options?: CallOptions): Promise<Answer<'/auth/logout-all', 'post'>> {
    return this.transport.send('post', '/auth/logout-all', { headers: this.headers() }, options);
  }
}
