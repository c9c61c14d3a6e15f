// The live seat feed: GET /seats/live as Server-Sent Events, read with fetch because EventSource
// cannot send the app's headers. Any end or failure reconnects with backoff; each connection
// starts with a snapshot, so nothing missed while away stays wrong.
import { EventStreamParser } from './sse.js';
import { ApiError } from './api.js';

const backoff = [500, 1000, 2000, 4000, 8000, 15000];

/**
 * Connects and keeps connecting until close(). Handlers: onSnapshot(snapshot), onSeat(change),
 * onState('connecting' | 'live' | 'waiting', error?). A 401 or 403 stops it: onState('refused', error).
 */
export function connectLiveSeats({ entityId, headers, onSnapshot, onSeat, onState }) {
  let controller = null;
  let closed = false;
  let failures = 0;
  let retry = null;

  const run = async () => {
    controller = new AbortController();
    onState('connecting');
    let error = null;
    try {
      const response = await fetch(`/seats/live?entityId=${encodeURIComponent(entityId)}`, {
        headers: { ...headers(), accept: 'text/event-stream' },
        signal: controller.signal,
        cache: 'no-store',
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new ApiError(response.status, problem.error ?? 'error', problem.detail ?? `The live feed answered ${response.status}.`);
      }
      const parser = new EventStreamParser((type, data) => {
        const message = JSON.parse(data);
        if (type === 'snapshot') {
          failures = 0;
          onState('live');
          onSnapshot(message);
        } else if (type === 'seat') {
          onSeat(message);
        }
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch (caught) {
      if (closed) return;
      error = caught;
    }
    if (closed) return;
    // Refused credentials, a disabled app or a refused origin do not mend by retrying.
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      onState('refused', error);
      return;
    }
    const delay = backoff[Math.min(failures, backoff.length - 1)];
    failures += 1;
    onState('waiting', error);
    retry = setTimeout(run, delay);
  };

  run();
  return {
    close() {
      closed = true;
      clearTimeout(retry);
      controller?.abort();
    },
  };
}
