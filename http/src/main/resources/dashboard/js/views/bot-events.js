// A bot's journal, a page at a time from /api/bots/{id}/events, newest page first. Clicking an event takes the
// time-travel slider to it. Bars (MarketObserved) are most of any journal; they can be hidden to see the trading.
// An AMM bot's events carry token amounts in smallest units; given its tokens' decimals they read as whole tokens.
import { h, fill, setText } from '../dom.js';
import { marketTime, wallTime } from '../format.js';
import { eventMarketTime, eventSummary } from './journal.js';

const PAGE = 50;

/** A directional bot's events happen at market times; an AMM bot's at blocks (when the event names one). */
function when(item) {
  const t = eventMarketTime(item.type, item.event);
  if (t) return marketTime(t);
  return item.event && Number.isInteger(item.event.block) ? `block ${item.event.block}` : '—';
}

export function botEvents({ api, botId, toasts, onPick }) {
  let total = 0;
  let from = 1;
  let hideBars = false;
  let items = [];
  let decimals = {};
  let nativeSymbol = 'ETH';
  const body = h('tbody', { testid: 'bot-events' });
  const range = h('span', { class: 'muted mono', testid: 'bot-events-range' });
  const button = (label, testid, onclick) => h('button', { type: 'button', class: 'btn btn-tiny', testid, onclick }, label);
  const newest = button('Newest', 'events-newest', () => go(lastPageStart()));
  const newer = button('Newer ›', 'events-newer', () => go(from + PAGE));
  const older = button('‹ Older', 'events-older', () => go(Math.max(1, from - PAGE)));
  const oldest = button('Oldest', 'events-oldest', () => go(1));
  const bars = h('input', { type: 'checkbox', testid: 'events-hide-bars', onchange: (e) => {
    hideBars = e.target.checked;
    draw();
  } });

  const el = h('section', { class: 'panel history', testid: 'bot-history' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Event history'), range,
      h('label', { class: 'check' }, bars, 'Hide bars'),
      h('div', { class: 'pager' }, oldest, older, newer, newest)),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'grid compact events-table' },
        h('thead', {}, h('tr', {}, ['Seq', 'Event', 'Market time / block', 'Details', 'Persisted']
          .map((t, i) => h('th', { class: i === 0 ? 'num' : '' }, t)))),
        body)));

  const lastPageStart = () => Math.max(1, total - PAGE + 1);

  async function go(start) {
    try {
      const page = await api.get(`/api/bots/${encodeURIComponent(botId)}/events`, { from: start, limit: PAGE });
      from = start;
      items = page.items;
      draw();
    } catch (err) {
      toasts.error(err, 'Event history');
    }
  }

  function draw() {
    const shown = [...items].reverse().filter((i) => !hideBars || i.type !== 'MarketObserved');
    fill(body, shown.map((i) => h('tr', { class: `event-row type-${i.type}`, testid: `event-row-${i.seq}`,
      title: 'Show the state after this event', onclick: () => onPick(i.seq) },
    h('td', { class: 'num mono' }, i.seq),
    h('td', {}, h('span', { class: `etype etype-${i.type}` }, i.type)),
    h('td', { class: 'mono' }, when(i)),
    h('td', { class: 'details' }, eventSummary(i.type, i.event, decimals, nativeSymbol)),
    h('td', { class: 'mono muted' }, wallTime(i.persistedAtMs)))));
    const last = items.length ? items[items.length - 1].seq : from - 1;
    setText(range, items.length ? `${from}–${last} of ${total}` : `none of ${total}`);
    older.disabled = from <= 1;
    oldest.disabled = from <= 1;
    newer.disabled = last >= total;
    newest.disabled = last >= total;
  }

  return {
    el,
    /** The journal grew (or was first measured): follow it if the newest page is showing. */
    setTotal(n) {
      const following = items.length === 0 || from >= lastPageStart();
      total = n;
      if (following) go(lastPageStart());
      else draw();
    },
    /** The decimals of an AMM bot's tokens, by symbol, and its chain's native coin. */
    setDecimals(byToken, native = 'ETH') {
      decimals = byToken;
      nativeSymbol = native;
      draw();
    },
    destroy() {},
  };
}
