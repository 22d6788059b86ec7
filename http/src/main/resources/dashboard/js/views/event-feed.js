// What just happened, newest first: fills, closed trades, AMM round trips, the swarm's risk state changing, bots
// changing state. The list lives in the store (bounded), so it survives moving between pages; the chips only hide
// kinds.
import { h, setText, throttle } from '../dom.js';
import { clockTime, marketTime, price, quantity, signedMoney, tokens, tone, wei } from '../format.js';
import { stateBadge } from './badges.js';

const KINDS = [
  { kind: 'fill', label: 'Fills' },
  { kind: 'trade', label: 'Trades' },
  { kind: 'round-trip', label: 'Round trips' },
  { kind: 'risk', label: 'Risk' },
  { kind: 'state', label: 'State' },
];

// the kind column is narrow
const SHORT_KIND = { 'round-trip': 'arb' };

const botLink = (id) => h('a', { href: `#/bots/${encodeURIComponent(id)}`, class: 'bot-link' }, id);

function describe(item) {
  switch (item.kind) {
    case 'fill': {
      const o = item.order;
      return [botLink(o.botId), ` ${o.action} ${quantity(o.quantity)} @ ${price(o.filledPrice)}`,
        h('span', { class: 'muted' }, ` ${o.reason} · ${o.instrument}`)];
    }
    case 'trade': {
      const t = item.trade;
      return [botLink(t.botId), ` closed `, h('span', { class: `mono ${tone(t.pnl)}` }, signedMoney(t.pnl)),
        h('span', { class: 'muted' }, ` ${t.exitReason} · ${t.side} ${quantity(t.quantity)} ${t.instrument}`)];
    }
    case 'round-trip': {
      const t = item.trip;
      return [botLink(t.botId), ` ${t.outcome} `, h('span', { class: `mono ${tone(t.profit)}` },
        tokens(t.profit, t.homeDecimals, t.homeToken, { plus: true })),
      h('span', { class: 'muted' }, ` · gas ${wei(t.gasWei)}`
        + (t.netUsd === null ? '' : ` · net ${signedMoney(t.netUsd)} USD`)
        + ` · ${t.buyDex} → ${t.sellDex ?? '—'}`)];
    }
    case 'risk':
      return ['Swarm ', stateBadge(item.from), ' → ', stateBadge(item.to),
        item.reason ? h('span', { class: 'muted' }, ` ${item.reason}`) : null];
    case 'state':
      return [botLink(item.botId), ' ', stateBadge(item.from), ' → ', stateBadge(item.to),
        item.reason ? h('span', { class: 'muted' }, ` ${item.reason}`) : null];
    default:
      return [item.kind];
  }
}

export function eventFeed(store) {
  const hidden = new Set();
  const list = h('ol', { class: 'feed', testid: 'event-feed' });
  const total = h('span', { class: 'muted' });
  const chips = KINDS.map(({ kind, label }) => h('button', { type: 'button', class: `chip chip-${kind} active`,
    'aria-pressed': 'true', testid: `feed-filter-${kind}`,
    onclick: (e) => {
      if (hidden.has(kind)) hidden.delete(kind);
      else hidden.add(kind);
      e.currentTarget.classList.toggle('active', !hidden.has(kind));
      e.currentTarget.setAttribute('aria-pressed', String(!hidden.has(kind)));
      render();
    } }, label));
  const empty = h('div', { class: 'table-empty' }, 'Waiting for fills, trades, round trips and state changes…');

  const el = h('section', { class: 'panel events', testid: 'event-feed-panel' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Live events'), total, h('div', { class: 'chips' }, chips)),
    h('div', { class: 'feed-scroll' }, list, empty));

  // Items are immutable once made: render only adds the new ones at the top and trims the bottom.
  const made = new Map();
  function render() {
    const items = store.feed.filter((i) => !hidden.has(i.kind));
    const keep = new Set(items.map((i) => i.key));
    for (const [key, li] of made) {
      if (!keep.has(key)) {
        li.remove();
        made.delete(key);
      }
    }
    items.forEach((item, index) => {
      let li = made.get(item.key);
      if (!li) {
        const text = h('span', { class: 'feed-text' }, describe(item));
        li = h('li', { class: `feed-item kind-${item.kind}`, testid: 'feed-item', dataset: { kind: item.kind } },
          h('span', { class: 'feed-time mono',
            title: `${marketTime(item.timeMs)} UTC (${item.wallClock ? 'when it settled' : 'market time'})` },
            clockTime(item.timeMs)),
          h('span', { class: `feed-kind kind-${item.kind}` }, SHORT_KIND[item.kind] ?? item.kind),
          text);
        li.title = text.textContent; // the whole line, when the panel is too narrow for it
        made.set(item.key, li);
      }
      if (list.children[index] !== li) list.insertBefore(li, list.children[index] ?? null);
    });
    empty.hidden = items.length > 0;
    setText(total, `${items.length}`);
  }

  const throttled = throttle(render, 250);
  store.addEventListener('feed', throttled);
  render();
  return {
    el,
    destroy() {
      throttled.cancel();
      store.removeEventListener('feed', throttled);
    },
  };
}
