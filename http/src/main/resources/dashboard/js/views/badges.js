// The coloured labels for bot states and the swarm's trading state: one look for the same state everywhere.
import { h } from '../dom.js';

export function stateBadge(state, testid = null) {
  return h('span', { class: `badge badge-${state ?? 'UNKNOWN'}`, testid }, state ?? '—');
}

/** Updates a badge made by stateBadge in place (keeps the element, so a test or a hover holding it stays valid). */
export function setBadge(el, state) {
  const text = state ?? '—';
  if (el.textContent !== text) el.textContent = text;
  const cls = `badge badge-${state ?? 'UNKNOWN'}`;
  if (el.className !== cls) el.className = cls;
}

/** A thin horizontal gauge: how much of a limit is used (0..1, clipped), warning past 50 %, alarm past 80 %. */
export function gauge(testid = null) {
  const bar = h('div', { class: 'gauge-fill' });
  const el = h('div', { class: 'gauge', testid }, bar);
  el.set = (used) => {
    const f = Math.max(0, Math.min(1, Number.isFinite(used) ? used : 0));
    bar.style.width = `${(f * 100).toFixed(1)}%`;
    bar.className = `gauge-fill ${f >= 0.8 ? 'alarm' : f >= 0.5 ? 'warn' : ''}`;
  };
  return el;
}
