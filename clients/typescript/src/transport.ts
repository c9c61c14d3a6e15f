// One HTTP exchange with the engine over `fetch`: JSON in and out, the Idempotency-Key of a POST,
// the caller's AbortSignal, and a problem+json answer raised as a ReservationsError.
import { ReservationsError, type Problem } from './errors.js';
import type { Answer, Body, Method, PathOf, PathParams, Query } from './operations.js';

export interface ClientOptions {
  /** The engine's address, such as `https://reservations.example.com`; `''` (the default) is the page's own origin. */
  baseUrl?: string;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
}

export interface CallOptions {
  /** Cancels the request: the call then rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /**
   * POST only: the Idempotency-Key to send. By default each call sends a new random key; pass the
   * `idempotencyKey` of a failed call's ReservationsError to retry that call without doing it twice,
   * or null to send none.
   */
  idempotencyKey?: string | null;
}

export interface Parts<P extends PathOf<M>, M extends Method> {
  params?: PathParams<P, M>;
  query?: Query<P, M>;
  body?: Body<P, M>;
  headers: Record<string, string>;
}

/** 128 random bits as hex: works where `crypto.randomUUID` does not (pages served over plain HTTP). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fill(path: string, params: object | undefined): string {
  const values = (params ?? {}) as Record<string, string | number>;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
}

function search(query: object | undefined): string {
  const entries = Object.entries(query ?? {}).filter(([, value]) => value !== undefined && value !== null);
  const text = new URLSearchParams(entries.map(([name, value]) => [name, String(value)])).toString();
  return text ? `?${text}` : '';
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
  return body !== null && typeof body === 'object'
    ? (body as Problem)
    : { status: response.status, title: `The engine answered ${response.status} ${response.statusText}`.trim() + '.' };
}

function retryAfterOf(response: Response): number | null {
  const seconds = Number(response.headers.get('retry-after') ?? Number.NaN);
  return Number.isFinite(seconds) ? seconds : null;
}

export class Transport {
  private readonly baseUrl: string;
  private readonly fetcher: typeof fetch | undefined;

  constructor(options: ClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
    this.fetcher = options.fetch;
  }

  async send<M extends Method, P extends PathOf<M>>(
    method: M, path: P, parts: Parts<P, M>, options: CallOptions = {},
  ): Promise<Answer<P, M>> {
    const headers: Record<string, string> = { accept: 'application/json', ...parts.headers };
    const init: RequestInit = { method: method.toUpperCase(), headers };
    if (options.signal) init.signal = options.signal;
    if (parts.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(parts.body);
    }
    const idempotencyKey = method === 'post' ? (options.idempotencyKey === undefined ? newIdempotencyKey() : options.idempotencyKey) : null;
    if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;

    // A fetch called as a method of another object throws in browsers ("Illegal invocation").
    const fetcher = this.fetcher ?? fetch;
    let response: Response;
    try {
      response = await fetcher(`${this.baseUrl}${fill(path, parts.params)}${search(parts.query)}`, init);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ReservationsError(0, {
        error: 'network_error',
        detail: 'Could not reach the engine. Check the connection and try again.',
      }, null, idempotencyKey, error);
    }
    if (!response.ok) {
      throw new ReservationsError(response.status, await readProblem(response), retryAfterOf(response), idempotencyKey);
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as Answer<P, M>;
  }
}
