// The swarm's equity curve and its drawdown under it, from /api/swarm/equity (one point per committed bar time,
// downsampled by the server). The stream says when the swarm moved; the history is re-read at most every few
// seconds, which is plenty for a curve and keeps a fast replay from turning into a request storm.
import { h, setText, throttle } from '../dom.js';
import { toNumber } from '../decimal.js';
import { TimeChart, paddedDomain, stateBands } from '../charts.js';
import { money, pct, shortTime, marketTime } from '../format.js';

const REFRESH_MS = 1500;

export function equityPanel({ api, store, toasts }) {
  const readout = h('span', { class: 'readout mono', testid: 'equity-readout' });
  let points = [];
  const hover = (i) => {
    equity.setCursor(i);
    drawdown.setCursor(i);
    showReadout(i);
  };
  const equity = new TimeChart({ height: 150, xAxis: false, area: 'below', testid: 'equity-chart',
    yFormat: (n) => Math.round(n).toLocaleString('en-US'), onHover: hover });
  const drawdown = new TimeChart({ height: 96, xAxis: true, area: 'above', testid: 'drawdown-chart',
    yFormat: (n) => `${n === 0 ? '0' : n.toFixed(Math.abs(n) < 0.1 ? 3 : Math.abs(n) < 1 ? 2 : 1)} %`,
    xFormat: (t) => shortTime(t), onHover: hover });

  const el = h('section', { class: 'panel charts', testid: 'equity-panel' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Equity'), readout),
    equity.el,
    h('div', { class: 'panel-head sub' }, h('h2', {}, 'Drawdown from peak')),
    drawdown.el);

  function showReadout(i) {
    const p = i === null ? points[points.length - 1] : points[i];
    if (!p) {
      setText(readout, '');
      return;
    }
    setText(readout, `${marketTime(p.timeMs)} · ${money(p.equity)} · dd ${pct(p.drawdown, 3)}${p.state !== 'ACTIVE' ? ` · ${p.state}` : ''}`);
  }

  function draw() {
    const s = store.swarm;
    const eq = points.map((p) => ({ t: p.timeMs, v: toNumber(p.equity), state: p.state }));
    const bands = stateBands(eq);
    const refLines = [];
    let domain;
    if (s && s.capital && eq.length > 1) {
      const start = toNumber(s.capital.total);
      domain = paddedDomain([...eq.map((p) => p.v), start]);
      refLines.push({ v: start, label: 'capital', kind: 'base' });
    }
    equity.update({ points: eq, bands, refLines, domain });

    const dd = points.map((p) => ({ t: p.timeMs, v: -toNumber(p.drawdown) * 100 }));
    const deepest = Math.min(0, ...dd.map((p) => p.v));
    const limit = s && s.limits ? toNumber(s.limits.maxDrawdown) * 100 : null;
    const notes = [];
    const ddRefs = [];
    let lo = Math.min(deepest * 1.15, -0.01);
    // The limit is drawn when it fits without flattening the curve; otherwise it is named in a corner.
    if (limit !== null) {
      if (limit <= -lo * 4) {
        lo = Math.min(lo, -limit * 1.1);
        ddRefs.push({ v: -limit, label: `limit −${limit.toFixed(1)} %`, kind: 'limit' });
      } else {
        notes.push(`limit −${limit.toFixed(1)} % (off scale)`);
      }
    }
    drawdown.update({ points: dd, bands, refLines: ddRefs, notes, domain: [lo, 0] });
    showReadout(null);
  }

  let inFlight = false;
  async function load() {
    if (inFlight) return;
    inFlight = true;
    try {
      const width = Math.max(200, equity.el.clientWidth || 800);
      const answer = await api.get('/api/swarm/equity', { limit: Math.min(10_000, Math.round(width)) });
      points = answer.points;
      draw();
    } catch (err) {
      if (err.status !== 401) toasts.error(err, 'Equity history');
    } finally {
      inFlight = false;
    }
  }

  const refresh = throttle(load, REFRESH_MS);
  store.addEventListener('swarm', refresh);
  load();
  return {
    el,
    destroy() {
      refresh.cancel();
      store.removeEventListener('swarm', refresh);
      equity.destroy();
      drawdown.destroy();
    },
  };
}
