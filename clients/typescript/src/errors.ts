// The engine answers every failure as problem+json with a stable `error` code (docs/api.md, Errors);
// the client raises it as a ReservationsError that carries that code.

/**
 * The engine's error codes (docs/api.md lists when each is answered), plus `network_error` for a
 * request that got no answer. Any other string is allowed, so a code added by a newer engine still
 * type-checks.
 */
export type ErrorCode =
  | 'invalid_app_credentials' | 'app_disabled' | 'origin_not_allowed' | 'invalid_token' | 'forbidden'
  | 'secret_key_required' | 'signed_notification_required' | 'invalid_signature' | 'stale_timestamp'
  | 'invalid_credentials' | 'email_taken' | 'seat_not_found' | 'seat_unavailable' | 'seats_unavailable'
  | 'too_many_seats' | 'extension_limit' | 'payment_in_progress' | 'group_incomplete' | 'not_holder'
  | 'reservation_expired' | 'token_used' | 'app_not_found' | 'too_many_entities' | 'webhook_not_found'
  | 'delivery_not_found' | 'too_many_webhooks' | 'not_found' | 'method_not_allowed' | 'validation_failed'
  | 'malformed_json' | 'payload_too_large' | 'unsupported_media_type' | 'invalid_idempotency_key'
  | 'idempotency_key_reused' | 'idempotency_in_progress' | 'too_many_requests' | 'login_locked'
  | 'too_many_holds' | 'engine_busy' | 'internal_error' | 'network_error'
  | (string & {});

/** An RFC 9457 problem as the engine sends it, with the members some codes add. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  error?: string;
  /** `seats_unavailable`: the seats that were held or booked. */
  unavailableSeatIds?: string[];
  /** `seat_not_found` from `POST /reserve-seats`: the seats the app does not have. */
  unknownSeatIds?: string[];
  /** `group_incomplete`: the seats whose holds ended before they were booked. */
  lostSeatIds?: string[];
  [member: string]: unknown;
}

export class ReservationsError extends Error {
  /** The HTTP status, or 0 when no answer came (the engine was not reached). */
  readonly status: number;
  /** The problem's `error` code. */
  readonly code: ErrorCode;
  /** The whole problem body, for members beyond `detail` and `error`. */
  readonly problem: Problem;
  /** Seconds to wait before trying again, when the engine said (429, 503, `idempotency_in_progress`). */
  readonly retryAfter: number | null;
  /** The Idempotency-Key the request carried: send it again with the same call to retry it safely. */
  readonly idempotencyKey: string | null;

  constructor(status: number, problem: Problem, retryAfter: number | null, idempotencyKey: string | null, cause?: unknown) {
    super(problem.detail ?? problem.title ?? `The engine answered ${status}.`, cause === undefined ? undefined : { cause });
    this.name = 'ReservationsError';
    this.status = status;
    this.code = problem.error ?? 'error';
    this.problem = problem;
    this.retryAfter = retryAfter;
    this.idempotencyKey = idempotencyKey;
  }
}
