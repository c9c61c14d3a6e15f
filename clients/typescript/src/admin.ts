// The platform operator: an admin token from logIn on every call.
import type { Answer, Body, Query } from './operations.js';
import { Transport, type CallOptions, type ClientOptions } from './transport.js';

export interface AdminOptions extends ClientOptions {
  /** An admin token from `POST /admin/login` (it lasts 15 minutes). */
  token: string;
}

export class AdminClient {
  private readonly transport: Transport;

  constructor(private readonly options: AdminOptions) {
    this.transport = new Transport(options);
  }

  /** `POST /admin/login`: a client carrying the new admin token; 401 `invalid_credentials`, 429 `login_locked`. */
  static async logIn(
    options: ClientOptions, body: Body<'/admin/login', 'post'>, call: Omit<CallOptions, 'idempotencyKey'> = {},
  ): Promise<AdminClient> {
    const { token } = await new Transport(options).send('post', '/admin/login', { body, headers: {} }, { ...call, idempotencyKey: null });
    return new AdminClient({ ...options, token });
  }

  get token(): string {
    return this.options.token;
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.options.token}` };
  }

  /** `POST /admin/apps`: the new app with its `apiKey`, shown this once. */
  createApp(body: Body<'/admin/apps', 'post'>, options?: CallOptions): Promise<Answer<'/admin/apps', 'post'>> {
    return this.transport.send('post', '/admin/apps', { body, headers: this.headers() }, options);
  }

  /** `GET /admin/apps`: every app, without key values. */
  apps(options?: CallOptions): Promise<Answer<'/admin/apps', 'get'>> {
    return this.transport.send('get', '/admin/apps', { headers: this.headers() }, options);
  }

  /** `GET /admin/apps/{appId}`; 404 `app_not_found`. */
  app(appId: string, options?: CallOptions): Promise<Answer<'/admin/apps/{appId}', 'get'>> {
    return this.transport.send('get', '/admin/apps/{appId}', { params: { appId }, headers: this.headers() }, options);
  }

  /** `PATCH /admin/apps/{appId}`: renames, enables or disables an app, sets its origins, limits and confirmation mode. */
  updateApp(appId: string, body: Body<'/admin/apps/{appId}', 'patch'>, options?: CallOptions): Promise<Answer<'/admin/apps/{appId}', 'patch'>> {
    return this.transport.send('patch', '/admin/apps/{appId}', { params: { appId }, body, headers: this.headers() }, options);
  }

  /** `POST /admin/apps/{appId}/rotate-key`: a new original key (shown once); the old one is refused at once. */
  rotateKey(appId: string, options?: CallOptions): Promise<Answer<'/admin/apps/{appId}/rotate-key', 'post'>> {
    return this.transport.send('post', '/admin/apps/{appId}/rotate-key', { params: { appId }, headers: this.headers() }, options);
  }

  /** `POST /admin/apps/{appId}/rotate-publishable-key`: issues or replaces the browsers' key (shown once). */
  rotatePublishableKey(appId: string, options?: CallOptions): Promise<Answer<'/admin/apps/{appId}/rotate-publishable-key', 'post'>> {
    return this.transport.send('post', '/admin/apps/{appId}/rotate-publishable-key', { params: { appId }, headers: this.headers() }, options);
  }

  /** `POST /admin/apps/{appId}/rotate-secret-key`: issues or replaces the server's key (shown once). */
  rotateSecretKey(appId: string, options?: CallOptions): Promise<Answer<'/admin/apps/{appId}/rotate-secret-key', 'post'>> {
    return this.transport.send('post', '/admin/apps/{appId}/rotate-secret-key', { params: { appId }, headers: this.headers() }, options);
  }

  /** `POST /admin/seed-data`: adds seats to an entity; seat numbers it already has keep their ids and prices. */
  seedData(body: Body<'/admin/seed-data', 'post'>, options?: CallOptions): Promise<Answer<'/admin/seed-data', 'post'>> {
    return this.transport.send('post', '/admin/seed-data', { body, headers: this.headers() }, options);
  }

  /** `GET /admin/bookings`: bookings of every app, newest first, a page at a time (`nextCursor`). */
  bookings(query: Query<'/admin/bookings', 'get'> = {}, options?: CallOptions): Promise<Answer<'/admin/bookings', 'get'>> {
    return this.transport.send('get', '/admin/bookings', { query, headers: this.headers() }, options);
  }

  /** `GET /admin/usage`: each app's request and hold counts. */
  usage(options?: CallOptions): Promise<Answer<'/admin/usage', 'get'>> {
    return this.transport.send('get', '/admin/usage', { headers: this.headers() }, options);
  }

  /** `POST /admin/logout-all`: revokes every admin token, this one included. */
  logOutAll(options?: CallOptions): Promise<Answer<'/admin/logout-all', 'post'>> {
    return this.transport.send('post', '/admin/logout-all', { headers: this.headers() }, options);
  }
}
