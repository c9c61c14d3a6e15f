// The engine answers every failure as problem+json with a stable `error` code (docs/api.md, Errors);
// the client raises it as a ReservationsError that carries that code.
import type { components } from './schema.js';

/**
 * The engine's error codes as the OpenAPI document lists them (docs/api.md says when each is
 * answered), `network_error` for a request that got no answer, and any other string, so that a code
 * added by a newer engine still type-checks.
 */
export type ErrorCode = NonNullable<components['schemas']['ProblemDetails']['error']> | 'network_error' | (string & {});

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
