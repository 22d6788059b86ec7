// Where the money is: the master's capital split (reserve, deployed, unallocated) and, per diamond, how much of
// its target share is funded and what it is worth now. From /api/swarm and /api/diamonds, live via the stream.
import { h, setText, throttle } from '../dom.js';
import { toNumber } from '../decimal.js';
import { money, money0, pct, signedMoney, tone } from '../format.js';

export function capitalPanel(store) {
  const figure = (label, testid, cls) => {
    const value = h('div', { class: 'cap-value mono', testid });
    return { value, el: h('div', { class: `cap-figure ${cls}` }, h('span', { class: 'cap-swatch' }),
      h('div', { class: 'cap-label' }, label), value) };
  };
  const total = figure('Total', 'capital-total', 'total');
  const reserve = figure('Reserve', 'capital-reserve', 'reserve');
  const deployed = figure('Deployed', 'capital-deployed', 'deployed');
  const unallocated = figure('Unallocated', 'capital-unallocated', 'unallocated');
  const segReserve = h('div', { class: 'seg seg-reserve' });
  const segDeployed = h('div', { class: 'seg seg-deployed' });
  const segUnallocated = h('div', { class: 'seg seg-unallocated' });
  const diamonds = h('div', { class: 'diamonds', testid: 'diamonds' });

  const el = h('section', { class: 'panel capital', testid: 'capital-panel' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Capital')),
    h('div', { class: 'cap-grid' }, total.el, reserve.el, deployed.el, unallocated.el),
    h('div', { class: 'stack', title: 'reserve · deployed · unallocated' }, segReserve, segDeployed, segUnallocated),
    h('div', { class: 'panel-head sub' }, h('h2', {}, 'Capital per diamond')),
    diamonds);

  const renderSwarm = () => {
    const c = store.swarm && store.swarm.capital;
    if (!c) return;
    setText(total.value, money0(c.total));
    setText(reserve.value, money0(c.reserve));
    setText(deployed.value, money0(c.deployed));
    setText(unallocated.value, money0(c.unallocated));
    const t = toNumber(c.total) || 1;
    segReserve.style.width = `${(toNumber(c.reserve) / t) * 100}%`;
    segDeployed.style.width = `${(toNumber(c.deployed) / t) * 100}%`;
    segUnallocated.style.width = `${(toNumber(c.unallocated) / t) * 100}%`;
    renderDiamonds();
  };

  const renderDiamonds = () => {
    const s = store.swarm;
    const list = [...store.diamonds.values()];
    if (!s || !s.capital || list.length === 0) return;
    // A diamond's target is its weight of what the reserve leaves; the longest target sets the scale.
    const investable = toNumber(s.capital.total) - toNumber(s.capital.reserve);
    const target = (d) => toNumber(d.weight) * investable;
    const scale = Math.max(1, ...list.map((d) => Math.max(target(d), toNumber(d.funding), toNumber(d.equity))));
    diamonds.replaceChildren(...list.map((d) => {
      const funded = toNumber(d.funding);
      const worth = toNumber(d.equity);
      return h('div', { class: 'diamond', testid: `diamond-${d.name}` },
        h('div', { class: 'diamond-head' },
          h('span', { class: 'diamond-name' }, d.name),
          h('span', { class: 'muted' }, `${pct(d.weight, 0)} · ${d.bots.total} bots`),
          h('span', { class: `mono ${tone(d.pnl)}` }, signedMoney(d.pnl))),
        h('div', { class: 'dbar', title: `target ${money0(target(d).toFixed(0))}` },
          h('div', { class: 'dbar-target', style: { width: `${(target(d) / scale) * 100}%` } }),
          h('div', { class: 'dbar-funded', style: { width: `${(funded / scale) * 100}%` } }),
          h('div', { class: 'dbar-equity', style: { left: `calc(${(worth / scale) * 100}% - 1px)` },
            hidden: worth <= 0 })),
        h('div', { class: 'diamond-foot muted' }, funded > 0
          ? `funded ${money0(d.funding)} · equity ${money(d.equity)}${d.pendingOps ? ` · ${d.pendingOps} pending` : ''}`
          : d.bots.total === 0 ? 'no bots: its share stays unallocated with the master' : 'not funded'));
    }));
  };

  const throttledSwarm = throttle(renderSwarm, 500);
  const throttledDiamonds = throttle(renderDiamonds, 500);
  store.addEventListener('swarm', throttledSwarm);
  store.addEventListener('diamonds', throttledDiamonds);
  renderSwarm();
  return {
    el,
    destroy() {
      throttledSwarm.cancel();
      throttledDiamonds.cancel();
      store.removeEventListener('swarm', throttledSwarm);
      store.removeEventListener('diamonds', throttledDiamonds);
    },
  };
}
