// A countdown to a server instant: ticks while time is left, then calls onEnd once.

export const formatRemaining = (ms) => {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** Starts counting down to `until` (ISO) on `clock`; returns a function that stops it. */
export function startCountdown(until, clock, { onTick, onEnd }) {
  let timer = null;
  const tick = () => {
    const left = clock.remaining(until);
    onTick(left);
    if (left <= 0) {
      clearInterval(timer);
      onEnd();
    }
  };
  timer = setInterval(tick, 250);
  tick();
  return () => clearInterval(timer);
}
