export { TenantClient, UserClient, type TenantOptions } from './tenant.js';
export { AdminClient, type AdminOptions } from './admin.js';
export { ReservationsError, type ErrorCode, type Problem } from './errors.js';
export { newIdempotencyKey, type CallOptions, type ClientOptions } from './transport.js';
export type { Answer, Body, Query } from './operations.js';
export type { components, paths } from './schema.js';
