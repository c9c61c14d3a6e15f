// Bar charts drawn as SVG by hand: one bar per time bucket, the peak marked on the axis.
// The figure's text alternative states the total and the peak; the page also lists the totals.

const ns = 'http://www.w3.org/2000/svg';
const width = 320;
const height = 132;
const pad = { top: 10, right: 8, bottom: 22, left: 30 };

function svg(tag, attributes = {}, text = null) {
  const element = document.createElementNS(ns, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== null) element.textContent = text;
  return element;
}

const hour = (iso) => new Date(iso).toISOString().slice(11, 16);

/** points: [{start (ISO), value}]. Returns an <svg role="img"> whose label summarises it. */
export function barChart(title, points) {
  const total = points.reduce((sum, point) => sum + point.value, 0);
  const peak = points.reduce((best, point) => (point.value > (best?.value ?? -1) ? point : best), null);
  const max = Math.max(1, peak?.value ?? 0);
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const step = plotWidth / Math.max(1, points.length);

  const summary = peak && peak.value > 0
    ? `${title}: ${total} in all; peak ${peak.value} in the hour from ${hour(peak.start)} UTC.`
    : `${title}: none in this period.`;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary });
  chart.append(svg('title', {}, summary));
  chart.append(svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom }));
  chart.append(svg('text', { x: pad.left - 4, y: pad.top + 8, 'text-anchor': 'end' }, String(max)));
  chart.append(svg('text', { x: pad.left - 4, y: height - pad.bottom, 'text-anchor': 'end' }, '0'));
  points.forEach((point, i) => {
    const barHeight = (point.value / max) * plotHeight;
    chart.append(svg('rect', {
      class: 'bar',
      x: (pad.left + i * step + step * 0.15).toFixed(1),
      y: (height - pad.bottom - barHeight).toFixed(1),
      width: (step * 0.7).toFixed(1),
      height: barHeight.toFixed(1),
    }));
  });
  if (points.length > 0) {
    const last = points[points.length - 1];
    chart.append(svg('text', { x: pad.left, y: height - 6 }, hour(points[0].start)));
    chart.append(svg('text', { x: width - pad.right, y: height - 6, 'text-anchor': 'end' }, `${hour(last.start)} UTC`));
  }
  return chart;
}
