// The overview page: headline figures on top, the equity and drawdown curves beside the capital, and the bots
// beside the live events. Each part is its own view; this only lays them out and tears them down together.
import { h } from '../dom.js';
import { botTable } from './bot-table.js';
import { capitalPanel } from './capital.js';
import { equityPanel } from './equity.js';
import { eventFeed } from './event-feed.js';
import { kpiStrip } from './kpis.js';

export function overviewView(ctx) {
  const parts = [kpiStrip(ctx.store), equityPanel(ctx), capitalPanel(ctx.store), botTable(ctx), eventFeed(ctx.store)];
  const [kpis, equity, capital, bots, events] = parts;
  const el = h('div', { class: 'overview', testid: 'overview' },
    kpis.el,
    h('div', { class: 'row row-charts' }, equity.el, capital.el),
    h('div', { class: 'row row-bots' }, bots.el, events.el));
  return {
    el,
    destroy() {
      parts.forEach((p) => p.destroy());
    },
  };
}
