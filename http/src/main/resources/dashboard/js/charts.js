// A small inline-SVG time-series chart: a line with an area, horizontal reference lines, shaded bands where the
// swarm was not trading normally, and a hover cursor. Drawn at the container's real pixel width (and redrawn when
// that changes) so text and strokes stay crisp instead of being stretched by a viewBox.
import { h, svg } from './dom.js';

const PAD = { left: 62, right: 12, top: 8, bottom: 20 };

export class TimeChart {
  /**
   * height: pixels; yFormat(n): tick labels; xAxis: whether to draw time labels; area: 'below' fills down to
   * the bottom (equity), 'above' fills up to the zero line (drawdown); onHover(index|null).
   */
  constructor({ height, yFormat, xFormat, xAxis = true, area = 'below', testid, onHover = () => {} }) {
    this.height = height;
    this.yFormat = yFormat;
    this.xFormat = xFormat;
    this.xAxis = xAxis;
    this.area = area;
    this.onHover = onHover;
    this.data = { points: [], bands: [], refLines: [], notes: [] };
    this.cursor = null;
    this.el = h('div', { class: 'chart', style: { height: `${height}px` }, testid });
    this.resize = new ResizeObserver(() => this.render());
    this.resize.observe(this.el);
  }

  /** points: [{t, v}] in time order; bands: [{from, to, kind}]; refLines: [{v, label, kind}]; domain: [lo, hi]. */
  update(data) {
    this.data = { bands: [], refLines: [], notes: [], ...data };
    this.render();
  }

  destroy() {
    this.resize.disconnect();
  }

  setCursor(index) {
    this.cursor = index;
    this.drawCursor();
  }

  render() {
    const width = Math.max(200, Math.floor(this.el.clientWidth));
    const { points } = this.data;
    const root = svg('svg', { width, height: this.height, class: 'chart-svg', role: 'img' });
    this.el.replaceChildren(root);
    if (points.length < 2) {
      root.append(svg('text', { x: width / 2, y: this.height / 2, class: 'chart-empty', 'text-anchor': 'middle' },
        'Waiting for bars…'));
      this.scale = null;
      return;
    }
    const plot = { x0: PAD.left, x1: width - PAD.right, y0: PAD.top, y1: this.height - PAD.bottom };
    const t0 = points[0].t;
    const t1 = points[points.length - 1].t;
    const [lo, hi] = this.data.domain ?? paddedDomain(points.map((p) => p.v));
    const x = (t) => plot.x0 + ((t - t0) / Math.max(1, t1 - t0)) * (plot.x1 - plot.x0);
    const y = (v) => plot.y1 - ((v - lo) / (hi - lo || 1)) * (plot.y1 - plot.y0);
    this.scale = { x, y, plot, t0, t1 };

    for (const band of this.data.bands) {
      const xa = x(band.from);
      root.append(svg('rect', { x: xa, y: plot.y0, width: Math.max(1, x(band.to) - xa), height: plot.y1 - plot.y0,
        class: `chart-band band-${band.kind}` }));
    }
    for (const tick of niceTicks(lo, hi, Math.max(2, Math.floor((plot.y1 - plot.y0) / 36)))) {
      const yy = Math.round(y(tick)) + 0.5;
      root.append(svg('line', { x1: plot.x0, x2: plot.x1, y1: yy, y2: yy, class: 'chart-grid' }));
      root.append(svg('text', { x: plot.x0 - 6, y: yy + 3.5, class: 'chart-label', 'text-anchor': 'end' },
        this.yFormat(tick)));
    }
    if (this.xAxis) this.drawTimeAxis(root, plot, x, t0, t1);

    const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join('');
    const base = this.area === 'above' ? y(Math.min(hi, Math.max(lo, 0))) : plot.y1;
    root.append(svg('path', { d: `${line}L${x(t1).toFixed(1)},${base}L${x(t0).toFixed(1)},${base}Z`,
      class: `chart-area area-${this.area}` }));
    root.append(svg('path', { d: line, class: `chart-line line-${this.area}` }));

    for (const ref of this.data.refLines) {
      const yy = Math.round(y(ref.v)) + 0.5;
      root.append(svg('line', { x1: plot.x0, x2: plot.x1, y1: yy, y2: yy, class: `chart-ref ref-${ref.kind}` }));
      root.append(svg('text', { x: plot.x1 - 4, y: yy - 4, class: `chart-ref-label ref-${ref.kind}`,
        'text-anchor': 'end' }, ref.label));
    }
    this.data.notes.forEach((note, i) => root.append(svg('text', { x: plot.x1 - 4, y: plot.y0 + 12 + i * 13,
      class: 'chart-note', 'text-anchor': 'end' }, note)));

    this.cursorLayer = svg('g', { class: 'chart-cursor' });
    root.append(this.cursorLayer);
    const hit = svg('rect', { x: plot.x0, y: plot.y0, width: plot.x1 - plot.x0, height: plot.y1 - plot.y0,
      class: 'chart-hit' });
    hit.addEventListener('mousemove', (e) => this.onHover(this.indexAt(e.offsetX)));
    hit.addEventListener('mouseleave', () => this.onHover(null));
    root.append(hit);
    this.drawCursor();
  }

