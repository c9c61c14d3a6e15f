// The server's clock as the page best knows it: the last serverTime the engine sent, plus the
// browser's monotonic time since it arrived. The browser's own wall clock may be off; this is not.

export class ServerClock {
  #serverMs = null;
  #receivedAt = 0;

  /** Records a serverTime (ISO 8601) just received from the engine. */
  sync(serverTime) {
    const ms = Date.parse(serverTime);
    if (Number.isNaN(ms)) return;
    this.#serverMs = ms;
    this.#receivedAt = performance.now();
  }

  /** The server's time now, in milliseconds since the epoch (the browser's clock until a sync). */
  now() {
    return this.#serverMs === null ? Date.now() : this.#serverMs + (performance.now() - this.#receivedAt);
  }

  /** Milliseconds left until an ISO 8601 instant of the server's, never below zero. */
  remaining(until) {
    return Math.max(0, Date.parse(until) - this.now());
  }
}