  drawTimeAxis(root, plot, x, t0, t1) {
    const count = Math.max(2, Math.floor((plot.x1 - plot.x0) / 140));
    for (let i = 0; i <= count; i++) {
      const t = t0 + ((t1 - t0) * i) / count;
      const anchor = i === 0 ? 'start' : i === count ? 'end' : 'middle';
      root.append(svg('text', { x: x(t), y: plot.y1 + 14, class: 'chart-label', 'text-anchor': anchor },
        this.xFormat(t)));
    }
  }

  indexAt(offsetX) {
    const { points } = this.data;
    if (!this.scale || points.length === 0) return null;
    const { plot, t0, t1 } = this.scale;
    const t = t0 + ((offsetX - plot.x0) / (plot.x1 - plot.x0)) * (t1 - t0);
    let lo = 0;
    let hi = points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid].t < t) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && t - points[lo - 1].t < points[lo].t - t ? lo - 1 : lo;
  }

  drawCursor() {
    if (!this.cursorLayer || !this.scale) return;
    this.cursorLayer.replaceChildren();
    const p = this.cursor === null ? null : this.data.points[this.cursor];
    if (!p) return;
    const { x, y, plot } = this.scale;
    const xx = Math.round(x(p.t)) + 0.5;
    this.cursorLayer.append(svg('line', { x1: xx, x2: xx, y1: plot.y0, y2: plot.y1, class: 'chart-cursor-line' }),
      svg('circle', { cx: xx, cy: y(p.v), r: 3, class: 'chart-cursor-dot' }));
  }
}

/** The values' range with a margin, never empty (a flat line sits mid-chart rather than on an edge). */
export function paddedDomain(values, minSpan = 0) {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const span = Math.max(hi - lo, minSpan, Math.abs(hi) * 1e-5, 1e-9);
  const mid = (lo + hi) / 2;
  if (hi - lo < span) {
    lo = mid - span / 2;
    hi = mid + span / 2;
  }
  return [lo - span * 0.08, hi + span * 0.08];
}

/** Round tick values (1, 2, 2.5 or 5 times a power of ten) inside [lo, hi]. */
export function niceTicks(lo, hi, count) {
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

/** Consecutive points not ACTIVE as shaded spans: when the breaker or the kill switch held the swarm. */
export function stateBands(points) {
  const bands = [];
  let open = null;
  points.forEach((p, i) => {
    const next = points[i + 1];
    if (p.state && p.state !== 'ACTIVE') {
      if (!open || open.kind !== p.state) {
        open = { from: p.t, to: next ? next.t : p.t, kind: p.state };
        bands.push(open);
      } else {
        open.to = next ? next.t : p.t;
      }
    } else {
      open = null;
    }
  });
  return bands;
}
